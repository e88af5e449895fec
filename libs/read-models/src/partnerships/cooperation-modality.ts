import type { OrganisationLookup } from '../organisations/organisation-directory';
import type { PartnershipView } from './partnership-view';

export const MODALITIES = ['regional', 'triangular', 'south-south', 'north-south', 'north-north', 'undetermined'] as const;
export type Modality = (typeof MODALITIES)[number];

const southern = (status: string) => status === 'developing' || status === 'least-developed';

/**
 * The OEWG report (para 57) tells these kinds of cooperation apart; the first rule that holds wins:
 * - regional: a regional organisation of the beneficiary's region funds or implements;
 * - triangular: a developed donor works through a southern implementer for a southern beneficiary;
 * - south-south: every donor and implementer is southern, and so is the beneficiary;
 * - north-south: a developed donor or implementer works for a southern beneficiary;
 * - north-north: the beneficiary is developed;
 * - undetermined: a beneficiary, or every provider, is not yet known.
 */
export function cooperationModality(view: PartnershipView, organisations: OrganisationLookup): Modality {
  const known = (role: string) =>
    view.parties.filter((p) => p.role === role).map((p) => organisations(p.organisationId)).filter((o) => o !== undefined);
  const beneficiaries = known('beneficiary');
  const donors = known('donor');
  const implementers = known('implementer');
  const providers = [...donors, ...implementers];
  if (beneficiaries.length === 0 || providers.length === 0) return 'undetermined';
  const region = beneficiaries[0].region;
  if (providers.some((o) => o.kind === 'regional-organisation' && o.region === region)) return 'regional';
  const beneficiarySouthern = beneficiaries.some((o) => southern(o.developmentStatus));
  if (!beneficiarySouthern) return 'north-north';
  const northernDonor = donors.some((o) => !southern(o.developmentStatus));
  const southernImplementer = implementers.some((o) => southern(o.developmentStatus) && !beneficiaries.includes(o));
  if (northernDonor && southernImplementer) return 'triangular';
  if (providers.every((o) => southern(o.developmentStatus))) return 'south-south';
  return 'north-south';
}
