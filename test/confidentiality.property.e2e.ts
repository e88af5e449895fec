import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { accessFixture, headersOf, ORG_OF, type PrincipalKey } from './support/access-fixture';
import { BACKENDS } from './support/test-app';

const OUTSIDERS: readonly PrincipalKey[] = ['anonymous', 'admin', 'otherDonor', 'otherImplementer', 'otherBeneficiary', 'otherEvaluator'];

/** Every read a caller can make, for one partnership: lists, aggregates, its records, its exports. */
const readPaths = (id: string) => [
  '/health',
  '/api/registry?limit=200',
  '/api/partnerships?limit=200',
  `/api/partnerships/${id}`,
  `/api/partnerships/${id}/dossier`,
  `/api/partnerships/${id}/history`,
  `/api/partnerships/${id}/as-of?revision=4`,
  `/api/partnerships/${id}/diff?fromRevision=0`,
  `/api/partnerships/${id}/changes`,
  `/api/partnerships/${id}/export`,
  `/api/partnerships/${id}/export?format=csv`,
  `/api/partnerships/${id}/verify`,
  `/api/partnerships/${id}/timeline?limit=200`,
  `/api/funding/chains/${id}`,
  '/api/timeline?limit=200',
  '/api/organisations?limit=200',
  `/api/organisations/${ORG_OF.beneficiary}/partners`,
  '/api/relationships/triads',
  '/api/relationships/network',
  '/api/relationships/counts?by=theme',
  '/api/funding/totals?groupBy=partnership',
  '/api/funding/totals?groupBy=country',
  '/api/local-ownership/partnerships',
  '/api/local-ownership/portfolios?by=beneficiary',
  '/api/inclusion?groupBy=partnership',
  '/api/coordination/overlaps',
  '/api/scorecard',
  '/api/scorecard/scores',
  '/api/projections',
];

describe.each(BACKENDS)('confidential needs and plans on %s', (backend) => {
  let api: ApiProcess;
  beforeAll(async () => {
    api = await startApiProcess(backend, { LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: '0' });
  }, 90_000);
  afterAll(() => api?.close());

  it('never reach a non-party: no response, error or log line carries them, while the parties read them', async () => {
    const remote = { getHttpServer: () => api.baseUrl } as unknown as INestApplication;
    const secret = fc.stringMatching(/^[A-Za-z0-9 ,.;:!?-]{12,40}$/).map((s) => `${randomBytes(4).toString('hex')} ${s}`);
    let run = 0;
    const secrets: string[] = [];
    const reasons: string[] = [];
    await fc.assert(
      fc.asyncProperty(secret, async (confidential) => {
        run += 1;
        secrets.push(confidential);
        const id = `p-conf-${run}-${randomBytes(3).toString('hex')}`;
        await accessFixture(remote, id, `${id}-other`, confidential);
        // A reason is free text users write: it is kept with the events (the timeline shows it), and the log keeps only its length.
        const reason = `Raised because ${randomBytes(6).toString('hex')} asked`;
        reasons.push(reason);
        const reasoned = await request(api.baseUrl)
          .post(`/api/partnerships/${id}/risks`)
          .set({ ...headersOf('implementer'), 'X-Reason': reason })
          .send({ riskId: 'r-reason', kind: 'risk', description: 'Staff turnover', severity: 'low' });
        expect(reasoned.status).toBe(201);
        const position = reasoned.body.position as string;
        const read = (p: PrincipalKey, path: string) =>
          request(api.baseUrl)
            .get(path)
            .set({ ...headersOf(p), 'X-Min-Position': position });

        // The parties do read it: the strings are really recorded, so their absence below means something.
        const dossier = await read('beneficiary', `/api/partnerships/${id}/dossier`);
        expect(dossier.text).toContain(JSON.stringify(confidential).slice(1, -1));
        expect((await read('evaluator', `/api/partnerships/${id}/dossier`)).status).toBe(200);

        for (const p of OUTSIDERS) {
          for (const path of readPaths(id)) {
            const res = await read(p, path);
            expect({ p, path, leaked: res.text.includes(confidential) }).toEqual({ p, path, leaked: false });
          }
          const refused = await request(api.baseUrl)
            .post(`/api/partnerships/${id}/needs`)
            .set(headersOf(p))
            .send({ needId: 'n', kind: 'gap', description: 'x', confidential: true });
          expect({ p, leaked: refused.text.includes(confidential) }).toEqual({ p, leaked: false });
        }
      }),
      { numRuns: 3 },
    );
    // The logs are written by the process for every request above, at the most verbose level.
    expect(api.output().length).toBeGreaterThan(0);
    expect(api.output()).not.toMatch(/Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect(secrets).toHaveLength(run);
    for (const confidential of secrets) expect(api.output().includes(confidential)).toBe(false);
    expect(reasons).toHaveLength(run);
    for (const reason of reasons) expect(api.output().includes(reason)).toBe(false);
    expect(api.output()).toMatch(/"x-reason":"\[\d+ characters\]"/);
  }, 300_000);
});
