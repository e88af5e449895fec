import request from 'supertest';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventStore } from '@ccb/event-store';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { ADMIN_ORG, actor, post, streamOf } from './support/http';
import { accessFixture, ORG_OF } from './support/access-fixture';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

/**
 * An event the folds cannot read, already in the log (written by an older version, or behind the
 * store's back): the read models park it and keep up, and the party's records still answer.
 */
describe.each(BACKENDS)('an unfoldable event already in the log, on %s', (backend) => {
  let t: TestApp;
  const P = `p-poison-${randomBytes(4).toString('hex')}`;
  const OTHER = `${P}-other`;
  let poisonId = '';

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, OTHER);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const revision = (await streamOf(t.app, `partnership-${P}`)).length - 1;
    poisonId = randomUUID();
    await store.appendToStream(
      `partnership-${P}`,
      [
        {
          id: poisonId,
          type: 'ExpenditureRecorded',
          schemaVersion: 1,
          // No supplier: what the API accepted before nested objects were required.
          data: {
            flowId: 'x-legacy',
            spenderId: ORG_OF.implementer,
            amount: { amountMinor: 10_000, currency: 'EUR' },
            date: '2026-03-03',
            category: 'venue',
            spentInCountry: 'GH',
            exchangeRate: null,
          },
          metadata: { actor: 'user-legacy', organisation: ORG_OF.implementer, correlationId: randomUUID(), causationId: null, recordedAt: new Date().toISOString() },
        },
      ],
      { expectedRevision: revision },
    );
  });
  afterAll(() => t?.close());

  it('is parked and named, while every other write is read back at once', async () => {
    const write = await post(t.app, `/partnerships/${OTHER}/risks`, ORG_OF.otherImplementer, { riskId: 'r-after', kind: 'risk', description: 'turnover', severity: 'low' });
    expect(write.status).toBe(201);
    const read = await request(t.app.getHttpServer())
      .get(`/api/partnerships/${OTHER}`)
      .set({ ...actor(ORG_OF.otherImplementer), 'X-Min-Position': write.body.position });
    expect(read.status).toBe(200);
    const later = await post(t.app, `/partnerships/${P}/risks`, ORG_OF.implementer, { riskId: 'r-same', kind: 'risk', description: 'turnover', severity: 'low' });
    expect(later.status).toBe(201);
    const same = await request(t.app.getHttpServer())
      .get(`/api/partnerships/${P}`)
      .set({ ...actor(ORG_OF.implementer), 'X-Min-Position': later.body.position });
    expect([same.status, same.body.revision]).toEqual([200, later.body.revision]);

    const status = await request(t.app.getHttpServer()).get('/api/projections/portfolio').set(actor(ADMIN_ORG));
    expect(status.body).toMatchObject({ status: 'degraded', parked: 1, eventsBehind: 0 });
    expect(status.body.parkedEvents[0]).toMatchObject({ eventId: poisonId, eventType: 'ExpenditureRecorded', streamId: `partnership-${P}`, errorClass: 'TypeError' });
    const health = await request(t.app.getHttpServer()).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.projections).toMatchObject({ status: 'up', state: 'degraded' });
  });

  it("still answers the party's history, dossier, as-of, export and verification, naming the unreadable event", async () => {
    for (const path of ['history', 'dossier', 'as-of', 'export?format=jsonl', 'export?format=csv', 'verify', 'evaluations', 'changes']) {
      const res = await request(t.app.getHttpServer()).get(`/api/partnerships/${P}/${path}`).set(actor(ORG_OF.beneficiary));
      expect([path, res.status]).toEqual([path, 200]);
    }
    const asOf = await request(t.app.getHttpServer()).get(`/api/partnerships/${P}/as-of`).set(actor(ORG_OF.beneficiary));
    expect(asOf.body.unreadableEvents).toEqual([expect.objectContaining({ eventId: poisonId, type: 'ExpenditureRecorded', errorClass: 'TypeError' })]);
  });
});
