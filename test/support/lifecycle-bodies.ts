/** Request bodies for one partnership's whole life, reused by the e2e tests. */
export const ORGS = {
  donor: 'org-donor-nl',
  implementer: 'org-impl-ngo',
  beneficiary: 'org-cert-gh',
  evaluator: 'org-eval-uni',
};

export const organisation = (name: string, country: string, kind: string, region: string, developmentStatus: string) => ({
  name,
  kind,
  country,
  region,
  developmentStatus,
  contacts: [{ name: 'Contact Person', function: 'Programme lead', email: 'contact@example.org' }],
});

export const proposal = (partnershipId: string) => ({
  partnershipId,
  title: 'National CERT operational readiness',
  summary: 'Incident triage and coordination at the national CERT',
  beneficiaryCountry: 'GH',
  initiatedBy: 'beneficiary',
  proposerRole: 'beneficiary',
  themes: ['incident-response-cert'],
  levels: ['technical', 'policy'],
  sdgs: [9, 16],
  genderMarker: 1,
  plannedStart: '2026-01-01',
  plannedEnd: '2027-12-31',
});

export const commitment = (flowId: string, amountMinor: number, currency = 'EUR') => ({
  flowId,
  receiverId: ORGS.implementer,
  amount: { amountMinor, currency },
  date: '2026-02-01',
});

/** An activity as an implementer records it: a five-day technical training; `participants` and hours to vary. */
export const activityBody = (activityId: string, participants: { women: number; men: number } = { women: 3, men: 4 }, participantHours = 100) => ({
  activityId,
  type: 'training',
  title: 'Incident response fundamentals',
  themes: ['incident-response-cert'],
  level: 'technical',
  startDate: '2026-03-02',
  endDate: '2026-03-06',
  languages: ['en'],
  participants: { ...participants, undisclosed: 0 },
  participantHours,
  trainers: { local: 1, foreign: 0 },
  localTrainersProduced: 0,
  needIds: [],
  continuesAfterFunding: false,
});
