import request from 'supertest';
import type { EventStore } from '@ccb/event-store';
import { dumpReadModel, rebuildProjection, type ReadModelContext } from '@ccb/read-models';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';
import { actor, ADMIN_ORG } from './support/http';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { DemoLoader } from '../apps/api/src/demo/demo-loader';
import { ProjectionsService } from '../apps/api/src/read-models/projections.service';
import { READ_MODELS } from '../apps/api/src/read-models/read-models.tokens';
import { partnershipWorkload, workloadOrganisations } from '../bench/workload/partnership-workload';
import { appendWorkload } from '../bench/workload/append-workload';

/**
 * Determinism: the read models the API built incrementally (its projector running while the demo
 * data and a generated workload were written, batches cut wherever they fell) equal a full rebuild
 * from event 0, row for row. The rebuild is the blue/green one: the API keeps answering during it.
 */
describe.each(BACKENDS)('incremental read models equal a rebuild on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t?.close());

  it('after the demo data, a generated workload and an organisation update', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const readModels = t.app.get<ReadModelContext>(READ_MODELS);
    const projections = t.app.get(ProjectionsService);
    await t.app.get(DemoLoader).load();
    const orgs = workloadOrganisations(3);
    await appendWorkload(store, orgs.steps, { concurrency: 4 });
    const steps = [...partnershipWorkload({ partnerships: 30, events: 2500, seed: 3, concurrent: 15 }, orgs)];
    const revisions = new Map<string, number>();
    await appendWorkload(store, steps.slice(0, steps.length / 2), { concurrency: 4, revisions });
    const moved = orgs.implementers[0].id;
    await store.appendToStream(
      `organisation-${moved}`,
      [
        {
          id: '8f0e8a8c-3c59-4a4e-9d55-6d1d1e0c0001',
          type: 'OrganisationUpdated',
          schemaVersion: 1,
          data: { organisationId: moved, country: 'KE', region: 'africa', developmentStatus: 'developing' },
          metadata: { actor: 'admin', organisation: null, correlationId: 'c', causationId: null, recordedAt: new Date().toISOString() },
        },
      ],
      // After what the workload wrote to that organisation's stream (its registration and IATI identity).
      { expectedRevision: (orgs.steps.find((s) => s.streamId === `organisation-${moved}`)?.events.length ?? 1) - 1 },
    );
    await appendWorkload(store, steps.slice(steps.length / 2), { concurrency: 4, revisions });

    const head = (await store.headPosition())!;
    await projections.waitFor(['portfolio', 'timeline'], head);
    for (const name of ['portfolio', 'timeline'] as const) {
      const projection = projections.projections[name];
      const incremental = await dumpReadModel(readModels.db, projection.model);
      expect(incremental.partnerships?.length ?? incremental.timeline.length).toBeGreaterThan(30);

      let answered = 0;
      let serving = true;
      const reads = (async () => {
        while (serving) {
          const res = await request(t.app.getHttpServer()).get('/api/partnerships?limit=5').set(actor(ADMIN_ORG));
          expect(res.status).toBe(200);
          answered += 1;
        }
      })();
      await rebuildProjection(readModels.db, store, projection, { batchSize: 300 });
      serving = false;
      await reads;
      expect(answered).toBeGreaterThan(0);

      expect(await dumpReadModel(readModels.db, projection.model)).toEqual(incremental);
    }
    // The live projector carries on after the switch.
    const after = await request(t.app.getHttpServer()).get('/api/projections/portfolio').set(actor(ADMIN_ORG));
    expect(after.body.eventsBehind).toBe(0);
  }, 120_000);
});
