/**
 * A progress line on stderr: bar, count, rate and ETA, redrawn in place on a terminal and printed
 * every few seconds otherwise (CI logs), so long runs show they are alive either way.
 */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private total: number | null,
    private readonly unit = 'events',
  ) {}

  update(done: number, total: number | null = this.total): void {
    this.total = total;
    const now = Date.now();
    if (now - this.lastDraw < (this.tty ? 100 : 5000)) return;
    this.lastDraw = now;
    this.draw(done, false);
  }

  finish(done: number): void {
    this.draw(done, true);
  }

  private draw(done: number, final: boolean): void {
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = done / seconds;
    const width = 30;
    const fraction = this.total ? Math.min(1, done / this.total) : null;
    const bar = fraction === null ? '' : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${(fraction * 100).toFixed(1).padStart(5)}% `;
    const of = this.total ? `/${this.total.toLocaleString('en')}` : '';
    const eta = fraction !== null && rate > 0 && !final ? ` ETA ${Math.ceil((this.total! - done) / rate)}s` : '';
    const line = `${this.label} ${bar}${done.toLocaleString('en')}${of} ${this.unit}  ${Math.round(rate).toLocaleString('en')} ${this.unit}/s  ${seconds.toFixed(1)}s${eta}`;
    if (this.tty) process.stderr.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  }
}
