import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyRuleset, parseXml, type Ruleset } from '../src/rulesets/ruleset-engine';

const IATI = path.resolve(__dirname, '../../../../shared/iati');
const ruleset = JSON.parse(readFileSync(path.join(IATI, 'rulesets/standard-2.03.json'), 'utf8')) as Ruleset;
const NOW = new Date('2026-12-07T00:00:00Z');

const activity = (body: string, attributes = 'xml:lang="en" default-currency="EUR"') =>
  parseXml(
    `<iati-activities version="2.03"><iati-activity ${attributes} last-updated-datetime="2026-01-01T00:00:00Z"><iati-identifier>XM-DAC-7-P1</iati-identifier><reporting-org ref="XM-DAC-7" type="10"><narrative>NL</narrative></reporting-org><title><narrative>T</narrative></title><description><narrative>D</narrative></description><participating-org role="1" ref="XM-DAC-7"><narrative>NL</narrative></participating-org><activity-date type="1" iso-date="2026-01-01"/><recipient-country code="GH" percentage="100"/>${body}</iati-activity></iati-activities>`,
  );
const ids = (body: string, attributes?: string) => applyRuleset(activity(body, attributes), ruleset, NOW).findings.map((f) => f.ruleId);

describe('the IATI 2.03 rulesets', () => {
  it('finds in the Standard’s annotated example exactly the alternatives it shows side by side', () => {
    // The example illustrates every element, so it declares sectors and countries both on the activity and on a
    // transaction (6.6.2, 3.6.2), a reference on a result and its indicator (8.11.1), country and region shares
    // that add up to 100 only across vocabularies (3.4.2), and a vocabulary-99 marker without a narrative (6.13.1).
    const report = applyRuleset(parseXml(readFileSync(path.join(IATI, 'activity-standard-example-annotated.xml'), 'utf8')), ruleset, NOW);
    const errors = [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))].sort();
    expect(errors).toEqual(['3.4.2', '3.6.2', '6.13.1', '6.6.2', '8.11.1']);
    expect(report.casesChecked).toBeGreaterThan(100);
  });

  it('holds a clean activity to no finding, and names the rule each fault breaks', () => {
    expect(ids('<sector vocabulary="1" code="22040" percentage="100"/>')).toEqual([]);
    // Sectors summing to 99 (2.1.2), one missing (6.1.1 atleast_one), budgets longer than a year, dates backwards.
    expect(ids('<sector vocabulary="1" code="22040" percentage="50"/><sector vocabulary="1" code="15110" percentage="49"/>')).toContain('2.1.2');
    expect(ids('')).toEqual(expect.arrayContaining([expect.stringMatching(/^6\./)]));
    expect(
      ids(
        '<sector vocabulary="1" code="22040" percentage="100"/><budget><period-start iso-date="2026-01-01"/><period-end iso-date="2027-06-30"/><value value-date="2026-01-01">1</value></budget>',
      ),
    ).toContain('7.5.3');
    expect(ids('<activity-date type="3" iso-date="2025-01-01"/><sector vocabulary="1" code="22040" percentage="100"/>').length).toBeGreaterThan(0);
    // A transaction dated after today, and an identifier not built on the reporting organisation's.
    expect(
      ids(
        '<sector vocabulary="1" code="22040" percentage="100"/><transaction><transaction-type code="3"/><transaction-date iso-date="2027-01-01"/><value value-date="2027-01-01">5</value></transaction>',
      ).length,
    ).toBeGreaterThan(0);
  });

  it('wants a language on the activity or on every narrative (4.1.1)', () => {
    expect(ids('<sector vocabulary="1" code="22040" percentage="100"/>', 'default-currency="EUR"')).toContain('4.1.1');
  });
});
