import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { HTTP_EDGE, startTestApp, type TestApp } from './support/test-app';
import { ADMIN_ORG, post, put, registerOrganisations, streamOf } from './support/http';
import { activityBody } from './support/lifecycle-bodies';
import { accessFixture, headersOf, ORG_OF, PARTIES, PRINCIPALS, type PrincipalKey } from './support/access-fixture';

type Method = 'get' | 'post' | 'put' | 'patch';

interface Case {
  readonly method: Method;
  /** The route as the OpenAPI document names it: every documented route must have a case. */
  readonly route: string;
  readonly path: (p: PrincipalKey) => string;
  readonly body?: (p: PrincipalKey) => object;
  /** A body that is not JSON (an IATI file), sent with this content type. */
  readonly raw?: { readonly type: string; readonly body: string };
  readonly expected: (p: PrincipalKey) => number;
  /** Principals whose call changes state, in the order they call (after every refused one). */
  readonly order?: readonly PrincipalKey[];
}

const PARTY3: PrincipalKey[] = ['donor', 'implementer', 'beneficiary'];

/** A command on the partnership: anonymous 401, outsiders (the operator too) 404, parties outside the role 403. */
const command =
  (allowed: readonly PrincipalKey[], status = 201, overrides: Partial<Record<PrincipalKey, number>> = {}) =>
  (p: PrincipalKey) =>
    p === 'anonymous' ? 401 : (overrides[p] ?? (allowed.includes(p) ? status : PARTIES.includes(p) ? 403 : 404));
const everyone = (status: number) => () => status;
const signedIn = (p: PrincipalKey) => (p === 'anonymous' ? 401 : 200);
/** One partnership's records: its parties and evaluator; the operator too when `admin` (read models hold nothing confidential). */
const partiesOnly = (admin: boolean) => (p: PrincipalKey) => (p === 'anonymous' ? 401 : PARTIES.includes(p) || (admin && p === 'admin') ? 200 : 404);
const adminOnly = (p: PrincipalKey) => (p === 'anonymous' ? 401 : p === 'admin' ? 200 : 403);

describe.each(HTTP_EDGE)('who may do and see what, on %s', (backend) => {
  let t: TestApp;
  let position = '';
  let n = 0;
  const u = () => `m${++n}`;
  const INVITEES = Array.from({ length: 24 }, (_, i) => `org-invitee-${i + 1}`);
  let invited = 0;
  const invitee = () => INVITEES[invited++ % INVITEES.length];
  const P = `p-acc-${randomBytes(4).toString('hex')}`;
  const OTHER = `${P}-other`;
  // Invitations are answered here, so that no principal of P or OTHER is left holding one.
  const INV = `${P}-inv`;
  const WITHDRAWN = 'org-invitee-withdrawn';
  const at = (path: string) => (path.startsWith('/health') ? path : `/api${path}`);
  const pp =
    (suffix = '') =>
    () =>
      `/partnerships/${P}${suffix}`;
  const money = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  const budgetBody = (budgetId: string) => ({
    budgetId,
    kind: 'original',
    status: 'committed',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    amount: money(100_000),
    valueDate: '2026-01-01',
  });
  const plannedBody = (plannedDisbursementId: string) => ({
    plannedDisbursementId,
    periodStart: '2026-07-01',
    periodEnd: '2026-09-30',
    amount: money(50_000),
    valueDate: '2026-07-01',
  });
  const documentBody = (documentId: string) => ({ documentId, title: 'Report', url: 'https://example.org/report.pdf', category: 'A08', language: 'en' });

  beforeAll(async () => {
    t = await startTestApp(backend);
    await accessFixture(t.app, P, OTHER);
    // Parties and evaluators must be registered: the rows that name one draw from these.
    await registerOrganisations(t.app, [...INVITEES, WITHDRAWN]);
    // Every organisation here publishes to IATI under an identity of its own.
    for (const [key, org] of Object.entries(ORG_OF)) {
      if (key === 'admin') continue;
      const res = await put(t.app, `/organisations/${org}/iati-identity`, ADMIN_ORG, { orgId: `XI-IATI-${org.toUpperCase()}`, orgType: '22' });
      if (res.status !== 200) throw new Error(`iati identity of ${org}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const impl = ORG_OF.implementer;
    const ob = ORG_OF.otherBeneficiary;
    for (const [org, path, body] of [
      [
        ob,
        '/partnerships',
        {
          partnershipId: INV,
          title: 'Invitations',
          summary: 's',
          beneficiaryCountry: 'GH',
          initiatedBy: 'beneficiary',
          proposerRole: 'beneficiary',
          themes: ['incident-response-cert'],
          levels: ['technical'],
          sdgs: [],
          genderMarker: 0,
          plannedStart: '2026-01-01',
        },
      ],
      ...(['inv-n1', 'inv-n2'] as const).map((needId) => [ob, `/partnerships/${INV}/needs`, { needId, kind: 'gap', description: 'd', confidential: false }] as const),
      [ob, `/partnerships/${INV}/parties`, { organisationId: ORG_OF.donor, role: 'donor' }],
      [ob, `/partnerships/${INV}/parties`, { organisationId: ORG_OF.implementer, role: 'implementer' }],
      [ORG_OF.donor, `/partnerships/${P}/parties`, { organisationId: WITHDRAWN, role: 'implementer' }],
      [impl, `/partnerships/${P}/milestones`, { milestoneId: 'm-dispute', title: 'Disputed one', dueDate: '2026-05-01' }],
      [impl, `/partnerships/${P}/milestones/m-dispute/achievement`, { achievedOn: '2026-04-20', evidence: [{ description: 'minutes' }] }],
      [impl, `/partnerships/${P}/indicators`, { indicatorId: 'i-matrix', name: 'Triage time', unit: 'hours', baseline: 72, target: 8, baselineDate: '2026-01-15' }],
      ...(['r-donor', 'r-impl', 'r-ben'] as const).map((riskId) => [impl, `/partnerships/${P}/risks`, { riskId, kind: 'risk', description: 'turnover', severity: 'low' }] as const),
      // What the corrections act on: each case corrects its own fact.
      ...(['c-fix-amend', 'c-fix-deob', 'c-fix-cancel'] as const).map(
        (flowId) =>
          [ORG_OF.donor, `/partnerships/${P}/commitments`, { flowId, receiverId: impl, amount: { amountMinor: 1_000_000, currency: 'EUR' }, date: '2026-02-01' }] as const,
      ),
      [ORG_OF.donor, `/partnerships/${P}/commitments`, { flowId: 'c-fix-base', receiverId: impl, amount: { amountMinor: 5_000_000, currency: 'EUR' }, date: '2026-02-01' }],
      [ORG_OF.donor, `/partnerships/${P}/disbursements`, { flowId: 'd-fix-void', receiverId: impl, amount: { amountMinor: 50_000, currency: 'EUR' }, date: '2026-02-05' }],
      [
        impl,
        `/partnerships/${P}/expenditures`,
        {
          flowId: 'x-fix-corr',
          amount: { amountMinor: 20_000, currency: 'EUR' },
          date: '2026-03-01',
          category: 'venue',
          spentInCountry: 'GH',
          supplier: { name: 'Venue', local: true },
        },
      ],
      ...(['a-fix', 'a-fix-void'] as const).map((activityId) => [impl, `/partnerships/${P}/activities`, activityBody(activityId)] as const),
      ...(['m-fix-res', 'm-fix-cancel'] as const).map(
        (milestoneId) => [impl, `/partnerships/${P}/milestones`, { milestoneId, title: 'To correct', dueDate: '2026-06-01' }] as const,
      ),
      [ORG_OF.beneficiary, `/partnerships/${P}/needs`, { needId: 'need-fix', kind: 'gap', description: 'Forensics', confidential: true }],
      ...(['human-rights', 'gender-equality', 'do-no-harm'] as const).map(
        (commitment) => [impl, `/partnerships/${P}/baseline-commitments`, { commitment, description: 'checked' }] as const,
      ),
      // What the publication voids act on: one budget, plan and document per party allowed to void it.
      ...(['donor', 'implementer'] as const).map((p) => [ORG_OF[p], `/partnerships/${P}/budgets`, { ...budgetBody(`b-${p}`) }] as const),
      ...(['donor', 'implementer'] as const).map((p) => [ORG_OF[p], `/partnerships/${P}/planned-disbursements`, { ...plannedBody(`pd-${p}`) }] as const),
      ...(['donor', 'implementer', 'beneficiary', 'evaluator'] as const).map((p) => [ORG_OF[p], `/partnerships/${P}/documents`, { ...documentBody(`doc-${p}`) }] as const),
    ] as const) {
      const res = await post(t.app, path, org, body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      position = res.body.position;
    }
  });
  afterAll(() => t?.close());

  const organisationBody = () => ({
    organisationId: `org-${u()}`,
    name: 'New organisation',
    kind: 'ngo',
    country: 'GH',
    region: 'africa',
    developmentStatus: 'developing',
    contacts: [{ name: 'Focal point', function: 'Programmes', email: 'focal@example.org' }],
  });

  const CASES: readonly Case[] = [
    { method: 'post', route: '/api/organisations', path: () => '/organisations', body: organisationBody, expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 201 : 403) },
    {
      method: 'patch',
      route: '/api/organisations/{id}',
      path: () => `/organisations/${ORG_OF.otherBeneficiary}`,
      body: () => ({ name: 'Renamed ministry' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' || p === 'otherBeneficiary' ? 200 : 403),
    },
    {
      method: 'post',
      route: '/api/organisations/{id}/profile-changes',
      path: () => `/organisations/${ORG_OF.otherImplementer}/profile-changes`,
      body: () => ({ effectiveFrom: '2026-01-01', changes: { kind: 'academia' }, reason: 'registered as a university' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 201 : 403),
    },
    {
      method: 'put',
      route: '/api/organisations/{id}/iati-identity',
      path: () => `/organisations/${ORG_OF.otherImplementer}/iati-identity`,
      body: () => ({ orgId: `XI-IATI-${u()}`.toUpperCase(), orgType: '21' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 200 : 403),
    },
    {
      method: 'post',
      route: '/api/partnerships',
      path: () => '/partnerships',
      body: (p) => ({
        partnershipId: `p-${u()}`,
        title: 'Another',
        summary: 's',
        beneficiaryCountry: 'GH',
        initiatedBy: 'beneficiary',
        proposerRole: p.toLowerCase().includes('donor') ? 'donor' : p.toLowerCase().includes('implementer') ? 'implementer' : 'beneficiary',
        themes: ['incident-response-cert'],
        levels: ['technical'],
        sdgs: [],
        genderMarker: 0,
        plannedStart: '2026-01-01',
      }),
      expected: (p) => (p === 'anonymous' ? 401 : ['admin', 'evaluator', 'otherEvaluator'].includes(p) ? 403 : 201),
    },
    { method: 'post', route: '/api/partnerships/{id}/parties', path: pp('/parties'), body: () => ({ organisationId: invitee(), role: 'implementer' }), expected: command(PARTY3) },
    {
      method: 'post',
      route: '/api/partnerships/{id}/needs',
      path: pp('/needs'),
      body: () => ({ needId: u(), kind: 'gap', description: 'd', confidential: false }),
      expected: command(['beneficiary']),
    },
    { method: 'put', route: '/api/partnerships/{id}/languages', path: pp('/languages'), body: () => ({ languages: ['en'] }), expected: command(['beneficiary'], 200) },
    {
      method: 'post',
      route: '/api/partnerships/{id}/plan-versions',
      path: pp('/plan-versions'),
      body: () => ({ objectives: [{ objectiveId: u(), description: 'o', needIds: [] }], confidential: false }),
      expected: command(PARTY3),
    },
    // Three versions proposed above on top of version 1: the current one is 4.
    {
      method: 'post',
      route: '/api/partnerships/{id}/plan-versions/{version}/endorsements',
      path: pp('/plan-versions/4/endorsements'),
      // Evaluators claim a role they do not hold (the body cannot even name "evaluator").
      body: (p) => ({ role: p === 'admin' ? 'donor' : /valuator/.test(p) ? 'beneficiary' : p.replace(/^other/, '').toLowerCase() }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/baseline-commitments',
      path: pp('/baseline-commitments'),
      body: () => ({ commitment: 'human-rights', description: 'd' }),
      expected: command(PARTY3),
    },
    {
      method: 'put',
      route: '/api/partnerships/{id}/tags',
      path: pp('/tags'),
      body: () => ({ themes: ['incident-response-cert'], levels: ['technical'], sdgs: [], genderMarker: 1 }),
      expected: command(PARTY3, 200),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/phase-transitions',
      path: pp('/phase-transitions'),
      body: (p) => ({ to: p === 'implementer' ? 'delivery' : 'monitoring', reason: 'matrix' }),
      expected: command(PARTY3),
      order: ['donor', 'implementer', 'beneficiary'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/suspension',
      path: pp('/suspension'),
      body: () => ({ reason: 'r' }),
      expected: command(['donor', 'implementer'], 201, { implementer: 422 }),
      order: ['donor', 'implementer'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/resumption',
      path: pp('/resumption'),
      body: () => ({ reason: 'r' }),
      expected: command(['donor', 'implementer'], 201, { implementer: 422 }),
      order: ['donor', 'implementer'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/commitments',
      path: pp('/commitments'),
      body: (p) => ({ flowId: u(), receiverId: p === 'implementer' ? ORG_OF.beneficiary : ORG_OF.implementer, amount: money(1_000_000), date: '2026-02-01' }),
      expected: command(['donor', 'implementer']),
      order: ['donor', 'implementer'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/disbursements',
      path: pp('/disbursements'),
      body: (p) => ({ flowId: u(), receiverId: p === 'implementer' ? ORG_OF.beneficiary : ORG_OF.implementer, amount: money(400_000), date: '2026-02-02' }),
      expected: command(['donor', 'implementer']),
      order: ['donor', 'implementer'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/refunds',
      path: pp('/refunds'),
      body: (p) => ({ flowId: u(), providerId: p === 'beneficiary' ? ORG_OF.implementer : ORG_OF.donor, amount: money(10_000), date: '2026-02-03', reason: 'unspent' }),
      expected: command(['implementer', 'beneficiary']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/in-kind-contributions',
      path: pp('/in-kind-contributions'),
      body: (p) => ({ flowId: u(), receiverId: p === 'beneficiary' ? ORG_OF.donor : ORG_OF.beneficiary, amount: money(1_000), date: '2026-02-04', description: 'kit' }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/expenditures',
      path: pp('/expenditures'),
      body: (p) => ({
        flowId: p === 'implementer' ? 'exp-impl' : u(),
        amount: money(5_000),
        date: '2026-03-03',
        category: 'venue',
        spentInCountry: 'GH',
        supplier: { name: 'Venue', local: true },
      }),
      expected: command(['implementer', 'beneficiary']),
    },
    // Only the organisation that recorded it voids an expenditure: the beneficiary, a spender itself, gets 403.
    {
      method: 'post',
      route: '/api/partnerships/{id}/expenditures/{flowId}/void',
      path: pp('/expenditures/exp-impl/void'),
      body: () => ({ reason: 'duplicate' }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones',
      path: pp('/milestones'),
      body: () => ({ milestoneId: 'm-matrix', title: 'SOP adopted', dueDate: '2026-05-01' }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones/{milestoneId}/achievement',
      path: pp('/milestones/m-matrix/achievement'),
      body: () => ({ achievedOn: '2026-04-20', evidence: [{ description: 'minutes' }] }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones/{milestoneId}/confirmation',
      path: pp('/milestones/m-matrix/confirmation'),
      body: () => ({ note: 'in use' }),
      expected: command(['beneficiary']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones/{milestoneId}/dispute',
      path: pp('/milestones/m-dispute/dispute'),
      body: () => ({ reason: 'not delivered' }),
      expected: command(['beneficiary']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/activities',
      path: pp('/activities'),
      body: () => ({
        activityId: u(),
        type: 'training',
        title: 'IR fundamentals',
        themes: ['incident-response-cert'],
        level: 'technical',
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        languages: ['en'],
        participants: { women: 3, men: 4, undisclosed: 0 },
        participantHours: 100,
        trainers: { local: 1, foreign: 0 },
        localTrainersProduced: 0,
        needIds: [],
        continuesAfterFunding: false,
      }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/indicators',
      path: pp('/indicators'),
      body: () => ({ indicatorId: u(), name: 'n', unit: 'u', baseline: 1, target: 2, baselineDate: '2026-01-15' }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/indicators/{indicatorId}/measurements',
      path: pp('/indicators/i-matrix/measurements'),
      body: () => ({ value: 5, measuredOn: '2026-06-01' }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/risks',
      path: pp('/risks'),
      body: () => ({ riskId: u(), kind: 'issue', description: 'd', severity: 'low' }),
      expected: command([...PARTY3, 'evaluator']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/risks/{riskId}/resolution',
      path: (p) => `/partnerships/${P}/risks/${p === 'implementer' ? 'r-impl' : p === 'beneficiary' ? 'r-ben' : 'r-donor'}/resolution`,
      body: () => ({ resolution: 'handled' }),
      expected: command(PARTY3),
    },
    {
      method: 'get',
      route: '/api/iati/activities.xml',
      path: () => '/iati/activities.xml',
      // Your own organisation's file: the operator's organisation publishes nothing, an evaluator has no activities of its own.
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 409 : p === 'evaluator' || p === 'otherEvaluator' ? 404 : 200),
    },
    ...(['activities.csv', 'transactions.csv'] as const).map((file): Case => ({
      method: 'get',
      route: `/api/iati/${file}`,
      path: () => `/iati/${file}`,
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 409 : p === 'evaluator' || p === 'otherEvaluator' ? 404 : 200),
    })),
    { method: 'get', route: '/api/partnerships/{id}/iati.xml', path: pp('/iati.xml'), expected: partiesOnly(true) },
    {
      method: 'post',
      route: '/api/iati/imports',
      path: () => '/iati/imports?dryRun=true',
      raw: { type: 'application/xml', body: '<iati-activities version="2.03"></iati-activities>' },
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 200 : 403),
    },
    {
      method: 'put',
      route: '/api/partnerships/{id}/sectors',
      path: pp('/sectors'),
      body: () => ({ sectors: [{ code: '22040', percentage: 100 }] }),
      expected: command(['donor', 'implementer'], 200),
    },
    {
      method: 'put',
      route: '/api/partnerships/{id}/recipient-areas',
      path: pp('/recipient-areas'),
      body: () => ({ countries: [{ code: 'GH', percentage: 100 }], regions: [] }),
      expected: command(PARTY3, 200),
    },
    { method: 'post', route: '/api/partnerships/{id}/budgets', path: pp('/budgets'), body: () => budgetBody(u()), expected: command(['donor', 'implementer']) },
    {
      method: 'post',
      route: '/api/partnerships/{id}/budgets/{budgetId}/void',
      path: (p) => `/partnerships/${P}/budgets/${p === 'implementer' ? 'b-implementer' : 'b-donor'}/void`,
      body: () => ({ reason: 'entered twice' }),
      expected: command(['donor', 'implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/planned-disbursements',
      path: pp('/planned-disbursements'),
      body: () => plannedBody(u()),
      expected: command(['donor', 'implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/planned-disbursements/{plannedDisbursementId}/void',
      path: (p) => `/partnerships/${P}/planned-disbursements/${p === 'implementer' ? 'pd-implementer' : 'pd-donor'}/void`,
      body: () => ({ reason: 'moved' }),
      expected: command(['donor', 'implementer']),
    },
    { method: 'post', route: '/api/partnerships/{id}/documents', path: pp('/documents'), body: () => documentBody(u()), expected: command([...PARTY3, 'evaluator']) },
    {
      method: 'post',
      route: '/api/partnerships/{id}/documents/{documentId}/unlinking',
      path: (p) => `/partnerships/${P}/documents/doc-${p === 'implementer' || p === 'beneficiary' || p === 'evaluator' ? p : 'donor'}/unlinking`,
      body: () => ({ reason: 'withdrawn' }),
      expected: command([...PARTY3, 'evaluator']),
    },
    { method: 'post', route: '/api/partnerships/{id}/evaluators', path: pp('/evaluators'), body: () => ({ organisationId: invitee() }), expected: command(['donor']) },
    // Allowed, then refused by the rules: evaluations and closure need the evaluation phase.
    {
      method: 'post',
      route: '/api/partnerships/{id}/evaluations',
      path: pp('/evaluations'),
      body: () => ({ evaluationId: u(), scores: [{ principle: 'national-ownership', score: 3, evidence: 'e', eventIds: [] }], findings: 'f', lessons: 'l' }),
      expected: command(['evaluator'], 422),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/closure',
      path: pp('/closure'),
      body: () => ({ outcome: 'achieved', summary: 's', handover: { done: false, institutionId: null, date: null } }),
      expected: command(['donor', 'implementer'], 422),
    },

    { method: 'get', route: '/health', path: () => '/health', expected: everyone(200) },
    { method: 'get', route: '/api/auth/me', path: () => '/auth/me', expected: signedIn },
    // Demo sign-in is on only on the embedded default with demo data; these test apps have none.
    { method: 'get', route: '/api/auth/demo-users', path: () => '/auth/demo-users', expected: everyone(404) },
    { method: 'post', route: '/api/auth/demo-sign-in', path: () => '/auth/demo-sign-in', body: () => ({ user: 'sanne' }), expected: everyone(404) },
    { method: 'get', route: '/api/partnerships', path: () => '/partnerships', expected: signedIn },
    { method: 'get', route: '/api/partnerships/{partnershipId}', path: pp(), expected: partiesOnly(true) },
    { method: 'get', route: '/api/partnerships/{id}/dossier', path: pp('/dossier'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/history', path: pp('/history'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/as-of', path: pp('/as-of?revision=3'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/diff', path: pp('/diff?fromRevision=2&toRevision=5'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/changes', path: pp('/changes?sinceRevision=4'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/evaluations', path: pp('/evaluations'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/export', path: pp('/export?format=csv'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{id}/verify', path: pp('/verify'), expected: partiesOnly(false) },
    { method: 'get', route: '/api/partnerships/{partnershipId}/timeline', path: pp('/timeline'), expected: partiesOnly(true) },
    { method: 'get', route: '/api/timeline', path: () => '/timeline', expected: signedIn },
    { method: 'get', route: '/api/organisations', path: () => '/organisations', expected: signedIn },
    { method: 'get', route: '/api/organisations/{id}', path: () => `/organisations/${ORG_OF.donor}`, expected: signedIn },
    { method: 'get', route: '/api/organisations/{id}/partners', path: () => `/organisations/${ORG_OF.donor}/partners`, expected: signedIn },
    { method: 'get', route: '/api/relationships/triads', path: () => '/relationships/triads', expected: signedIn },
    { method: 'get', route: '/api/relationships/network', path: () => '/relationships/network', expected: signedIn },
    { method: 'get', route: '/api/relationships/counts', path: () => '/relationships/counts?by=theme', expected: everyone(200) },
    { method: 'get', route: '/api/funding/totals', path: () => '/funding/totals?groupBy=donor', expected: everyone(200) },
    { method: 'get', route: '/api/funding/totals', path: () => '/funding/totals?groupBy=partnership', expected: signedIn },
    { method: 'get', route: '/api/funding/chains/{partnershipId}', path: () => `/funding/chains/${P}`, expected: partiesOnly(true) },
    { method: 'get', route: '/api/local-ownership/partnerships', path: () => '/local-ownership/partnerships', expected: signedIn },
    { method: 'get', route: '/api/local-ownership/portfolios', path: () => '/local-ownership/portfolios?by=donor', expected: everyone(200) },
    { method: 'get', route: '/api/inclusion', path: () => '/inclusion?groupBy=theme', expected: everyone(200) },
    { method: 'get', route: '/api/inclusion', path: () => '/inclusion?groupBy=partnership', expected: signedIn },
    { method: 'get', route: '/api/coordination/overlaps', path: () => '/coordination/overlaps', expected: signedIn },
    { method: 'get', route: '/api/coordination/external-overlaps', path: () => '/coordination/external-overlaps', expected: signedIn },
    { method: 'get', route: '/api/registry', path: () => '/registry', expected: everyone(200) },
    { method: 'get', route: '/api/scorecard', path: () => '/scorecard', expected: everyone(200) },
    { method: 'get', route: '/api/scorecard/scores', path: () => '/scorecard/scores', expected: signedIn },
    {
      method: 'post',
      route: '/api/exchange-rates',
      path: () => '/exchange-rates',
      body: () => ({ source: 'ECB reference rates', rates: [{ base: 'EUR', quote: 'USD', valueDate: '2026-01-02', rate: '1.0842' }] }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 201 : 403),
    },
    {
      method: 'post',
      route: '/api/exchange-rates/csv',
      path: () => '/exchange-rates/csv',
      body: () => ({ source: 'ECB reference rates', csv: 'base,quote,date,rate\nEUR,KES,2026-01-02,140.1\n' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'admin' ? 201 : 403),
    },
    { method: 'get', route: '/api/exchange-rates', path: () => '/exchange-rates', expected: everyone(200) },
    { method: 'get', route: '/api/exchange-rates/{base}/{quote}', path: () => '/exchange-rates/EUR/USD', expected: everyone(200) },
    { method: 'get', route: '/api/projections', path: () => '/projections', expected: adminOnly },
    { method: 'get', route: '/api/projections/{name}', path: () => '/projections/portfolio', expected: adminOnly },
    // Corrections: the author of a flow or a donor for money; otherwise who may record it.
    {
      method: 'post',
      route: '/api/partnerships/{id}/commitments/{flowId}/amendment',
      path: pp('/commitments/c-fix-amend/amendment'),
      body: () => ({ amount: money(1_100_000), reason: 'typo' }),
      expected: command(['donor']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/commitments/{flowId}/deobligation',
      path: pp('/commitments/c-fix-deob/deobligation'),
      body: () => ({ reason: 'programme ended early' }),
      expected: command(['donor']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/commitments/{flowId}/cancellation',
      path: pp('/commitments/c-fix-cancel/cancellation'),
      body: () => ({ reason: 'entered twice' }),
      expected: command(['donor']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/flows/{flowId}/void',
      path: pp('/flows/d-fix-void/void'),
      body: () => ({ reason: 'bank returned the transfer' }),
      expected: command(['donor']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/flows/{flowId}/correction',
      path: pp('/flows/x-fix-corr/correction'),
      body: (p) => ({ date: p === 'donor' ? '2026-03-10' : '2026-03-11', reason: 'invoice date' }),
      expected: command(['donor', 'implementer']),
      order: ['donor', 'implementer'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/activities/{activityId}/correction',
      path: pp('/activities/a-fix/correction'),
      body: () => {
        const { activityId: _id, ...activity } = activityBody('a-fix', { women: 5, men: 4 });
        return { ...activity, reason: 'counted twice' };
      },
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/activities/{activityId}/void',
      path: pp('/activities/a-fix-void/void'),
      body: () => ({ reason: 'never took place' }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones/{milestoneId}/reschedule',
      path: pp('/milestones/m-fix-res/reschedule'),
      body: () => ({ dueDate: '2026-09-30', reason: 'board moved' }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones/{milestoneId}/cancellation',
      path: pp('/milestones/m-fix-cancel/cancellation'),
      body: () => ({ reason: 'dropped from the plan' }),
      expected: command(['implementer']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/milestones/{milestoneId}/validation-retraction',
      path: pp('/milestones/m-matrix/validation-retraction'),
      body: () => ({ reason: 'confirmed too early' }),
      expected: command(['beneficiary']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/indicators/{indicatorId}/revision',
      path: pp('/indicators/i-matrix/revision'),
      body: (p) => ({ target: p === 'donor' ? 7 : p === 'implementer' ? 6 : 5, reason: 'revised at mid-term' }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/amendment',
      path: pp('/amendment'),
      body: (p) => ({ title: `Partnership ${P} (${p})`, reason: 'agreed title' }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/planned-dates',
      path: pp('/planned-dates'),
      body: (p) => ({ plannedEnd: p === 'donor' ? '2028-06-30' : '2028-12-31', reason: 'no-cost extension' }),
      expected: command(['donor', 'implementer']),
      order: ['donor', 'implementer'],
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/needs/{needId}/confidentiality',
      path: pp('/needs/need-fix/confidentiality'),
      body: () => ({ confidential: false, reason: 'published' }),
      expected: command(['beneficiary']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/needs/{needId}/withdrawal',
      path: pp('/needs/need-fix/withdrawal'),
      body: () => ({ reason: 'met by another donor' }),
      expected: command(['beneficiary']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/baseline-commitments/withdrawal',
      path: pp('/baseline-commitments/withdrawal'),
      body: (p) => ({ commitment: p === 'donor' ? 'human-rights' : p === 'implementer' ? 'gender-equality' : 'do-no-harm', reason: 'recorded by mistake' }),
      expected: command(PARTY3),
    },
    // Not possible once delivery began, for whoever may ask: the rules answer 422.
    { method: 'post', route: '/api/partnerships/{id}/cancellation', path: pp('/cancellation'), body: () => ({ reason: 'funding fell through' }), expected: command(PARTY3, 422) },
    {
      method: 'post',
      route: '/api/partnerships/{id}/closure/correction',
      path: pp('/closure/correction'),
      body: () => ({ outcome: 'achieved', summary: 'Handed over', handover: { done: false }, reason: 'typo' }),
      expected: command(['donor', 'implementer'], 422),
    },
    // The other partnership, so that this one keeps its parties for the cases above: its donor replaces the evaluator, then leaves.
    {
      method: 'post',
      route: '/api/partnerships/{id}/evaluators/replacement',
      path: () => `/partnerships/${OTHER}/evaluators/replacement`,
      body: () => ({ previousId: ORG_OF.otherEvaluator, organisationId: invitee(), reason: 'conflict of interest' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'otherDonor' ? 201 : ['otherImplementer', 'otherBeneficiary', 'otherEvaluator'].includes(p) ? 403 : 404),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/parties/departures',
      path: () => `/partnerships/${OTHER}/parties/departures`,
      body: (p) => ({ role: p === 'otherImplementer' ? 'implementer' : p === 'otherBeneficiary' ? 'beneficiary' : 'donor', effectiveDate: '2026-06-30', reason: 'window closes' }),
      // The only beneficiary cannot leave (422); the replaced evaluator is no party any more (404).
      expected: (p) => (p === 'anonymous' ? 401 : p === 'otherDonor' || p === 'otherImplementer' ? 201 : p === 'otherBeneficiary' ? 422 : 404),
    },
    // An invitee is no party: it hears "not found" for everything but its answer.
    {
      method: 'post',
      route: '/api/partnerships/{id}/needs/reprioritisation',
      path: () => `/partnerships/${INV}/needs/reprioritisation`,
      body: () => ({ needIds: ['inv-n2', 'inv-n1'], reason: 'legal framework first' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'otherBeneficiary' ? 201 : 404),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/invitations/acceptance',
      path: () => `/partnerships/${INV}/invitations/acceptance`,
      body: () => ({ role: 'donor' }),
      // The proposer and the organisation invited to another role have no such invitation.
      expected: (p) => (p === 'anonymous' ? 401 : p === 'donor' ? 201 : p === 'otherBeneficiary' || p === 'implementer' ? 422 : 404),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/invitations/declination',
      path: () => `/partnerships/${INV}/invitations/declination`,
      body: () => ({ role: 'implementer', reason: 'no capacity this year' }),
      expected: (p) => (p === 'anonymous' ? 401 : p === 'implementer' ? 201 : p === 'otherBeneficiary' || p === 'donor' ? 422 : 404),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/invitations/withdrawal',
      path: pp('/invitations/withdrawal'),
      body: () => ({ organisationId: WITHDRAWN, role: 'implementer', reason: 'invited by mistake' }),
      expected: command(['donor']),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/indicators/{indicatorId}/measurements/void',
      path: pp('/indicators/i-matrix/measurements/void'),
      // Each of the three parties recorded this measurement above, and each voids one.
      body: () => ({ value: 5, measuredOn: '2026-06-01', reason: 'counted twice' }),
      expected: command(PARTY3),
    },
    {
      method: 'post',
      route: '/api/partnerships/{id}/mid-term-reviews',
      path: pp('/mid-term-reviews'),
      body: () => ({ reviewId: u(), scores: [], findings: 'f', recommendations: 'r' }),
      // P is in monitoring by now (an earlier case moved it), where a review leaves the phase as it is.
      expected: command([...PARTY3, 'evaluator']),
    },
    { method: 'get', route: '/api/invitations', path: () => '/invitations', expected: signedIn },
  ];

  it('has a case for every documented endpoint', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect([...new Set(CASES.map((c) => `${c.method.toUpperCase()} ${c.route}`))].sort()).toEqual([...new Set(documented)].sort());
  });

  it('answers each principal with the exact status, and a refused command appends nothing', async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      const refusedFirst = [...PRINCIPALS].sort((a, b) => rank(c, a) - rank(c, b));
      for (const p of refusedFirst) {
        const before = (await streamOf(t.app, `partnership-${P}`)).length;
        const server = request(t.app.getHttpServer());
        const res = await server[c.method](at(c.path(p)))
          .set({ ...headersOf(p), 'X-Min-Position': position, ...(c.raw ? { 'Content-Type': c.raw.type } : {}) })
          .send(c.raw ? c.raw.body : c.body ? c.body(p) : undefined);
        const expected = c.expected(p);
        if (res.status !== expected)
          failures.push(`${c.method.toUpperCase()} ${c.path(p)} as ${p}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body).slice(0, 160)}`);
        if (res.status >= 400 && res.status !== 422 && c.method !== 'get') {
          if ((await streamOf(t.app, `partnership-${P}`)).length !== before) failures.push(`${c.method.toUpperCase()} ${c.path(p)} as ${p}: appended events`);
          if (!/^(auth|access|partnership|route)\./.test(String(res.body.code))) failures.push(`${c.method.toUpperCase()} ${c.path(p)} as ${p}: code ${res.body.code}`);
        }
        if (typeof res.body?.position === 'string') position = res.body.position;
      }
    }
    expect(failures).toEqual([]);
  });

  it('lists only your partnerships; another donor sees yours only in the public registry', async () => {
    const list = async (p: PrincipalKey, path: string) =>
      (
        await request(t.app.getHttpServer())
          .get(`/api${path}`)
          .set({ ...headersOf(p), 'X-Min-Position': position })
          .expect(200)
      ).body.items as { partnershipId: string }[];
    expect((await list('donor', '/partnerships?limit=200')).map((i) => i.partnershipId)).toContain(P);
    expect((await list('evaluator', '/partnerships?limit=200')).map((i) => i.partnershipId)).toEqual([P]);
    expect((await list('otherDonor', '/partnerships?limit=200')).map((i) => i.partnershipId)).not.toContain(P);
    expect((await list('otherDonor', '/timeline?limit=200')).map((i) => i.partnershipId)).not.toContain(P);
    expect((await list('otherDonor', '/scorecard/scores')).map((i) => i.partnershipId)).not.toContain(P);
    expect((await list('anonymous', '/registry?limit=200')).map((i) => i.partnershipId)).toContain(P);
  });

  function rank(c: Case, p: PrincipalKey): number {
    const status = c.expected(p);
    if (status === 401 || status === 403 || status === 404) return -1;
    const i = c.order?.indexOf(p) ?? -1;
    return i < 0 ? 100 : i;
  }
});
