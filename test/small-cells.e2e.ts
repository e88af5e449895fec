import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { actor, post } from './support/http';
import { accessFixture, ORG_OF } from './support/access-fixture';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';

/** Public statistics never single a partnership out: cells of fewer than three are for their parties only. */
describe.each(BACKENDS)('small-cell suppression on %s', (backend) => {
  let t: TestApp;
  const P = `p-cells-${randomBytes(4).toString('hex')}`;
  let position = '';
  const read = (path: string, org?: string) =>
    request(t.app.getHttpServer())
      .get(`/api${path}`)
      .set({ ...(org ? actor(org) : {}), 'X-Min-Position': position });

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, `${P}-other`);
    const res = await post(t.app, `/partnerships/${P}/commitments`, ORG_OF.donor, {
      flowId: 'c-1',
      receiverId: ORG_OF.implementer,
      amount: { amountMinor: 2_100_000_000, currency: 'EUR' },
      date: '2026-02-01',
    });
    expect(res.status).toBe(201);
    const other = await post(t.app, `/partnerships/${P}-other/commitments`, ORG_OF.otherDonor, {
      flowId: 'c-1',
      receiverId: ORG_OF.otherImplementer,
      amount: { amountMinor: 500_000, currency: 'EUR' },
      date: '2026-02-01',
    });
    expect(other.status).toBe(201);
    position = other.body.position;
  });
  afterAll(() => t?.close());

  it("withholds one partnership's money from a stranger, and shows it to its parties and the operator", async () => {
    const path = `/funding/totals?groupBy=donor&q=${encodeURIComponent(`Partnership ${P}`)}`;
    for (const org of [undefined, ORG_OF.otherDonor]) {
      const res = await read(path, org);
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual({ key: { donorId: ORG_OF.donor }, suppressed: true });
      expect(JSON.stringify(res.body)).not.toContain('2100000000');
    }
    for (const org of [ORG_OF.donor, 'org-admin']) {
      const res = await read(path, org);
      const mine = res.body.items.find((i: { key: { donorId: string } }) => i.key.donorId === ORG_OF.donor);
      expect(mine).toMatchObject({ suppressed: false, byCurrency: [expect.objectContaining({ currency: 'EUR', committed: 2_100_000_000 })] });
      expect(mine.partnershipIds).toBeUndefined();
    }
  });

  it('withholds a cell of two partnerships from a party to only one of them', async () => {
    const res = await read('/funding/totals?groupBy=country', ORG_OF.donor);
    expect(res.body.items).toEqual([{ key: { country: 'GH' }, suppressed: true }]);
  });

  it("withholds one partnership's scores and one beneficiary's ownership metrics from strangers", async () => {
    const scores = await read(`/scorecard?partnershipId=${P}`);
    expect(scores.body.items.every((s: { suppressed: boolean; average: unknown }) => s.suppressed || s.average === null)).toBe(true);
    const portfolios = await read('/local-ownership/portfolios?by=beneficiary');
    expect(portfolios.body.items.length).toBeGreaterThan(0);
    for (const item of portfolios.body.items) expect(item).toEqual({ organisationId: item.organisationId, name: item.name, suppressed: true });
    const own = await read('/local-ownership/portfolios?by=beneficiary', ORG_OF.beneficiary);
    expect(own.body.items.find((i: { organisationId: string }) => i.organisationId === ORG_OF.beneficiary)).toMatchObject({ suppressed: false, partnerships: 1 });
  });
});
