import { InMemoryEventStore, verifyChain, WrongExpectedRevisionError, type EventStore, type RequestFingerprint } from '@ccb/event-store';
import { partnershipDecider, RuleViolation, type PartnershipCommand, type UserRole } from '@ccb/domain';
import { CommandExecutor, IdempotencyKeyReusedError, StreamMissingError, type Execution } from '../src/event-sourcing/command-executor';
import { differingParts, type IdempotencyKeyStore, type RequestPart } from '../src/event-sourcing/idempotency-keys';

/** The key table's rules (claim once per principal and key, refuse another request, free on refusal), in memory. */
class KeysInMemory implements IdempotencyKeyStore {
  readonly claims = new Map<string, RequestFingerprint>();
  async claim(principal: string, key: string, request: RequestFingerprint): Promise<true | false | RequestPart[]> {
    const first = this.claims.get(`${principal}\u0000${key}`);
    if (!first) {
      this.claims.set(`${principal}\u0000${key}`, request);
      return true;
    }
    const differs = differingParts(first, request);
    return differs.length > 0 ? differs : false;
  }
  async release(principal: string, key: string): Promise<void> {
    this.claims.delete(`${principal}\u0000${key}`);
  }
}

const NOW = '2026-06-30T12:00:00.000Z';
const BEN = 'org-cert';
const STREAM = partnershipDecider.streamId('p-unit');
const context = (organisationId: string, roles: readonly UserRole[] = ['donor', 'implementer', 'beneficiary']) => ({
  userId: `u-${organisationId}`,
  organisationId,
  now: NOW,
  roles,
});
const propose: PartnershipCommand = {
  type: 'ProposePartnership',
  context: context(BEN),
  data: {
    partnershipId: 'p-unit',
    title: 'CERT readiness',
    summary: 's',
    beneficiaryCountry: 'GH',
    initiatedBy: 'beneficiary',
    proposerRole: 'beneficiary',
    themes: ['incident-response-cert'],
    levels: ['technical'],
    sdgs: [9],
    genderMarker: 1,
    plannedStart: '2026-01-01',
    plannedEnd: null,
  },
};
const risk = (riskId: string, org = BEN): PartnershipCommand => ({
  type: 'RaiseRisk',
  context: context(org),
  data: { riskId, kind: 'risk', description: 'turnover', severity: 'low' },
});
const execution = (command: PartnershipCommand, extra: Partial<Execution<PartnershipCommand>> = {}): Execution<PartnershipCommand> => ({
  streamId: STREAM,
  command,
  mustExist: command.type !== 'ProposePartnership',
  metadata: { actor: `u-${command.context.organisationId}`, organisation: command.context.organisationId, correlationId: 'c-1', causationId: null, recordedAt: NOW },
  ...extra,
});
const fingerprint = (body: string): RequestFingerprint => ({ method: 'POST', path: '/api/partnerships/p-unit/risks', bodyHash: body });

describe('the command executor on the in-memory store', () => {
  let store: InMemoryEventStore;
  let keys: KeysInMemory;
  let executor: CommandExecutor;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    keys = new KeysInMemory();
    executor = new CommandExecutor(store, keys);
    await executor.execute(partnershipDecider, execution(propose));
  });

  it('decides on the folded stream and appends the events, each linked into the hash chain', async () => {
    const result = await executor.execute(partnershipDecider, execution(risk('r-1')));
    expect(result).toMatchObject({ streamId: STREAM, revision: 1, replayed: false, events: [{ type: 'RiskRaised' }] });
    const { events } = await store.readStream(STREAM);
    expect(events.map((e) => e.type)).toEqual(['PartnershipProposed', 'RiskRaised']);
    expect(verifyChain(STREAM, events)).toMatchObject({ ok: true, eventsChecked: events.length });
  });

  it('answers a non-party and a missing stream alike, before If-Match or the rules', async () => {
    await expect(executor.execute(partnershipDecider, execution(risk('r-1', 'org-stranger'), { expectedRevision: 99 }))).rejects.toBeInstanceOf(StreamMissingError);
    await expect(executor.execute(partnershipDecider, execution(risk('r-1'), { streamId: partnershipDecider.streamId('p-none') }))).rejects.toBeInstanceOf(StreamMissingError);
    expect(await store.countEvents()).toBe(1);
  });

  it('refuses a stale If-Match with the revision it found', async () => {
    await expect(executor.execute(partnershipDecider, execution(risk('r-1'), { expectedRevision: 5 }))).rejects.toMatchObject({ expected: 5, actual: 0 });
    await expect(executor.execute(partnershipDecider, execution(risk('r-1'), { expectedRevision: 5 }))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('answers a retry of the same request once more, and refuses the key with another body; neither appends', async () => {
    const first = await executor.execute(partnershipDecider, execution(risk('r-1'), { idempotencyKey: 'k-1', request: fingerprint('body-a') }));
    const again = await executor.execute(partnershipDecider, execution(risk('r-1'), { idempotencyKey: 'k-1', request: fingerprint('body-a') }));
    expect(again).toEqual({ ...first, replayed: true });
    await expect(executor.execute(partnershipDecider, execution(risk('r-2'), { idempotencyKey: 'k-1', request: fingerprint('body-b') }))).rejects.toEqual(
      new IdempotencyKeyReusedError(['body']),
    );
    expect(await store.countEvents()).toBe(2);
  });

  it('a command the rules refuse appends nothing and frees its key', async () => {
    await executor.execute(partnershipDecider, execution(risk('r-1')));
    await expect(executor.execute(partnershipDecider, execution(risk('r-1'), { idempotencyKey: 'k-2', request: fingerprint('body-a') }))).rejects.toBeInstanceOf(RuleViolation);
    expect(keys.claims.size).toBe(0);
    expect(await store.countEvents()).toBe(2);
  });

  it('reads the stream while the key is being claimed, and appends only once the claim is known', async () => {
    let finishClaim: () => void = () => undefined;
    const slowKeys: IdempotencyKeyStore = {
      claim: (principal, key, request) => new Promise((resolve) => (finishClaim = () => resolve(keys.claim(principal, key, request)))),
      release: (principal, key) => keys.release(principal, key),
    };
    const slow = new CommandExecutor(store, slowKeys);
    const reads = jest.spyOn(store, 'readStream');
    const appends = jest.spyOn(store, 'appendToStream');
    const running = slow.execute(partnershipDecider, execution(risk('r-1'), { idempotencyKey: 'k-3', request: fingerprint('body-a') }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(appends).not.toHaveBeenCalled();
    finishClaim();
    await expect(running).resolves.toMatchObject({ revision: 1, replayed: false });
  });

  it('a claim the database fails appends nothing', async () => {
    const failing = new CommandExecutor(store, { claim: () => Promise.reject(new Error('connection lost')), release: () => Promise.resolve() });
    await expect(failing.execute(partnershipDecider, execution(risk('r-1'), { idempotencyKey: 'k-4', request: fingerprint('body-a') }))).rejects.toThrow('connection lost');
    expect(await store.countEvents()).toBe(1);
  });

  it('two writers on one store (two processes) take 30 concurrent commands with no conflict reaching a caller', async () => {
    const other = new CommandExecutor(store, keys);
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => (i % 2 ? executor : other).execute(partnershipDecider, execution(risk(`r-${i}`)))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const { events } = await store.readStream(STREAM);
    expect(events).toHaveLength(31);
    expect(verifyChain(STREAM, events)).toMatchObject({ ok: true, eventsChecked: events.length });
  });

  it('commands that queue on one stream are decided together and written in fewer appends, each with its own revision', async () => {
    const appends = jest.spyOn(store, 'appendToStream');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => executor.execute(partnershipDecider, execution(risk(`r-${i}`)))));
    expect(results.map((r) => r.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The first command runs alone; the 19 that queued behind it share the next append.
    expect(appends.mock.calls.length).toBeLessThan(20);
    const { events } = await store.readStream(STREAM);
    expect(events).toHaveLength(21);
    expect(verifyChain(STREAM, events)).toMatchObject({ ok: true, eventsChecked: 21 });
  });

  it('in one batch, a command the rules refuse fails alone, judged on the state the commands before it leave', async () => {
    const outcomes = await Promise.allSettled([
      executor.execute(partnershipDecider, execution(risk('r-0'))),
      executor.execute(partnershipDecider, execution(risk('r-1'))),
      executor.execute(partnershipDecider, execution(risk('r-1'))),
      executor.execute(partnershipDecider, execution(risk('r-2'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(RuleViolation);
    const { events } = await store.readStream(STREAM);
    expect(events.map((e) => (e.data as { riskId?: string }).riskId ?? null)).toEqual([null, 'r-0', 'r-1', 'r-2']);
  });

  it('the same key sent twice at once is applied once: the second is answered from what the first wrote', async () => {
    const request = { idempotencyKey: 'k-twice', request: fingerprint('body-a') };
    const [first, second] = await Promise.all([
      executor.execute(partnershipDecider, execution(risk('r-1'), request)),
      executor.execute(partnershipDecider, execution(risk('r-1'), request)),
    ]);
    expect(first.replayed).toBe(false);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await store.countEvents()).toBe(2);
  });

  it('an append that fails fails the commands it carried, and the stream is read afresh for the next', async () => {
    await executor.execute(partnershipDecider, execution(risk('r-0')));
    const failing = jest.spyOn(store, 'appendToStream').mockRejectedValueOnce(new Error('connection reset'));
    const outcomes = await Promise.allSettled([executor.execute(partnershipDecider, execution(risk('r-1'))), executor.execute(partnershipDecider, execution(risk('r-2')))]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['Error: connection reset', 'Error: connection reset']);
    failing.mockRestore();
    await expect(executor.execute(partnershipDecider, execution(risk('r-1')))).resolves.toMatchObject({ revision: 2 });
  });

  it('keeps the fold between commands: the next command reads the stream from the last event it folded, not from the start', async () => {
    await executor.execute(partnershipDecider, execution(risk('r-1')));
    await executor.execute(partnershipDecider, execution(risk('r-2')));
    const reads = jest.spyOn(store, 'readStream');
    await executor.execute(partnershipDecider, execution(risk('r-3')));
    // Folded to revision 1 when r-2 was decided; r-2 itself (revision 2) is read now, with revision 1 to check the fold still fits.
    expect(reads.mock.calls).toEqual([[STREAM, { fromRevision: 1 }]]);
    expect((await reads.mock.results[0].value).events.map((e: { revision: number }) => e.revision)).toEqual([1, 2]);
  });

  it('folds again from the start when the stream it kept is no longer the one in the store (reset, rewritten)', async () => {
    await executor.execute(partnershipDecider, execution(risk('r-1')));
    // The same stream written afresh elsewhere: its revision 1 is another event, and r-9 is taken there.
    const rewritten = new InMemoryEventStore();
    const writer = new CommandExecutor(rewritten, new KeysInMemory());
    for (const command of [propose, risk('r-9'), risk('r-10')]) await writer.execute(partnershipDecider, execution(command));
    let current: EventStore = store;
    const swappable = new Proxy(store, {
      get: (_target, property) => {
        const value: unknown = Reflect.get(current, property);
        return typeof value === 'function' ? value.bind(current) : value;
      },
    });
    const reader = new CommandExecutor(swappable, keys);
    await reader.execute(partnershipDecider, execution(risk('r-2')));
    current = rewritten;
    await expect(reader.execute(partnershipDecider, execution(risk('r-9')))).rejects.toBeInstanceOf(RuleViolation);
    const accepted = await reader.execute(partnershipDecider, execution(risk('r-11')));
    expect(accepted.revision).toBe(3);
    const { events } = await rewritten.readStream(STREAM);
    expect(verifyChain(STREAM, events)).toMatchObject({ ok: true, eventsChecked: 4 });
  });
});
