import fc from 'fast-check';
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { foldPartnership, upcastPartnershipEvent } from '@ccb/domain';
import { applyRecorded, type PartnershipView } from '@ccb/read-models';
import { ADMIN_ORG, actor, streamOf } from './support/http';
import { accessFixture, ORG_OF } from './support/access-fixture';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

/** The parts of an OpenAPI schema the generator reads. */
interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly nullable?: boolean;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly Schema[];
}

interface Operation {
  readonly method: 'post' | 'put' | 'patch';
  readonly path: string;
  readonly body: Schema;
}

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';
const PARTIES = [ORG_OF.donor, ORG_OF.implementer, ORG_OF.beneficiary, ORG_OF.evaluator];
// A small pool, so generated references often name something that exists (a need, a milestone, a party).
const IDS = ['need-1', 'obj-1', 'm-1', 'm-2', 'x-1', 'x-2', 'r-1', 'r-2', 'i-1', 'a-1', 'a-2', 'e-1', ...PARTIES, ORG_OF.otherDonor, 'org-unregistered'];
const DATES = ['2026-01-15', '2026-02-01', '2026-03-03', '2026-04-20', '2026-05-01', '2026-06-30', '2026-11-30', '2028-02-29'];

/** Bodies the DTOs accept (and, one time in five, what a careless client sends instead of a nested object). */
function arbitraryFor(schema: Schema, components: Readonly<Record<string, Schema>>, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(components[schema.$ref.split('/').pop()!], components, depth);
  if (schema.allOf) return arbitraryFor(schema.allOf[0], components, depth);
  let arb: fc.Arbitrary<unknown>;
  if (schema.enum) arb = fc.constantFrom(...schema.enum);
  else if (schema.type === 'string' && schema.format === 'date') arb = fc.constantFrom(...DATES);
  else if (schema.type === 'string' && schema.pattern === ID_PATTERN) arb = fc.constantFrom(...IDS);
  else if (schema.type === 'string' && schema.pattern) arb = fc.stringMatching(new RegExp(schema.pattern));
  else if (schema.type === 'string' && schema.pattern === undefined && schema.maxLength !== undefined && schema.maxLength <= 2000)
    arb = fc.oneof(
      fc.string({ minLength: Math.max(1, schema.minLength ?? 1), maxLength: Math.min(schema.maxLength, 40) }),
      fc.constantFrom('1.0842', 'en', 'GH', 'EUR', 'a@b.org'),
    );
  else if (schema.type === 'string') arb = fc.constantFrom('EUR', 'USD', 'GH', 'KE', 'en', 'fr', '1.0842', '0.0934', 'ama@cert.example.gh', 'text');
  else if (schema.type === 'integer') {
    const [min, max] = [schema.minimum ?? 0, Math.min(schema.maximum ?? 1_000_000, 1_000_000)];
    // Mostly small counts, as real records have, and sometimes anything the DTO allows.
    arb = fc.oneof({ weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 40) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) });
  } else if (schema.type === 'number') arb = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  else if (schema.type === 'boolean') arb = fc.boolean();
  else if (schema.type === 'array' && schema.items)
    arb = fc.array(arbitraryFor(schema.items, components, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
  else if (schema.properties) {
    const entries = Object.entries(schema.properties).map(([key, value]) => [key, arbitraryFor(value, components, depth + 1)] as const);
    const nested = fc.record(Object.fromEntries(entries), { requiredKeys: [...(schema.required ?? [])] });
    arb = depth === 0 ? nested : fc.oneof({ weight: 7, arbitrary: nested }, { weight: 1, arbitrary: fc.constantFrom([], null, [{}], 'x') });
  } else arb = fc.anything();
  return schema.nullable ? fc.option(arb, { nil: null }) : arb;
}

describe.each(BACKENDS)('every command of /docs-json, fuzzed, on %s', (backend) => {
  let t: TestApp;
  const P = `p-fuzz-${randomBytes(4).toString('hex')}`;
  const server = () => t.app.getHttpServer();

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, `${P}-other`);
  });
  afterAll(() => t?.close());

  it('never answers 5xx, appends nothing when it refuses, and every accepted event folds everywhere', async () => {
    const doc = (await request(server()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
      components: { schemas: Record<string, Schema> };
    };
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      (['post', 'put', 'patch'] as const).flatMap((method) => {
        const body = ops[method]?.requestBody?.content['application/json']?.schema;
        return body && !path.startsWith('/api/auth') ? [{ method, path, body }] : [];
      }),
    );
    expect(operations.length).toBeGreaterThanOrEqual(30);

    const counts = { requests: 0, accepted: 0, refused4xx: 0, fiveXX: 0, byOperation: new Map<string, number>() };
    let position = '';
    await fc.assert(
      fc.asyncProperty(
        // Moves that end delivery (phase changes, suspension, closure) are drawn less often, so the rest get tried.
        fc
          .oneof(...operations.map((op) => ({ weight: /phase-transitions|suspension|closure/.test(op.path) ? 1 : 6, arbitrary: fc.constant(op) })))
          .chain((op) =>
            fc.tuple(fc.constant(op), arbitraryFor(op.body, doc.components.schemas), fc.constantFrom(...PARTIES, ADMIN_ORG), fc.constantFrom(...IDS), fc.constantFrom('1', '2')),
          ),
        async ([op, body, org, pathId, version]) => {
          const path = op.path
            .replace('{partnershipId}', P)
            .replace(/\/partnerships\/\{id\}/, `/partnerships/${P}`)
            .replace('/organisations/{id}', `/organisations/${org}`)
            .replace('{version}', version)
            .replace(/\{[A-Za-z]+\}/g, pathId);
          const streamId = path.startsWith('/api/organisations') ? (op.method === 'patch' ? `organisation-${org}` : null) : `partnership-${P}`;
          const before = streamId ? (await streamOf(t.app, streamId)).length : 0;
          const client = request(server());
          const res = await client[op.method](path)
            .set({ ...actor(org), 'Content-Type': 'application/json' })
            .send(JSON.stringify(body));
          counts.requests += 1;
          if (res.status >= 500) counts.fiveXX += 1;
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            counts.refused4xx += 1;
            if (streamId) expect((await streamOf(t.app, streamId)).length).toBe(before);
          } else {
            counts.accepted += 1;
            counts.byOperation.set(`${op.method} ${op.path}`, (counts.byOperation.get(`${op.method} ${op.path}`) ?? 0) + 1);
            position = res.body.position;
          }
        },
      ),
      { numRuns: 1500 },
    );
    // The fuzz must reach past validation often enough to mean something. Each run draws a new seed: over the
    // last runs it accepted 48 to 123 requests over 16 to 27 operations, so these floors leave room for chance.
    expect(counts.accepted).toBeGreaterThan(20);
    expect(counts.byOperation.size).toBeGreaterThan(10);

    // Every projection caught up with everything accepted, and parked nothing.
    const status = await request(server())
      .get('/api/projections')
      .set({ ...actor(ADMIN_ORG), 'X-Min-Position': position });
    expect(status.status).toBe(200);
    for (const p of status.body.items) expect([p.projection, p.status, p.parked, p.eventsBehind]).toEqual([p.projection, 'ok', 0, 0]);
    const health = await request(server()).get('/health');
    expect(health.body.info.projections).toMatchObject({ state: 'ok', parked: 0 });

    // The rules' fold and the read models' view read every event of the stream.
    const events = await streamOf(t.app, `partnership-${P}`);
    expect(() => foldPartnership(events.map((e) => upcastPartnershipEvent(e)))).not.toThrow();
    let view: PartnershipView | null = null;
    for (const e of events) view = applyRecorded(view, e);
    expect(view?.revision).toBe(events.length - 1);

    // And so do the party's records: history, dossier, as-of, export, verification. The fuzz may have made the
    // first beneficiary leave (a second one can have been added), so the reader is a party that is still there.
    const reader = view?.parties.find((p) => p.role !== 'evaluator')?.organisationId;
    expect(reader).toBeDefined();
    for (const sub of ['history?limit=500', 'dossier', `as-of?revision=${events.length - 1}`, 'export?format=jsonl', 'export?format=csv', 'verify', 'evaluations']) {
      const res = await request(server()).get(`/api/partnerships/${P}/${sub}`).set(actor(reader!));
      expect([sub, res.status]).toEqual([sub, 200]);
    }
    process.stdout.write(
      `command fuzz on ${backend}: ${counts.requests} requests over ${operations.length} operations, ${counts.accepted} accepted (${counts.byOperation.size} operations), ${counts.refused4xx} refused with 4xx, ${counts.fiveXX} answered 5xx, 0 parked; never accepted: ${operations
        .filter((o) => !counts.byOperation.has(`${o.method} ${o.path}`))
        .map((o) => `${o.method} ${o.path}`)
        .join(', ')}\n`,
    );
  }, 180_000);
});
