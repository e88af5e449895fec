import type { PartnershipEvent } from '../src';
import { BENEFICIARY, DONOR, EVALUATOR, IMPLEMENTER, eur, inDelivery, milestonePlanned } from '../src/testing/partnership-fixtures';
import { as, given } from '../src/testing/partnership-spec';

const budget = {
  budgetId: 'b-2026',
  kind: 'original' as const,
  status: 'committed' as const,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  amount: eur(40_000_000),
  valueDate: '2026-01-01',
};
const budgeted: PartnershipEvent = { type: 'BudgetPlanned', schemaVersion: 1, data: { ...budget, plannedBy: DONOR } };
const document = { documentId: 'doc-1', title: 'Inception report', url: 'https://example.org/inception.pdf', category: 'A07' as const, language: 'en', milestoneId: null };
const linked: PartnershipEvent = { type: 'DocumentLinked', schemaVersion: 1, data: { ...document, linkedBy: IMPLEMENTER } };
const closed: PartnershipEvent = {
  type: 'PartnershipClosed',
  schemaVersion: 1,
  data: { outcome: 'achieved', summary: 'Done', handover: { done: true, institutionId: BENEFICIARY, date: '2026-06-01' } },
};
const appointed: PartnershipEvent = { type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: EVALUATOR, appointedBy: DONOR } };

describe('what a partnership publishes (IATI)', () => {
  it('sectors: DAC codes, each once, with shares that sum to exactly 100 (two decimals)', () => {
    // 33.33 + 33.33 + 33.34 = 100.00: in hundredths, no float rounding.
    const thirds = [
      { code: '22040', percentage: 33.33 },
      { code: '15110', percentage: 33.33 },
      { code: '15130', percentage: 33.34 },
    ];
    given(...inDelivery)
      .when({ type: 'AllocateSectors', data: { sectors: thirds }, context: as(DONOR) })
      .then([{ type: 'SectorsAllocated', schemaVersion: 1, data: { sectors: thirds, allocatedBy: DONOR } }]);
    given(...inDelivery)
      .when({ type: 'AllocateSectors', data: { sectors: [{ code: '22040', percentage: 99 }] }, context: as(DONOR) })
      .thenThrows('publication.shares');
    given(...inDelivery)
      .when({ type: 'AllocateSectors', data: { sectors: [] }, context: as(DONOR) })
      .thenThrows('publication.shares');
    given(...inDelivery)
      .when({ type: 'AllocateSectors', data: { sectors: [{ code: '99999', percentage: 100 }] }, context: as(DONOR) })
      .thenThrows('publication.code');
    given(...inDelivery)
      .when({
        type: 'AllocateSectors',
        data: {
          sectors: [
            { code: '22040', percentage: 50 },
            { code: '22040', percentage: 50 },
          ],
        },
        context: as(DONOR),
      })
      .thenThrows('publication.code');
    given(...inDelivery)
      .when({
        type: 'AllocateSectors',
        data: {
          sectors: [
            { code: '22040', percentage: 99.995 },
            { code: '15110', percentage: 0.005 },
          ],
        },
        context: as(DONOR),
      })
      .thenThrows('publication.percentage');
    // The beneficiary states needs; the money side classifies the spending.
    given(...inDelivery)
      .when({ type: 'AllocateSectors', data: { sectors: [{ code: '22040', percentage: 100 }] }, context: as(BENEFICIARY) })
      .thenThrows('access.role');
  });

  it('recipient areas: countries and DAC regions together sum to 100', () => {
    const areas = { countries: [{ code: 'GH', percentage: 60 }], regions: [{ code: '289', percentage: 40 }] };
    given(...inDelivery)
      .when({ type: 'SetRecipientAreas', data: areas, context: as(BENEFICIARY) })
      .then([{ type: 'RecipientAreasSet', schemaVersion: 1, data: { ...areas, setBy: BENEFICIARY } }]);
    given(...inDelivery)
      .when({ type: 'SetRecipientAreas', data: { countries: [{ code: 'GH', percentage: 60 }], regions: [] }, context: as(DONOR) })
      .thenThrows('publication.shares');
    given(...inDelivery)
      .when({ type: 'SetRecipientAreas', data: { countries: [], regions: [{ code: '123', percentage: 100 }] }, context: as(DONOR) })
      .thenThrows('publication.code');
    given(...inDelivery)
      .when({ type: 'SetRecipientAreas', data: { countries: [], regions: [] }, context: as(DONOR) })
      .thenThrows('publication.shares');
  });

  it('budgets: one period of at most a year, an id used once, voided once', () => {
    given(...inDelivery)
      .when({ type: 'PlanBudget', data: budget, context: as(DONOR) })
      .then([budgeted]);
    given(...inDelivery)
      .when({ type: 'PlanBudget', data: { ...budget, periodEnd: '2027-06-30' }, context: as(DONOR) })
      .thenThrows('publication.period-year');
    given(...inDelivery)
      .when({ type: 'PlanBudget', data: { ...budget, periodStart: '2026-06-01', periodEnd: '2026-01-31' }, context: as(DONOR) })
      .thenThrows('dates.end-after-start');
    given(...inDelivery, budgeted)
      .when({ type: 'PlanBudget', data: budget, context: as(IMPLEMENTER) })
      .thenThrows('publication.unique');
    const voided: PartnershipEvent = { type: 'BudgetVoided', schemaVersion: 1, data: { budgetId: 'b-2026', reason: 'Entered twice', voidedBy: DONOR } };
    given(...inDelivery, budgeted)
      .when({ type: 'VoidBudget', data: { budgetId: 'b-2026', reason: 'Entered twice' }, context: as(DONOR) })
      .then([voided]);
    given(...inDelivery, budgeted, voided)
      .when({ type: 'VoidBudget', data: { budgetId: 'b-2026', reason: 'again' }, context: as(DONOR) })
      .thenThrows('publication.voided-once');
    given(...inDelivery)
      .when({ type: 'VoidBudget', data: { budgetId: 'b-none', reason: 'x' }, context: as(DONOR) })
      .thenThrows('publication.exists');
    // An id of a voided budget is not used again: IATI readers would see two budgets under one reference.
    given(...inDelivery, budgeted, voided)
      .when({ type: 'PlanBudget', data: budget, context: as(DONOR) })
      .thenThrows('publication.unique');
  });

  it('planned disbursements: from the actor, to a party', () => {
    const plan = { plannedDisbursementId: 'pd-1', receiverId: IMPLEMENTER, periodStart: '2026-07-01', periodEnd: '2026-09-30', amount: eur(10_000_000), valueDate: '2026-07-01' };
    given(...inDelivery)
      .when({ type: 'PlanDisbursement', data: plan, context: as(DONOR) })
      .then([{ type: 'DisbursementPlanned', schemaVersion: 1, data: { ...plan, providerId: DONOR } }]);
    given(...inDelivery)
      .when({ type: 'PlanDisbursement', data: { ...plan, receiverId: 'org-stranger' }, context: as(DONOR) })
      .thenThrows('flow.receiver-party');
    const planned: PartnershipEvent = { type: 'DisbursementPlanned', schemaVersion: 1, data: { ...plan, providerId: DONOR } };
    given(...inDelivery, planned)
      .when({ type: 'VoidPlannedDisbursement', data: { plannedDisbursementId: 'pd-1', reason: 'Moved to next quarter' }, context: as(DONOR) })
      .then([{ type: 'PlannedDisbursementVoided', schemaVersion: 1, data: { plannedDisbursementId: 'pd-1', reason: 'Moved to next quarter', voidedBy: DONOR } }]);
  });

  it('documents: an http(s) address, an ISO 639 language, a milestone that exists; an evaluator may link after closure', () => {
    given(...inDelivery)
      .when({ type: 'LinkDocument', data: document, context: as(IMPLEMENTER) })
      .then([linked]);
    given(...inDelivery)
      .when({ type: 'LinkDocument', data: { ...document, url: 'javascript:alert(1)' }, context: as(IMPLEMENTER) })
      .thenThrows('document.url');
    given(...inDelivery)
      .when({ type: 'LinkDocument', data: { ...document, language: 'english' }, context: as(IMPLEMENTER) })
      .thenThrows('languages.iso-639');
    given(...inDelivery)
      .when({ type: 'LinkDocument', data: { ...document, milestoneId: 'm-missing' }, context: as(IMPLEMENTER) })
      .thenThrows('milestone.exists');
    given(...inDelivery, milestonePlanned)
      .when({ type: 'LinkDocument', data: { ...document, milestoneId: 'm-1' }, context: as(BENEFICIARY) })
      .then([{ type: 'DocumentLinked', schemaVersion: 1, data: { ...document, milestoneId: 'm-1', linkedBy: BENEFICIARY } }]);
    given(...inDelivery, appointed, closed)
      .when({ type: 'LinkDocument', data: { ...document, documentId: 'doc-eval', category: 'A07' }, context: as(EVALUATOR, ['evaluator']) })
      .then([{ type: 'DocumentLinked', schemaVersion: 1, data: { ...document, documentId: 'doc-eval', linkedBy: EVALUATOR } }]);
    given(...inDelivery, linked)
      .when({ type: 'UnlinkDocument', data: { documentId: 'doc-1', reason: 'Superseded' }, context: as(DONOR) })
      .then([{ type: 'DocumentUnlinked', schemaVersion: 1, data: { documentId: 'doc-1', reason: 'Superseded', unlinkedBy: DONOR } }]);
  });

  it('money plans wait while closed; a classification may be put right while suspended', () => {
    given(...inDelivery, closed)
      .when({ type: 'PlanBudget', data: budget, context: as(DONOR) })
      .thenThrows('partnership.closed');
    const suspended: PartnershipEvent = { type: 'PartnershipSuspended', schemaVersion: 1, data: { phase: 'delivery', reason: 'Elections' } };
    given(...inDelivery, suspended)
      .when({ type: 'AllocateSectors', data: { sectors: [{ code: '22040', percentage: 100 }] }, context: as(IMPLEMENTER) })
      .then([{ type: 'SectorsAllocated', schemaVersion: 1, data: { sectors: [{ code: '22040', percentage: 100 }], allocatedBy: IMPLEMENTER } }]);
  });
});
