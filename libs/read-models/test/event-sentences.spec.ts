import { type PartnershipEvent } from '@ccb/domain';
import {
  BENEFICIARY,
  committed,
  deliveredActivity,
  DONOR,
  endorsed,
  joined,
  milestoneAchieved,
  milestonePlanned,
  need,
  planV1,
  proposed,
  refunded,
} from '../../domain/src/testing/partnership-fixtures';
import { eventSentence, describeEvent, type EventNames } from '../src/timeline/event-summary';
import { placeholdersOf, renderSentence, SENTENCE_TEMPLATES, type SentenceValue } from '../src/timeline/sentences';

const NAMES: EventNames = {
  organisation: (id) =>
    new Map([
      [DONOR, 'Netherlands MFA'],
      [BENEFICIARY, 'CERT-GH'],
    ]).get(id) ?? id,
  milestone: (id) => (id === 'm-1' ? '"Triage SOP adopted"' : id),
};

const activityCorrected: PartnershipEvent = {
  type: 'ActivityCorrected',
  schemaVersion: 1,
  data: { ...deliveredActivity, participants: { women: 7, men: 9, undisclosed: 0 }, reason: 'attendance sheet recounted', correctedBy: 'org-implementer' },
};

const closed: PartnershipEvent = {
  type: 'PartnershipClosed',
  schemaVersion: 1,
  data: { outcome: 'achieved', summary: 'done', handover: { done: true, institutionId: null, date: '2027-12-01' } },
};

const SAMPLES: readonly PartnershipEvent[] = [
  proposed,
  joined(DONOR, 'donor'),
  need,
  planV1,
  endorsed(DONOR, 'donor'),
  committed(240_000_000),
  milestonePlanned,
  milestoneAchieved,
  refunded(12_345),
];

describe('event sentences', () => {
  // English is what the API's `summary` always said: clients that read it see no change.
  it.each([
    [proposed, 'Partnership "National CERT operational readiness" proposed by CERT-GH (beneficiary) for GH'],
    [joined(DONOR, 'donor'), 'Netherlands MFA joined as donor'],
    [committed(240_000_000), 'Netherlands MFA committed 2,400,000.00 EUR to org-implementer'],
    [milestoneAchieved, 'Milestone "Triage SOP adopted" reported achieved on 2026-04-20'],
    [closed, 'Closed: achieved, handed over to a local institution'],
  ] as const)('%# reads in English as before', (event, english) => {
    expect(describeEvent(event, NAMES)).toBe(english);
  });

  it('gives each value its kind, so another language can write it its own way', () => {
    const said = eventSentence(committed(240_000_000), NAMES);
    expect(said.key).toBe('fundingCommitted');
    expect(said.values).toEqual({
      organisation: { kind: 'text', text: 'Netherlands MFA' },
      amount: { kind: 'money', amountMinor: 240_000_000, currency: 'EUR' },
      receiver: { kind: 'text', text: 'org-implementer' },
    });
    expect(eventSentence(proposed, NAMES).values['country']).toEqual({ kind: 'country', code: 'GH' });
    expect(eventSentence(activityCorrected, NAMES).values['women']).toEqual({ kind: 'number', value: 7 });
  });

  it('gives exactly the values its template names, no more and no fewer', () => {
    for (const event of [...SAMPLES, activityCorrected, closed]) {
      const said = eventSentence(event, NAMES);
      expect([event.type, Object.keys(said.values).sort()]).toEqual([event.type, [...new Set(placeholdersOf(SENTENCE_TEMPLATES[said.key]))].sort()]);
    }
  });

  it('renders with any writer: the writer sees each value with its kind', () => {
    const seen: SentenceValue['kind'][] = [];
    const text = renderSentence(eventSentence(activityCorrected, NAMES), (value) => (seen.push(value.kind), `[${value.kind}]`));
    expect(text).toBe('Activity [text] corrected by [text]: [number] participant(s) ([number] women), [date] to [date]: [text]');
    expect(seen).toEqual(['text', 'text', 'number', 'number', 'date', 'date', 'text']);
  });

  it('leaves a placeholder standing when a value is missing, rather than reading a prototype property', () => {
    expect(renderSentence({ key: 'partyJoined', values: { organisation: { kind: 'text', text: 'X' } } })).toBe('X joined as {{role}}');
    expect(renderSentence({ key: 'riskResolved', values: {} }, undefined, 'Risk {{constructor}} resolved')).toBe('Risk {{constructor}} resolved');
  });
});
