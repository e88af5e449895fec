import { foldPartnership, upcastPartnershipEvent } from '@ccb/domain';
import type { EventStore } from '@ccb/event-store';
import { DemoLoader } from '../apps/api/src/demo/demo-loader';
import { DEMO_ORGANISATIONS } from '../apps/api/src/demo/demo-organisations';
import { DEMO_USERS } from '../apps/api/src/auth/demo-users';
import { DEMO_PARTNERSHIP_STEPS } from '../apps/api/src/demo/demo-partnerships';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { EVERY_PARTNERSHIP, inclusion, inclusionFromActivities, type ReadModelContext } from '@ccb/read-models';
import { ProjectionsService } from '../apps/api/src/read-models/projections.service';
import { READ_MODELS } from '../apps/api/src/read-models/read-models.tokens';
import { streamOf } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('demo data set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded', { DEMO_DATA: 'true' });
  });
  afterAll(() => t?.close());

  it('loads on the first start of the embedded default, through the command path', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const all = await store.readAll({ maxCount: 10_000 });
    expect(all.filter((e) => e.type === 'OrganisationRegistered')).toHaveLength(DEMO_ORGANISATIONS.length);
    expect(all.filter((e) => e.streamId.startsWith('partnership-'))).toHaveLength(DEMO_PARTNERSHIP_STEPS.length);
    const demoUsers = new Set(DEMO_USERS.map((u) => u.name));
    expect(all.every((e) => demoUsers.has(e.metadata.actor) && e.metadata.commandId)).toBe(true);
  });

  it('spreads partnerships over every phase, with a suspended one and a closed one with handover', async () => {
    const ids = [...new Set(DEMO_PARTNERSHIP_STEPS.map((s) => s.partnershipId))];
    const states = await Promise.all(ids.map(async (id) => foldPartnership((await streamOf(t.app, `partnership-${id}`)).map(upcastPartnershipEvent))));
    const phases = states.map((s) => s.phase);
    for (const phase of ['scoping', 'co-design', 'delivery', 'monitoring', 'evaluation', 'closed'] as const) expect(phases).toContain(phase);
    expect(states.some((s) => s.suspended)).toBe(true);
    const currencies = new Set(DEMO_PARTNERSHIP_STEPS.flatMap((s) => ('amount' in s.data && s.data.amount ? [s.data.amount.currency] : [])));
    expect(currencies.size).toBeGreaterThanOrEqual(3);
    const milestoneOutcomes = DEMO_PARTNERSHIP_STEPS.map((s) => s.type);
    expect(milestoneOutcomes).toEqual(expect.arrayContaining(['ConfirmMilestone', 'DisputeMilestone', 'VoidExpenditure', 'RecordEvaluation', 'ClosePartnership']));
  });

  it('loading it again appends nothing (idempotency keys)', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    await t.app.get(DemoLoader).load();
    expect(await store.headPosition()).toBe(before);
  });

  it('keeps inclusion by theme, maintained per partnership, equal to adding up the activities themselves', async () => {
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    await t.app.get(ProjectionsService).waitFor(['portfolio'], head!);
    const ctx = t.app.get<ReadModelContext>(READ_MODELS);
    const maintained = await inclusion(ctx, EVERY_PARTNERSHIP, 'theme', {});
    expect(maintained.length).toBeGreaterThan(3);
    expect(maintained).toEqual(await inclusionFromActivities(ctx, EVERY_PARTNERSHIP, 'theme', {}));
    const viewer = { sees: 'parties-of', organisationId: 'org-cyberbridge' } as const;
    expect(await inclusion(ctx, viewer, 'theme', { country: 'KE' })).toEqual(await inclusionFromActivities(ctx, viewer, 'theme', { country: 'KE' }));
  });
});
