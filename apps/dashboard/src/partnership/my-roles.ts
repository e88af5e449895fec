import type { PartnershipRow } from '../api/api-types';
import type { SignedInUser } from '../session/session';

/** What the signed-in person may do here: their organisation's party roles that they themselves hold. */
export function myRoles(partnership: PartnershipRow, user: SignedInUser | null | undefined): Set<string> {
  const roles = new Set<string>();
  if (!user) return roles;
  const org = user.organisationId;
  const check = (role: string, ids: readonly string[]) => ids.includes(org) && user.roles.includes(role) && roles.add(role);
  check('donor', partnership.donorIds);
  check('implementer', partnership.implementerIds);
  check('beneficiary', partnership.beneficiaryIds);
  check('evaluator', partnership.evaluatorIds);
  return roles;
}
