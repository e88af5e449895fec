import type { PartnershipCommandRequest as PartnershipCommand } from '@ccb/domain';

type CommandType = PartnershipCommand['type'];
export type DemoStep = {
  [K in CommandType]: { readonly org: string; readonly partnershipId: string; readonly type: K; readonly data: Extract<PartnershipCommand, { type: K }>['data'] };
}[CommandType];

const step = <K extends CommandType>(org: string, partnershipId: string, type: K, data: Extract<PartnershipCommand, { type: K }>['data']) =>
  ({ org, partnershipId, type, data }) as DemoStep;

/** An invitation and its acceptance: participation is voluntary, so each party joins by its own act. */
const join = (inviter: string, partnershipId: string, organisationId: string, role: 'donor' | 'implementer' | 'beneficiary'): DemoStep[] =>
  inviter === organisationId
    ? [step(inviter, partnershipId, 'InviteParty', { organisationId, role })]
    : [step(inviter, partnershipId, 'InviteParty', { organisationId, role }), step(organisationId, partnershipId, 'AcceptInvitation', { role })];

const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });

interface Setup {
  readonly id: string;
  readonly beneficiary: string;
  readonly donors: readonly string[];
  readonly implementers: readonly string[];
  readonly needs: readonly { id: string; kind: 'need' | 'national-priority' | 'gap' | 'needs-assessment'; text: string; confidential: boolean }[];
  readonly objectives: readonly { id: string; text: string; needIds: string[] }[];
  readonly languages: readonly string[];
}

/** Scoping through an endorsed plan to delivery, as the parties would do it. */
function throughCoDesign(s: Setup, deliver: boolean): DemoStep[] {
  const lead = s.donors[0];
  return [
    ...s.donors.flatMap((d) => join(s.beneficiary, s.id, d, 'donor')),
    ...s.implementers.flatMap((i) => join(s.beneficiary, s.id, i, 'implementer')),
    ...s.needs.map((n) => step(s.beneficiary, s.id, 'StateNeed', { needId: n.id, kind: n.kind, description: n.text, confidential: n.confidential })),
    step(s.beneficiary, s.id, 'StateLanguages', { languages: s.languages }),
    step(lead, s.id, 'AdvancePhase', { to: 'co-design', reason: 'Scoping mission report accepted by all parties' }),
    step(s.implementers[0], s.id, 'ProposePlanVersion', {
      objectives: s.objectives.map((o) => ({ objectiveId: o.id, description: o.text, needIds: o.needIds })),
      confidential: false,
    }),
    step(s.implementers[0], s.id, 'RecordBaselineCommitment', { commitment: 'human-rights', description: 'Curricula reviewed against human-rights due diligence' }),
    step(s.beneficiary, s.id, 'RecordBaselineCommitment', { commitment: 'civil-society-participation', description: 'Civil-society observers invited to the steering committee' }),
    ...(deliver
      ? [
          step(s.beneficiary, s.id, 'EndorsePlan', { version: 1, role: 'beneficiary' }),
          ...s.donors.map((d) => step(d, s.id, 'EndorsePlan', { version: 1, role: 'donor' })),
          step(s.implementers[0], s.id, 'EndorsePlan', { version: 1, role: 'implementer' }),
          step(lead, s.id, 'AdvancePhase', { to: 'delivery', reason: 'Plan v1 endorsed by every side' }),
        ]
      : []),
  ];
}

function proposal(
  org: string,
  id: string,
  role: 'donor' | 'implementer' | 'beneficiary',
  p: {
    title: string;
    summary: string;
    country: string;
    initiatedBy: 'beneficiary' | 'donor' | 'implementer';
    themes: PartnershipTheme[];
    levels: PartnershipLevel[];
    sdgs: (4 | 5 | 9 | 16 | 17)[];
    gender: 0 | 1 | 2;
    start: string;
    end: string;
  },
): DemoStep {
  return step(org, id, 'ProposePartnership', {
    partnershipId: id,
    title: p.title,
    summary: p.summary,
    beneficiaryCountry: p.country,
    initiatedBy: p.initiatedBy,
    proposerRole: role,
    themes: p.themes,
    levels: p.levels,
    sdgs: p.sdgs,
    genderMarker: p.gender,
    plannedStart: p.start,
    plannedEnd: p.end,
  });
}
type PartnershipTheme = Extract<PartnershipCommand, { type: 'ProposePartnership' }>['data']['themes'][number];
type PartnershipLevel = Extract<PartnershipCommand, { type: 'ProposePartnership' }>['data']['levels'][number];

const activity = (
  id: string,
  type: Extract<PartnershipCommand, { type: 'RecordActivity' }>['data']['type'],
  title: string,
  o: {
    theme: PartnershipTheme;
    level: PartnershipLevel;
    start: string;
    end: string;
    lang: string[];
    women: number;
    men: number;
    hours: number;
    local: number;
    foreign: number;
    produced?: number;
    trainedBy?: string;
    objective?: string;
    needs: string[];
    continues: boolean;
  },
): Extract<PartnershipCommand, { type: 'RecordActivity' }>['data'] => ({
  activityId: id,
  type,
  title,
  themes: [o.theme],
  level: o.level,
  startDate: o.start,
  endDate: o.end,
  languages: o.lang,
  participants: { women: o.women, men: o.men, undisclosed: 0 },
  participantHours: o.hours,
  trainers: { local: o.local, foreign: o.foreign },
  localTrainersProduced: o.produced ?? 0,
  trainedByActivityId: o.trainedBy ?? null,
  objectiveId: o.objective ?? null,
  needIds: o.needs,
  continuesAfterFunding: o.continues,
});

const GH = 'p-gh-cert-readiness';
const KE = 'p-ke-cybercrime-law';
const MZ = 'p-mz-cert-south-south';
const TL = 'p-tl-triangular-csirt';
const SN = 'p-sn-national-strategy';
const KE2 = 'p-ke-skills-consortium';
const MZ2 = 'p-mz-exercise-closed';
const TL2 = 'p-tl-cbm-scoping';

/** Eight partnerships spread over every phase, modality and theme; all through the command path. */
export const DEMO_PARTNERSHIP_STEPS: readonly DemoStep[] = [
  // 1. North–South, beneficiary-initiated, in monitoring: money, milestones confirmed and disputed, English training.
  proposal('org-cert-gh', GH, 'beneficiary', {
    title: 'CERT-GH operational readiness',
    summary: 'Incident triage, coordination and a national incident taxonomy for CERT-GH',
    country: 'GH',
    initiatedBy: 'beneficiary',
    themes: ['incident-response-cert'],
    levels: ['technical', 'policy'],
    sdgs: [9, 16],
    gender: 1,
    start: '2025-01-15',
    end: '2026-12-31',
  }),
  ...throughCoDesign(
    {
      id: GH,
      beneficiary: 'org-cert-gh',
      donors: ['org-nl-mfa'],
      implementers: ['org-cyberbridge'],
      languages: ['en'],
      needs: [
        { id: 'gh-need-triage', kind: 'needs-assessment', text: 'No documented triage; incidents handled ad hoc by two analysts', confidential: true },
        { id: 'gh-need-taxonomy', kind: 'national-priority', text: 'A national incident taxonomy shared with sector regulators', confidential: false },
      ],
      objectives: [
        { id: 'gh-obj-triage', text: 'A documented, exercised triage procedure in daily use', needIds: ['gh-need-triage'] },
        { id: 'gh-obj-taxonomy', text: 'Taxonomy adopted by CERT-GH and two regulators', needIds: ['gh-need-taxonomy'] },
      ],
    },
    true,
  ),
  step('org-nl-mfa', GH, 'CommitFunding', {
    flowId: 'gh-c-1',
    receiverId: 'org-cyberbridge',
    amount: money(48_000_000, 'EUR'),
    date: '2025-03-01',
    exchangeRate: { toCurrency: 'USD', rate: '1.0842' },
  }),
  step('org-nl-mfa', GH, 'DisburseFunds', {
    flowId: 'gh-d-1',
    receiverId: 'org-cyberbridge',
    amount: money(24_000_000, 'EUR'),
    date: '2025-03-20',
    exchangeRate: { toCurrency: 'USD', rate: '1.0861' },
  }),
  step('org-cyberbridge', GH, 'CommitFunding', { flowId: 'gh-c-2', receiverId: 'org-cert-gh', amount: money(6_000_000, 'EUR'), date: '2025-04-01', exchangeRate: null }),
  step('org-cyberbridge', GH, 'DisburseFunds', { flowId: 'gh-d-2', receiverId: 'org-cert-gh', amount: money(4_000_000, 'EUR'), date: '2025-04-15', exchangeRate: null }),
  step('org-cyberbridge', GH, 'RecordExpenditure', {
    flowId: 'gh-x-1',
    amount: money(1_850_000, 'EUR'),
    date: '2025-05-09',
    category: 'venue and catering',
    spentInCountry: 'GH',
    supplier: { name: 'Accra Conference Centre', local: true },
    exchangeRate: null,
  }),
  step('org-cyberbridge', GH, 'RecordExpenditure', {
    flowId: 'gh-x-2',
    amount: money(9_400_000, 'EUR'),
    date: '2025-05-12',
    category: 'international trainers',
    spentInCountry: 'CH',
    supplier: { name: 'Alpine Security Training AG', local: false },
    exchangeRate: null,
  }),
  step('org-cyberbridge', GH, 'RecordExpenditure', {
    flowId: 'gh-x-3',
    amount: money(1_850_000, 'EUR'),
    date: '2025-05-09',
    category: 'venue and catering',
    spentInCountry: 'GH',
    supplier: { name: 'Accra Conference Centre', local: true },
    exchangeRate: null,
  }),
  step('org-cyberbridge', GH, 'VoidExpenditure', { flowId: 'gh-x-3', reason: 'Duplicate of gh-x-1 (same invoice entered twice)' }),
  step('org-cert-gh', GH, 'RecordExpenditure', {
    flowId: 'gh-x-4',
    amount: money(3_100_000, 'EUR'),
    date: '2025-06-30',
    category: 'analyst workstations',
    spentInCountry: 'GH',
    supplier: { name: 'Kumasi IT Supplies Ltd', local: true },
    exchangeRate: null,
  }),
  step('org-cyberbridge', GH, 'PlanMilestone', { milestoneId: 'gh-m-sop', title: 'Triage SOP adopted by the CERT-GH board', dueDate: '2025-07-31', objectiveId: 'gh-obj-triage' }),
  step('org-cyberbridge', GH, 'PlanMilestone', {
    milestoneId: 'gh-m-taxonomy',
    title: 'Taxonomy agreed with two sector regulators',
    dueDate: '2025-10-31',
    objectiveId: 'gh-obj-taxonomy',
  }),
  step(
    'org-cyberbridge',
    GH,
    'RecordActivity',
    activity('gh-a-ttt', 'train-the-trainer', 'Incident handling: train-the-trainer', {
      theme: 'incident-response-cert',
      level: 'technical',
      start: '2025-05-05',
      end: '2025-05-16',
      lang: ['en'],
      women: 5,
      men: 7,
      hours: 960,
      local: 0,
      foreign: 2,
      produced: 6,
      objective: 'gh-obj-triage',
      needs: ['gh-need-triage'],
      continues: true,
    }),
  ),
  step(
    'org-cyberbridge',
    GH,
    'RecordActivity',
    activity('gh-a-course', 'training', 'Incident response fundamentals for sector CSIRTs', {
      theme: 'incident-response-cert',
      level: 'technical',
      start: '2025-06-09',
      end: '2025-06-13',
      lang: ['en'],
      women: 14,
      men: 18,
      hours: 1280,
      local: 4,
      foreign: 0,
      trainedBy: 'gh-a-ttt',
      objective: 'gh-obj-triage',
      needs: ['gh-need-triage'],
      continues: true,
    }),
  ),
  step(
    'org-cyberbridge',
    GH,
    'RecordActivity',
    activity('gh-a-policy', 'policy-workshop', 'Regulators’ workshop on a national incident taxonomy', {
      theme: 'national-strategy-policy',
      level: 'policy',
      start: '2025-09-22',
      end: '2025-09-23',
      lang: ['en'],
      women: 9,
      men: 11,
      hours: 320,
      local: 2,
      foreign: 1,
      objective: 'gh-obj-taxonomy',
      needs: ['gh-need-taxonomy'],
      continues: false,
    }),
  ),
  step('org-cyberbridge', GH, 'ReportMilestoneAchieved', {
    milestoneId: 'gh-m-sop',
    achievedOn: '2025-07-28',
    evidence: [{ description: 'Board minute adopting SOP v1.0', uri: null }],
  }),
  step('org-cert-gh', GH, 'ConfirmMilestone', { milestoneId: 'gh-m-sop', note: 'SOP in daily use since August' }),
  step('org-cyberbridge', GH, 'ReportMilestoneAchieved', {
    milestoneId: 'gh-m-taxonomy',
    achievedOn: '2025-10-30',
    evidence: [{ description: 'Draft taxonomy v0.9 circulated', uri: null }],
  }),
  step('org-cert-gh', GH, 'DisputeMilestone', { milestoneId: 'gh-m-taxonomy', reason: 'Only one regulator has agreed; the energy regulator has not signed' }),
  step('org-cert-gh', GH, 'DefineIndicator', {
    indicatorId: 'gh-i-triage',
    name: 'Median time to triage a reported incident',
    unit: 'hours',
    baseline: 72,
    target: 8,
    baselineDate: '2025-01-20',
  }),
  step('org-cert-gh', GH, 'RecordMeasurement', { indicatorId: 'gh-i-triage', value: 30, measuredOn: '2025-09-30', note: 'Last 40 incidents' }),
  step('org-cert-gh', GH, 'RecordMeasurement', { indicatorId: 'gh-i-triage', value: 14, measuredOn: '2026-03-31', note: 'Last 55 incidents' }),
  step('org-cert-gh', GH, 'RaiseRisk', { riskId: 'gh-r-turnover', kind: 'risk', description: 'Two of six trained analysts left for the private sector', severity: 'high' }),
  step('org-nl-mfa', GH, 'AdvancePhase', { to: 'monitoring', reason: 'First tranche delivered; mid-term review' }),

  // 2. Kenya cybercrime law: Nordic fund + local university, now under evaluation; legal level, NOK.
  proposal('org-ke-ict', KE, 'beneficiary', {
    title: 'Cybercrime legislation and prosecutorial capacity',
    summary: 'Align the cybercrime act with international standards and train prosecutors',
    country: 'KE',
    initiatedBy: 'beneficiary',
    themes: ['cybercrime-law-enforcement', 'international-law-norms'],
    levels: ['legal', 'policy'],
    sdgs: [16],
    gender: 1,
    start: '2025-06-01',
    end: '2027-05-31',
  }),
  ...throughCoDesign(
    {
      id: KE,
      beneficiary: 'org-ke-ict',
      donors: ['org-nordic-fund'],
      implementers: ['org-nit-ke'],
      languages: ['en', 'sw'],
      needs: [{ id: 'ke-need-law', kind: 'national-priority', text: 'Cybercrime act amendments before the 2026 parliamentary session', confidential: false }],
      objectives: [{ id: 'ke-obj-law', text: 'Amendment bill drafted and validated by stakeholders', needIds: ['ke-need-law'] }],
    },
    true,
  ),
  step('org-nordic-fund', KE, 'CommitFunding', {
    flowId: 'ke-c-1',
    receiverId: 'org-nit-ke',
    amount: money(350_000_000, 'NOK'),
    date: '2025-08-01',
    exchangeRate: { toCurrency: 'USD', rate: '0.0921' },
  }),
  step('org-nordic-fund', KE, 'DisburseFunds', {
    flowId: 'ke-d-1',
    receiverId: 'org-nit-ke',
    amount: money(120_000_000, 'NOK'),
    date: '2025-08-20',
    exchangeRate: { toCurrency: 'USD', rate: '0.0934' },
  }),
  step('org-nit-ke', KE, 'RecordExpenditure', {
    flowId: 'ke-x-1',
    amount: money(410_000_000, 'KES'),
    date: '2025-10-10',
    category: 'legal drafting experts',
    spentInCountry: 'KE',
    supplier: { name: 'Nairobi Law Associates', local: true },
    exchangeRate: null,
  }),
  step('org-nit-ke', KE, 'PlanMilestone', { milestoneId: 'ke-m-bill', title: 'Amendment bill validated by stakeholders', dueDate: '2026-03-31', objectiveId: 'ke-obj-law' }),
  step(
    'org-nit-ke',
    KE,
    'RecordActivity',
    activity('ke-a-prosecutors', 'training', 'Electronic evidence for prosecutors', {
      theme: 'cybercrime-law-enforcement',
      level: 'legal',
      start: '2025-11-03',
      end: '2025-11-07',
      lang: ['en', 'sw'],
      women: 11,
      men: 13,
      hours: 960,
      local: 3,
      foreign: 0,
      needs: ['ke-need-law'],
      continues: true,
    }),
  ),
  step('org-nit-ke', KE, 'ReportMilestoneAchieved', { milestoneId: 'ke-m-bill', achievedOn: '2026-03-20', evidence: [{ description: 'Validation workshop report', uri: null }] }),
  step('org-ke-ict', KE, 'ConfirmMilestone', { milestoneId: 'ke-m-bill', note: 'Bill submitted to cabinet' }),
  step('org-nordic-fund', KE, 'AdvancePhase', { to: 'monitoring', reason: 'Bill delivered; tracking adoption' }),
  step('org-nordic-fund', KE, 'AdvancePhase', { to: 'evaluation', reason: 'Final evaluation before the second phase is decided' }),
  step('org-nordic-fund', KE, 'AppointEvaluator', { organisationId: 'org-eval-inst' }),

  // 3. South–South: Brazil with Mozambique's CERT, Portuguese, USD; in delivery.
  proposal('org-br-coop', MZ, 'donor', {
    title: 'CERT-to-CERT cooperation Brazil–Mozambique',
    summary: 'Peer support for the Mozambican national CERT by Brazilian incident responders',
    country: 'MZ',
    initiatedBy: 'donor',
    themes: ['incident-response-cert', 'skills-education-awareness'],
    levels: ['technical'],
    sdgs: [9, 17],
    gender: 0,
    start: '2025-09-01',
    end: '2026-12-31',
  }),
  ...join('org-br-coop', MZ, 'org-cert-mz', 'beneficiary'),
  ...join('org-br-coop', MZ, 'org-br-coop', 'implementer'),
  step('org-cert-mz', MZ, 'StateNeed', { needId: 'mz-need-malware', kind: 'gap', description: 'No malware analysis capability in country', confidential: false }),
  step('org-cert-mz', MZ, 'StateLanguages', { languages: ['pt'] }),
  step('org-br-coop', MZ, 'AdvancePhase', { to: 'co-design', reason: 'Peer visit completed' }),
  step('org-br-coop', MZ, 'ProposePlanVersion', {
    objectives: [{ objectiveId: 'mz-obj-lab', description: 'Basic malware triage lab operated by CERT staff', needIds: ['mz-need-malware'] }],
    confidential: false,
  }),
  step('org-cert-mz', MZ, 'EndorsePlan', { version: 1, role: 'beneficiary' }),
  step('org-br-coop', MZ, 'EndorsePlan', { version: 1, role: 'donor' }),
  step('org-br-coop', MZ, 'EndorsePlan', { version: 1, role: 'implementer' }),
  step('org-br-coop', MZ, 'AdvancePhase', { to: 'delivery', reason: 'Endorsed' }),
  step('org-br-coop', MZ, 'CommitFunding', { flowId: 'mz-c-1', receiverId: 'org-cert-mz', amount: money(15_000_000, 'USD'), date: '2025-11-01', exchangeRate: null }),
  step('org-br-coop', MZ, 'DisburseFunds', { flowId: 'mz-d-1', receiverId: 'org-cert-mz', amount: money(7_500_000, 'USD'), date: '2025-11-15', exchangeRate: null }),
  step('org-cert-mz', MZ, 'RecordExpenditure', {
    flowId: 'mz-x-1',
    amount: money(2_300_000, 'USD'),
    date: '2026-01-20',
    category: 'lab equipment',
    spentInCountry: 'MZ',
    supplier: { name: 'Maputo Tech Solutions', local: true },
    exchangeRate: null,
  }),
  step(
    'org-br-coop',
    MZ,
    'RecordActivity',
    activity('mz-a-malware', 'training', 'Introdução à análise de malware', {
      theme: 'incident-response-cert',
      level: 'technical',
      start: '2026-02-09',
      end: '2026-02-20',
      lang: ['pt'],
      women: 6,
      men: 10,
      hours: 1280,
      local: 0,
      foreign: 3,
      needs: ['mz-need-malware'],
      continues: true,
    }),
  ),

  // 4. Triangular: Japan funds, Indonesia's CSIRT implements, Timor-Leste benefits; in co-design, endorsements pending.
  proposal('org-tl-mtc', TL, 'beneficiary', {
    title: 'Establishing a national CSIRT in Timor-Leste',
    summary: 'Triangular cooperation: Indonesian responders mentor Timor-Leste’s first CSIRT team, funded by Japan',
    country: 'TL',
    initiatedBy: 'beneficiary',
    themes: ['incident-response-cert', 'national-strategy-policy'],
    levels: ['technical', 'policy'],
    sdgs: [9, 16, 17],
    gender: 1,
    start: '2026-02-01',
    end: '2028-01-31',
  }),
  ...throughCoDesign(
    {
      id: TL,
      beneficiary: 'org-tl-mtc',
      donors: ['org-jp-coop'],
      implementers: ['org-id-csirt'],
      languages: ['pt', 'id'],
      needs: [{ id: 'tl-need-csirt', kind: 'national-priority', text: 'A government CSIRT mandated by decree', confidential: true }],
      objectives: [{ id: 'tl-obj-csirt', text: 'CSIRT team of five in place with a mandate', needIds: ['tl-need-csirt'] }],
    },
    false,
  ),
  step('org-tl-mtc', TL, 'EndorsePlan', { version: 1, role: 'beneficiary' }),
  step('org-jp-coop', TL, 'CommitFunding', {
    flowId: 'tl-c-1',
    receiverId: 'org-id-csirt',
    amount: money(42_000_000, 'JPY'),
    date: '2026-05-01',
    exchangeRate: { toCurrency: 'USD', rate: '0.00662' },
  }),

  // 5. Regional organisation implementing for Senegal, French; suspended during the transition.
  proposal('org-au-cyber', SN, 'implementer', {
    title: 'National cybersecurity strategy for Senegal',
    summary: 'Co-drafting a national strategy and its action plan with the ministry',
    country: 'SN',
    initiatedBy: 'implementer',
    themes: ['national-strategy-policy', 'cyber-diplomacy-cbms'],
    levels: ['policy', 'diplomatic'],
    sdgs: [16, 17],
    gender: 2,
    start: '2025-04-01',
    end: '2026-09-30',
  }),
  ...join('org-au-cyber', SN, 'org-sn-digital', 'beneficiary'),
  ...join('org-au-cyber', SN, 'org-nl-mfa', 'donor'),
  step('org-sn-digital', SN, 'StateNeed', {
    needId: 'sn-need-strategy',
    kind: 'national-priority',
    description: 'Strategy aligned with the digital plan “Sénégal numérique 2025”',
    confidential: false,
  }),
  step('org-sn-digital', SN, 'StateLanguages', { languages: ['fr', 'wo'] }),
  step('org-au-cyber', SN, 'AdvancePhase', { to: 'co-design', reason: 'Scoping done' }),
  step('org-au-cyber', SN, 'ProposePlanVersion', {
    objectives: [{ objectiveId: 'sn-obj-strategy', description: 'Strategy adopted by the council of ministers', needIds: ['sn-need-strategy'] }],
    confidential: true,
  }),
  step('org-sn-digital', SN, 'EndorsePlan', { version: 1, role: 'beneficiary' }),
  step('org-nl-mfa', SN, 'EndorsePlan', { version: 1, role: 'donor' }),
  step('org-au-cyber', SN, 'EndorsePlan', { version: 1, role: 'implementer' }),
  step('org-au-cyber', SN, 'AdvancePhase', { to: 'delivery', reason: 'Endorsed' }),
  step('org-nl-mfa', SN, 'CommitFunding', { flowId: 'sn-c-1', receiverId: 'org-au-cyber', amount: money(21_000_000, 'EUR'), date: '2025-06-01', exchangeRate: null }),
  step('org-nl-mfa', SN, 'DisburseFunds', { flowId: 'sn-d-1', receiverId: 'org-au-cyber', amount: money(10_500_000, 'EUR'), date: '2025-06-15', exchangeRate: null }),
  step(
    'org-au-cyber',
    SN,
    'RecordActivity',
    activity('sn-a-drafting', 'strategy-drafting', 'Atelier de rédaction de la stratégie nationale', {
      theme: 'national-strategy-policy',
      level: 'policy',
      start: '2025-07-07',
      end: '2025-07-11',
      lang: ['fr'],
      women: 13,
      men: 12,
      hours: 1000,
      local: 3,
      foreign: 2,
      needs: ['sn-need-strategy'],
      continues: false,
    }),
  ),
  step('org-au-cyber', SN, 'RaiseRisk', { riskId: 'sn-r-transition', kind: 'issue', description: 'Ministerial reshuffle: the strategy’s sponsor left office', severity: 'high' }),
  step('org-nl-mfa', SN, 'SuspendPartnership', { reason: 'Awaiting confirmation of the new ministry’s priorities' }),

  // 6. Consortium: two donors co-fund a lead NGO with a local sub-implementer (funding chain), Kenya skills.
  proposal('org-cyberbridge', KE2, 'implementer', {
    title: 'Women in cyber: skills pipeline Kenya',
    summary: 'Co-funded training pipeline with a local university as sub-implementer',
    country: 'KE',
    initiatedBy: 'implementer',
    themes: ['skills-education-awareness'],
    levels: ['technical'],
    sdgs: [4, 5],
    gender: 2,
    start: '2025-09-01',
    end: '2027-08-31',
  }),
  ...join('org-cyberbridge', KE2, 'org-ke-ict', 'beneficiary'),
  ...join('org-cyberbridge', KE2, 'org-nl-mfa', 'donor'),
  ...join('org-cyberbridge', KE2, 'org-nordic-fund', 'donor'),
  ...join('org-cyberbridge', KE2, 'org-nit-ke', 'implementer'),
  step('org-ke-ict', KE2, 'StateNeed', { needId: 'ke2-need-talent', kind: 'need', description: 'Shortage of SOC analysts; women are 12% of the workforce', confidential: false }),
  step('org-ke-ict', KE2, 'StateLanguages', { languages: ['en', 'sw'] }),
  step('org-nl-mfa', KE2, 'AdvancePhase', { to: 'co-design', reason: 'Scoped' }),
  step('org-cyberbridge', KE2, 'ProposePlanVersion', {
    objectives: [{ objectiveId: 'ke2-obj-cohort', description: 'Two cohorts of 40, at least 60% women', needIds: ['ke2-need-talent'] }],
    confidential: false,
  }),
  step('org-ke-ict', KE2, 'EndorsePlan', { version: 1, role: 'beneficiary' }),
  step('org-nl-mfa', KE2, 'EndorsePlan', { version: 1, role: 'donor' }),
  step('org-nordic-fund', KE2, 'EndorsePlan', { version: 1, role: 'donor' }),
  step('org-cyberbridge', KE2, 'EndorsePlan', { version: 1, role: 'implementer' }),
  step('org-nl-mfa', KE2, 'AdvancePhase', { to: 'delivery', reason: 'Endorsed' }),
  step('org-nl-mfa', KE2, 'CommitFunding', { flowId: 'ke2-c-1', receiverId: 'org-cyberbridge', amount: money(30_000_000, 'EUR'), date: '2025-10-01', exchangeRate: null }),
  step('org-nordic-fund', KE2, 'CommitFunding', {
    flowId: 'ke2-c-2',
    receiverId: 'org-cyberbridge',
    amount: money(200_000_000, 'NOK'),
    date: '2025-10-05',
    exchangeRate: { toCurrency: 'EUR', rate: '0.0856' },
  }),
  step('org-nl-mfa', KE2, 'DisburseFunds', { flowId: 'ke2-d-1', receiverId: 'org-cyberbridge', amount: money(15_000_000, 'EUR'), date: '2025-10-20', exchangeRate: null }),
  step('org-nordic-fund', KE2, 'DisburseFunds', {
    flowId: 'ke2-d-2',
    receiverId: 'org-cyberbridge',
    amount: money(100_000_000, 'NOK'),
    date: '2025-10-25',
    exchangeRate: { toCurrency: 'EUR', rate: '0.0859' },
  }),
  step('org-cyberbridge', KE2, 'CommitFunding', { flowId: 'ke2-c-3', receiverId: 'org-nit-ke', amount: money(12_000_000, 'EUR'), date: '2025-11-01', exchangeRate: null }),
  step('org-cyberbridge', KE2, 'DisburseFunds', { flowId: 'ke2-d-3', receiverId: 'org-nit-ke', amount: money(8_000_000, 'EUR'), date: '2025-11-10', exchangeRate: null }),
  step('org-nit-ke', KE2, 'RecordExpenditure', {
    flowId: 'ke2-x-1',
    amount: money(650_000_000, 'KES'),
    date: '2026-02-28',
    category: 'cohort 1 delivery',
    spentInCountry: 'KE',
    supplier: { name: 'Nairobi Institute of Technology', local: true },
    exchangeRate: null,
  }),
  step(
    'org-cyberbridge',
    KE2,
    'RecordActivity',
    activity('ke2-a-cohort1', 'certification', 'SOC analyst certification, cohort 1', {
      theme: 'skills-education-awareness',
      level: 'technical',
      start: '2026-01-12',
      end: '2026-04-24',
      lang: ['en'],
      women: 26,
      men: 14,
      hours: 16000,
      local: 5,
      foreign: 1,
      needs: ['ke2-need-talent'],
      continues: true,
    }),
  ),
  step('org-nit-ke', KE2, 'PlanMilestone', { milestoneId: 'ke2-m-cohort1', title: 'Cohort 1 certified', dueDate: '2026-05-15', objectiveId: 'ke2-obj-cohort' }),
  step('org-nit-ke', KE2, 'ReportMilestoneAchieved', { milestoneId: 'ke2-m-cohort1', achievedOn: '2026-04-30', evidence: [{ description: '37 of 40 certified', uri: null }] }),

  // 7. Closed with handover and an evaluation: tabletop exercises in Mozambique, funded by the Nordic fund.
  proposal('org-cert-mz', MZ2, 'beneficiary', {
    title: 'National cyber exercise programme Mozambique',
    summary: 'Three national tabletop exercises handed over to the CERT',
    country: 'MZ',
    initiatedBy: 'beneficiary',
    themes: ['critical-infrastructure', 'incident-response-cert'],
    levels: ['technical', 'policy'],
    sdgs: [9, 16],
    gender: 1,
    start: '2024-03-01',
    end: '2025-12-31',
  }),
  ...throughCoDesign(
    {
      id: MZ2,
      beneficiary: 'org-cert-mz',
      donors: ['org-nordic-fund'],
      implementers: ['org-cyberbridge'],
      languages: ['pt'],
      needs: [{ id: 'mz2-need-exercise', kind: 'need', text: 'Critical-infrastructure operators have never exercised a national incident', confidential: false }],
      objectives: [{ id: 'mz2-obj-exercises', text: 'Three national exercises, the third run by the CERT alone', needIds: ['mz2-need-exercise'] }],
    },
    true,
  ),
  step('org-nordic-fund', MZ2, 'CommitFunding', {
    flowId: 'mz2-c-1',
    receiverId: 'org-cyberbridge',
    amount: money(90_000_000, 'NOK'),
    date: '2024-05-01',
    exchangeRate: { toCurrency: 'USD', rate: '0.0915' },
  }),
  step('org-nordic-fund', MZ2, 'DisburseFunds', {
    flowId: 'mz2-d-1',
    receiverId: 'org-cyberbridge',
    amount: money(90_000_000, 'NOK'),
    date: '2024-05-20',
    exchangeRate: { toCurrency: 'USD', rate: '0.0921' },
  }),
  step('org-cyberbridge', MZ2, 'RecordExpenditure', {
    flowId: 'mz2-x-1',
    amount: money(4_200_000, 'EUR'),
    date: '2024-09-15',
    category: 'exercise design',
    spentInCountry: 'MZ',
    supplier: { name: 'Maputo Tech Solutions', local: true },
    exchangeRate: { toCurrency: 'USD', rate: '1.1070' },
  }),
  step(
    'org-cyberbridge',
    MZ2,
    'RecordActivity',
    activity('mz2-a-ttx1', 'exercise', 'Exercício nacional 1: energia', {
      theme: 'critical-infrastructure',
      level: 'technical',
      start: '2024-09-16',
      end: '2024-09-17',
      lang: ['pt'],
      women: 8,
      men: 22,
      hours: 480,
      local: 1,
      foreign: 3,
      needs: ['mz2-need-exercise'],
      continues: true,
    }),
  ),
  step(
    'org-cyberbridge',
    MZ2,
    'RecordActivity',
    activity('mz2-a-ttx3', 'exercise', 'Exercício nacional 3: conduzido pelo CERT', {
      theme: 'critical-infrastructure',
      level: 'policy',
      start: '2025-06-10',
      end: '2025-06-11',
      lang: ['pt'],
      women: 12,
      men: 20,
      hours: 512,
      local: 4,
      foreign: 0,
      needs: ['mz2-need-exercise'],
      continues: true,
    }),
  ),
  step('org-cyberbridge', MZ2, 'PlanMilestone', {
    milestoneId: 'mz2-m-handover',
    title: 'Third exercise run by the CERT alone',
    dueDate: '2025-06-30',
    objectiveId: 'mz2-obj-exercises',
  }),
  step('org-cyberbridge', MZ2, 'ReportMilestoneAchieved', {
    milestoneId: 'mz2-m-handover',
    achievedOn: '2025-06-11',
    evidence: [{ description: 'After-action report signed by the CERT', uri: null }],
  }),
  step('org-cert-mz', MZ2, 'ConfirmMilestone', { milestoneId: 'mz2-m-handover', note: 'Run with our own facilitators' }),
  step('org-nordic-fund', MZ2, 'AdvancePhase', { to: 'monitoring', reason: 'All exercises delivered' }),
  step('org-nordic-fund', MZ2, 'AdvancePhase', { to: 'evaluation', reason: 'Programme end' }),
  step('org-nordic-fund', MZ2, 'AppointEvaluator', { organisationId: 'org-eval-inst' }),
  step('org-eval-inst', MZ2, 'RecordEvaluation', {
    evaluationId: 'mz2-eval-final',
    corrects: null,
    scores: [
      { principle: 'national-ownership', score: 4, evidence: 'The CERT designed and ran the third exercise', eventIds: [] },
      { principle: 'demand-driven', score: 4, evidence: 'Initiated by the beneficiary after its own gap analysis', eventIds: [] },
      { principle: 'sustainable-process', score: 3, evidence: 'Exercise budget included in the CERT’s 2026 plan', eventIds: [] },
      { principle: 'gender-sensitive-inclusive', score: 2, evidence: 'Women were 32% of participants; no targeted measures', eventIds: [] },
    ],
    findings: 'Strong ownership and a real handover; gender balance lagged',
    lessons: 'Set participation targets during co-design',
  }),
  step('org-nordic-fund', MZ2, 'ClosePartnership', {
    outcome: 'achieved',
    summary: 'The CERT runs national exercises on its own budget',
    handover: { done: true, institutionId: 'org-cert-mz', date: '2025-11-30' },
  }),

  // 8. Scoping only: beneficiary-initiated confidence-building measures, needs stated, nothing agreed yet.
  proposal('org-tl-mtc', TL2, 'beneficiary', {
    title: 'Points of contact and CBMs for Timor-Leste',
    summary: 'Designate national points of contact and join regional CERT cooperation',
    country: 'TL',
    initiatedBy: 'beneficiary',
    themes: ['cyber-diplomacy-cbms'],
    levels: ['diplomatic'],
    sdgs: [17],
    gender: 0,
    start: '2026-09-01',
    end: '2027-06-30',
  }),
  step('org-tl-mtc', TL2, 'StateNeed', { needId: 'tl2-need-poc', kind: 'need', description: 'No designated diplomatic and technical points of contact', confidential: false }),
  ...join('org-tl-mtc', TL2, 'org-jp-coop', 'donor'),
  // Not answered yet: Indonesia's CSIRT (rizky) finds it under GET /api/invitations and accepts or declines.
  step('org-tl-mtc', TL2, 'InviteParty', { organisationId: 'org-id-csirt', role: 'implementer' }),

  // What the partnerships publish to IATI: yearly budgets (one revised), a planned disbursement, sectors chosen
  // over the themes' default, a regional share, and public documents (one on a milestone, one after closure).
  step('org-nl-mfa', GH, 'PlanBudget', {
    budgetId: 'gh-budget-2025',
    kind: 'original',
    status: 'committed',
    periodStart: '2025-01-15',
    periodEnd: '2025-12-31',
    amount: money(30_000_000, 'EUR'),
    valueDate: '2025-01-15',
  }),
  step('org-nl-mfa', GH, 'PlanBudget', {
    budgetId: 'gh-budget-2026',
    kind: 'original',
    status: 'indicative',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    amount: money(18_000_000, 'EUR'),
    valueDate: '2026-01-01',
  }),
  step('org-nl-mfa', GH, 'PlanBudget', {
    budgetId: 'gh-budget-2026-rev',
    kind: 'revised',
    status: 'committed',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    amount: money(21_000_000, 'EUR'),
    valueDate: '2026-06-01',
  }),
  step('org-nl-mfa', GH, 'PlanDisbursement', {
    plannedDisbursementId: 'gh-pd-2026-h1',
    receiverId: 'org-cyberbridge',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    amount: money(12_000_000, 'EUR'),
    valueDate: '2026-01-01',
  }),
  step('org-cyberbridge', GH, 'LinkDocument', {
    documentId: 'gh-doc-sop',
    title: 'CERT-GH incident triage standard operating procedure',
    url: 'https://cyberbridge.example.org/gh/triage-sop-v1.pdf',
    category: 'A08',
    language: 'en',
    milestoneId: 'gh-m-sop',
  }),
  step('org-nordic-fund', KE, 'AllocateSectors', {
    sectors: [
      { code: '15130', percentage: 70 },
      { code: '15210', percentage: 30 },
    ],
  }),
  step('org-nordic-fund', KE, 'SetRecipientAreas', {
    countries: [{ code: 'KE', percentage: 85 }],
    regions: [{ code: '289', percentage: 15 }],
  }),
  step('org-eval-inst', MZ2, 'LinkDocument', {
    documentId: 'mz2-doc-evaluation',
    title: 'Final evaluation: national cyber exercise programme',
    url: 'https://iipe.example.ac.uk/evaluations/mz-exercise-final.pdf',
    category: 'A07',
    language: 'pt',
    milestoneId: null,
  }),
];
