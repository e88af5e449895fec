import type { OrganisationLookup } from '../organisations/organisation-directory';
import type { PartnershipView } from '../view/partnership-view';

import { MODALITIES, type Modality } from '../api/partnership-results';

export { MODALITIES, type Modality };

const southern = (status: string) => status === 'developing' || status === 'least-developed';

/**
 * The OEWG report (para 57) tells these kinds of cooperation apart; the first rule that holds wins:
 * - regional: a regional organisation of the beneficiary's region funds or implements;
 * - triangular (OECD): a developed donor funds a southern "pivotal" implementer of another country than the
 *   beneficiary's, for a southern beneficiary; a local implementer (the beneficiary's own country) is not pivotal;
 * - south-south: every donor and implementer is southern, and so is the beneficiary;
 * - north-south: a developed donor or implementer works for a southern beneficiary;
 * - south-north: every provider is southern, the beneficiary developed;
 * - north-north: the beneficiary is developed, and so is a provider;
 * - undetermined: a beneficiary, or every provider, is not yet known.
 */
export function cooperationModality(view: PartnershipView, organisations: OrganisationLookup): Modality {
  const known = (role: string) =>
    view.parties
      .filter((p) => p.role === role)
      .map((p) => organisations(p.organisationId))
      .filter((o) => o !== undefined);
  const beneficiaries = known('beneficiary');
  const donors = known('donor');
  const implementers = known('implementer');
  const providers = [...donors, ...implementers];
  if (beneficiaries.length === 0 || providers.length === 0) return 'undetermined';
  const region = beneficiaries[0].region;
  if (providers.some((o) => o.kind === 'regional-organisation' && o.region === region)) return 'regional';
  const beneficiarySouthern = beneficiaries.some((o) => southern(o.developmentStatus));
  if (!beneficiarySouthern) return providers.every((o) => southern(o.developmentStatus)) ? 'south-north' : 'north-north';
  const northernDonor = donors.some((o) => !southern(o.developmentStatus));
  const beneficiaryIds = new Set(view.parties.filter((p) => p.role === 'beneficiary').map((p) => p.organisationId));
  const pivotal = view.parties
    .filter((p) => p.role === 'implementer' && !beneficiaryIds.has(p.organisationId))
    .map((p) => organisations(p.organisationId))
    .some((o) => o !== undefined && southern(o.developmentStatus) && o.country !== view.beneficiaryCountry);
  const southernImplementer = pivotal;
  if (northernDonor && southernImplementer) return 'triangular';
  if (providers.every((o) => southern(o.developmentStatus))) return 'south-south';
  return 'north-south';
}
