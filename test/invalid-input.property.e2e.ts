import fc from 'fast-check';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { actor, post, registerOrganisations, streamOf } from './support/http';
import { commitment, ORGS, proposal } from './support/lifecycle-bodies';
import { HTTP_EDGE, startTestApp, type TestApp } from './support/test-app';

/** Valid bodies for a few commands; the property mutates them into (mostly) invalid ones. */
const VALID: Record<string, object> = {
  '/risks': { riskId: 'r-1', kind: 'risk', description: 'Staff turnover', severity: 'high' },
  '/commitments': commitment('c-1', 1_000_00),
  '/milestones': { milestoneId: 'm-1', title: 'SOP adopted', dueDate: '2026-05-01' },
  '/needs': { needId: 'n-1', kind: 'need', description: 'Triage', confidential: false },
};

type Mutation =
  { kind: 'set'; key: string; value: unknown } | { kind: 'delete'; key: string } | { kind: 'extra'; key: string; value: unknown } | { kind: 'replace'; value: unknown };

const mutation = (body: object): fc.Arbitrary<Mutation> => {
  const keys = Object.keys(body);
  return fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...keys), value: fc.anything() }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...keys) }),
    fc.record({ kind: fc.constant('extra' as const), key: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k)), value: fc.anything() }),
    fc.record({ kind: fc.constant('replace' as const), value: fc.anything() }),
  );
};

function apply(body: object, m: Mutation): unknown {
  switch (m.kind) {
    case 'set':
      return { ...body, [m.key]: m.value };
    case 'delete': {
      const copy: Record<string, unknown> = { ...body };
      delete copy[m.key];
      return copy;
    }
    case 'extra':
      return { ...body, [m.key]: m.value };
    case 'replace':
      return m.value;
  }
}

describe.each(HTTP_EDGE)('random invalid payloads on %s', (backend) => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerOrganisations(t.app, Object.values(ORGS));
    id = randomUUID();
    await post(t.app, '/partnerships', ORGS.beneficiary, proposal(id)).expect(201);
    await post(t.app, `/partnerships/${id}/parties`, ORGS.beneficiary, { organisationId: ORGS.donor, role: 'donor' }).expect(201);
    await post(t.app, `/partnerships/${id}/invitations/acceptance`, ORGS.donor, { role: 'donor' }).expect(201);
  });
  afterAll(() => t?.close());

  it('never yield a 5xx, and a refused payload never appends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(VALID)).chain((path) => mutation(VALID[path]).map((m) => ({ path, m }))),
        async ({ path, m }) => {
          const before = (await streamOf(t.app, `partnership-${id}`)).length;
          const body = apply(VALID[path], m);
          const res = await request(t.app.getHttpServer())
            .post(`/api/partnerships/${id}${path}`)
            .set({ ...actor(ORGS.beneficiary), 'Content-Type': 'application/json' })
            .send(JSON.stringify(body) ?? 'null');
          expect(res.status).toBeLessThan(500);
          expect(typeof res.body.code === 'string' || res.status < 300).toBe(true);
          const after = (await streamOf(t.app, `partnership-${id}`)).length;
          if (res.status >= 400) expect(after).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
