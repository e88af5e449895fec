import type { BaselineCommitment, NeedKind, PartnershipEvent, Principle, Role } from '@ccb/domain';

/**
 * What only a partnership's parties (and the evaluator it appoints) may read: the beneficiary's needs
 * and national priorities, the co-designed plan, risks, evaluators' findings. It is never stored in a
 * read model: it is folded from the stream on demand, behind a party check, so no query for a
 * non-party can select it.
 */
export interface PartnershipDossier {
  readonly needs: readonly { readonly needId: string; readonly kind: NeedKind; readonly description: string; readonly confidential: boolean; readonly statedBy: string }[];
  readonly languages: readonly string[];
  readonly plan: {
    readonly version: number;
    readonly confidential: boolean;
    readonly proposedBy: string;
    readonly objectives: readonly { readonly objectiveId: string; readonly description: string; readonly needIds: readonly string[] }[];
    /** Who endorsed this version: delivery needs a beneficiary, a donor and an implementer. */
    readonly endorsements: readonly { readonly organisationId: string; readonly role: Role }[];
  } | null;
  readonly baselineCommitments: readonly { readonly commitment: BaselineCommitment; readonly description: string; readonly recordedBy: string }[];
  readonly risks: readonly {
    readonly riskId: string;
    readonly kind: 'risk' | 'issue';
    readonly description: string;
    readonly severity: 'low' | 'medium' | 'high';
    readonly raisedBy: string;
    readonly resolution: string | null;
  }[];
  readonly evaluations: readonly {
    readonly evaluationId: string;
    readonly evaluatorId: string;
    readonly corrects: string | null;
    readonly findings: string;
    readonly lessons: string;
    readonly scores: readonly { readonly principle: Principle; readonly score: number; readonly evidence: string; readonly eventIds: readonly string[] }[];
  }[];
  readonly closure: { readonly outcome: string; readonly summary: string } | null;
}

export const emptyDossier: PartnershipDossier = { needs: [], languages: [], plan: null, baselineCommitments: [], risks: [], evaluations: [], closure: null };

export function evolveDossier(dossier: PartnershipDossier, event: PartnershipEvent): PartnershipDossier {
  switch (event.type) {
    case 'NeedStated':
      return { ...dossier, needs: [...dossier.needs, event.data] };
    case 'LanguagesStated':
      return { ...dossier, languages: event.data.languages };
    case 'PlanVersionProposed':
      return { ...dossier, plan: { version: event.data.version, confidential: event.data.confidential, proposedBy: event.data.proposedBy, objectives: event.data.objectives, endorsements: [] } };
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
