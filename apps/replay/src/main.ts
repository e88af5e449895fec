import { readFileSync } from 'node:fs';
import { fromJsonLines, verifyChain, type ChainVerification, type RecordedEvent } from '@ccb/event-store';
import { partnershipDecider } from '@ccb/domain';
import { figuresOf, organisationsAsOf, RateTable, ratesAsOf, replayStep, emptyReplay, within, type ReplayPoint, type ReplayState } from '@ccb/read-models';
import { formatMoney } from '@ccb/read-models';
import { loadSettings, openDatabase, openEventStore, ProgressBar } from '@ccb/runtime';

/**
 * `npm run replay -- --partnership ID [--as-of DATE | --revision N] [--verify] [--json]`: the partnership as it
 * stood then, replayed from its events with the product's own folds, straight from the event store
 * (DATABASE_URL / DATA_DIR / EVENTSTORE_CONNECTION_STRING as for the API; with the embedded database,
 * stop the API first). `--file history.jsonl` replays and verifies an export offline instead.
 */
const USAGE =
  'usage: npm run replay -- --partnership ID [--as-of DATE | --revision N] [--verify] [--json]\n       npm run replay -- --file partnership-ID.jsonl [--as-of DATE | --revision N] [--verify] [--json]\n';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

function pointFrom(argv: string[]): ReplayPoint {
  const asOf = flag(argv, 'as-of');
  const revision = flag(argv, 'revision');
  if (asOf !== undefined && revision !== undefined) throw new UsageError('give --as-of or --revision, not both');
  if (revision !== undefined) {
    if (!/^\d+$/.test(revision)) throw new UsageError('--revision takes a whole number');
    return { revision: Number(revision) };
  }
  if (asOf !== undefined) {
    if (Number.isNaN(Date.parse(asOf))) throw new UsageError('--as-of takes an ISO 8601 date or instant, e.g. 2026-03-31');
    return { at: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : new Date(asOf).toISOString() };
  }
  return { head: true };
}

class UsageError extends Error {}

function summary(replay: ReplayState, figures: ReturnType<typeof figuresOf>, events: number, verification: ChainVerification | null): string {
  const v = replay.view;
  if (!v) return `No partnership at that point (revision ${replay.revision}).\n`;
  const lines = [
    `${v.title} (${v.partnershipId}), ${v.beneficiaryCountry}`,
    `as of revision ${replay.revision} of ${events - 1}, recorded ${replay.recordedAt}`,
    `phase: ${v.phase}${v.suspended ? ' (suspended)' : ''}${v.closure ? `, closed: ${v.closure.outcome}` : ''}`,
    `parties: ${v.parties.map((p) => `${p.organisationId} (${p.role})`).join(', ')}`,
  ];
  const money = new Map<string, number>();
  for (const f of v.flows) if (!f.voided) money.set(`${f.kind} ${f.currency}`, (money.get(`${f.kind} ${f.currency}`) ?? 0) + f.amountMinor);
  for (const [key, amount] of [...money].sort()) lines.push(`  ${key.split(' ')[0].padEnd(13)} ${formatMoney(amount, key.split(' ')[1])}`);
  const counts = (status: string) => v.milestones.filter((m) => m.status === status).length;
  lines.push(`milestones: ${v.milestones.length} (${counts('confirmed')} confirmed, ${counts('disputed')} disputed, ${counts('achieved')} awaiting confirmation)`);
  lines.push(`activities: ${v.activities.length}; needs stated: ${replay.dossier.needs.length}; evaluations: ${v.evaluations.length}`);
  const lo = figures.localOwnership;
  if (lo) lines.push(`local-ownership index: ${lo.index ?? 'n/a'} (coverage ${Math.round(lo.coverage * 100)}%)`);
  if (verification) {
    lines.push(
      verification.ok
        ? `hash chain: intact, ${verification.eventsChecked} events, head ${verification.headHash}`
        : `hash chain: BROKEN at revision ${verification.firstBroken!.revision} (event ${verification.firstBroken!.eventId}, ${verification.firstBroken!.type}): ${verification.firstBroken!.reason}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const partnershipId = flag(argv, 'partnership');
  const file = flag(argv, 'file');
  if ((partnershipId === undefined) === (file === undefined)) throw new UsageError('name one --partnership or one --file');
  const point = pointFrom(argv);

  let events: RecordedEvent[];
  let readStream: (streamId: string) => Promise<readonly RecordedEvent[]> = async () => [];
  // From a file, the partnership's own events are all there is: its flows convert only at the rates recorded with them.
  let rates = async (_until: string | null) => RateTable.EMPTY;
  let close = async () => {};
  if (file !== undefined) {
    events = fromJsonLines(readFileSync(file, 'utf8'));
  } else {
    const settings = loadSettings();
    const database = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
    const store = await openEventStore(database, { eventStoreConnectionString: settings.EVENTSTORE_CONNECTION_STRING });
    rates = (until) => ratesAsOf(store, until);
    close = async () => {
      await store.close();
      await database.close();
    };
    readStream = async (streamId) => (await store.readStream(streamId)).events;
    events = [...(await readStream(partnershipDecider.streamId(partnershipId ?? '')))];
  }
  try {
    if (events.length === 0) {
      process.stderr.write(`no partnership ${partnershipId ?? file}\n`);
      return 1;
    }
    const bar = new ProgressBar('replaying', events.length);
    let replay = emptyReplay;
    for (const event of events) {
      if (!within(point, event)) break;
      replay = replayStep(replay, event);
      if (replay.revision % 500 === 0) bar.update(replay.revision + 1);
    }
    bar.finish(replay.revision + 1);
    // At the head, the other streams as they stand now (as the API's replay and the live read models read them).
    const until = replay.revision >= events.length - 1 ? null : replay.recordedAt;
    const figures = figuresOf(replay, await organisationsAsOf(readStream, replay.view?.parties.map((p) => p.organisationId) ?? [], until), await rates(until));
    const verification = argv.includes('--verify') ? verifyChain(events[0].streamId, events) : null;
    if (argv.includes('--json')) {
      process.stdout.write(
        `${JSON.stringify({ asOf: { revision: replay.revision, recordedAt: replay.recordedAt }, partnership: replay.view, dossier: replay.dossier, ...figures, verification }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(summary(replay, figures, events.length, verification));
    }
    return verification && !verification.ok ? 3 : 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof UsageError ? `${error.message}\n${USAGE}` : `replay failed: ${(error as Error).message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
