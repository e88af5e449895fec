import { parse } from 'csv-parse/sync';
import { DEMO_IATI_IDENTITIES } from '../apps/api/src/demo/demo-organisations';
import { DEMO_PARTNERSHIP_STEPS } from '../apps/api/src/demo/demo-partnerships';
import { get, put } from './support/http';
import { validateIati } from './support/iati-validation';
import { startTestApp, type TestApp } from './support/test-app';

const csvRows = (text: string) => parse<Record<string, string>>(text, { columns: true });

/**
 * Every IATI file the demo data gives (each partnership, each publishing organisation's portfolio) passes the
 * 2.03 schema and the Standard's rulesets with no error; confidential facts never appear in one.
 */
describe('IATI 2.03 export of the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded', { DEMO_DATA: 'true' });
  });
  afterAll(() => t?.close());

  const partnershipIds = [...new Set(DEMO_PARTNERSHIP_STEPS.map((s) => s.partnershipId))];
  const warnings = new Map<string, number>();

  it.each(partnershipIds)('partnership %s validates against the schema and the rulesets', async (id) => {
    const res = await get(t.app, `/partnerships/${id}/iati.xml`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const xml = res.text;
    const v = validateIati(xml);
    expect(v.schemaErrors).toEqual([]);
    expect(v.ruleErrors).toEqual([]);
    for (const w of v.ruleWarnings) warnings.set(w.ruleId, (warnings.get(w.ruleId) ?? 0) + 1);
    expect(xml).toContain('<iati-activities version="2.03"');
    expect(xml).toMatch(new RegExp(`<iati-identifier>[A-Z]{2}-[A-Z0-9]+-[^<]*-${id}</iati-identifier>`));
    // Confidential facts and people never leave: no needs, no findings, no e-mail addresses.
    expect(xml).not.toMatch(/@|needId|finding/i);
  });

  it.each([...DEMO_IATI_IDENTITIES.keys()])("%s's portfolio file validates", async (organisationId) => {
    const res = await get(t.app, `/iati/activities.xml?organisationId=${organisationId}`).expect(200);
    const v = validateIati(res.text);
    expect(v.schemaErrors).toEqual([]);
    expect(v.ruleErrors).toEqual([]);
    const identity = DEMO_IATI_IDENTITIES.get(organisationId);
    expect(res.text).toContain(`<reporting-org ref="${identity?.orgId}" type="${identity?.orgType}">`);
  });

  it("a member reads its own organisation's file, not another's; one without an IATI identifier is told how to get one", async () => {
    await get(t.app, '/iati/activities.xml', 'org-nl-mfa').expect(200);
    const other = await get(t.app, '/iati/activities.xml?organisationId=org-jp-coop', 'org-nl-mfa').expect(403);
    expect(other.body.code).toBe('access.organisation');
    const none = await get(t.app, '/iati/activities.xml', 'org-tl-mtc').expect(409);
    expect(none.body.code).toBe('iati.no-identifier');
    expect(none.body.message).toContain('/api/organisations/org-tl-mtc/iati-identity');
    // Senegal's ministry takes no part in the Ghana partnership: it hears that there is none.
    await get(t.app, '/partnerships/p-gh-cert-readiness/iati.xml', 'org-sn-digital').expect(404);
  });

  it('an identity set by an administrator is in the next file; a malformed one is refused naming the field', async () => {
    const bad = await put(t.app, '/organisations/org-tl-mtc/iati-identity', 'org-admin', { orgId: 'TL MTC 1', orgType: '10' }).expect(422);
    expect(JSON.stringify(bad.body)).toContain('orgId');
    await put(t.app, '/organisations/org-tl-mtc/iati-identity', 'org-admin', { orgId: 'XI-IATI-TLMTC', orgType: '10' }).expect(200);
    const res = await get(t.app, '/iati/activities.xml?organisationId=org-tl-mtc').expect(200);
    expect(res.text).toContain('ref="XI-IATI-TLMTC"');
  });

  it('what the partnerships publish reaches the file: budgets, planned disbursements, sectors, regions, documents', async () => {
    const gh = (await get(t.app, '/partnerships/p-gh-cert-readiness/iati.xml').expect(200)).text;
    // Three budgets: 2025 original committed, 2026 original indicative, 2026 revised committed; 210,000.00 EUR is 21_000_000 cents.
    expect(gh).toMatch(
      /<budget type="1" status="2">\s*<period-start iso-date="2025-01-15"\/>\s*<period-end iso-date="2025-12-31"\/>\s*<value currency="EUR" value-date="2025-01-15">300000.00<\/value>/,
    );
    expect(gh).toMatch(/<budget type="2" status="2">[\s\S]*?<value currency="EUR" value-date="2026-06-01">210000.00<\/value>/);
    expect(gh).toMatch(/<planned-disbursement type="1">[\s\S]*?<value currency="EUR" value-date="2026-01-01">120000.00<\/value>[\s\S]*?<receiver-org ref="NL-KVK-87654321"/);
    expect(gh).toMatch(/<document-link format="application\/pdf" url="https:\/\/cyberbridge.example.org\/gh\/triage-sop-v1.pdf">/);
    expect(gh).toContain('<category code="A08"/>');
    // Kenya: sectors as allocated (not the theme default), and a regional share beside the country.
    const ke = (await get(t.app, '/partnerships/p-ke-cybercrime-law/iati.xml').expect(200)).text;
    expect(ke).toContain('<sector vocabulary="1" code="15130" percentage="70"/>');
    expect(ke).toContain('<sector vocabulary="1" code="15210" percentage="30"/>');
    expect(ke).toContain('<recipient-country code="KE" percentage="85"/>');
    expect(ke).toContain('<recipient-region code="289" vocabulary="1" percentage="15"/>');
    // The closed exercise: status 4, actual end, and the evaluator's report linked after closure.
    const mz = (await get(t.app, '/partnerships/p-mz-exercise-closed/iati.xml').expect(200)).text;
    expect(mz).toContain('<activity-status code="4"/>');
    expect(mz).toMatch(/<activity-date type="4" iso-date="\d{4}-\d{2}-\d{2}"\/>/);
    expect(mz).toContain('<language code="pt"/>');
  });

  it("d-portal's CSV layout: activities with their sums, transactions with both sides (figures by hand below)", async () => {
    const activities = csvRows(
      (
        await get(t.app, '/iati/activities.csv?organisationId=org-nl-mfa')
          .expect(200)
          .expect('content-type', /^text\/csv/)
      ).text,
    );
    const gh = activities.find((r) => r.aid === 'XM-DAC-7-p-gh-cert-readiness');
    // The Netherlands' own side of Ghana: committed gh-c-1 480,000.00; disbursed gh-d-1 240,000.00 (spend = 3 + 4);
    // budgets 2025 original 300,000.00 + 2026 revised 210,000.00 (it replaces the 2026 original of 180,000.00) = 510,000.00.
    expect(gh).toMatchObject({ reporting_ref: 'XM-DAC-7', status_code: '2', currency: 'EUR', commitment: '480000.00', spend: '240000.00', budget: '510000.00' });
    expect(gh).toMatchObject({ country_code: 'GH', country_percent: '100', sector_code: '22040', sector_percent: '100', day_start: expect.stringMatching(/^\d{4}-/) });

    const transactions = csvRows((await get(t.app, '/iati/transactions.csv?organisationId=org-cyberbridge').expect(200)).text);
    const ghRows = transactions.filter((r) => r.aid === 'NL-KVK-87654321-p-gh-cert-readiness');
    // CyberBridge's side: the Dutch commitment and disbursement come in (11, 1) pointing at the Dutch activity; it commits
    // and disburses to CERT-GH (2, 3) and spends twice (4); the voided duplicate gh-x-3 and CERT-GH's own spending are not its.
    expect(ghRows.map((r) => [r.trans_ref, r.trans_code, r.trans_value])).toEqual([
      ['gh-c-1', '11', '480000.00'],
      ['gh-d-1', '1', '240000.00'],
      ['gh-c-2', '2', '60000.00'],
      ['gh-d-2', '3', '40000.00'],
      ['gh-x-1', '4', '18500.00'],
      ['gh-x-2', '4', '94000.00'],
    ]);
    expect(ghRows[0]).toMatchObject({ trans_provider_ref: 'XM-DAC-7', trans_provider_activity: 'XM-DAC-7-p-gh-cert-readiness', trans_receiver_ref: 'NL-KVK-87654321' });
    const ghActivity = csvRows((await get(t.app, '/iati/activities.csv?organisationId=org-cyberbridge').expect(200)).text).find(
      (r) => r.aid === 'NL-KVK-87654321-p-gh-cert-readiness',
    );
    // commitment 60,000.00 (its own 2 only); spend 40,000.00 + 18,500.00 + 94,000.00 = 152,500.00; no budget of its own.
    expect(ghActivity).toMatchObject({ commitment: '60000.00', spend: '152500.00', budget: '' });
  });

  afterAll(() => {
    // The closing note quotes these: which warnings the Standard's rulesets give on the demo files.
    process.stdout.write(`IATI ruleset warnings on the demo partnerships: ${JSON.stringify(Object.fromEntries(warnings))}\n`);
  });
});
