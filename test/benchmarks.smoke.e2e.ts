import { spawnSync } from 'node:child_process';
import { TEST_DATABASE_URL } from '@ccb/event-store/testing/test-databases';

/**
 * Each `npm run bench*` runs to its end: at tiny sizes here, so a change that breaks one (an endpoint that
 * starts to need a token, a setting it does not pass) fails the tests instead of the next person's benchmark.
 * The figures at these sizes mean nothing and are not looked at; benchmarks report, tests assert behaviour.
 */
const bench = (file: string, ...args: string[]) =>
  spawnSync(process.execPath, ['-r', './test/support/ts-hook.js', `bench/${file}`, ...args], {
    cwd: `${__dirname}/..`,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: TEST_DATABASE_URL },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('the benchmarks, at tiny sizes', () => {
  it('bench:store measures our appends and $all reads beside the peer', () => {
    const run = bench('store.bench.ts', '--appends', '60', '--all-events', '1000', '--emmett-read-seconds', '2');
    expect([run.status, run.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toContain('ours/emmett');
  }, 150_000);

  it('bench:commands sends commands over HTTP beside the store alone and splits their time by stage', () => {
    const run = bench('commands.bench.ts', '--commands', '40', '--partnerships', '8');
    expect([run.status, run.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toMatch(/HTTP, 8 partnerships +\| 16 +\| [\d,]+/);
    expect(run.stdout).toContain('Share of each command');
  }, 150_000);

  it('bench:load reads eight endpoints while commands are written, on both databases', () => {
    const run = bench('load.bench.ts', '--readers', '4', '--rate', '5', '--seconds', '1');
    expect([run.status, run.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toMatch(/embedded +\| all reads, \d+ users +\| \d+/);
    expect(run.stdout).toMatch(/postgresql +\| all reads, \d+ users +\| \d+/);
  }, 150_000);

  it('bench:projections rebuilds, reads every endpoint with a token, and measures projection lag', () => {
    const run = bench('projections.bench.ts', '--partnerships', '12', '--events', '1500', '--samples', '2', '--rate', '20', '--seconds', '1', '--fresh');
    expect([run.status, run.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toContain('Read endpoints over HTTP');
    expect(run.stdout).toMatch(/portfolio +\| \d+/);
  }, 150_000);

  it('bench:replay replays, diffs and verifies a long partnership', () => {
    const run = bench('replay.bench.ts', '--events', '200', '--runs', '2');
    expect([run.status, run.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toContain('GET diff?…&eventsLimit=10000 (HTTP; every event listed)');
    expect(run.stdout).toContain('verify from the first event, in process (read + re-hash)');
    expect(run.stdout).toContain('GET verify (HTTP): rows below the last verified link unchanged, by fingerprint');
  }, 150_000);

  it('bench:iati generates a file and imports it twice', () => {
    const run = bench('iati-import.bench.ts', '--activities', '40');
    expect([run.status, run.stderr.slice(-600)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toMatch(/same file again \(every activity unchanged\) +\| 40 +\| 0 +\| 40/);
  }, 150_000);
});
