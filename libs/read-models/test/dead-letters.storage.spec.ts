import type { OrganisationEvent, PartnershipEvent } from '@ccb/domain';
import { eur, IMPLEMENTER, inDelivery, milestonePlanned } from '@ccb/domain/testing/partnership-fixtures';
import type { RecordedEvent } from '@ccb/event-store';
import { InProcessLease, portfolioProjection, ProjectionRunner, projectionStatus, readDeadLetters, rebuildProjection, retryParked, type Projection } from '../src';
import { dumpReadModel, openReadModelHarness, type ReadModelHarness } from '../src/testing/read-model-harness';

/** An event as a client that slipped past validation would have left it: an expenditure with no supplier. */
const expenditureWithoutSupplier = {
  type: 'ExpenditureRecorded',
  schemaVersion: 2,
  data: { flowId: 'x-bad', spenderId: IMPLEMENTER, amount: eur(10_000), date: '2026-03-10', category: 'venue', spentInCountry: 'GH', exchangeRate: null },
} as unknown as PartnershipEvent;

const spend = (flowId: string): PartnershipEvent => ({
  type: 'ExpenditureRecorded',
  schemaVersion: 2,
  data: {
    flowId,
    spenderId: IMPLEMENTER,
    amount: eur(25_000),
    date: '2026-03-11',
    category: 'catering',
    spentInCountry: 'GH',
    supplier: { name: 'Accra Catering', local: true },
    exchangeRate: null,
    overspendReason: null,
  },
});

const registered = (organisationId: string): OrganisationEvent => ({
  type: 'OrganisationRegistered',
  schemaVersion: 1,
  data: { organisationId, name: 'CERT', kind: 'state-body', country: 'GH', region: 'africa', developmentStatus: 'developing', contacts: [] },
});

/** A fold that has a bug for one event type while `bug.on`; "fixing the code" is turning it off. */
function withBug(projection: Projection, bug: { on: boolean }, type: string): Projection {
  return {
    ...projection,
    handlerFor: (schema, mode) => {
      const inner = projection.handlerFor(schema, mode);
      return {
        reset: () => inner.reset(),
        finish: inner.finish?.bind(inner),
        prepare: (events: readonly RecordedEvent[], parked?: ReadonlySet<string>) => {
          if (bug.on && events.some((e) => e.type === type && !parked?.has(e.id))) throw new TypeError(`Cannot read properties of undefined (reading 'oops')`);
          return inner.prepare(events, parked);
        },
      };
    },
  };
}

/** Steps a runner until it has nothing left, through its failures, as its loop would (without the sleeps). */
async function drain(runner: ProjectionRunner): Promise<number> {
  let failures = 0;
  for (let i = 0; i < 500; i++) {
    try {
      if (!(await runner.step())) return failures;
    } catch {
      failures += 1;
    }
  }
  throw new Error('the runner never caught up');
}

describe.each(['embedded', 'postgresql'] as const)('a poison event on %s', (backend) => {
  let h: ReadModelHarness;
  beforeEach(async () => {
    h = await openReadModelHarness(backend, { batchSize: 50 });
  });
  afterEach(() => h.close());

  it('is parked with its id, position and error kind, and every other partnership keeps up', async () => {
    await h.appendOrganisation('org-cert-gh', [registered('org-cert-gh')]);
    await h.appendPartnership('p-good', inDelivery);
    await h.appendPartnership('p-bad', [...inDelivery, expenditureWithoutSupplier]);
    // A profile update that names a field but leaves it empty: the table's NOT NULL refuses the row.
    await h.appendOrganisation('org-cert-gh', [
      { type: 'OrganisationUpdated', schemaVersion: 1, data: { organisationId: 'org-cert-gh', name: null } } as unknown as OrganisationEvent,
    ]);
    await h.appendPartnership('p-good', [milestonePlanned, spend('x-good')]);
    await h.appendPartnership('p-bad', [spend('x-after')]);

    const portfolio = h.runners[0];
    await drain(portfolio);
    await drain(h.runners[1]);

    const [good] = await h.rows<{ revision: number }>(`SELECT revision FROM ${h.models.portfolio.schema}.partnerships WHERE partnership_id = 'p-good'`);
    expect(good.revision).toBe(inDelivery.length + 1);
    // The partnership with the bad event is current too, as if that one event were not there.
    const flows = await h.rows<{ flow_id: string }>(`SELECT flow_id FROM ${h.models.portfolio.schema}.flows WHERE partnership_id = 'p-bad' AND kind = 'expenditure' ORDER BY 1`);
    expect(flows.map((f) => f.flow_id)).toEqual(['x-after']);

    const status = await projectionStatus(h.dataSource, h.store, h.projections[0]);
    expect(status.status).toBe('degraded');
    expect(status.parked).toBe(2);
    expect(status.eventsBehind).toBe(0);
    const parked = [...status.parkedEvents].sort((a, b) => a.eventType.localeCompare(b.eventType));
    expect(parked.map((p) => [p.eventType, p.streamId, p.revision])).toEqual([
      ['ExpenditureRecorded', 'partnership-p-bad', inDelivery.length],
      ['OrganisationUpdated', 'organisation-org-cert-gh', 1],
    ]);
    expect(parked[0].errorClass).toBe('TypeError');
    expect(parked[0].errorMessage).toMatch(/reading/);
    expect(parked[1].errorClass).toMatch(/23502/);
    expect(parked[1].errorMessage).toMatch(/column name/);
    for (const p of parked) expect(p.position).toMatch(/^\d+:\d+$/);
  });

  it('applies a parked event once the code is fixed, leaving the tables a clean rebuild would', async () => {
    const bug = { on: true };
    const buggy = withBug(portfolioProjection(h.models.portfolio, h.store, h.dataSource), bug, 'MilestonePlanned');
    const runner = new ProjectionRunner(h.dataSource, h.store, buggy, { lease: new InProcessLease(), batchSize: 50 });
    await h.appendPartnership('p-1', [...inDelivery, milestonePlanned, spend('x-1')]);
    await h.appendPartnership('p-2', [...inDelivery, spend('x-2')]);
    await drain(runner);
    expect((await readDeadLetters(h.dataSource, h.models.portfolio.schema, 'portfolio')).map((d) => d.eventType)).toEqual(['MilestonePlanned']);
    expect(await h.rows(`SELECT milestone_id FROM ${h.models.portfolio.schema}.milestones`)).toEqual([]);

    // Still broken: the retry parks it again and says so.
    const unfixed = await retryParked(h.dataSource, h.store, buggy);
    expect(unfixed.after.map((d) => d.eventType)).toEqual(['MilestonePlanned']);

    bug.on = false;
    const fixed = await retryParked(h.dataSource, h.store, buggy);
    expect(fixed.before).toHaveLength(1);
    expect(fixed.after).toEqual([]);
    expect(await h.rows(`SELECT milestone_id FROM ${h.models.portfolio.schema}.milestones`)).toEqual([{ milestone_id: 'm-1' }]);
    const afterRetry = await dumpReadModel(h.dataSource, h.models.portfolio);
    await rebuildProjection(h.dataSource, h.store, portfolioProjection(h.models.portfolio, h.store, h.dataSource));
    expect(await dumpReadModel(h.dataSource, h.models.portfolio)).toEqual(afterRetry);
    expect((await projectionStatus(h.dataSource, h.store, buggy)).status).toBe('ok');
  });
});
