import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { ADMIN_ORG, actor, post, streamOf } from './support/http';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';
import { GOLDEN_ORGANISATIONS, GOLDEN_RATES, goldenSteps } from './fixtures/golden-portfolio';

type Amounts = Record<string, number> & { currency: string };
interface Total {
  key: Record<string, string>;
  byCurrency: Amounts[];
  reporting: Amounts & { unconverted: Amounts[]; complete: boolean; burnRate: number | null; localShare: number | null; conversions?: { source: string; rate: string }[] };
  burnRate: number | null;
  localShare: number | null;
  overspent: boolean;
}

/** Every figure below is computed by hand in test/fixtures/golden-portfolio.ts; the API must return exactly these. */
describe.each(BACKENDS)('the golden multi-currency portfolio on %s', (backend) => {
  let t: TestApp;
  const run = randomBytes(3).toString('hex');
  const KE = `golden-ke-${run}`;
  const GH = `golden-gh-${run}`;
  let position = '';
  const read = (path: string, org = ADMIN_ORG) =>
    request(t.app.getHttpServer())
      .get(`/api${path}`)
      .set({ ...actor(org), 'X-Min-Position': position });
  const totals = async (query: string): Promise<Total[]> => {
    const res = await read(`/funding/totals?${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const ok = async (org: string, path: string, body: object) => {
    const res = await post(t.app, path, org, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    position = res.body.position;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    for (const org of GOLDEN_ORGANISATIONS) {
      const res = await post(t.app, '/organisations', ADMIN_ORG, org);
      if (res.status !== 201 && res.body.code !== 'rule.organisation.exists') throw new Error(JSON.stringify(res.body));
    }
    const rates = await post(t.app, '/exchange-rates', ADMIN_ORG, { ...GOLDEN_RATES, setId: `${GOLDEN_RATES.setId}-${run}` });
    expect(rates.status).toBe(201);
    position = rates.body.position;
    // The rules look rates up in the read model: wait until it has them.
    expect((await read('/exchange-rates')).body.currencies).toEqual(expect.arrayContaining(['EUR', 'GHS', 'JPY', 'KES', 'NOK']));
    for (const [org, path, body] of goldenSteps(KE, GH)) await ok(org, path, body);
  }, 120_000);
  afterAll(() => t?.close());

  it('adds the whole Kenyan partnership up in EUR: committed 116,000, disbursed 96,000 net, spent 27,000', async () => {
    const [ke] = await totals(`groupBy=partnership&reportingCurrency=EUR&q=${KE}`);
    expect(ke.reporting).toMatchObject({
      currency: 'EUR',
      committed: 11_600_000,
      disbursed: 9_600_000,
      refunded: 600_000,
      passedOn: 2_700_000,
      received: 9_600_000,
      spent: 2_700_000,
      spentLocally: 1_500_000,
      unconverted: [],
      complete: true,
      burnRate: 0.2813,
      localShare: 0.5556,
    });
    expect(ke.burnRate).toBe(0.2813);
    expect(ke.overspent).toBe(false);
    // Per currency the amounts stay as recorded; a burn rate across currencies is unknown without a reporting currency.
    const [plain] = await totals(`groupBy=partnership&q=${KE}`);
    expect(plain.byCurrency.find((c) => c.currency === 'NOK')).toMatchObject({ committed: 57_500_000, disbursed: 34_500_000 });
    expect(plain.byCurrency.find((c) => c.currency === 'KES')).toMatchObject({ spent: 210_000_000, spentLocally: 210_000_000, localShare: 1 });
    expect(plain.burnRate).toBeNull();
  });

  it('credits each donor its share of every expenditure its money reached, in any currency', async () => {
    const byDonor = new Map((await totals(`groupBy=donor&reportingCurrency=EUR&q=${KE}`)).map((d) => [d.key.donorId, d]));
    expect(byDonor.get('g-eu')?.reporting).toMatchObject({
      committed: 6_600_000,
      disbursed: 6_600_000,
      refunded: 600_000,
      spent: 1_856_250,
      spentLocally: 1_031_250,
      burnRate: 0.2813,
    });
    expect(byDonor.get('g-nordic')?.reporting).toMatchObject({ committed: 5_000_000, disbursed: 3_000_000, spent: 843_750, spentLocally: 468_750, burnRate: 0.2813 });
    // The Nordic fund disbursed only NOK, yet spending in EUR and KES is credited to it.
    expect(byDonor.get('g-nordic')?.byCurrency).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: 'KES', spent: 65_625_000, spentLocally: 65_625_000 }),
        expect.objectContaining({ currency: 'EUR', spent: 375_000 }),
        expect.objectContaining({ currency: 'NOK', disbursed: 34_500_000 }),
      ]),
    );
  });

  it('gives implementers a burn rate over what they received: Bridge 0.125, the lab 0.5556 (unknown without a rate)', async () => {
    const orgs = new Map((await totals(`groupBy=implementer&reportingCurrency=EUR&q=${KE}`)).map((o) => [o.key.organisationId, o]));
    expect(orgs.get('g-bridge')?.reporting).toMatchObject({ received: 9_600_000, spent: 1_200_000, passedOn: 2_700_000, burnRate: 0.125 });
    expect(orgs.get('g-nairobi')?.reporting).toMatchObject({ received: 2_700_000, spent: 1_500_000, burnRate: 0.5556 });
    const plain = new Map((await totals(`groupBy=implementer&q=${KE}`)).map((o) => [o.key.organisationId, o]));
    expect(plain.get('g-nairobi')?.burnRate).toBeNull();
    expect(plain.get('g-bridge')?.burnRate).toBeNull();
  });

  it('states each rate a converted figure used, with its source', async () => {
    const [ke] = await totals(`groupBy=partnership&reportingCurrency=EUR&explain=true&q=${KE}`);
    expect(ke.reporting.conversions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'NOK', to: 'EUR', derivation: 'inverse', valueDate: '2026-01-01', source: GOLDEN_RATES.source }),
        expect.objectContaining({ from: 'KES', to: 'EUR', derivation: 'inverse', valueDate: '2026-03-01' }),
      ]),
    );
    // Cross rates go through a pivot: NOK in KES is 140 / 11.5 KES per NOK.
    const [inKes] = await totals(`groupBy=partnership&reportingCurrency=KES&explain=true&q=${KE}`);
    expect(inKes.reporting.committed).toBe(6_600_000 * 140 + 57_500_000 * (140 / 11.5));
    expect(inKes.reporting.conversions).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'NOK', to: 'KES', derivation: 'cross', via: 'EUR' })]));
  });

  it('lists what no rate converts instead of counting it as zero', async () => {
    const [ke] = await totals(`groupBy=partnership&reportingCurrency=USD&q=${KE}`);
    expect(ke.reporting).toMatchObject({ committed: 0, complete: false, burnRate: null, localShare: null });
    expect(ke.reporting.unconverted).toEqual(
      expect.arrayContaining([expect.objectContaining({ currency: 'EUR', committed: 6_600_000 }), expect.objectContaining({ currency: 'KES', spent: 210_000_000 })]),
    );
  });

  it('follows the money down the chain at converted weights', async () => {
    const res = await read(`/funding/chains/${KE}`);
    expect(res.status).toBe(200);
    expect(res.body.basis).toBe('EUR');
    expect(res.body.edges).toContainEqual({ providerId: 'g-bridge', receiverId: 'g-nairobi', currency: 'EUR', committed: 3_000_000, disbursed: 2_700_000, level: 2 });
    expect(res.body.edges).toContainEqual({ providerId: 'g-eu', receiverId: 'g-bridge', currency: 'EUR', committed: 6_600_000, disbursed: 6_600_000, level: 1 });
    expect(res.body.paths).toEqual(
      expect.arrayContaining([
        { donorId: 'g-eu', currency: 'EUR', path: ['g-eu', 'g-bridge', 'g-nairobi'], amount: 1_856_250 },
        { donorId: 'g-eu', currency: 'EUR', path: ['g-eu', 'g-bridge'], amount: 4_743_750 },
      ]),
    );
  });

  it('measures local ownership across currencies: local spend 0.5556, beneficiary-managed 0.2813', async () => {
    const res = await read(`/local-ownership/partnerships?q=${encodeURIComponent(run)}`);
    const ke = res.body.items.find((i: { partnershipId: string }) => i.partnershipId === KE);
    expect(ke.metrics).toMatchObject({ localSpend: 0.5556, beneficiaryManaged: 0.2813, demandOrigin: 1 });
    const detail = await read(`/partnerships/${KE}`);
    expect(detail.body.modality).toBe('north-south');
  });

  it('counts a donor that implements itself once: JPY 5,000,000 committed, EUR 6,250 spent, 0.2 local', async () => {
    const [gh] = await totals(`groupBy=partnership&reportingCurrency=EUR&q=${GH}`);
    expect(gh.reporting).toMatchObject({ committed: 3_125_000, disbursed: 0, spent: 625_000, spentLocally: 125_000, spentDirectly: 625_000, localShare: 0.2, burnRate: 1 });
    const [jica] = await totals(`groupBy=donor&reportingCurrency=EUR&q=${GH}`);
    expect(jica.reporting).toMatchObject({ committed: 3_125_000, spent: 625_000 });
  });

  it('refuses a rate far from the table unless confirmed, and spending far beyond what was received without a reason', async () => {
    const before = (await streamOf(t.app, `partnership-${KE}`)).length;
    const inverted = await post(t.app, `/partnerships/${KE}/disbursements`, 'g-nordic', {
      flowId: 'd-nordic-2',
      receiverId: 'g-bridge',
      amount: { amountMinor: 100_000, currency: 'NOK' },
      date: '2026-03-01',
      exchangeRate: { toCurrency: 'EUR', rate: '11.5' },
    });
    expect(inverted.status).toBe(422);
    expect(inverted.body.code).toBe('rule.flow.rate-deviation');
    expect(inverted.body.message).toContain('rateConfirmed');
    const overspend = await post(t.app, `/partnerships/${KE}/expenditures`, 'g-bridge', {
      flowId: 'x-bridge-big',
      amount: { amountMinor: 15_000_000, currency: 'EUR' },
      date: '2026-03-21',
      category: 'equipment',
      spentInCountry: 'CH',
      supplier: { name: 'Vendor', local: false },
    });
    expect(overspend.status).toBe(422);
    expect(overspend.body.code).toBe('rule.flow.spending-beyond-received');
    expect((await streamOf(t.app, `partnership-${KE}`)).length).toBe(before);
  });
});
