import type { IatiIdentity, OrganisationProfile } from '@ccb/domain';

type Org = OrganisationProfile & { readonly organisationId: string };

const contact = (name: string, fn: string, email: string) => [{ name, function: fn, email }];

/** Fictional organisations: names are invented, countries and kinds are realistic. */
export const DEMO_ORGANISATIONS: readonly Org[] = [
  {
    organisationId: 'org-tracker-secretariat',
    name: 'Partnership Tracker Secretariat',
    kind: 'ngo',
    country: 'NL',
    region: 'europe',
    developmentStatus: 'developed',
    contacts: contact('Ada Lindqvist', 'Platform administrator', 'secretariat@tracker.example.org'),
  },
  {
    organisationId: 'org-nl-mfa',
    name: 'Netherlands Ministry of Foreign Affairs (Cyber Capacity Unit)',
    kind: 'state-body',
    country: 'NL',
    region: 'europe',
    developmentStatus: 'developed',
    contacts: contact('Sanne de Vries', 'Senior policy officer, cyber capacity', 'cyber.capacity@mfa.example.nl'),
  },
  {
    organisationId: 'org-nordic-fund',
    name: 'Nordic Cyber Capacity Fund',
    kind: 'multilateral',
    country: 'NO',
    region: 'europe',
    developmentStatus: 'developed',
    contacts: contact('Ingrid Halvorsen', 'Portfolio manager', 'portfolio@nccf.example.no'),
  },
  {
    organisationId: 'org-jp-coop',
    name: 'Japan Office for International Cyber Cooperation',
    kind: 'state-body',
    country: 'JP',
    region: 'asia-pacific',
    developmentStatus: 'developed',
    contacts: contact('Kenji Watanabe', 'Programme officer', 'cyber-coop@example.jp'),
  },
  {
    organisationId: 'org-br-coop',
    name: 'Brazilian Agency for Technical Cooperation',
    kind: 'state-body',
    country: 'BR',
    region: 'americas',
    developmentStatus: 'developing',
    contacts: contact('Ana Paula Ribeiro', 'South–South cooperation coordinator', 'sul-sul@coop.example.br'),
  },
  {
    organisationId: 'org-cyberbridge',
    name: 'CyberBridge Foundation',
    kind: 'ngo',
    country: 'CH',
    region: 'europe',
    developmentStatus: 'developed',
    contacts: contact('Lukas Meier', 'Head of programmes', 'programmes@cyberbridge.example.org'),
  },
  {
    organisationId: 'org-au-cyber',
    name: 'African Cyber Expertise Network',
    kind: 'regional-organisation',
    country: 'ET',
    region: 'africa',
    developmentStatus: 'developing',
    contacts: contact('Selam Tesfaye', 'Regional coordinator', 'coordination@acen.example.org'),
  },
  {
    organisationId: 'org-nit-ke',
    name: 'Nairobi Institute of Technology, Cyber Lab',
    kind: 'academia',
    country: 'KE',
    region: 'africa',
    developmentStatus: 'developing',
    contacts: contact('Dr. Wanjiru Kamau', 'Director, Cyber Lab', 'cyberlab@nit.example.ke'),
  },
  {
    organisationId: 'org-id-csirt',
    name: 'Indonesia National CSIRT Cooperation Desk',
    kind: 'state-body',
    country: 'ID',
    region: 'asia-pacific',
    developmentStatus: 'developing',
    contacts: contact('Rizky Pratama', 'International cooperation lead', 'intl@csirt.example.id'),
  },
  {
    organisationId: 'org-cert-gh',
    name: 'CERT-GH, National Cyber Security Authority',
    kind: 'state-body',
    country: 'GH',
    region: 'africa',
    developmentStatus: 'developing',
    contacts: contact('Ama Mensah', 'Head of incident response', 'ir@cert.example.gh'),
  },
  {
    organisationId: 'org-ke-ict',
    name: 'Kenya Ministry of ICT and Digital Economy',
    kind: 'state-body',
    country: 'KE',
    region: 'africa',
    developmentStatus: 'developing',
    contacts: contact('Peter Otieno', 'Director, cybersecurity policy', 'cyberpolicy@ict.example.ke'),
  },
  {
    organisationId: 'org-cert-mz',
    name: 'Mozambique National CERT',
    kind: 'state-body',
    country: 'MZ',
    region: 'africa',
    developmentStatus: 'least-developed',
    contacts: contact('Joana Machava', 'CERT manager', 'cert@incm.example.mz'),
  },
  {
    organisationId: 'org-tl-mtc',
    name: 'Timor-Leste Ministry of Transport and Communications',
    kind: 'state-body',
    country: 'TL',
    region: 'asia-pacific',
    developmentStatus: 'least-developed',
    contacts: contact('Maria Soares', 'Digital policy adviser', 'digital@mtc.example.tl'),
  },
  {
    organisationId: 'org-sn-digital',
    name: 'Senegal Ministry of Communication and Digital Economy',
    kind: 'state-body',
    country: 'SN',
    region: 'africa',
    developmentStatus: 'least-developed',
    contacts: contact('Awa Diop', 'Cybersecurity programme director', 'cyber@numerique.example.sn'),
  },
  {
    organisationId: 'org-eval-inst',
    name: 'Institute for Independent Programme Evaluation',
    kind: 'academia',
    country: 'GB',
    region: 'europe',
    developmentStatus: 'developed',
    contacts: contact('Dr. Helen Clarke', 'Lead evaluator', 'evaluations@iipe.example.ac.uk'),
  },
];

/**
 * IATI identities as an administrator would set them from the registration agencies (org-id.guide). The
 * Netherlands and Japanese ministries publish under their DAC codes; the others under IATI's own register
 * (XI-IATI) or a company register. Timor-Leste's ministry and the evaluator have none: files name them without a ref.
 */
export const DEMO_IATI_IDENTITIES: ReadonlyMap<string, IatiIdentity> = new Map([
  ['org-nl-mfa', { orgId: 'XM-DAC-7', orgType: '10' }],
  ['org-nordic-fund', { orgId: 'XI-IATI-NCCF', orgType: '40' }],
  ['org-jp-coop', { orgId: 'XM-DAC-701', orgType: '10' }],
  ['org-br-coop', { orgId: 'XI-IATI-BRABC', orgType: '10' }],
  ['org-cyberbridge', { orgId: 'NL-KVK-87654321', orgType: '21' }],
  ['org-au-cyber', { orgId: 'XI-IATI-ACEN', orgType: '23' }],
  ['org-nit-ke', { orgId: 'XI-IATI-NITKE', orgType: '80' }],
  ['org-id-csirt', { orgId: 'XI-IATI-IDCSIRT', orgType: '10' }],
  ['org-cert-gh', { orgId: 'XI-IATI-CERTGH', orgType: '10' }],
  ['org-ke-ict', { orgId: 'XI-IATI-KEICT', orgType: '10' }],
  ['org-cert-mz', { orgId: 'XI-IATI-CERTMZ', orgType: '10' }],
  ['org-sn-digital', { orgId: 'XI-IATI-SNMCEN', orgType: '10' }],
] satisfies [string, IatiIdentity][]);
