import type { PartnershipEvent } from '@ccb/domain';
import { emptyDossier, evolveDossier } from '../src/dossier/partnership-dossier';

const proposed = (version: number): PartnershipEvent => ({
  type: 'PlanVersionProposed',
  schemaVersion: 1,
  data: { version, objectives: [{ objectiveId: `o${version}`, description: 'A CSIRT in place', needIds: [] }], confidential: false, proposedBy: 'org-impl' },
});
const endorsed = (version: number, organisationId: string, role: 'beneficiary' | 'donor' | 'implementer'): PartnershipEvent => ({
  type: 'PlanEndorsed',
  schemaVersion: 1,
  data: { version, organisationId, role },
});
const fold = (events: readonly PartnershipEvent[]) => events.reduce(evolveDossier, emptyDossier);

describe('dossier: plan endorsements', () => {
  it('given a proposed plan, then its endorsements are listed with the plan', () => {
    const dossier = fold([proposed(1), endorsed(1, 'org-benef', 'beneficiary'), endorsed(1, 'org-donor', 'donor')]);
    expect(dossier.plan?.endorsements).toEqual([
      { organisationId: 'org-benef', role: 'beneficiary' },
      { organisationId: 'org-donor', role: 'donor' },
    ]);
  });

  it('given a new version, then the earlier endorsements no longer count', () => {
    const dossier = fold([proposed(1), endorsed(1, 'org-benef', 'beneficiary'), proposed(2)]);
    expect(dossier.plan).toMatchObject({ version: 2, endorsements: [] });
  });

  it('given an endorsement of a superseded version, then the current plan is unchanged', () => {
    const dossier = fold([proposed(1), proposed(2), endorsed(1, 'org-benef', 'beneficiary')]);
    expect(dossier.plan?.endorsements).toEqual([]);
  });
});
