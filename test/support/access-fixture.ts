import type { INestApplication } from '@nestjs/common';
import type { UserRole } from '@ccb/domain';
import { ADMIN_ORG, post, registerOrganisations, tokenFor } from './http';

/** Who calls: the three parties and the appointed evaluator, the same roles outside the partnership, the operator, nobody. */
export const PRINCIPALS = [
  'anonymous',
  'admin',
  'donor',
  'implementer',
  'beneficiary',
  'evaluator',
  'otherDonor',
  'otherImplementer',
  'otherBeneficiary',
  'otherEvaluator',
] as const;
export type PrincipalKey = (typeof PRINCIPALS)[number];

export const ORG_OF: Record<Exclude<PrincipalKey, 'anonymous'>, string> = {
  admin: ADMIN_ORG,
  donor: 'org-acc-donor',
  implementer: 'org-acc-impl',
  beneficiary: 'org-acc-ben',
  evaluator: 'org-acc-eval',
  otherDonor: 'org-acc-donor-2',
  otherImplementer: 'org-acc-impl-2',
  otherBeneficiary: 'org-acc-ben-2',
  otherEvaluator: 'org-acc-eval-2',
};

export const ROLE_OF: Record<Exclude<PrincipalKey, 'anonymous'>, UserRole> = {
  admin: 'admin',
  donor: 'donor',
  implementer: 'implementer',
  beneficiary: 'beneficiary',
  evaluator: 'evaluator',
  otherDonor: 'donor',
  otherImplementer: 'implementer',
  otherBeneficiary: 'beneficiary',
  otherEvaluator: 'evaluator',
};

export const PARTIES: readonly PrincipalKey[] = ['donor', 'implementer', 'beneficiary', 'evaluator'];

/** Headers for a principal: one user holding exactly its role. */
export function headersOf(principal: PrincipalKey): Record<string, string> {
  return principal === 'anonymous' ? {} : { Authorization: `Bearer ${tokenFor(ORG_OF[principal], [ROLE_OF[principal]])}` };
}

/**
 * A partnership in delivery with the three parties and an appointed evaluator, and a second one
 * between the "other" organisations, so every principal but the operator is a party somewhere.
 */
export async function accessFixture(app: INestApplication, partnershipId: string, otherId: string, confidential = 'Needs assessment: SOC staffing gaps'): Promise<string> {
  await registerOrganisations(
    app,
    Object.values(ORG_OF).filter((o) => o !== ADMIN_ORG),
  );
  let position = '';
  const ok = async (org: string, path: string, body: object) => {
    const res = await post(app, path, org, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    position = res.body.position;
  };
  for (const [id, ben, donor, impl, evaluator] of [
    [partnershipId, ORG_OF.beneficiary, ORG_OF.donor, ORG_OF.implementer, ORG_OF.evaluator],
    [otherId, ORG_OF.otherBeneficiary, ORG_OF.otherDonor, ORG_OF.otherImplementer, ORG_OF.otherEvaluator],
  ]) {
    await ok(ben, '/partnerships', {
      partnershipId: id,
      title: `Partnership ${id}`,
      summary: 'National CERT readiness',
      beneficiaryCountry: 'GH',
      initiatedBy: 'beneficiary',
      proposerRole: 'beneficiary',
      themes: ['incident-response-cert'],
      levels: ['technical'],
      sdgs: [9],
      genderMarker: 1,
      plannedStart: '2026-01-01',
      plannedEnd: '2027-12-31',
    });
    for (const [org, role] of [
      [donor, 'donor'],
      [impl, 'implementer'],
    ]) {
      await ok(ben, `/partnerships/${id}/parties`, { organisationId: org, role });
      await ok(org, `/partnerships/${id}/invitations/acceptance`, { role });
    }
    await ok(ben, `/partnerships/${id}/needs`, { needId: 'need-1', kind: 'needs-assessment', description: confidential, confidential: true });
    await ok(donor, `/partnerships/${id}/phase-transitions`, { to: 'co-design', reason: 'scoping done' });
    await ok(impl, `/partnerships/${id}/plan-versions`, { objectives: [{ objectiveId: 'obj-1', description: `Plan: ${confidential}`, needIds: ['need-1'] }], confidential: true });
    for (const [org, role] of [
      [ben, 'beneficiary'],
      [donor, 'donor'],
      [impl, 'implementer'],
    ])
      await ok(org, `/partnerships/${id}/plan-versions/1/endorsements`, { role });
    await ok(donor, `/partnerships/${id}/phase-transitions`, { to: 'delivery', reason: 'plan endorsed' });
    await ok(donor, `/partnerships/${id}/evaluators`, { organisationId: evaluator });
  }
  return position;
}
