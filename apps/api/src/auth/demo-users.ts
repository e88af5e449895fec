import type { UserRole } from '@ccb/domain';

export interface DemoUser {
  /** What `npm run token -- --user NAME` and the dashboard's sign-in take. */
  readonly name: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly roles: readonly UserRole[];
  /** What this user typically does, shown on the sign-in page. */
  readonly task: string;
}

export const DEMO_ADMIN_ORGANISATION = 'org-tracker-secretariat';

/** One or more users per role, each at a demo organisation that holds that role in the demo partnerships. */
export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'ada', displayName: 'Ada Lindqvist', organisationId: DEMO_ADMIN_ORGANISATION, roles: ['admin'], task: 'registers organisations, watches the projections' },
  { name: 'sanne', displayName: 'Sanne de Vries', organisationId: 'org-nl-mfa', roles: ['donor'], task: 'Netherlands MFA: commits and disburses, watches the portfolio' },
  { name: 'ingrid', displayName: 'Ingrid Halvorsen', organisationId: 'org-nordic-fund', roles: ['donor'], task: 'Nordic fund: co-funds, appoints evaluators' },
  { name: 'kenji', displayName: 'Kenji Watanabe', organisationId: 'org-jp-coop', roles: ['donor'], task: 'Japan: funds the Timor-Leste partnership' },
  { name: 'ana', displayName: 'Ana Paula Ribeiro', organisationId: 'org-br-coop', roles: ['donor', 'implementer'], task: 'Brazil: South–South donor and implementer' },
  { name: 'lukas', displayName: 'Lukas Meier', organisationId: 'org-cyberbridge', roles: ['implementer'], task: 'CyberBridge: logs milestones, activities and expenditure' },
  { name: 'selam', displayName: 'Selam Tesfaye', organisationId: 'org-au-cyber', roles: ['implementer'], task: 'African Cyber Expertise Network: regional implementer' },
  { name: 'wanjiru', displayName: 'Dr. Wanjiru Kamau', organisationId: 'org-nit-ke', roles: ['implementer'], task: 'Nairobi Cyber Lab: local sub-implementer' },
  { name: 'ama', displayName: 'Ama Mensah', organisationId: 'org-cert-gh', roles: ['beneficiary'], task: 'CERT-GH: states needs, endorses plans, confirms milestones' },
  { name: 'peter', displayName: 'Peter Otieno', organisationId: 'org-ke-ict', roles: ['beneficiary'], task: 'Kenya ICT ministry: beneficiary of two partnerships' },
  { name: 'joana', displayName: 'Joana Machava', organisationId: 'org-cert-mz', roles: ['beneficiary'], task: 'Mozambique CERT' },
  { name: 'maria', displayName: 'Maria Soares', organisationId: 'org-tl-mtc', roles: ['beneficiary'], task: 'Timor-Leste ministry' },
  { name: 'awa', displayName: 'Awa Diop', organisationId: 'org-sn-digital', roles: ['beneficiary'], task: 'Senegal ministry' },
  {
    name: 'rizky',
    displayName: 'Rizky Pratama',
    organisationId: 'org-id-csirt',
    roles: ['implementer', 'beneficiary'],
    task: 'Indonesia CSIRT: implements the Timor-Leste partnership (South–South)',
  },
  { name: 'helen', displayName: 'Dr. Helen Clarke', organisationId: 'org-eval-inst', roles: ['evaluator'], task: 'Independent evaluator: replays, diffs, exports, verifies' },
];

export function demoUser(name: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.name === name.toLowerCase());
}
