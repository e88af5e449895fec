import type { ActivityType, PartnershipEvent, Principle } from '@ccb/domain';
import { ACTIVITY_TYPES, PRINCIPLES, THEMES } from '@ccb/domain';

/**
 * A realistic programme workload, deterministic from its seed: organisations, then partnerships
 * that move through scoping, co-design, delivery and monitoring (most of their events: money,
 * activities, milestones, indicators), some to evaluation and closure. Partnerships advance side by
 * side, as in a real portfolio, so `$all` interleaves them.
 */
export interface WorkloadOptions {
  readonly partnerships: number;
  /** Approximate total of partnership events. */
  readonly events: number;
  readonly seed?: number;
  /** How many partnerships advance side by side. */
  readonly concurrent?: number;
}

export interface WorkloadStep {
  readonly streamId: string;
  readonly events: readonly { type: string; schemaVersion: number; data: object }[];
}

const COUNTRIES: readonly {
  code: string;
  region: 'africa' | 'americas' | 'asia-pacific' | 'europe' | 'middle-east';
  status: 'developed' | 'developing' | 'least-developed';
  languages: string[];
}[] = [
  { code: 'KE', region: 'africa', status: 'developing', languages: ['sw', 'en'] },
  { code: 'GH', region: 'africa', status: 'developing', languages: ['en'] },
  { code: 'SN', region: 'africa', status: 'least-developed', languages: ['fr'] },
  { code: 'MZ', region: 'africa', status: 'least-developed', languages: ['pt'] },
  { code: 'NG', region: 'africa', status: 'developing', languages: ['en'] },
  { code: 'TL', region: 'asia-pacific', status: 'least-developed', languages: ['pt', 'tet'] },
  { code: 'PH', region: 'asia-pacific', status: 'developing', languages: ['en', 'tl'] },
  { code: 'VN', region: 'asia-pacific', status: 'developing', languages: ['vi'] },
  { code: 'CO', region: 'americas', status: 'developing', languages: ['es'] },
  { code: 'PE', region: 'americas', status: 'developing', languages: ['es'] },
  { code: 'JO', region: 'middle-east', status: 'developing', languages: ['ar'] },
  { code: 'MD', region: 'europe', status: 'developing', languages: ['ro'] },
  { code: 'UG', region: 'africa', status: 'least-developed', languages: ['en', 'sw'] },
  { code: 'RW', region: 'africa', status: 'least-developed', languages: ['rw', 'en', 'fr'] },
  { code: 'TZ', region: 'africa', status: 'least-developed', languages: ['sw', 'en'] },
  { code: 'ET', region: 'africa', status: 'least-developed', languages: ['am'] },
  { code: 'CI', region: 'africa', status: 'developing', languages: ['fr'] },
  { code: 'CM', region: 'africa', status: 'developing', languages: ['fr', 'en'] },
  { code: 'ZM', region: 'africa', status: 'least-developed', languages: ['en'] },
  { code: 'BW', region: 'africa', status: 'developing', languages: ['en'] },
  { code: 'MA', region: 'africa', status: 'developing', languages: ['ar', 'fr'] },
  { code: 'TN', region: 'africa', status: 'developing', languages: ['ar', 'fr'] },
  { code: 'ID', region: 'asia-pacific', status: 'developing', languages: ['id'] },
  { code: 'KH', region: 'asia-pacific', status: 'least-developed', languages: ['km'] },
  { code: 'LA', region: 'asia-pacific', status: 'least-developed', languages: ['lo'] },
  { code: 'FJ', region: 'asia-pacific', status: 'developing', languages: ['en', 'fj'] },
  { code: 'PG', region: 'asia-pacific', status: 'developing', languages: ['en', 'tpi'] },
  { code: 'BD', region: 'asia-pacific', status: 'least-developed', languages: ['bn'] },
  { code: 'LK', region: 'asia-pacific', status: 'developing', languages: ['si', 'ta'] },
  { code: 'MN', region: 'asia-pacific', status: 'developing', languages: ['mn'] },
  { code: 'DO', region: 'americas', status: 'developing', languages: ['es'] },
  { code: 'GT', region: 'americas', status: 'developing', languages: ['es'] },
  { code: 'JM', region: 'americas', status: 'developing', languages: ['en'] },
  { code: 'PY', region: 'americas', status: 'developing', languages: ['es', 'gn'] },
  { code: 'LB', region: 'middle-east', status: 'developing', languages: ['ar', 'fr'] },
  { code: 'UA', region: 'europe', status: 'developing', languages: ['uk'] },
  { code: 'GE', region: 'europe', status: 'developing', languages: ['ka'] },
  { code: 'AL', region: 'europe', status: 'developing', languages: ['sq'] },
];
const DONOR_COUNTRIES = [
  { code: 'NO', currency: 'NOK' },
  { code: 'NL', currency: 'EUR' },
  { code: 'DE', currency: 'EUR' },
  { code: 'JP', currency: 'JPY' },
  { code: 'GB', currency: 'GBP' },
  { code: 'US', currency: 'USD' },
  { code: 'EE', currency: 'EUR' },
  { code: 'AU', currency: 'AUD' },
];

/** Mulberry32: small, fast and the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

export interface WorkloadOrganisations {
  readonly steps: WorkloadStep[];
  readonly donors: { id: string; currency: string }[];
  readonly implementers: { id: string; country: string }[];
  readonly beneficiaries: { id: string; country: string; languages: string[] }[];
  readonly evaluators: string[];
}

export function workloadOrganisations(seed = 1): WorkloadOrganisations {
  const r = prng(seed);
  const steps: WorkloadStep[] = [];
  const register = (id: string, name: string, kind: string, country: string, region: string, status: string) =>
    steps.push({
      streamId: `organisation-${id}`,
      events: [
        {
          type: 'OrganisationRegistered',
          schemaVersion: 1,
          data: {
            organisationId: id,
            name,
            kind,
            country,
            region,
            developmentStatus: status,
            contacts: [{ name: `Desk ${id}`, function: 'Programme officer', email: `${id}@example.org` }],
          },
        },
        // Every workload organisation publishes to IATI under IATI's own register.
        {
          type: 'IatiIdentityAssigned',
          schemaVersion: 1,
          data: { organisationId: id, orgId: `XI-IATI-${id.toUpperCase()}`, orgType: kind === 'state-body' ? '10' : kind === 'multilateral' ? '40' : '22' },
        },
      ],
    });
  const donors = DONOR_COUNTRIES.flatMap((c, i) => [0, 1, 2].map((k) => ({ id: `w-donor-${c.code.toLowerCase()}-${k}`, currency: c.currency, country: c.code, i })));
  for (const d of donors)
    register(
      d.id,
      `Donor ${d.id}`,
      r.pick(['state-body', 'multilateral', 'state-body']),
      d.country,
      d.country === 'JP' || d.country === 'AU' ? 'asia-pacific' : d.country === 'US' ? 'americas' : 'europe',
      'developed',
    );
  const implementers = [
    ...DONOR_COUNTRIES.flatMap((c) => [0, 1, 2, 3].map((k) => ({ id: `w-impl-${c.code.toLowerCase()}-${k}`, country: c.code, region: 'europe', status: 'developed' }))),
    ...COUNTRIES.flatMap((c) => [0, 1, 2].map((k) => ({ id: `w-impl-${c.code.toLowerCase()}-${k}`, country: c.code, region: c.region, status: c.status }))),
  ];
  for (const m of implementers) register(m.id, `Implementer ${m.id}`, r.pick(['ngo', 'private', 'academia', 'regional-organisation', 'ngo']), m.country, m.region, m.status);
  const beneficiaries = COUNTRIES.flatMap((c) =>
    [0, 1, 2, 3].map((k) => ({ id: `w-ben-${c.code.toLowerCase()}-${k}`, country: c.code, languages: c.languages, region: c.region, status: c.status })),
  );
  for (const b of beneficiaries) register(b.id, `Beneficiary ${b.id}`, 'state-body', b.country, b.region, b.status);
  const evaluators = Array.from({ length: 12 }, (_, k) => `w-eval-${k}`);
  for (const e of evaluators) register(e, `Evaluator ${e}`, 'academia', r.pick(['ZA', 'KE', 'NL', 'BR']), 'africa', 'developing');
  return { steps, donors, implementers, beneficiaries, evaluators };
}

type Event = PartnershipEvent;

/** The last day a generated fact may be dated: before any day the workload is appended on. */
const LATEST_FACT_DATE = '2026-06-30';
const ev = <T extends Event>(e: T): { type: string; schemaVersion: number; data: object } => e;

/** One partnership's life as a queue of commands' events, sized to about `target` events. */
function partnershipLife(index: number, target: number, orgs: WorkloadOrganisations, r: ReturnType<typeof prng>): Event[][] {
  const id = `w-${index.toString().padStart(6, '0')}`;
  const ben = r.pick(orgs.beneficiaries);
  const donor = r.pick(orgs.donors);
  const donor2 = r.chance(0.25) ? r.pick(orgs.donors.filter((d) => d.currency === donor.currency && d.id !== donor.id)) : undefined;
  const lead = r.pick(orgs.implementers.filter((m) => m.country !== ben.country));
  const local = r.chance(0.6) ? r.pick(orgs.implementers.filter((m) => m.country === ben.country)) : undefined;
  const evaluator = r.pick(orgs.evaluators);
  const themes = [r.pick(THEMES), ...(r.chance(0.4) ? [r.pick(THEMES)] : [])].filter((t, i, a) => a.indexOf(t) === i);
  const year = r.int(2019, 2025);
  const month = r.int(1, 12).toString().padStart(2, '0');
  const start = `${year}-${month}-01`;
  const end = `${year + r.int(1, 4)}-${month}-28`;
  // Facts are never dated after the day they are recorded (the commands refuse it): a long life stops at the cut-off.
  const day = (offset: number) => {
    const d = new Date(Date.parse(start) + offset * 86_400_000).toISOString().slice(0, 10);
    return d < LATEST_FACT_DATE ? d : LATEST_FACT_DATE;
  };
  const cur = donor.currency;
  const amount = (min: number, max: number) => ({ amountMinor: r.int(min, max) * 100, currency: cur });
  const life: Event[][] = [];
  const push = (...events: Event[]) => life.push(events);

  push({
    type: 'PartnershipProposed',
    schemaVersion: 2,
    data: {
      partnershipId: id,
      title: `${themes[0].replace(/-/g, ' ')} programme ${index}`,
      summary: `Capacity building for ${ben.id}`,
      beneficiaryCountry: ben.country,
      initiatedBy: r.pick(['beneficiary', 'beneficiary', 'donor', 'implementer'] as const),
      proposerId: ben.id,
      proposerRole: 'beneficiary',
      themes,
      levels: [r.pick(['technical', 'policy', 'legal', 'diplomatic'] as const)],
      sdgs: [r.pick([4, 5, 9, 16, 17] as const)],
      genderMarker: r.pick([0, 1, 1, 2] as const),
      plannedStart: start,
      plannedEnd: end,
    },
  });
  push({ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: donor.id, role: 'donor' } });
  if (donor2) {
    // Invited by the beneficiary; joins by accepting.
    push({ type: 'PartyInvited', schemaVersion: 1, data: { organisationId: donor2.id, role: 'donor', invitedBy: ben.id } });
    push({ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: donor2.id, role: 'donor' } });
  }
  push({ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: lead.id, role: 'implementer' } });
  if (local) push({ type: 'PartyJoined', schemaVersion: 1, data: { organisationId: local.id, role: 'implementer' } });
  const needs = Array.from({ length: r.int(1, 4) }, (_, k) => `need-${k}`);
  for (const needId of needs) {
    push({
      type: 'NeedStated',
      schemaVersion: 1,
      data: {
        needId,
        kind: r.pick(['need', 'national-priority', 'gap', 'needs-assessment'] as const),
        description: `Need ${needId} of ${id}`,
        confidential: r.chance(0.3),
        statedBy: ben.id,
      },
    });
  }
  push({ type: 'LanguagesStated', schemaVersion: 1, data: { languages: ben.languages, statedBy: ben.id } });
  push({ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'scoping', to: 'co-design', reason: 'needs scoped' } });
  const versions = r.chance(0.3) ? 2 : 1;
  for (let v = 1; v <= versions; v++) {
    push({
      type: 'PlanVersionProposed',
      schemaVersion: 1,
      data: {
        version: v,
        objectives: needs.map((n, k) => ({ objectiveId: `obj-${k}`, description: `Objective ${k}`, needIds: r.chance(0.8) ? [n] : [] })),
        confidential: r.chance(0.2),
        proposedBy: lead.id,
      },
    });
    push({ type: 'PlanEndorsed', schemaVersion: 1, data: { version: v, organisationId: ben.id, role: 'beneficiary' } });
    push({ type: 'PlanEndorsed', schemaVersion: 1, data: { version: v, organisationId: donor.id, role: 'donor' } });
    push({ type: 'PlanEndorsed', schemaVersion: 1, data: { version: v, organisationId: lead.id, role: 'implementer' } });
  }
  push({ type: 'BaselineCommitmentRecorded', schemaVersion: 1, data: { commitment: 'human-rights', description: 'Rights review', recordedBy: lead.id } });
  push({ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'co-design', to: 'delivery', reason: 'plan endorsed' } });

  let flow = 0;
  const committed = amount(200_000, 2_000_000);
  push({
    type: 'FundingCommitted',
    schemaVersion: 1,
    data: {
      flowId: `f-${flow++}`,
      providerId: donor.id,
      receiverId: lead.id,
      amount: committed,
      date: day(10),
      exchangeRate: r.chance(0.5) && cur !== 'USD' ? { toCurrency: 'USD', rate: '1.0842' } : null,
    },
  });
  if (donor2)
    push({
      type: 'FundingCommitted',
      schemaVersion: 1,
      data: { flowId: `f-${flow++}`, providerId: donor2.id, receiverId: lead.id, amount: amount(100_000, 500_000), date: day(12), exchangeRate: null },
    });
  if (local)
    push({
      type: 'FundingCommitted',
      schemaVersion: 1,
      data: {
        flowId: `f-${flow++}`,
        providerId: lead.id,
        receiverId: local.id,
        amount: { amountMinor: Math.floor(committed.amountMinor / 4), currency: cur },
        date: day(15),
        exchangeRate: null,
      },
    });

  let milestones = 0;
  let activities = 0;
  let indicators = 0;
  let risks = 0;
  let spentIds: string[] = [];
  let lastActivity = null as Extract<PartnershipEvent, { type: 'ActivityDelivered' }>['data'] | null;
  // The last reading still standing, so a generated void names one that exists.
  let lastMeasurement = null as { indicatorId: string; value: number; measuredOn: string } | null;
  let offset = 20;
  const closes = r.chance(0.35);
  const reserve = closes ? 8 : 2;
  let events = life.reduce((n, c) => n + c.length, 0);
  while (events < target - reserve) {
    offset += r.int(3, 20);
    const roll = r.next();
    let step: Event[];
    if (roll < 0.1) {
      step = [
        {
          type: 'FundsDisbursed',
          schemaVersion: 1,
          data: {
            flowId: `f-${flow++}`,
            providerId: donor.id,
            receiverId: lead.id,
            amount: { amountMinor: Math.floor(committed.amountMinor / 20), currency: cur },
            date: day(offset),
            exchangeRate: null,
          },
        },
      ];
    } else if (roll < 0.13 && local) {
      step = [
        {
          type: 'FundsDisbursed',
          schemaVersion: 1,
          data: {
            flowId: `f-${flow++}`,
            providerId: lead.id,
            receiverId: local.id,
            amount: { amountMinor: Math.floor(committed.amountMinor / 80), currency: cur },
            date: day(offset),
            exchangeRate: null,
          },
        },
      ];
    } else if (roll < 0.4) {
      const flowId = `f-${flow++}`;
      spentIds.push(flowId);
      const isLocal = r.chance(0.45);
      step = [
        {
          type: 'ExpenditureRecorded',
          schemaVersion: 2,
          data: {
            flowId,
            spenderId: local && r.chance(0.3) ? local.id : lead.id,
            amount: amount(500, 20_000),
            date: day(offset),
            category: r.pick(['travel', 'venue', 'trainers', 'equipment', 'staff']),
            spentInCountry: isLocal ? ben.country : lead.country,
            supplier: { name: isLocal ? 'Local supplier' : 'International supplier', local: isLocal },
            exchangeRate: null,
            overspendReason: null,
          },
        },
      ];
    } else if (roll < 0.42 && spentIds.length > 0) {
      const flowId = spentIds[spentIds.length - 1];
      spentIds = spentIds.slice(0, -1);
      step = [{ type: 'ExpenditureVoided', schemaVersion: 1, data: { flowId, reason: 'Booked twice', voidedBy: lead.id } }];
    } else if (roll < 0.6) {
      const type: ActivityType = r.pick(ACTIVITY_TYPES);
      const women = r.int(0, 25);
      const men = r.int(0, 30);
      step = [
        {
          type: 'ActivityDelivered',
          schemaVersion: 1,
          data: (lastActivity = {
            activityId: `a-${activities++}`,
            type,
            title: `${type} ${activities}`,
            themes: [r.pick(themes)],
            level: r.pick(['technical', 'policy', 'legal', 'diplomatic'] as const),
            startDate: day(offset - 3),
            endDate: day(offset),
            languages: [r.chance(0.7) ? ben.languages[0] : 'en'],
            participants: { women, men, undisclosed: r.int(0, 2) },
            participantHours: (women + men) * r.int(4, 40),
            trainers: { local: r.int(0, 3), foreign: r.int(0, 3) },
            localTrainersProduced: type === 'train-the-trainer' ? r.int(1, 8) : 0,
            trainedByActivityId: null,
            objectiveId: null,
            needIds: r.chance(0.7) ? [r.pick(needs)] : [],
            continuesAfterFunding: r.chance(0.3),
          }),
        },
      ];
    } else if (roll < 0.75) {
      const milestoneId = `m-${milestones++}`;
      step = [{ type: 'MilestonePlanned', schemaVersion: 1, data: { milestoneId, title: `Milestone ${milestoneId}`, dueDate: day(offset + 30), objectiveId: null } }];
      life.push(step);
      events += step.length;
      step = [{ type: 'MilestoneAchieved', schemaVersion: 1, data: { milestoneId, achievedOn: day(offset), evidence: [{ description: 'Report', uri: null }] } }];
      if (r.chance(0.85)) {
        life.push(step);
        events += step.length;
        step = r.chance(0.85)
          ? [{ type: 'MilestoneConfirmed', schemaVersion: 1, data: { milestoneId, confirmedBy: ben.id, note: 'Seen' } }]
          : [{ type: 'MilestoneDisputed', schemaVersion: 1, data: { milestoneId, disputedBy: ben.id, reason: 'Not delivered as planned' } }];
      }
    } else if (roll < 0.85) {
      if (indicators === 0 || r.chance(0.2)) {
        step = [
          {
            type: 'IndicatorDefined',
            schemaVersion: 1,
            data: { indicatorId: `i-${indicators++}`, name: 'Incidents handled within SLA', unit: '%', baseline: r.int(0, 40), target: r.int(60, 100), baselineDate: day(0) },
          },
        ];
      } else {
        const reading = { indicatorId: `i-${r.int(0, indicators - 1)}`, value: r.int(0, 100), measuredOn: day(offset) };
        lastMeasurement = reading;
        step = [{ type: 'IndicatorMeasured', schemaVersion: 1, data: { ...reading, note: 'Quarterly review' } }];
      }
    } else if (roll < 0.9) {
      step = [
        {
          type: 'RiskRaised',
          schemaVersion: 1,
          data: {
            riskId: `r-${risks++}`,
            kind: r.pick(['risk', 'issue'] as const),
            description: 'Staff turnover',
            severity: r.pick(['low', 'medium', 'high'] as const),
            raisedBy: r.pick([lead.id, ben.id]),
          },
        },
      ];
    } else if (roll < 0.93 && risks > 0) {
      step = [{ type: 'RiskResolved', schemaVersion: 1, data: { riskId: `r-${r.int(0, risks - 1)}`, resolution: 'Mitigated' } }];
    } else if (roll < 0.95) {
      step = [{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'delivery', to: 'monitoring', reason: 'quarterly review' } }];
      life.push(step);
      events += 1;
      step = [{ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'monitoring', to: 'delivery', reason: 'review done' } }];
    } else if (r.chance(0.5)) {
      // Corrections, as a programme office makes them: a head count fixed, a milestone moved, a target revised, an invoice re-dated, a no-cost extension.
      const kind = r.int(0, 6);
      const activity = lastActivity;
      if (kind === 0 && activity !== null) {
        const corrected = { ...activity, participants: { ...activity.participants, women: Math.max(0, activity.participants.women - 1) } };
        lastActivity = corrected;
        step = [{ type: 'ActivityCorrected', schemaVersion: 1, data: { ...corrected, reason: 'Counted one participant twice', correctedBy: lead.id } }];
      } else if (kind === 1 && milestones > 0) {
        step = [
          {
            type: 'MilestoneRescheduled',
            schemaVersion: 1,
            data: { milestoneId: `m-${r.int(0, milestones - 1)}`, dueDate: day(offset + 60), reason: 'Board meeting moved', rescheduledBy: lead.id },
          },
        ];
      } else if (kind === 2 && indicators > 0) {
        step = [
          {
            type: 'IndicatorRevised',
            schemaVersion: 1,
            data: { indicatorId: `i-${r.int(0, indicators - 1)}`, baseline: r.int(0, 40), target: r.int(60, 100), reason: 'Baseline re-measured', revisedBy: lead.id },
          },
        ];
      } else if (kind === 5 && lastMeasurement !== null) {
        step = [{ type: 'MeasurementVoided', schemaVersion: 1, data: { ...lastMeasurement, reason: 'Counted two quarters', voidedBy: lead.id } }];
        lastMeasurement = null;
      } else if (kind === 6) {
        step = [{ type: 'NeedsReprioritised', schemaVersion: 1, data: { needIds: [...needs].reverse(), reason: 'New minister', reprioritisedBy: ben.id } }];
      } else if (kind === 3 && spentIds.length > 0) {
        step = [
          {
            type: 'FlowCorrected',
            schemaVersion: 1,
            data: { flowId: spentIds[spentIds.length - 1], date: day(offset - 1), exchangeRate: null, reason: 'Invoice date', correctedBy: lead.id },
          },
        ];
      } else {
        step = [{ type: 'PlannedDatesChanged', schemaVersion: 1, data: { plannedStart: day(0), plannedEnd: day(offset + 400), reason: 'No-cost extension', changedBy: donor.id } }];
      }
    } else {
      step = [
        {
          type: 'FundsDisbursed',
          schemaVersion: 1,
          data: {
            flowId: `f-${flow++}`,
            providerId: donor.id,
            receiverId: lead.id,
            amount: { amountMinor: Math.floor(committed.amountMinor / 40), currency: cur },
            date: day(offset),
            exchangeRate: null,
          },
        },
      ];
    }
    life.push(step);
    events += step.length;
  }
  if (closes) {
    push({ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'delivery', to: 'monitoring', reason: 'delivery complete' } });
    push({ type: 'PhaseAdvanced', schemaVersion: 1, data: { from: 'monitoring', to: 'evaluation', reason: 'final evaluation' } });
    push({ type: 'EvaluatorAppointed', schemaVersion: 1, data: { organisationId: evaluator, appointedBy: donor.id } });
    const principles = Array.from(new Set<Principle>(Array.from({ length: 5 }, () => r.pick(PRINCIPLES))));
    push({
      type: 'EvaluationRecorded',
      schemaVersion: 1,
      data: {
        evaluationId: 'ev-1',
        evaluatorId: evaluator,
        corrects: null,
        scores: principles.map((principle) => ({ principle, score: r.int(0, 4), evidence: 'Interviews and records', eventIds: [] })),
        findings: 'Findings',
        lessons: 'Lessons',
      },
    });
    push({
      type: 'PartnershipClosed',
      schemaVersion: 1,
      data: {
        outcome: r.pick(['achieved', 'partially-achieved', 'not-achieved'] as const),
        summary: 'Closed',
        handover: r.chance(0.6) ? { done: true, institutionId: ben.id, date: day(offset + 30) } : { done: false, institutionId: null, date: null },
      },
    });
  }
  return life;
}

/** The whole workload, steps in the order they are to be appended. */
export function* partnershipWorkload(options: WorkloadOptions, orgs: WorkloadOrganisations = workloadOrganisations(options.seed ?? 1)): Generator<WorkloadStep> {
  const r = prng((options.seed ?? 1) * 7919);
  const perPartnership = options.events / options.partnerships;
  const concurrent = Math.min(options.concurrent ?? 200, options.partnerships);
  let nextIndex = 0;
  const active: { streamId: string; life: Event[][]; at: number }[] = [];
  const admit = () => {
    const index = nextIndex++;
    const target = Math.max(25, Math.round(perPartnership * (0.5 + r.next())));
    active.push({ streamId: `partnership-w-${index.toString().padStart(6, '0')}`, life: partnershipLife(index, target, orgs, r), at: 0 });
  };
  while (active.length < concurrent && nextIndex < options.partnerships) admit();
  while (active.length > 0) {
    const slot = Math.floor(r.next() * active.length);
    const p = active[slot];
    yield { streamId: p.streamId, events: p.life[p.at++].map(ev) };
    if (p.at >= p.life.length) {
      active.splice(slot, 1);
      if (nextIndex < options.partnerships) admit();
    }
  }
}
