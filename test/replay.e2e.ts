import request from 'supertest';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Database } from '@ccb/runtime';
import { fromJsonLines, verifyChain } from '@ccb/event-store';
import { placeholdersOf, renderSentence, SENTENCE_TEMPLATES, type Sentence } from '@ccb/read-models';
import { DATABASE } from '../apps/api/src/database/database.module';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';
import { post } from './support/http';
import { accessFixture, headersOf, ORG_OF } from './support/access-fixture';

describe.each(BACKENDS)("the evaluator's replay on %s", (backend) => {
  let t: TestApp;
  const P = `p-rep-${randomBytes(4).toString('hex')}`;
  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/partnerships/${P}${path}`).set(headersOf('evaluator'));
  let commitRevision = 0;
  let beforeMoney = '';

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, `${P}-other`, 'CONFIDENTIAL gap analysis');
    const ok = async (org: string, path: string, body: object) => {
      const res = await post(t.app, `/partnerships/${P}${path}`, org, body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { revision: number };
    };
    beforeMoney = new Date().toISOString();
    // The next events must be recorded strictly after this instant: wait for the clock to move on.
    while (new Date().toISOString() <= beforeMoney) await new Promise((resolve) => setImmediate(resolve));
    commitRevision = (
      await ok(ORG_OF.donor, '/commitments', { flowId: 'c-1', receiverId: ORG_OF.implementer, amount: { amountMinor: 5_000_000, currency: 'EUR' }, date: '2026-02-01' })
    ).revision;
    await ok(ORG_OF.donor, '/disbursements', { flowId: 'd-1', receiverId: ORG_OF.implementer, amount: { amountMinor: 2_000_000, currency: 'EUR' }, date: '2026-02-02' });
    await ok(ORG_OF.implementer, '/milestones', { milestoneId: 'm-1', title: 'SOC runbook adopted', dueDate: '2026-05-01' });
    await ok(ORG_OF.implementer, '/milestones/m-1/achievement', { achievedOn: '2026-04-20', evidence: [{ description: 'minutes' }] });
    await ok(ORG_OF.beneficiary, '/milestones/m-1/dispute', { reason: 'runbook not translated' });
  });
  afterAll(() => t?.close());

  /** Edits one disbursement's amount in the store, behind the application's back, for the length of `check`. */
  const tampered = async (check: (victim: { id: string; revision: number }) => Promise<void>) => {
    const database = t.app.get<Database>(DATABASE);
    const exported = fromJsonLines((await get('/export').expect(200)).text);
    const victim = exported.find((e) => e.type === 'FundsDisbursed')!;
    await database.pool.query(`UPDATE es_events SET data = jsonb_set(data, '{amount,amountMinor}', '200') WHERE event_id = $1`, [victim.id]);
    try {
      await check(victim);
    } finally {
      await database.pool.query(`UPDATE es_events SET data = $2::jsonb WHERE event_id = $1`, [victim.id, JSON.stringify(victim.data)]);
    }
  };

  it('lists the history in order, paged and filtered by type and party', async () => {
    const all = (await get('/history?limit=1000').expect(200)).body;
    expect(all.items.map((e: { revision: number }) => e.revision)).toEqual([...Array(all.total).keys()]);
    expect(all.items[0]).toMatchObject({
      type: 'PartnershipProposed',
      organisation: ORG_OF.beneficiary,
      actor: `user-of-${ORG_OF.beneficiary}`,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const page = (await get('/history?limit=2&offset=1').expect(200)).body;
    expect(page.items.map((e: { revision: number }) => e.revision)).toEqual([1, 2]);
    const disputes = (await get('/history?type=MilestoneDisputed').expect(200)).body;
    // Sentences name organisations by their registered names and milestones by their titles, never by id.
    expect(disputes.items).toEqual([
      expect.objectContaining({ type: 'MilestoneDisputed', summary: `Milestone "SOC runbook adopted" disputed by Organisation ${ORG_OF.beneficiary}` }),
    ]);
    const byDonor = (await get(`/history?organisationId=${ORG_OF.donor}`).expect(200)).body.items as { organisation: string }[];
    expect(byDonor.length).toBeGreaterThan(0);
    expect(byDonor.every((e) => e.organisation === ORG_OF.donor)).toBe(true);
  });

  it('replays to a revision or a date with the same figures the read models give now', async () => {
    const before = (await get(`/as-of?revision=${commitRevision - 1}`).expect(200)).body;
    expect(before.asOf.revision).toBe(commitRevision - 1);
    expect(before.partnership.flows).toEqual([]);
    expect(before.dossier.needs[0].description).toBe('CONFIDENTIAL gap analysis');
    const byDate = (await get(`/as-of?at=${encodeURIComponent(beforeMoney)}`).expect(200)).body;
    expect(byDate.asOf.revision).toBe(commitRevision - 1);

    const now = (await get('/as-of').expect(200)).body;
    expect(now.partnership.phase).toBe('delivery');
    expect(now.partnership.milestones).toEqual([expect.objectContaining({ milestoneId: 'm-1', status: 'disputed' })]);
    expect(now.localOwnership.openDisputes).toBe(1);
    // The read model, fed by the projection, agrees with the replay.
    const rm = await request(t.app.getHttpServer())
      .get(`/api/local-ownership/partnerships?organisationId=${ORG_OF.donor}`)
      .set({ ...headersOf('donor'), 'X-Min-Position': '0:0' });
    const row = (rm.body.items as { partnershipId: string; metrics: { index: number | null } }[]).find((i) => i.partnershipId === P);
    if (row) expect(row.metrics.index).toBe(now.localOwnership.index);
    const donorFunding = (now.funding as { organisation_id: string; committed: number; disbursed: number }[]).find((f) => f.organisation_id === ORG_OF.donor);
    expect(donorFunding).toMatchObject({ committed: 5_000_000, disbursed: 2_000_000 });

    const bad = await get('/as-of?revision=2&at=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('at');
  });

  it('says what changed between two points, and since a revision the client saw', async () => {
    const diff = (await get(`/diff?fromRevision=${commitRevision - 1}`).expect(200)).body;
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/50,000\.00 .*committed/),
        expect.stringMatching(/20,000\.00 .*disbursed/),
        'Milestone "SOC runbook adopted" planned (due 2026-05-01) and now disputed',
      ]),
    );
    expect(diff.events.map((e: { type: string }) => e.type)).toEqual(['FundingCommitted', 'FundsDisbursed', 'MilestonePlanned', 'MilestoneAchieved', 'MilestoneDisputed']);
    expect(diff.events[0].summary).toMatch(new RegExp(`^Organisation ${ORG_OF.donor} committed .* to Organisation ${ORG_OF.implementer}$`));
    expect(diff.reversed).toBe(false);
    // Given later first, the same comparison comes back earlier to later, and says the points were reversed.
    const reversed = (await get(`/diff?fromRevision=${commitRevision + 4}&toRevision=${commitRevision - 1}`).expect(200)).body;
    expect(reversed.reversed).toBe(true);
    expect(reversed.from.revision).toBe(commitRevision - 1);
    expect(reversed.changes).toEqual(diff.changes);
    const since = (await get(`/changes?sinceRevision=${commitRevision + 3}`).expect(200)).body;
    expect(since.events.map((e: { type: string }) => e.type)).toEqual(['MilestoneDisputed']);
    // The dispute is the beneficiary's first answer: validation has data, the fifth component, so the index is shown.
    expect(since.changes).toEqual(['Milestone "SOC runbook adopted" went from achieved to disputed', 'Local-ownership index first computed to 75']);
    // The same sentences as keys and typed values, for a reader in another language: the English is rendered from them.
    expect(since.changeSentences).toEqual([
      {
        key: 'changedMilestoneStatus',
        values: { title: { kind: 'text', text: 'SOC runbook adopted' }, from: { kind: 'code', code: 'achieved' }, to: { kind: 'code', code: 'disputed' } },
      },
      { key: 'changedOwnershipFirst', values: { to: { kind: 'number', value: 75 } } },
    ]);
    expect(since.events[0].sentence.key).toBe('milestoneDisputed');

    // The events in between are listed up to eventsLimit, earliest first; eventsTotal counts them all, and the net changes cover them all.
    const firstTwo = (await get(`/diff?fromRevision=${commitRevision - 1}&eventsLimit=2`).expect(200)).body;
    expect(firstTwo.eventsTotal).toBe(5);
    expect(firstTwo.events.map((e: { type: string }) => e.type)).toEqual(['FundingCommitted', 'FundsDisbursed']);
    expect(firstTwo.changes).toEqual(diff.changes);
    expect(diff.eventsTotal).toBe(diff.events.length);
    const refused = (await get('/diff?eventsLimit=-1').expect(400)).body;
    expect(refused.errors[0]).toMatchObject({ field: 'eventsLimit', constraint: 'min' });
  });

  it('gives every event of the history as a sentence with exactly the values its template names, rendering to its summary', async () => {
    const history = (await get('/history?limit=500').expect(200)).body as { items: { type: string; summary: string; sentence: Sentence }[] };
    expect(history.items.length).toBeGreaterThan(5);
    for (const item of history.items) {
      const named = [...new Set(placeholdersOf(SENTENCE_TEMPLATES[item.sentence.key]))].sort();
      expect({ type: item.type, values: Object.keys(item.sentence.values).sort(), english: renderSentence(item.sentence) }).toEqual({
        type: item.type,
        values: named,
        english: item.summary,
      });
    }
  });

  it('exports the history with its chain, which verifies offline, and a direct edit in the database is named', async () => {
    const jsonl = await get('/export').expect(200);
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const exported = fromJsonLines(jsonl.text);
    expect(verifyChain(`partnership-${P}`, exported)).toMatchObject({ ok: true, eventsChecked: exported.length, firstBroken: null });
    const csv = await get('/export?format=csv').expect(200);
    expect(csv.text.split('\r\n')[0]).toBe(
      'revision,event_id,type,schema_version,recorded_at,actor,organisation,reason,correlation_id,causation_id,previous_hash,hash,data,metadata',
    );
    expect(csv.text.trim().split('\r\n')).toHaveLength(exported.length + 1);

    expect((await get('/verify').expect(200)).body).toMatchObject({ ok: true, firstBroken: null });

    // Someone with database access changes an amount behind the application's back.
    await tampered(async (victim) => {
      const verdict = (await get('/verify').expect(200)).body;
      expect(verdict).toMatchObject({
        ok: false,
        eventsChecked: victim.revision,
        firstBroken: { revision: victim.revision, eventId: victim.id, type: 'FundsDisbursed', reason: 'hash-mismatch' },
      });
    });
    expect((await get('/verify').expect(200)).body).toMatchObject({ ok: true, firstBroken: null });

    // Verified once, a longer stream is verified from the last link known to hold, over the rows as stored:
    // the new event counts, and an edit below the kept prefix is still named.
    const before = (await get('/verify').expect(200)).body as { eventsChecked: number; headHash: string };
    expect((await post(t.app, `/partnerships/${P}/milestones`, ORG_OF.implementer, { milestoneId: 'm-2', title: 'Playbook translated', dueDate: '2026-06-01' })).status).toBe(201);
    const after = (await get('/verify').expect(200)).body as { ok: boolean; eventsChecked: number; headHash: string };
    expect(after).toMatchObject({ ok: true, eventsChecked: before.eventsChecked + 1 });
    expect(after.headHash).toBe(fromJsonLines((await get('/export').expect(200)).text).at(-1)?.metadata.hash);
    await tampered(async (victim) => {
      expect((await get('/verify').expect(200)).body).toMatchObject({
        ok: false,
        eventsChecked: victim.revision,
        firstBroken: { revision: victim.revision, reason: 'hash-mismatch' },
      });
    });
    expect((await get('/verify').expect(200)).body).toMatchObject({ ok: true, eventsChecked: after.eventsChecked });
  });

  it('replays and verifies from the command line, straight from the event store', async () => {
    if (!t.databaseUrl) return; // the in-memory embedded database belongs to this process alone
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', './test/support/ts-hook.js', 'apps/replay/src/main.ts', ...args], {
        cwd: `${__dirname}/..`,
        env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: t.databaseUrl! },
        encoding: 'utf8',
      });
    const early = run('--partnership', P, '--revision', String(commitRevision - 1));
    expect(early.status).toBe(0);
    expect(early.stdout).toContain(`as of revision ${commitRevision - 1}`);
    expect(early.stdout).not.toContain('commitment');
    expect(run('--partnership', P, '--verify').status).toBe(0);
    await tampered(async () => {
      const verified = run('--partnership', P, '--verify');
      // One event edited directly: the CLI names it and exits 3.
      expect(verified.status).toBe(3);
      expect(verified.stdout).toMatch(/hash chain: BROKEN at revision \d+ .*FundsDisbursed.*hash-mismatch/);
      expect(verified.stdout).toMatch(/commitment +EUR 50,000\.00|commitment +€50,000\.00|commitment +50,000\.00/);
    });
  });

  it('answers a non-party with 404, as for a partnership that does not exist', async () => {
    for (const path of ['/history', '/as-of', '/diff', '/export', '/verify']) {
      const res = await request(t.app.getHttpServer()).get(`/api/partnerships/${P}${path}`).set(headersOf('otherEvaluator'));
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'partnership.not-found' });
    }
  });
});
