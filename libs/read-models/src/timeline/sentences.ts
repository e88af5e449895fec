/**
 * The sentences a person reads about a partnership's history (one per event, and the net changes between two
 * points), declared once as templates with typed values. The API renders them in English (`summary`,
 * `changes`) and also sends them as `{ key, values }`, so the dashboard renders the same sentence in the
 * reader's language: codes by its codelist words, money, dates and numbers by `Intl` for the reader's locale.
 * The English templates below are the dashboard's English too; its other languages translate each key.
 */
import { formatMoney } from '../shared/format';

/** One value of a sentence: what it is decides how each language writes it. */
export type SentenceValue =
  /** As recorded (titles, reasons, ids, names): never translated. */
  | { readonly kind: 'text'; readonly text: string }
  /** A codelist value (role, phase, theme, kind…): each language's word for it. */
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'codes'; readonly codes: readonly string[] }
  | { readonly kind: 'money'; readonly amountMinor: number; readonly currency: string }
  /** ISO 8601 date. */
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'number'; readonly value: number }
  /** ISO 3166-1 alpha-2. */
  | { readonly kind: 'country'; readonly code: string }
  /** ISO 639 codes. */
  | { readonly kind: 'languages'; readonly codes: readonly string[] }
  /** An event type name (`MilestoneDisputed`). */
  | { readonly kind: 'eventType'; readonly type: string };

export const SENTENCE_TEMPLATES = {
  partnershipProposed: 'Partnership "{{title}}" proposed by {{organisation}} ({{role}}) for {{country}}',
  partyJoined: '{{organisation}} joined as {{role}}',
  needStated: '{{organisation}} stated a {{kind}}',
  needStatedConfidential: '{{organisation}} stated a {{kind}} (confidential)',
  languagesStated: 'Languages of instruction stated: {{languages}}',
  planVersionProposed: 'Plan version {{version}} proposed by {{organisation}} with {{objectives}} objective(s)',
  planEndorsed: '{{organisation}} endorsed plan version {{version}} as {{role}}',
  baselineCommitmentRecorded: 'Baseline commitment recorded: {{commitment}}',
  partnershipTagged: 'Tagged: {{themes}}',
  partnershipTaggedWithLevels: 'Tagged: {{themes}} ({{levels}})',
  phaseAdvanced: 'Phase moved from {{from}} to {{to}}',
  sectorsAllocated: 'DAC sectors set by {{organisation}}: {{sectors}}',
  recipientAreasSet: 'Recipient areas set by {{organisation}}: {{areas}}',
  budgetPlanned: 'Budget of {{amount}} ({{status}}) for {{start}} to {{end}}, by {{organisation}}',
  budgetRevised: 'Revised budget of {{amount}} ({{status}}) for {{start}} to {{end}}, by {{organisation}}',
  budgetVoided: 'Budget {{budget}} voided by {{organisation}}',
  disbursementPlanned: '{{organisation}} plans to disburse {{amount}} in {{start}} to {{end}}',
  disbursementPlannedTo: '{{organisation}} plans to disburse {{amount}} to {{receiver}} in {{start}} to {{end}}',
  plannedDisbursementVoided: 'Planned disbursement {{plannedDisbursement}} voided by {{organisation}}',
  documentLinked: 'Document "{{title}}" ({{category}}, {{language}}) linked by {{organisation}}',
  documentLinkedToMilestone: 'Document "{{title}}" ({{category}}, {{language}}) linked by {{organisation}} to milestone {{milestone}}',
  documentUnlinked: 'Document {{document}} unlinked by {{organisation}}',
  partnershipSuspended: 'Suspended during {{phase}}',
  partnershipResumed: 'Resumed in {{phase}}',
  fundingCommitted: '{{organisation}} committed {{amount}} to {{receiver}}',
  fundsDisbursed: '{{organisation}} disbursed {{amount}} to {{receiver}}',
  refundRecorded: '{{organisation}} refunded {{amount}} to {{provider}}',
  inKindContributionRecorded: '{{organisation}} contributed in kind {{amount}} to {{receiver}}',
  expenditureRecordedLocal: '{{organisation}} spent {{amount}} on {{category}} in {{country}} (local supplier)',
  expenditureRecordedForeign: '{{organisation}} spent {{amount}} on {{category}} in {{country}} (foreign supplier)',
  expenditureVoided: 'Expenditure {{flow}} voided by {{organisation}}',
  commitmentAmended: 'Commitment {{flow}} amended to {{amount}} dated {{date}} by {{organisation}}: {{reason}}',
  commitmentCancelled: 'Commitment {{flow}} cancelled by {{organisation}}: {{reason}}',
  flowVoided: 'Flow {{flow}} voided by {{organisation}}: {{reason}}',
  flowCorrected: 'Flow {{flow}} corrected by {{organisation}} to {{date}} at {{rate}} {{currency}}: {{reason}}',
  flowCorrectedNoRate: 'Flow {{flow}} corrected by {{organisation}} to {{date}}, no recorded rate: {{reason}}',
  activityCorrected: 'Activity {{activity}} corrected by {{organisation}}: {{participants}} participant(s) ({{women}} women), {{start}} to {{end}}: {{reason}}',
  activityVoided: 'Activity {{activity}} voided by {{organisation}}: {{reason}}',
  milestoneRescheduled: 'Milestone {{milestone}} rescheduled to {{date}} by {{organisation}}: {{reason}}',
  milestoneCancelled: 'Milestone {{milestone}} cancelled by {{organisation}}: {{reason}}',
  milestoneConfirmationRetracted: '{{organisation}} retracted its confirmation of milestone {{milestone}}: {{reason}}',
  milestoneDisputeRetracted: '{{organisation}} retracted its dispute of milestone {{milestone}}: {{reason}}',
  indicatorRevised: 'Indicator {{indicator}} revised by {{organisation}}: baseline {{baseline}}, target {{target}}: {{reason}}',
  partnershipAmended: 'Title and summary amended by {{organisation}} ("{{title}}"): {{reason}}',
  plannedDatesChanged: 'Planned period changed by {{organisation}} to {{start}} – {{end}}: {{reason}}',
  plannedDatesChangedOpen: 'Planned period changed by {{organisation}} to {{start}} – open: {{reason}}',
  partyInvited: '{{organisation}} invited as {{role}} by {{inviter}}',
  invitationDeclined: '{{organisation}} declined to join as {{role}}: {{reason}}',
  invitationWithdrawn: 'Invitation of {{organisation}} as {{role}} withdrawn by {{withdrawer}}',
  measurementVoided: 'Measurement of indicator {{indicator}} ({{value}} on {{date}}) voided by {{organisation}}',
  needsReprioritised: 'Needs ranked anew by {{organisation}}: {{ranking}}',
  midTermReviewRecorded: 'Mid-term review {{review}} by {{organisation}}',
  midTermReviewRecordedScored: 'Mid-term review {{review}} by {{organisation}}, {{scores}} principle(s) scored provisionally',
  needWithdrawn: 'Need {{need}} withdrawn by {{organisation}}',
  needClassified: 'Need {{need}} classified confidential by {{organisation}}',
  needDeclassified: 'Need {{need}} declassified by {{organisation}}',
  baselineCommitmentWithdrawn: 'Baseline commitment {{commitment}} withdrawn by {{organisation}}: {{reason}}',
  partyLeft: '{{organisation}} left as {{role}} from {{date}}: {{reason}}',
  evaluatorReplaced: 'Evaluator {{previous}} replaced by {{organisation}} (by {{replacer}}): {{reason}}',
  partnershipCancelled: 'Partnership cancelled in {{phase}} by {{organisation}}: {{reason}}',
  closureCorrected: 'Closure corrected by {{organisation}}: outcome {{outcome}}, handover not done: {{reason}}',
  closureCorrectedHandedOver: 'Closure corrected by {{organisation}}: outcome {{outcome}}, handover to {{institution}} on {{date}}: {{reason}}',
  closureCorrectedHandedOverLocal: 'Closure corrected by {{organisation}}: outcome {{outcome}}, handover to a local institution on {{date}}: {{reason}}',
  milestonePlanned: 'Milestone "{{title}}" planned for {{date}}',
  milestoneAchieved: 'Milestone {{milestone}} reported achieved on {{date}}',
  milestoneConfirmed: 'Milestone {{milestone}} confirmed by {{organisation}}',
  milestoneDisputed: 'Milestone {{milestone}} disputed by {{organisation}}',
  activityDelivered: '{{type}} "{{title}}" delivered to {{participants}} participant(s) ({{women}} women)',
  indicatorDefined: 'Indicator "{{name}}" defined: baseline {{baseline}}, target {{target}} {{unit}}',
  indicatorMeasured: 'Indicator {{indicator}} measured at {{value}} on {{date}}',
  riskRaised: '{{severity}} {{kind}} raised by {{organisation}}',
  riskResolved: 'Risk {{risk}} resolved',
  evaluatorAppointed: '{{organisation}} appointed evaluator by {{appointer}}',
  evaluationRecorded: 'Evaluation {{evaluation}} by {{organisation}} scored {{scores}} principle(s)',
  evaluationRecordedCorrecting: 'Evaluation {{evaluation}} by {{organisation}} scored {{scores}} principle(s), correcting {{corrected}}',
  partnershipClosed: 'Closed: {{outcome}}',
  partnershipClosedHandedOver: 'Closed: {{outcome}}, handed over to {{institution}}',
  partnershipClosedHandedOverLocal: 'Closed: {{outcome}}, handed over to a local institution',
  unreadableEvent: 'A {{type}} event that cannot be read (left out of every figure)',
  // The net changes between two points of the history (GET …/diff, …/changes).
  changedProposed: 'The partnership "{{title}}" was proposed',
  changedSuspended: 'The partnership was suspended',
  changedResumed: 'The partnership resumed',
  changedMoreCommitment: '{{amount}} more committed (now {{total}})',
  changedLessCommitment: 'Net {{amount}} less committed (now {{total}})',
  changedMoreDisbursement: '{{amount}} more disbursed (now {{total}})',
  changedLessDisbursement: 'Net {{amount}} less disbursed (now {{total}})',
  changedMoreExpenditure: '{{amount}} more spent (now {{total}})',
  changedLessExpenditure: 'Net {{amount}} less spent (now {{total}})',
  changedMoreRefund: '{{amount}} more refunded (now {{total}})',
  changedLessRefund: 'Net {{amount}} less refunded (now {{total}})',
  changedMoreInKind: '{{amount}} more contributed in kind (now {{total}})',
  changedLessInKind: 'Net {{amount}} less contributed in kind (now {{total}})',
  changedMilestonePlanned: 'Milestone "{{title}}" planned (due {{date}})',
  changedMilestonePlannedNow: 'Milestone "{{title}}" planned (due {{date}}) and now {{status}}',
  changedMilestoneStatus: 'Milestone "{{title}}" went from {{from}} to {{to}}',
  changedActivities: '{{delta}} activities delivered (now {{total}})',
  changedNeeds: '{{delta}} needs stated (now {{total}})',
  changedOpenRisks: '{{delta}} open risks (now {{total}})',
  changedEvaluations: '{{delta}} evaluations (now {{total}})',
  changedPlanVersion: 'Plan version {{version}} proposed (was {{previous}})',
  changedFirstPlanVersion: 'Plan version {{version}} proposed (was none)',
  changedOwnershipFirst: 'Local-ownership index first computed to {{to}}',
  changedOwnership: 'Local-ownership index moved from {{from}} to {{to}}',
  changedOwnershipGone: 'Local-ownership index moved from {{from}} to no value',
} as const;

export type SentenceKey = keyof typeof SENTENCE_TEMPLATES;

/** A sentence as the API sends it: the dashboard renders `sentences.<key>` with the values in its language. */
export interface Sentence {
  readonly key: SentenceKey;
  readonly values: Readonly<Record<string, SentenceValue>>;
}

export const text = (value: string): SentenceValue => ({ kind: 'text', text: value });
export const code = (value: string): SentenceValue => ({ kind: 'code', code: value });
export const codes = (values: readonly string[]): SentenceValue => ({ kind: 'codes', codes: values });
export const money = (amount: { readonly amountMinor: number; readonly currency: string }): SentenceValue => ({
  kind: 'money',
  amountMinor: amount.amountMinor,
  currency: amount.currency,
});
export const date = (value: string): SentenceValue => ({ kind: 'date', date: value });
export const num = (value: number): SentenceValue => ({ kind: 'number', value });
export const sentence = (key: SentenceKey, values: Record<string, SentenceValue> = {}): Sentence => ({ key, values });

/** The placeholders of a template, in order: what a translation must keep and a sentence must give. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);

/** English as the API's `summary` and `changes` have always read: codes and dates as recorded, exact money. */
export function englishValue(value: SentenceValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'code':
      return value.code;
    case 'codes':
    case 'languages':
      return value.codes.join(', ');
    case 'money':
      return formatMoney(value.amountMinor, value.currency);
    case 'date':
      return value.date;
    case 'number':
      return String(value.value);
    case 'country':
      return value.code;
    case 'eventType':
      return value.type;
  }
}

export function renderSentence(s: Sentence, write: (value: SentenceValue) => string = englishValue, template: string = SENTENCE_TEMPLATES[s.key]): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(s.values, name) ? s.values[name] : undefined;
    return value === undefined ? placeholder : write(value);
  });
}
