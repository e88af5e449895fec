import type { PartnershipEvent, Role } from '@ccb/domain';
import type { PartnershipDossier } from '../api/dossier-results';

export type { PartnershipDossier };

export const emptyDossier: PartnershipDossier = {
  needs: [],
  languages: [],
  plan: null,
  baselineCommitments: [],
  risks: [],
  evaluations: [],
  midTermReviews: [],
  invitations: [],
  closure: null,
};

type DossierInvitation = PartnershipDossier['invitations'][number];
const answered = (dossier: PartnershipDossier, organisationId: string, role: Role, status: DossierInvitation['status'], reason: string | null) => ({
  ...dossier,
  invitations: dossier.invitations.map((i) => (i.organisationId === organisationId && i.role === role && i.status === 'pending' ? { ...i, status, reason } : i)),
});

export function evolveDossier(dossier: PartnershipDossier, event: PartnershipEvent): PartnershipDossier {
  switch (event.type) {
    case 'NeedStated':
      return { ...dossier, needs: [...dossier.needs, { ...event.data, priority: null }] };
    case 'NeedsReprioritised': {
      const rank = new Map(event.data.needIds.map((id, i) => [id, i + 1]));
      const needs = dossier.needs.map((n) => ({ ...n, priority: rank.get(n.needId) ?? null }));
      return { ...dossier, needs: [...needs].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity)) };
    }
    case 'MidTermReviewRecorded': {
      const { reviewId, reviewerId, findings, recommendations, scores } = event.data;
      return { ...dossier, midTermReviews: [...dossier.midTermReviews, { reviewId, reviewerId, findings, recommendations, scores }] };
    }
    case 'PartyInvited':
      return {
        ...dossier,
        invitations: [
          ...dossier.invitations,
          { organisationId: event.data.organisationId, role: event.data.role, invitedBy: event.data.invitedBy, status: 'pending', reason: null },
        ],
      };
    case 'PartyJoined':
      // Accepted: the organisation is a party now and the invitation is no longer listed.
      return {
        ...dossier,
        invitations: dossier.invitations.filter((i) => !(i.organisationId === event.data.organisationId && i.role === event.data.role && i.status === 'pending')),
      };
    case 'InvitationDeclined':
      return answered(dossier, event.data.organisationId, event.data.role, 'declined', event.data.reason);
    case 'InvitationWithdrawn':
      return answered(dossier, event.data.organisationId, event.data.role, 'withdrawn', event.data.reason);
    case 'LanguagesStated':
      return { ...dossier, languages: event.data.languages };
    case 'PlanVersionProposed':
      return {
        ...dossier,
        plan: { version: event.data.version, confidential: event.data.confidential, proposedBy: event.data.proposedBy, objectives: event.data.objectives, endorsements: [] },
      };
    case 'PlanEndorsed': {
      const plan = dossier.plan;
      if (plan === null || plan.version !== event.data.version) return dossier;
      return { ...dossier, plan: { ...plan, endorsements: [...plan.endorsements, { organisationId: event.data.organisationId, role: event.data.role }] } };
    }
    case 'BaselineCommitmentRecorded':
      return { ...dossier, baselineCommitments: [...dossier.baselineCommitments, event.data] };
    case 'RiskRaised':
      return { ...dossier, risks: [...dossier.risks, { ...event.data, resolution: null }] };
    case 'RiskResolved':
      return { ...dossier, risks: dossier.risks.map((r) => (r.riskId === event.data.riskId ? { ...r, resolution: event.data.resolution } : r)) };
    case 'EvaluationRecorded': {
      const { evaluationId, evaluatorId, corrects, findings, lessons, scores } = event.data;
      return { ...dossier, evaluations: [...dossier.evaluations, { evaluationId, evaluatorId, corrects, findings, lessons, scores }] };
    }
    case 'PartnershipClosed':
    case 'ClosureCorrected':
      return { ...dossier, closure: { outcome: event.data.outcome, summary: event.data.summary } };
    case 'NeedWithdrawn':
      return { ...dossier, needs: dossier.needs.filter((n) => n.needId !== event.data.needId) };
    case 'NeedConfidentialityChanged':
      return { ...dossier, needs: dossier.needs.map((n) => (n.needId === event.data.needId ? { ...n, confidential: event.data.confidential } : n)) };
    case 'BaselineCommitmentWithdrawn':
      return { ...dossier, baselineCommitments: dossier.baselineCommitments.filter((c) => c.commitment !== event.data.commitment) };
    default:
      return dossier;
  }
}
