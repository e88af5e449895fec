import type { EventStore } from '@ccb/event-store';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { ProjectionsService } from '../apps/api/src/read-models/projections.service';
import { partnershipWorkload, workloadOrganisations } from '../bench/workload/partnership-workload';
import { appendWorkload } from '../bench/workload/append-workload';
import { get } from './support/http';
import { validateIati } from './support/iati-validation';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A generated portfolio (the benchmark's workload: many donors, chains through local partners, refunds, voids,
 * corrections, evaluations, every phase) exported per donor and per partnership: the schema and the rulesets
 * find no error in any file.
 */
describe('IATI 2.03 export of a generated portfolio', () => {
  let t: TestApp;
  const orgs = workloadOrganisations(11);
  beforeAll(async () => {
    t = await startTestApp('embedded');
    const store = t.app.get<EventStore>(EVENT_STORE);
    await appendWorkload(store, orgs.steps, { concurrency: 4 });
    await appendWorkload(store, partnershipWorkload({ partnerships: 60, events: 3000, seed: 11, concurrent: 20 }, orgs), { concurrency: 4 });
    const head = await store.headPosition();
    if (head) await t.app.get(ProjectionsService).waitFor(['portfolio'], head);
  });
  afterAll(() => t?.close());

  it('every donor’s portfolio file validates', async () => {
    let files = 0;
    let activities = 0;
    for (const donor of orgs.donors) {
      const res = await get(t.app, `/iati/activities.xml?organisationId=${donor.id}`);
      if (res.status === 404) continue; // a donor the generator gave no partnership
      expect(res.status).toBe(200);
      const v = validateIati(res.text);
      expect({ donor: donor.id, schema: v.schemaErrors.slice(0, 3), rules: v.ruleErrors.slice(0, 3) }).toEqual({ donor: donor.id, schema: [], rules: [] });
      files += 1;
      activities += (res.text.match(/<iati-activity /g) ?? []).length;
    }
    expect(files).toBeGreaterThan(5);
    expect(activities).toBeGreaterThanOrEqual(60);
  });
});
