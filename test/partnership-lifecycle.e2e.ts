import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { BACKENDS, startTestApp, type TestApp } from './support/test-app';
import { post, put, streamOf, ADMIN_ORG, actor, registerOrganisations } from './support/http';
import { commitment, organisation, ORGS, proposal } from './support/lifecycle-bodies';

describe.each(BACKENDS)('partnership commands over HTTP on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
    await registerOrganisations(t.app, Object.values(ORGS));
  });
  afterAll(() => t?.close());

  /** Proposes a partnership and walks it into delivery; returns its id. */
  async function inDelivery(): Promise<string> {
    const id = randomUUID();
    const app = t.app;
    const ok = async (r: request.Test) => {
      const res = await r;
      if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    await ok(post(app, '/partnerships', ORGS.beneficiary, proposal(id)));
    await ok(post(app, `/partnerships/${id}/parties`, ORGS.beneficiary, { organisationId: ORGS.donor, role: 'donor' }));
    await ok(post(app, `/partnerships/${id}/invitations/acceptance`, ORGS.donor, { role: 'donor' }));
    await ok(post(app, `/partnerships/${id}/parties`, ORGS.beneficiary, { organisationId: ORGS.implementer, role: 'implementer' }));
    await ok(post(app, `/partnerships/${id}/invitations/acceptance`, ORGS.implementer, { role: 'implementer' }));
    await ok(post(app, `/partnerships/${id}/needs`, ORGS.beneficiary, { needId: 'need-1', kind: 'need', description: 'Triage procedures', confidential: true }));
    await ok(post(app, `/partnerships/${id}/phase-transitions`, ORGS.donor, { to: 'co-design', reason: 'scoping done' }));
    await ok(
      post(app, `/partnerships/${id}/plan-versions`, ORGS.implementer, {
        objectives: [{ objectiveId: 'obj-1', description: 'Triage in use', needIds: ['need-1'] }],
        confidential: false,
      }),
    );
    for (const [org, role] of [
      [ORGS.beneficiary, 'beneficiary'],
      [ORGS.donor, 'donor'],
      [ORGS.implementer, 'implementer'],
    ]) {
      await ok(post(app, `/partnerships/${id}/plan-versions/1/endorsements`, org, { role }));
    }
    await ok(post(app, `/partnerships/${id}/phase-transitions`, ORGS.donor, { to: 'delivery', reason: 'plan endorsed' }));
    return id;
  }

  it('records a whole partnership life, each answer carrying the new revision as ETag', async () => {
    const app = t.app;
    for (const [org, name, country, kind, region, status] of [
      ['org-nl-new', 'Netherlands MFA', 'NL', 'state-body', 'europe', 'developed'],
      ['org-gh-new', 'CERT-GH', 'GH', 'state-body', 'africa', 'developing'],
    ]) {
      const res = await post(app, '/organisations', ADMIN_ORG, { organisationId: org, ...organisation(name, country, kind, region, status) });
      expect(res.status).toBe(201);
    }
    const patched = await request(app.getHttpServer()).patch('/api/organisations/org-gh-new').set(actor('org-gh-new')).send({ name: 'Cyber Security Authority (CERT-GH)' });
    expect(patched.status).toBe(200);

    const id = await inDelivery();
    const steps: [string, string, object, string?][] = [
      [`/partnerships/${id}/baseline-commitments`, ORGS.implementer, { commitment: 'human-rights', description: 'Rights review of curricula' }],
      [`/partnerships/${id}/commitments`, ORGS.donor, commitment('c-1', 50_000_000)],
      [`/partnerships/${id}/disbursements`, ORGS.donor, commitment('d-1', 20_000_000)],
      [
        `/partnerships/${id}/expenditures`,
        ORGS.implementer,
        {
          flowId: 'x-1',
          amount: { amountMinor: 1_250_000, currency: 'EUR' },
          date: '2026-03-03',
          category: 'venue',
          spentInCountry: 'GH',
          supplier: { name: 'Accra venue', local: true },
        },
      ],
      [`/partnerships/${id}/expenditures/x-1/void`, ORGS.implementer, { reason: 'duplicate invoice' }],
      [`/partnerships/${id}/in-kind-contributions`, ORGS.donor, { ...commitment('k-1', 300_000), receiverId: ORGS.beneficiary, description: 'Forensic workstations' }],
      [
        `/partnerships/${id}/refunds`,
        ORGS.implementer,
        { flowId: 'r-1', providerId: ORGS.donor, amount: { amountMinor: 100_000, currency: 'EUR' }, date: '2026-04-01', reason: 'unspent' },
      ],
      [`/partnerships/${id}/milestones`, ORGS.implementer, { milestoneId: 'm-1', title: 'SOP adopted', dueDate: '2026-05-01', objectiveId: 'obj-1' }],
      [`/partnerships/${id}/milestones/m-1/achievement`, ORGS.implementer, { achievedOn: '2026-04-20', evidence: [{ description: 'Board minute' }] }],
      [`/partnerships/${id}/milestones/m-1/confirmation`, ORGS.beneficiary, { note: 'in use' }],
      [
        `/partnerships/${id}/activities`,
        ORGS.implementer,
        {
          activityId: 'a-1',
          type: 'training',
          title: 'IR fundamentals',
          themes: ['incident-response-cert'],
          level: 'technical',
          startDate: '2026-03-02',
          endDate: '2026-03-06',
          languages: ['en'],
          participants: { women: 12, men: 14, undisclosed: 0 },
          participantHours: 1040,
          trainers: { local: 2, foreign: 1 },
          localTrainersProduced: 0,
          needIds: ['need-1'],
          continuesAfterFunding: true,
        },
      ],
      [`/partnerships/${id}/indicators`, ORGS.beneficiary, { indicatorId: 'i-1', name: 'Median triage time', unit: 'hours', baseline: 72, target: 8, baselineDate: '2026-01-15' }],
      [`/partnerships/${id}/indicators/i-1/measurements`, ORGS.implementer, { value: 20, measuredOn: '2026-06-01' }],
      [`/partnerships/${id}/risks`, ORGS.beneficiary, { riskId: 'r-1', kind: 'risk', description: 'Staff turnover', severity: 'high' }],
      [`/partnerships/${id}/risks/r-1/resolution`, ORGS.donor, { resolution: 'Retention allowance' }],
      [`/partnerships/${id}/suspension`, ORGS.donor, { reason: 'elections' }],
      [`/partnerships/${id}/resumption`, ORGS.donor, { reason: 'resumed' }],
      [`/partnerships/${id}/phase-transitions`, ORGS.implementer, { to: 'monitoring', reason: 'tranche delivered' }],
      [`/partnerships/${id}/phase-transitions`, ORGS.donor, { to: 'evaluation', reason: 'end of programme' }],
      [`/partnerships/${id}/evaluators`, ORGS.donor, { organisationId: ORGS.evaluator }],
      [
        `/partnerships/${id}/evaluations`,
        ORGS.evaluator,
        { evaluationId: 'ev-1', scores: [{ principle: 'national-ownership', score: 3, evidence: 'CERT led', eventIds: [] }], findings: 'Good', lessons: 'Earlier handover' },
      ],
      [
        `/partnerships/${id}/closure`,
        ORGS.donor,
        { outcome: 'achieved', summary: 'Triage runs locally', handover: { done: true, institutionId: ORGS.beneficiary, date: '2026-06-15' } },
      ],
      [
        `/partnerships/${id}/evaluations`,
        ORGS.evaluator,
        {
          evaluationId: 'ev-2',
          corrects: 'ev-1',
          scores: [{ principle: 'national-ownership', score: 4, evidence: 'Corrected', eventIds: [] }],
          findings: 'Better',
          lessons: 'Same',
        },
      ],
    ];
    let revision = (await streamOf(app, `partnership-${id}`)).length - 1;
    for (const [path, org, body] of steps) {
      const res = await post(app, path, org, body);
      expect({ path, status: res.status, body: res.body }).toMatchObject({ path, status: 201 });
      expect(res.body.revision).toBe(revision + 1);
      expect(res.headers.etag).toBe(`"${revision + 1}"`);
      expect(typeof res.body.position).toBe('string');
      revision = res.body.revision;
    }
    const retag = await put(app, `/partnerships/${id}/tags`, ORGS.donor, { themes: ['incident-response-cert'], levels: ['technical'], sdgs: [], genderMarker: 2 });
    expect(retag.status).toBe(422);
    expect(retag.body.code).toBe('rule.partnership.closed');

    const events = await streamOf(app, `partnership-${id}`);
    expect(events.at(-1)).toMatchObject({ type: 'EvaluationRecorded', metadata: { actor: `user-of-${ORGS.evaluator}`, organisation: ORGS.evaluator } });
    expect(events.map((e) => e.type)).toContain('ExpenditureVoided');
  });

  it('states languages and retags with PUT; organisations answer 404 when unknown and 400 for a bad e-mail', async () => {
    const id = await inDelivery();
    const languages = await put(t.app, `/partnerships/${id}/languages`, ORGS.beneficiary, { languages: ['en', 'tw'] });
    expect(languages.status).toBe(200);
    const tags = await put(t.app, `/partnerships/${id}/tags`, ORGS.donor, {
      themes: ['incident-response-cert', 'critical-infrastructure'],
      levels: ['technical'],
      sdgs: [9],
      genderMarker: 2,
    });
    expect(tags.status).toBe(200);
    expect(tags.body.revision).toBe(languages.body.revision + 1);
    const notBeneficiary = await put(t.app, `/partnerships/${id}/languages`, ORGS.donor, { languages: ['fr'] });
    expect(notBeneficiary.status).toBe(403);
    expect(notBeneficiary.body.code).toBe('access.role');
    // Languages by ISO 639: Tetum (tet, ISO 639-3) is one, zz is not.
    const tetum = await put(t.app, `/partnerships/${id}/languages`, ORGS.beneficiary, { languages: ['pt', 'tet'] });
    expect(tetum.status).toBe(200);
    const made = await put(t.app, `/partnerships/${id}/languages`, ORGS.beneficiary, { languages: ['pt', 'zz'] });
    expect(made.status).toBe(400);
    expect(JSON.stringify(made.body)).toContain('languages');

    const unknown = await request(t.app.getHttpServer()).patch('/api/organisations/org-nobody').set(actor(ADMIN_ORG)).send({ name: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('organisation.not-found');
    const badEmail = await post(t.app, '/organisations', 'org-admin', {
      ...organisation('X', 'GH', 'ngo', 'africa', 'developing'),
      contacts: [{ name: 'n', function: 'f', email: 'not-an-email' }],
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors).toEqual([expect.objectContaining({ field: 'contacts.0.email' })]);
  });

  it('answers 400 naming the field and the reason, and appends nothing', async () => {
    const id = await inDelivery();
    const before = (await streamOf(t.app, `partnership-${id}`)).length;
    const bad = await post(t.app, `/partnerships/${id}/commitments`, ORGS.donor, { ...commitment('c-1', 10.5), surprise: true });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.failed');
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'amount.amountMinor', reason: expect.stringContaining('whole number') }),
        expect.objectContaining({ field: 'surprise' }),
      ]),
    );
    const noActor = await request(t.app.getHttpServer()).post(`/api/partnerships/${id}/risks`).send({ riskId: 'r', kind: 'risk', description: 'd', severity: 'low' });
    expect(noActor.status).toBe(401);
    expect(noActor.body.code).toBe('auth.required');
    // Headers a client sets do not make it someone else: the organisation comes from the token.
    const spoofed = await request(t.app.getHttpServer())
      .post(`/api/partnerships/${id}/risks`)
      .set({ ...actor('org-outsider'), 'X-Actor-Id': 'u', 'X-Organisation-Id': ORGS.donor })
      .send({ riskId: 'r', kind: 'risk', description: 'd', severity: 'low' });
    expect(spoofed.status).toBe(401);
    expect(spoofed.body.code).toBe('auth.unknown-organisation');
    expect((await streamOf(t.app, `partnership-${id}`)).length).toBe(before);
    expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.ts|stack/);
  });

  it('answers 404 for an unknown partnership, 409 for a stale If-Match, 422 for a refused rule', async () => {
    const missing = await post(t.app, `/partnerships/${randomUUID()}/risks`, ORGS.donor, { riskId: 'r', kind: 'risk', description: 'd', severity: 'low' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('partnership.not-found');

    const id = await inDelivery();
    const stream = await streamOf(t.app, `partnership-${id}`);
    const stale = await post(
      t.app,
      `/partnerships/${id}/risks`,
      ORGS.donor,
      { riskId: 'r', kind: 'risk', description: 'd', severity: 'low' },
      { 'If-Match': `"${stream.length - 2}"` },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'concurrency.conflict', expectedRevision: stream.length - 2, actualRevision: stream.length - 1 });
    const fresh = await post(
      t.app,
      `/partnerships/${id}/risks`,
      ORGS.donor,
      { riskId: 'r', kind: 'risk', description: 'd', severity: 'low' },
      { 'If-Match': `"${stream.length - 1}"` },
    );
    expect(fresh.status).toBe(201);

    await post(t.app, `/partnerships/${id}/commitments`, ORGS.donor, commitment('c-1', 1_000_00));
    const over = await post(t.app, `/partnerships/${id}/disbursements`, ORGS.donor, commitment('d-1', 2_000_00));
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'rule.flow.disbursement-within-commitment', rule: 'flow.disbursement-within-commitment' });
    expect((await streamOf(t.app, `partnership-${id}`)).map((e) => e.type)).not.toContain('FundsDisbursed');
  });

  it('applies a retried command (same Idempotency-Key) once, also when the retries arrive together', async () => {
    const id = await inDelivery();
    const body = { riskId: 'r-idem', kind: 'issue', description: 'Late visas', severity: 'medium' };
    const first = await post(t.app, `/partnerships/${id}/risks`, ORGS.donor, body, { 'Idempotency-Key': 'retry-1' });
    const again = await post(t.app, `/partnerships/${id}/risks`, ORGS.donor, body, { 'Idempotency-Key': 'retry-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ revision: first.body.revision, position: first.body.position, replayed: true });

    const together = await Promise.all(
      [1, 2, 3, 4].map(() => post(t.app, `/partnerships/${id}/risks`, ORGS.donor, { ...body, riskId: 'r-idem-2' }, { 'Idempotency-Key': 'retry-2' })),
    );
    expect(together.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(together.map((r) => r.body.revision)).size).toBe(1);
    const raised = (await streamOf(t.app, `partnership-${id}`)).filter((e) => e.type === 'RiskRaised');
    expect(raised.map((e) => e.data.riskId)).toEqual(['r-idem', 'r-idem-2']);
  });

  it('50 concurrent commands on one partnership: only 2xx or 409, and the stream holds exactly the accepted ones', async () => {
    const id = await inDelivery();
    const before = (await streamOf(t.app, `partnership-${id}`)).length;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(t.app, `/partnerships/${id}/risks`, ORGS.donor, { riskId: `r-${i}`, kind: 'risk', description: `risk ${i}`, severity: 'low' }, { 'If-Match': `"${before - 1}"` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const accepted = responses.filter((r) => r.status === 201).map((r) => `r-${responses.indexOf(r)}`);
    expect(accepted).toHaveLength(1);
    const unconditioned = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(t.app, `/partnerships/${id}/risks`, ORGS.donor, { riskId: `u-${i}`, kind: 'risk', description: `risk ${i}`, severity: 'low' })),
    );
    expect(unconditioned.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const acceptedU = unconditioned.map((r, i) => (r.status === 201 ? `u-${i}` : null)).filter(Boolean);
    const raised = (await streamOf(t.app, `partnership-${id}`)).filter((e) => e.type === 'RiskRaised').map((e) => e.data.riskId);
    expect(raised.sort()).toEqual([...accepted, ...acceptedU].sort());
  });

  it('refuses malformed JSON with 400 and an oversized body with 413, without a stack trace', async () => {
    const id = await inDelivery();
    const malformed = await request(t.app.getHttpServer())
      .post(`/api/partnerships/${id}/risks`)
      .set({ ...actor(ORGS.donor), 'Content-Type': 'application/json' })
      .send('{"riskId": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('request.malformed-json');
    const huge = await post(t.app, `/partnerships/${id}/risks`, ORGS.donor, { riskId: 'r', kind: 'risk', description: 'x'.repeat(2_000_000), severity: 'low' });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('request.too-large');
    expect(malformed.text + huge.text).not.toMatch(/node_modules|at [A-Za-z]+ \(/);
  });
});
