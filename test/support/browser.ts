import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');

/** Debian's chromium, never a browser a test tool downloads; CHROMIUM_PATH points elsewhere if needed. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium at ${candidates.join(', ')}: apt-get install chromium (.ci/run does this)`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A fresh production build of the dashboard, so the test checks the sources as they are now. */
export function buildDashboard(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ccb-dashboard-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/dashboard/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    // Jest sets NODE_ENV=test, which would give Vite React's development build: test what is shipped.
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production', DASHBOARD_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  return outDir;
}

/** Screenshots of each main view, written for review by every run. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export function screenshotPath(name: string): string {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
