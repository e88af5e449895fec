import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { externalActivityDecider, type ExternalActivity } from '@ccb/domain';
import type { EventStore } from '@ccb/event-store';
import type { ExternalOverlap, Page } from '@ccb/read-models';
import { EVENT_STORE } from '../apps/api/src/event-store/event-store.module';
import { ProjectionsService } from '../apps/api/src/read-models/projections.service';
import { externalActivityStreamKey, type ImportReport } from '@ccb/iati';
import { actor, ADMIN_ORG, get, streamOf } from './support/http';
import { IATI_REFERENCE } from './support/iati-validation';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Other publishers' IATI files come in through the command path: each activity whole or not at all, a second
 * import of the same file appends nothing, a changed file appends what changed, and every messy case a real
 * file has is read or reported with its line and XPath, never a 500.
 */
describe('IATI import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded', { DEMO_DATA: 'true' });
  });
  afterAll(() => t?.close());

  const upload = (xml: string, query = '', org = ADMIN_ORG, type = 'application/xml') =>
    request(t.app.getHttpServer())
      .post(`/api/iati/imports${query}`)
      .set({ ...actor(org), 'Content-Type': type })
      .send(xml);

  it("imports the Standard's annotated example, and a second import appends nothing", async () => {
    const xml = readFileSync(path.join(IATI_REFERENCE, 'activity-standard-example-annotated.xml'), 'utf8');
    const first = (await upload(xml, '?file=standard-example.xml').expect(200)).body as ImportReport;
    expect(first).toMatchObject({ version: '2.03', activitiesRead: 1, created: 1, updated: 0, unchanged: 0 });
    expect(first.skipped).toEqual([]);
    const again = (await upload(xml, '?file=standard-example.xml').expect(200)).body as ImportReport;
    expect(again).toMatchObject({ activitiesRead: 1, created: 0, updated: 0, unchanged: 1 });
  });

  it('a changed file appends only the difference, named; a dry run appends nothing', async () => {
    const v1 = activityFile('XM-DAC-7-changing', { status: '2', end: '2027-12-31' });
    expect((await upload(v1).expect(200)).body).toMatchObject({ created: 1 });
    const v2 = activityFile('XM-DAC-7-changing', { status: '3', end: '2028-06-30' });
    const dry = (await upload(v2, '?dryRun=true').expect(200)).body as ImportReport;
    expect(dry).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    // The dry run left the stored record as it was: the real import still finds the change.
    const real = (await upload(v2, '?file=v2.xml').expect(200)).body as ImportReport;
    expect(real).toMatchObject({ updated: 1 });
    expect((await upload(v2).expect(200)).body).toMatchObject({ unchanged: 1 });
  });

  it('reads a messy file: 1.05 codes, no version, BOM and CRLF, names without refs, foreign namespaces, and reports the rest', async () => {
    const report = (await upload(MESSY, '?file=messy.xml').expect(200)).body as ImportReport;
    expect(report.version).toBeNull();
    expect(report.activitiesRead).toBe(4);
    // The duplicate and the activity without an identifier are skipped, with the reason and the line.
    expect(report.skipped.map((s) => s.reason)).toEqual(['no iati-identifier', expect.stringContaining('same iati-identifier appeared earlier')]);
    expect(report.skipped.every((s) => s.line > 1)).toBe(true);
    expect(report.created).toBe(2);
    const codes = new Set(report.problems.map((p) => p.code));
    // A budget of two years, an unknown sector, a value in no known currency, a value without a date (taken from the transaction), an unnamed organisation.
    for (const code of ['budget.period-year', 'sector.code', 'value.currency', 'value.date', 'transaction.type', 'organisation.unnamed']) expect(codes).toContain(code);
    const legacy = await recordOf('US-EIN-1-legacy');
    // 1.05 codes read as 2.03: Funding -> 1, start-planned -> 1, C -> 2; the name-only ministry keeps no ref (none is invented).
    expect(legacy.participatingOrgs).toEqual([{ ref: null, name: "Ministère  de l'Intérieur", type: null, role: '1' }]);
    expect(legacy.plannedStart).toBe('2013-01-01');
    expect(legacy.transactions.map((x) => [x.type, x.value.amountMinor, x.value.currency])).toEqual([['2', 25_000_000, 'USD']]);
    // The provider named "ministere de l interieur" is the same organisation, spelled as first written.
    expect(legacy.transactions[0].provider).toEqual({ ref: null, name: "Ministère  de l'Intérieur", type: null });
    expect(legacy.budgets).toEqual([]);
    // French as the activity's language: its French title is chosen; XOF has no minor unit, so 1000000 is 1000000.
    const french = await recordOf('FR-3-sn-cyber');
    expect(french.title).toBe('Stratégie cyber');
    expect(french.transactions[0].value).toEqual({ amountMinor: 1_000_000, currency: 'XOF', valueDate: '2024-05-01' });
    for (const p of report.problems) {
      expect(p.line).toBeGreaterThan(0);
      expect(p.xpath).toMatch(/^\/iati-activities\/iati-activity\[\d+\]/);
    }
  });

  it('a file that stops being well-formed keeps what came before and says where it broke', async () => {
    const broken = `${activityFile('XM-DAC-7-before-the-break', {}).replace('</iati-activities>', '')}<iati-activity><iati-identifier>oops</iati-`;
    const report = (await upload(broken).expect(200)).body as ImportReport;
    expect(report.created).toBe(1);
    expect(report.skipped.at(-1)?.reason).toMatch(/well-formed/);
  });

  it('refuses what is not an IATI file upload, and anyone but an administrator', async () => {
    await upload('{"a":1}', '', ADMIN_ORG, 'application/json').expect(415);
    await upload(activityFile('XM-DAC-7-x', {}), '', 'org-nl-mfa').expect(403);
  });

  it('round trip: a file the tracker exported imports as a record with the same money, in the same currencies', async () => {
    const exported = (await get(t.app, '/partnerships/p-gh-cert-readiness/iati.xml').expect(200)).text;
    const report = (await upload(exported, '?file=tracker-gh.xml').expect(200)).body as ImportReport;
    expect(report).toMatchObject({ activitiesRead: 1, created: 1, skipped: [] });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The Netherlands' side of Ghana as exported: 480,000.00 committed and 240,000.00 disbursed, in EUR cents.
    const record = await recordOf('XM-DAC-7-p-gh-cert-readiness');
    expect(record.transactions.map((x) => [x.ref, x.type, x.value.amountMinor, x.value.currency])).toEqual([
      ['gh-c-1', '2', 48_000_000, 'EUR'],
      ['gh-d-1', '3', 24_000_000, 'EUR'],
    ]);
    expect(record.budgets.map((b) => [b.type, b.value.amountMinor])).toEqual([
      ['1', 30_000_000],
      ['1', 18_000_000],
      ['2', 21_000_000],
    ]);
    expect(record.sectors).toEqual([{ code: '22040', percentage: 100 }]);
  });

  it("coordination: another donor's imported activity in Ghana's CERT sector overlaps the Dutch partnership; the tracker's own file imported back does not", async () => {
    const british = activityFile('GB-GOV-1-gh-cyber', {}).replace('XM-DAC-7-changing', 'x').replaceAll('ref="XM-DAC-7"', 'ref="GB-GOV-1"').replaceAll('Netherlands MFA', 'UK FCDO');
    expect((await upload(british, '?file=gb.xml').expect(200)).body).toMatchObject({ created: 1 });
    // The Netherlands' own published file of this partnership, imported back (a no-op if an earlier test did it).
    await upload((await get(t.app, '/partnerships/p-gh-cert-readiness/iati.xml').expect(200)).text, '?file=tracker-gh.xml').expect(200);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    if (head) await t.app.get(ProjectionsService).waitFor(['portfolio'], head);
    const overlaps = (await get(t.app, '/coordination/external-overlaps?partnershipId=p-gh-cert-readiness').expect(200)).body as Page<ExternalOverlap>;
    const identifiers = overlaps.items.map((o) => o.external.identifier);
    // Same country (GH), same sector (22040), 2025-2027 against 2025-01-15 to 2026-12-31, reported by the UK, no party here.
    expect(identifiers).toContain('GB-GOV-1-gh-cyber');
    const gb = overlaps.items.find((o) => o.external.identifier === 'GB-GOV-1-gh-cyber');
    expect(gb).toMatchObject({
      country: 'GH',
      sharedSectors: ['22040'],
      overlapStart: '2025-01-15',
      overlapEnd: '2026-12-31',
      external: { reportingOrg: { name: 'UK FCDO', ref: 'GB-GOV-1' } },
    });
    // A party reported that one: it is the partnership itself, no overlap.
    expect(identifiers).not.toContain('XM-DAC-7-p-gh-cert-readiness');
  });

  /** The activity as the import recorded it: the last event of its stream. */
  async function recordOf(identifier: string): Promise<ExternalActivity> {
    const events = await streamOf(t.app, externalActivityDecider.streamId(externalActivityStreamKey(identifier)));
    const last = events.at(-1);
    if (!last) throw new Error(`${identifier} was not imported`);
    return externalActivityDecider.upcast(last).data.activity;
  }
});

function activityFile(identifier: string, o: { status?: string; end?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="en" default-currency="EUR" last-updated-datetime="2026-01-01T00:00:00Z">
    <iati-identifier>${identifier}</iati-identifier>
    <reporting-org ref="XM-DAC-7" type="10"><narrative>Netherlands MFA</narrative></reporting-org>
    <title><narrative>Cyber resilience</narrative></title>
    <description><narrative>CERT support</narrative></description>
    <participating-org ref="XM-DAC-7" role="1" type="10"><narrative>Netherlands MFA</narrative></participating-org>
    <activity-status code="${o.status ?? '2'}"/>
    <activity-date type="1" iso-date="2025-01-01"/>
    <activity-date type="3" iso-date="${o.end ?? '2027-12-31'}"/>
    <recipient-country code="GH" percentage="100"/>
    <sector vocabulary="1" code="22040" percentage="100"/>
    <transaction><transaction-type code="2"/><transaction-date iso-date="2025-03-01"/><value currency="EUR" value-date="2025-03-01">480000.00</value></transaction>
  </iati-activity>
</iati-activities>
`;
}

/** Every mess at once: BOM, CRLF, no @version, 1.05 codes, names without refs, iati-extra elements, and faults. */
const MESSY = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r
<iati-activities generated-datetime="2014-01-01T00:00:00" xmlns:iati-extra="http://datastore.iatistandard.org/ns">\r
  <iati-activity default-currency="USD" iati-extra:version="1.05">\r
    <iati-identifier>US-EIN-1-legacy</iati-identifier>\r
    <reporting-org ref="US-EIN-1" type="21">Legacy NGO</reporting-org>\r
    <title>Legacy CERT training</title>\r
    <participating-org role="Funding">Ministère  de l'Intérieur</participating-org>\r
    <participating-org role="Implementing"><narrative></narrative></participating-org>\r
    <activity-date type="start-planned" iso-date="2013-01-01"/>\r
    <recipient-country code="SN"/>\r
    <sector vocabulary="DAC" code="99999"/>\r
    <budget><period-start iso-date="2013-01-01"/><period-end iso-date="2014-12-31"/><value value-date="2013-01-01">1000</value></budget>\r
    <transaction><transaction-type code="C"/><transaction-date iso-date="2013-02-01"/><value>250000</value><provider-org>ministere de l interieur</provider-org></transaction>\r
    <transaction><transaction-type code="D"/><transaction-date iso-date="2013-03-01"/><value currency="XYZ">100</value></transaction>\r
    <transaction><transaction-type code="ZZ"/><value value-date="2013-04-01">5</value></transaction>\r
    <iati-extra:note>tooling note</iati-extra:note>\r
  </iati-activity>\r
  <iati-activity>\r
    <reporting-org ref="XX-1"><narrative>No identifier</narrative></reporting-org>\r
  </iati-activity>\r
  <iati-activity xml:lang="fr" default-currency="XOF">\r
    <iati-identifier>FR-3-sn-cyber</iati-identifier>\r
    <reporting-org ref="FR-3" type="10"><narrative xml:lang="fr">AFD</narrative></reporting-org>\r
    <title><narrative xml:lang="en">Cyber strategy</narrative><narrative xml:lang="fr">Stratégie cyber</narrative></title>\r
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-05-01"/><value>1000000</value></transaction>\r
  </iati-activity>\r
  <iati-activity>\r
    <iati-identifier>US-EIN-1-legacy</iati-identifier>\r
    <reporting-org ref="US-EIN-1"><narrative>Legacy NGO again</narrative></reporting-org>\r
  </iati-activity>\r
</iati-activities>\r
`;
