import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_USERS } from '../apps/api/src/auth/demo-users';
import { localeOf } from '../apps/dashboard/src/i18n/languages';
import fr from '../apps/dashboard/src/i18n/locales/fr.json';
import type { Sentence } from '../libs/read-models/src/timeline/sentences';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { buildDashboard, launchChromium, screenshotPath } from './support/browser';
import { IATI_REFERENCE } from './support/iati-validation';

/**
 * The dashboard in Debian's headless Chromium, against the API on the embedded default with the demo
 * data set: each role signs in and does its main task, and what the page shows is checked against what
 * the API answers. Screenshots land in test-results/screenshots.
 */
jest.setTimeout(180_000);

let api: ApiProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const dashboard = buildDashboard();
  [api, browser] = await Promise.all([startApiProcess('embedded', { DEMO_DATA: 'true', DASHBOARD_DIR: dashboard }), launchChromium()]);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Intl puts a no-break space between a currency code and its number; compare text as a person reads it. */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const money = (minor: number, currency: string, digits = 2) =>
  plain(new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 100));

async function tokenOf(user: string): Promise<string> {
  const res = await fetch(`${api.baseUrl}/api/auth/demo-sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  return ((await res.json()) as { token: string }).token;
}

async function apiGet<T>(user: string, path: string): Promise<T> {
  const res = await fetch(`${api.baseUrl}/api${path}`, { headers: { Authorization: `Bearer ${await tokenOf(user)}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function apiPost(user: string, path: string, body: object): Promise<Response> {
  return fetch(`${api.baseUrl}/api${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenOf(user)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function newPage(width = 1280, locale = 'en-GB'): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP only so the test can inject axe-core; the app itself never needs an inline script.
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, bypassCSP: true, locale });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && errors.push(m.text()));
  return { page, errors };
}

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(`${api.baseUrl}/#/sign-in`);
  await page.click(`button[data-user="${user}"]`);
  // Already signed in as someone else, the header is there before the new session is: wait for this user's.
  const displayName = DEMO_USERS.find((u) => u.name === user)!.displayName;
  await page.waitForSelector(`[data-testid="signed-in-as"]:has-text("${displayName}")`);
}

/** Chooses the language on the sign-in page, then signs in as a demo user: the way a person abroad starts. */
async function signInSpeaking(page: Page, user: string, language: string): Promise<void> {
  await page.goto(`${api.baseUrl}/#/sign-in`);
  await page.selectOption('[data-testid="language"]', language);
  await page.click(`button[data-user="${user}"]`);
  await page.waitForSelector('[data-testid="signed-in-as"]');
}

async function text(page: Page, selector: string): Promise<string> {
  await page.waitForSelector(selector);
  return plain(await page.innerText(selector));
}

/** Waits until the element's text satisfies the check, then returns it. */
async function textWhen(page: Page, selector: string, check: (t: string) => boolean): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const handle = await page.$(selector);
    const t = handle ? plain(await handle.innerText()) : '';
    if (check(t)) return t;
    if (Date.now() > deadline) throw new Error(`${selector} never matched; last text: ${t}`);
    await page.waitForTimeout(100);
  }
}

async function tableRows(page: Page, testId: string): Promise<string[][]> {
  await page.waitForSelector(`[data-testid="${testId}"] tbody tr`, { state: 'attached' });
  return page.$$eval(`[data-testid="${testId}"] tbody tr`, (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim())),
  );
}

/** WCAG 2.x A and AA problems axe-core finds on the page as it is now, serious and critical ones. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  // The callback runs in the page; this file is type-checked without the DOM library, hence globalThis.
  const result = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(options: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
    };
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface Listing<T> {
  items: T[];
  total: number;
}

type Figures = { committed: number; disbursed: number; spent: number };
interface DonorTotals {
  key: { donorId: string };
  reporting: Figures & { currency: string; unconverted: (Partial<Figures> & { currency: string })[] };
}

describe('dashboard in Chromium', () => {
  it('serves the dashboard at / under the API CSP, and anyone can read the public registry', async () => {
    const res = await fetch(`${api.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');

    // The entry script as the build compressed it: brotli when accepted, gzip otherwise, cached for a year
    // (its name changes with its content); JSON answers compressed as they are sent.
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1];
    const compressedAs = async (path: string, accept: string) => {
      const r = await fetch(`${api.baseUrl}${path}`, { headers: { 'Accept-Encoding': accept } });
      await r.arrayBuffer();
      return [r.headers.get('content-encoding'), r.headers.get('cache-control'), r.headers.get('content-type')];
    };
    expect(await compressedAs(script, 'gzip, deflate, br')).toEqual(['br', 'public, max-age=31536000, immutable', expect.stringContaining('javascript')]);
    expect(await compressedAs(script, 'gzip')).toEqual(['gzip', 'public, max-age=31536000, immutable', expect.stringContaining('javascript')]);
    expect((await compressedAs(script, 'identity'))[0]).toBeNull();
    expect((await compressedAs('/api/registry?limit=500', 'gzip'))[0]).toBe('gzip');

    const { page, errors } = await newPage();
    await page.goto(`${api.baseUrl}/`);
    await page.waitForSelector('h1:has-text("Sign in")');
    await page.click('a:has-text("Public registry")');
    const registry = (await (await fetch(`${api.baseUrl}/api/registry?limit=500`)).json()) as Listing<{ title: string; parties: { contacts: { email: string }[] }[] }>;
    expect(await text(page, '[data-testid="registry-count"]')).toBe(`${registry.items.length} of ${registry.total} partnerships`);
    const first = registry.items[0];
    expect(await page.isVisible(`h2:has-text("${first.title}")`)).toBe(true);
    expect(await page.isVisible(`a[href="mailto:${first.parties[0].contacts[0].email}"]`)).toBe(true);
    await page.fill('#registry-search', 'Mozambique');
    await textWhen(page, '[data-testid="registry-count"]', (t) => t.startsWith('2 of'));
    await page.fill('#registry-search', 'no such partnership anywhere');
    await page.waitForSelector('text=No partnership matches');
    await page.fill('#registry-search', '');
    await page.screenshot({ path: screenshotPath('registry'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('donor: the portfolio shows the API’s figures, and the Sankey switches between committed, disbursed and spent', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'sanne');
    await page.waitForSelector('h1:has-text("Portfolio")');
    const partnerships = await apiGet<Listing<{ partnershipId: string }>>('sanne', '/partnerships?organisationId=org-nl-mfa&limit=500');
    expect(await text(page, '[data-testid="tile-partnerships"] .value')).toBe(String(partnerships.total));

    // The tiles are Sanne's own money: the Netherlands' commitments, and the spending its funds reached.
    const currency = await page.inputValue('#reporting-currency');
    const byDonor = await apiGet<Listing<DonorTotals>>('sanne', `/funding/totals?groupBy=donor&reportingCurrency=${currency}&organisationId=org-nl-mfa`);
    const own = byDonor.items.find((i) => i.key.donorId === 'org-nl-mfa')!;
    expect(await text(page, '[data-testid="tile-committed"] .value')).toBe(money(own.reporting.committed, currency, 0));
    expect(await text(page, '[data-testid="tile-spent"] .value')).toBe(money(own.reporting.spent, currency, 0));

    // The portfolio as a spreadsheet: amounts are numbers in the reporting currency's major units (the API's minor
    // units / 100 for EUR), not text, one row per partnership.
    expect(currency).toBe('EUR');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-xlsx"]')]);
    expect(download.suggestedFilename()).toBe('portfolio-EUR.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    const sheetRows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => n > 1 && sheetRows.set(String(row.getCell(2).value), [row.getCell(5).value, row.getCell(7).value]));
    const perPartnership = await apiGet<Listing<{ key: { partnershipId: string }; reporting: { committed: number; spent: number } }>>(
      'sanne',
      `/funding/totals?groupBy=partnership&reportingCurrency=EUR&organisationId=org-nl-mfa`,
    );
    expect(sheetRows.size).toBe(partnerships.total);
    for (const item of perPartnership.items) expect(sheetRows.get(item.key.partnershipId)).toEqual([item.reporting.committed / 100, item.reporting.spent / 100]);

    const inclusion = await apiGet<{ items: { women: number; participants: number }[] }>('sanne', '/inclusion?groupBy=partnership&organisationId=org-nl-mfa');
    const women = inclusion.items.reduce((s, i) => s + i.women, 0) / inclusion.items.reduce((s, i) => s + i.participants, 0);
    expect(await text(page, '[data-testid="tile-women"] .value')).toBe(`${(women * 100).toFixed(1)}%`);

    // The Sankey's data table follows the measure switch; each flow is the API's provider-receiver figure.
    const flows = await apiGet<{ items: { key: { providerId: string; receiverId: string }; byCurrency: { currency: string; committed: number; disbursed: number }[] }[] }>(
      'sanne',
      '/funding/totals?groupBy=provider-receiver&organisationId=org-nl-mfa',
    );
    const nlToCyberbridge = flows.items.find((i) => i.key.providerId === 'org-nl-mfa' && i.key.receiverId === 'org-cyberbridge')!.byCurrency.find((c) => c.currency === 'EUR')!;
    await page.click('[data-testid="funding-sankey"] summary');
    const row = (rows: string[][]) => rows.find((r) => r[0].startsWith('Netherlands') && r[1].startsWith('CyberBridge'));
    expect(row(await tableRows(page, 'sankey-table'))?.[2]).toBe(money(nlToCyberbridge.committed, 'EUR'));
    await page.click('[data-testid="funding-sankey"] label:has-text("Disbursed")');
    await textWhen(page, '[data-testid="sankey-table"] caption', (t) => t.includes('disbursed'));
    expect(row(await tableRows(page, 'sankey-table'))?.[2]).toBe(money(nlToCyberbridge.disbursed, 'EUR'));
    await page.click('[data-testid="funding-sankey"] label:has-text("Spent")');
    await textWhen(page, '[data-testid="sankey-table"] caption', (t) => t.includes('spent'));

    // The local-ownership index per partnership, with its metrics, as the API computes them.
    const ownership = await apiGet<{ items: { title: string; metrics: { index: number | null } }[] }>('sanne', '/local-ownership/partnerships?organisationId=org-nl-mfa');
    await page.click('[data-testid="ownership-chart"] summary');
    const ownershipRows = await tableRows(page, 'ownership-table');
    for (const item of ownership.items) expect(ownershipRows.find((r) => r[0] === item.title)?.[1]).toBe(item.metrics.index === null ? 'n/a' : item.metrics.index.toFixed(1));
    await page.hover('[data-testid="ownership-chart"] canvas');
    await page.screenshot({ path: screenshotPath('donor-portfolio'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // Overlaps: another organisation's partnership in the same country and theme leads to the public registry, with the
    // point of contact the registry gives for it (a donor's first), never to a page Sanne may not open.
    // Japan proposes its own incident-response work with Ghana over the same period as the Netherlands' CERT-GH partnership.
    const proposed = await apiPost('kenji', '/partnerships', {
      partnershipId: 'browser-gh-overlap',
      title: 'Ghana incident response with Japan',
      summary: 'Sector CSIRTs for energy and finance',
      beneficiaryCountry: 'GH',
      initiatedBy: 'donor',
      proposerRole: 'donor',
      themes: ['incident-response-cert'],
      levels: ['technical'],
      sdgs: [9],
      genderMarker: 1,
      plannedStart: '2026-03-01',
      plannedEnd: '2027-06-30',
    });
    expect(proposed.status).toBe(201);
    type OverlapItem = { beneficiaryCountry: string; partnerships: { partnershipId: string }[] };
    const mineIds = new Set((await apiGet<Listing<{ partnershipId: string }>>('sanne', '/partnerships?organisationId=org-nl-mfa&limit=500')).items.map((p) => p.partnershipId));
    const foreignOverlaps = async () =>
      (await apiGet<Listing<OverlapItem>>('sanne', '/coordination/overlaps?limit=500')).items
        .filter((o) => o.partnerships.some((p) => mineIds.has(p.partnershipId)))
        .flatMap((o) => o.partnerships.filter((p) => !mineIds.has(p.partnershipId)).map((p) => ({ ...p, country: o.beneficiaryCountry })));
    // The overlap is a read model: it follows the proposal within moments.
    let foreign = await foreignOverlaps();
    for (let tries = 0; foreign.length === 0 && tries < 100; tries++) {
      await page.waitForTimeout(100);
      foreign = await foreignOverlaps();
    }
    expect(foreign.map((p) => p.partnershipId)).toContain('browser-gh-overlap');
    await page.reload();
    const entry = (
      await apiGet<Listing<{ partnershipId: string; parties: { role: string; contacts: { email: string }[] }[] }>>('sanne', `/registry?country=${foreign[0].country}&limit=500`)
    ).items.find((e) => e.partnershipId === foreign[0].partnershipId)!;
    const email = [...entry.parties].sort((a, b) => Number(b.role === 'donor') - Number(a.role === 'donor')).find((p) => p.contacts.length > 0)!.contacts[0].email;
    const item = `[data-testid="overlaps"] li[data-overlap-partnership="${foreign[0].partnershipId}"]`;
    expect(await textWhen(page, item, (t) => t.includes(email))).toContain('in the public registry');
    expect(await page.$eval(`${item} a`, (a) => a.getAttribute('href'))).toBe('#/registry');

    // A partnership page: triad, milestones with their confirmation status, money per currency.
    await page.click('[data-testid="portfolio-partnerships"] a:has-text("CERT-GH operational readiness")');
    await page.waitForSelector('h1:has-text("CERT-GH operational readiness")');
    const detail = await apiGet<{ milestones: { title: string; status: string }[]; parties: { name: string }[] }>('sanne', '/partnerships/p-gh-cert-readiness');
    const milestones = await tableRows(page, 'milestones-table');
    expect(milestones.map((r) => r[0])).toEqual(detail.milestones.map((m) => m.title));
    expect(milestones.find((r) => r[0] === 'Taxonomy agreed with two sector regulators')?.[3]).toContain('Disputed');
    // Why the beneficiary disputed it, as every party reads it: the reason of each dispute, with its date and who.
    const disputes = await apiGet<{ items: { data: { milestoneId: string; reason: string } }[] }>('sanne', '/partnerships/p-gh-cert-readiness/history?type=MilestoneDisputed');
    expect(disputes.items.length).toBeGreaterThan(0);
    const disputedRow = milestones.find((r) => r[0] === 'Taxonomy agreed with two sector regulators')!;
    for (const d of disputes.items) expect(disputedRow[4]).toContain(plain(d.data.reason));
    for (const party of detail.parties) expect(await text(page, '[data-testid="triad"]')).toContain(party.name);
    expect((await tableRows(page, 'money-table'))[0]).toEqual(['EUR', money(48000000, 'EUR'), money(24000000, 'EUR'), money(14350000, 'EUR'), '34.5%']);
    // Every table downloads as CSV, the cells as the page shows them.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.table-scroll:has([data-testid="money-table"]) .table-download')]);
    expect(csv.suggestedFilename()).toMatch(/^[a-z0-9-]+\.csv$/);
    const csvRows: string[][] = parse((await import('node:fs')).readFileSync(await csv.path(), 'utf8'));
    // Cells as shown, with plain spaces where Intl put no-break ones.
    expect(csvRows[1]).toEqual((await tableRows(page, 'money-table'))[0].map((cell) => cell.replace(/[\u00a0\u202f]/g, ' ')));
    expect(await text(page, '[data-testid="phase-timeline"] [aria-current="step"]')).toContain('Monitoring');
    await page.screenshot({ path: screenshotPath('partnership'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('in French and in Portuguese: the page, its numbers and its dates follow the language chosen, which is remembered', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${api.baseUrl}/#/sign-in`);
    await page.selectOption('[data-testid="language"]', 'fr');
    await page.waitForSelector('h1:has-text("Connexion")');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await text(page, '.user-group h3')).toBe('Bailleurs');

    // A donor's task in French: reading its own money in the portfolio, as the API counts it, as French writes it.
    await page.click('button[data-user="sanne"]');
    await page.waitForSelector('h1:has-text("Portefeuille")');
    const currency = await page.inputValue('#reporting-currency');
    const byDonor = await apiGet<Listing<DonorTotals>>('sanne', `/funding/totals?groupBy=donor&reportingCurrency=${currency}&organisationId=org-nl-mfa`);
    const own = byDonor.items.find((i) => i.key.donorId === 'org-nl-mfa')!;
    const organisation = await apiGet<{ name: string }>('sanne', '/organisations/org-nl-mfa');
    const fr = (minor: number) => plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: 0 }).format(minor / 100));
    expect(await text(page, '[data-testid="tile-committed"] .label')).toBe(`Engagé par ${organisation.name}`);
    expect(await text(page, '[data-testid="tile-committed"] .value')).toBe(fr(own.reporting.committed));
    const header = await page.$$eval('[data-testid="portfolio-partnerships"] thead th', (ths) => ths.map((th) => th.textContent));
    expect(header.slice(0, 4)).toEqual(['Partenariat', 'Phase', 'Pays', `Engagé (${currency})`]);
    await page.screenshot({ path: screenshotPath('portfolio-fr'), fullPage: true });
    // Remembered: a reload stays in French.
    await page.reload();
    await page.waitForSelector('h1:has-text("Portefeuille")');

    // In Portuguese: finding the partnerships on incident response in the public registry, by the theme's Portuguese name.
    await page.selectOption('[data-testid="language"]', 'pt');
    await page.click('a:has-text("Registo público")');
    await page.waitForSelector('h1:has-text("Registo público")');
    expect(await page.getAttribute('html', 'lang')).toBe('pt');
    const registry = (await (await fetch(`${api.baseUrl}/api/registry?limit=500`)).json()) as Listing<{ themes: string[] }>;
    const onIncidentResponse = registry.items.filter((e) => e.themes.includes('incident-response-cert')).length;
    await page.fill('#registry-search', 'resposta a incidentes');
    await textWhen(page, '[data-testid="registry-count"]', (t) => t === `${onIncidentResponse} de ${registry.total} parcerias`);
    expect(await page.isVisible('.registry .tag:has-text("Resposta a incidentes e CERT")')).toBe(true);
    await page.screenshot({ path: screenshotPath('registry-pt'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('donor desk: Japan endorses the Timor-Leste plan, is told why delivery cannot start yet, and commits more yen', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'kenji');
    const tl = 'p-tl-triangular-csirt';
    await page.goto(`${api.baseUrl}/#/partnerships/${tl}/donor`);
    await page.waitForSelector('[data-testid="funding-form"]');

    // Co-design: the beneficiary has endorsed; the donor does so from its desk.
    await page.click('button:has-text("Endorse version 1 as donor")');
    await page.waitForSelector('[data-testid="plan"] .banner-ok');
    const dossier = await apiGet<{ plan: { endorsements: { organisationId: string; role: string }[] } }>('kenji', `/partnerships/${tl}/dossier`);
    expect(dossier.plan.endorsements).toEqual(expect.arrayContaining([expect.objectContaining({ organisationId: 'org-jp-coop', role: 'donor' })]));

    // Delivery waits for the implementer's endorsement too: the refusal is shown in the API's words, nothing moves.
    await page.fill('[data-testid="phase-form"] textarea', 'Plan endorsed by Japan');
    await page.click('[data-testid="phase-form"] button[type="submit"]');
    const refusal = await text(page, '[data-testid="phase-form"] .banner-error');
    expect(refusal).toContain('Not recorded.');
    expect((await apiGet<{ phase: string }>('kenji', `/partnerships/${tl}`)).phase).toBe('co-design');

    // 5,000,000 yen more to the Indonesian CSIRT (the programme's own currency: no rate asked); JPY has no minor unit, so the
    // commitments are 42,000,000 (demo data) + 5,000,000 = 47,000,000 JPY.
    await page.selectOption('[data-testid="funding-form"] select[name="receiverId"]', 'org-id-csirt');
    await page.fill('[data-testid="funding-form"] input[name="amount.amountMinor"]', '5,000,000');
    await page.fill('[data-testid="funding-form"] input[name="amount.currency"]', 'JPY');
    expect(await text(page, '[data-testid="funding-understood"]')).toBe('Understood as JPY 5,000,000.');
    await page.fill('[data-testid="funding-form"] input[name="date"]', '2026-06-01');
    await page.click('[data-testid="funding-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="funding-form"] .banner-ok');
    const totals = await apiGet<Listing<{ key: { partnershipId: string }; byCurrency: { currency: string; committed: number }[] }>>(
      'kenji',
      `/funding/totals?groupBy=partnership&organisationId=org-jp-coop`,
    );
    const yen = totals.items.find((i) => i.key.partnershipId === tl)!.byCurrency.find((c) => c.currency === 'JPY')!;
    expect(yen.committed).toBe(47_000_000);

    // The grant letter says four million: Japan amends the commitment it just recorded from the list of money, with its
    // reason, and the commitments become 42,000,000 + 4,000,000 = 46,000,000 JPY.
    type Flow = { flowId: string; kind: string; amount: { amountMinor: number; currency: string }; date: string; voided: boolean };
    const flowsOf = async () => (await apiGet<{ flows: Flow[] }>('kenji', `/partnerships/${tl}/dossier`)).flows;
    const added = (await flowsOf()).find((f) => f.kind === 'commitment' && f.amount.amountMinor === 5_000_000 && f.date === '2026-06-01')!;
    const correct = '[data-testid="correct-flow-form"]';
    await page.selectOption(`${correct} select[name="flowId"]`, added.flowId);
    await page.selectOption(`${correct} select[name="correction"]`, 'amend');
    await page.fill(`${correct} input[name="amount.amountMinor"]`, '4,000,000');
    expect(await text(page, '[data-testid="amend-understood"]')).toBe('Understood as JPY 4,000,000.');
    await page.fill(`${correct} input[name="reason"]`, 'The grant letter says four million');
    await page.click(`${correct} button[type="submit"]`);
    await page.waitForSelector(`${correct} .banner-ok`);
    expect((await flowsOf()).find((f) => f.flowId === added.flowId)!.amount).toEqual({ amountMinor: 4_000_000, currency: 'JPY' });
    const amended = await apiGet<Listing<{ key: { partnershipId: string }; byCurrency: { currency: string; committed: number }[] }>>(
      'kenji',
      `/funding/totals?groupBy=partnership&organisationId=org-jp-coop`,
    );
    expect(amended.items.find((i) => i.key.partnershipId === tl)!.byCurrency.find((c) => c.currency === 'JPY')!.committed).toBe(46_000_000);
    await textWhen(page, '[data-testid="money-records-table"]', (t) => t.includes('JPY 4,000,000'));

    // Two forensic workstations given in kind, valued at JPY 1,200,000: recorded as such, and no commitment (still 46,000,000).
    await page.check('[data-testid="funding-form"] input[name="flow-kind"][value="in-kind"]');
    await page.selectOption('[data-testid="funding-form"] select[name="receiverId"]', 'org-id-csirt');
    await page.fill('[data-testid="funding-form"] input[name="amount.amountMinor"]', '1,200,000');
    await page.fill('[data-testid="funding-form"] input[name="amount.currency"]', 'JPY');
    await page.fill('[data-testid="funding-form"] input[name="date"]', '2026-06-02');
    await page.fill('[data-testid="funding-form"] input[name="description"]', 'Two forensic workstations');
    await page.click('[data-testid="funding-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="funding-form"] .banner-ok');
    const inKind = (await flowsOf()).filter((f) => f.kind === 'in-kind' && f.date === '2026-06-02');
    expect(inKind.map((f) => f.amount)).toEqual([{ amountMinor: 1_200_000, currency: 'JPY' }]);
    await page.screenshot({ path: screenshotPath('donor-desk'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('multi-currency donor: its own money apart from co-funders’, in any reporting currency, with what no rate converts named and never zero', async () => {
    // CHF has no rate in the demo table: CyberBridge spends CHF 2,000 in the partnership the Nordic fund co-funds in NOK.
    const chf = await apiPost('lukas', '/partnerships/p-ke-skills-consortium/expenditures', {
      flowId: 'browser-chf-1',
      amount: { amountMinor: 200_000, currency: 'CHF' },
      date: '2026-05-04',
      category: 'trainer travel',
      spentInCountry: 'CH',
      supplier: { name: 'Geneva travel desk', local: false },
    });
    expect(chf.status).toBe(201);
    const { position } = (await chf.json()) as { position: string };
    await fetch(`${api.baseUrl}/api/funding/totals?groupBy=partnership`, { headers: { Authorization: `Bearer ${await tokenOf('ingrid')}`, 'X-Min-Position': position } });

    const { page, errors } = await newPage();
    await signIn(page, 'ingrid');
    await page.waitForSelector('[data-testid="tile-committed"]');
    const rates = (await (await fetch(`${api.baseUrl}/api/exchange-rates`)).json()) as { currencies: string[] };
    const offered = await page.$$eval('#reporting-currency option', (options) => options.map((o) => o.textContent ?? ''));
    expect(offered).toEqual(expect.arrayContaining(rates.currencies));
    expect(offered).toContain('USD');

    for (const currency of [await page.inputValue('#reporting-currency'), 'USD']) {
      await page.selectOption('#reporting-currency', currency);
      const byDonor = await apiGet<Listing<DonorTotals>>('ingrid', `/funding/totals?groupBy=donor&reportingCurrency=${currency}&organisationId=org-nordic-fund`);
      const own = byDonor.items.find((i) => i.key.donorId === 'org-nordic-fund')!;
      const others = byDonor.items.filter((i) => i.key.donorId !== 'org-nordic-fund');
      expect(others.length).toBeGreaterThan(0);
      await textWhen(page, '[data-testid="tile-committed"] .value', (t) => t === money(own.reporting.committed, currency, 0));
      expect(await text(page, '[data-testid="tile-disbursed"] .value')).toBe(money(own.reporting.disbursed, currency, 0));
      expect(await text(page, '[data-testid="tile-spent"] .value')).toBe(money(own.reporting.spent, currency, 0));
      expect(await text(page, '[data-testid="tile-cofunders"] .value')).toBe(
        money(
          others.reduce((sum, o) => sum + o.reporting.committed, 0),
          currency,
          0,
        ),
      );
      // The Nordic fund's share of the CHF spending: listed in CHF, not converted, not counted as zero.
      const chfShare = own.reporting.unconverted.find((u) => u.currency === 'CHF')?.spent ?? 0;
      expect(chfShare).toBeGreaterThan(0);
      expect(await text(page, '[data-testid="tile-spent-unconverted"]')).toBe(`plus ${money(chfShare, 'CHF', 0)} not converted: no rate to ${currency}`);
      expect(await text(page, '[data-testid="unconverted"]')).toContain('CHF');

      // Each partnership's burn rate as the API gives it: unknown where CHF meets the reporting currency.
      const partnerships = await apiGet<Listing<{ key: { title: string }; burnRate: number | null; overspent: boolean }>>(
        'ingrid',
        `/funding/totals?groupBy=partnership&reportingCurrency=${currency}&organisationId=org-nordic-fund`,
      );
      const rows = await tableRows(page, 'portfolio-partnerships');
      for (const p of partnerships.items) {
        const shown = rows.find((r) => r[0] === p.key.title)?.[5];
        expect(shown).toBe(p.burnRate === null ? 'unknown' : p.overspent ? `⚠ ${(p.burnRate * 100).toFixed(1)}%: overspent` : `${(p.burnRate * 100).toFixed(1)}%`);
      }
      expect(rows.find((r) => r[0] === 'Women in cyber: skills pipeline Kenya')?.[5]).toBe('unknown');
    }
    await page.screenshot({ path: screenshotPath('donor-multi-currency'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // The closed Mozambique exercise: committed and disbursed in full, in NOK, read the same in the programme currency.
    await page.goto(`${api.baseUrl}/#/partnerships/p-mz-exercise-closed`);
    const line = await text(page, '[data-testid="programme-currency"]');
    const mz = await apiGet<Listing<{ key: { partnershipId: string }; reporting: Figures & { currency: string } }>>(
      'ingrid',
      '/funding/totals?groupBy=partnership&reportingCurrency=NOK',
    );
    const closed = mz.items.find((i) => i.key.partnershipId === 'p-mz-exercise-closed')!;
    expect(closed.reporting.committed).toBe(closed.reporting.disbursed);
    expect(line).toContain(`committed ${money(closed.reporting.committed, 'NOK', 0)}; disbursed ${money(closed.reporting.disbursed, 'NOK', 0)}`);
    expect(errors).toEqual([]);
  });

  it('implementer in Dutch: amounts are read as nl-NL writes them, shown as understood, and ambiguous text is never sent', async () => {
    const { page, errors } = await newPage(1280, 'nl-NL');
    await signIn(page, 'lukas');
    await page.goto(`${api.baseUrl}/#/partnerships/p-ke-skills-consortium/work-log`);
    const form = '[data-testid="expenditure-form"]';
    await page.waitForSelector(form);
    const chain = await apiGet<{ basis: string }>('lukas', '/funding/chains/p-ke-skills-consortium');
    expect(await page.inputValue(`${form} [name="amount.currency"]`)).toBe(chain.basis);
    expect(await page.isChecked(`${form} input[type="checkbox"]`)).toBe(false);
    await page.fill(`${form} [name="amount.currency"]`, 'EUR');
    const before = await apiGet<{ revision: number }>('lukas', '/partnerships/p-ke-skills-consortium');

    // "12.50" is twelve and a half in English and 1,250 grouped wrongly in Dutch: refused at the field, nothing sent.
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/expenditures') && posts.push(r.url()));
    await page.fill(`${form} [name="amount.amountMinor"]`, '12.50');
    await page.fill(`${form} [name="date"]`, '2026-06-06');
    await page.fill(`${form} [name="category"]`, 'trainers’ fees');
    await page.fill(`${form} [name="supplier.name"]`, 'Nairobi trainers collective');
    await page.click(`${form} button[type="submit"]`);
    expect(await text(page, `${form} [data-field="amount.amountMinor"] .field-error`)).toMatch(/ambiguous in nl-NL: write 12\.500,50/);
    expect(await page.getAttribute(`${form} [name="amount.amountMinor"]`, 'aria-invalid')).toBe('true');
    expect(posts).toEqual([]);

    await page.fill(`${form} [name="amount.amountMinor"]`, '12.500,50');
    expect(await text(page, `${form} [data-testid="amount-understood"]`)).toBe('Understood as EUR 12.500,50.');
    await page.click(`${form} button[type="submit"]`);
    await textWhen(page, `${form} [role="status"]`, (t) => t.includes('Expenditure recorded'));
    const history = await apiGet<Listing<{ revision: number; data: { amount: { amountMinor: number; currency: string } } }>>(
      'lukas',
      '/partnerships/p-ke-skills-consortium/history?type=ExpenditureRecorded&limit=500',
    );
    expect(history.items.filter((e) => e.revision > before.revision).map((e) => e.data.amount)).toEqual([{ amountMinor: 1_250_050, currency: 'EUR' }]);
    expect(errors).toEqual([]);
  });

  it('implementer: field errors from the API sit next to their fields, a conflict offers a reload, and the activity is recorded once', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'lukas');
    await page.goto(`${api.baseUrl}/#/partnerships/p-ke-skills-consortium/work-log`);
    await page.waitForSelector('[data-testid="activity-form"]');
    const before = await apiGet<{ revision: number; activities: unknown[]; participants: { women: number } }>('lukas', '/partnerships/p-ke-skills-consortium');

    // Sent with the title empty and a negative head count: the API's reasons appear at those fields.
    const form = '[data-testid="activity-form"]';
    await page.fill(`${form} [name="startDate"]`, '2026-06-01');
    await page.fill(`${form} [name="endDate"]`, '2026-06-05');
    await page.fill(`${form} [name="participants.women"]`, '-3');
    await page.fill(`${form} [name="participants.men"]`, '9');
    await page.fill(`${form} [name="participantHours"]`, '480');
    await page.click(`${form} button[type="submit"]`);
    const titleError = await text(page, `${form} [data-field="title"] .field-error`);
    expect(titleError).toMatch(/title/i);
    expect(await text(page, `${form} [data-field="participants.women"] .field-error`)).toMatch(/women/i);
    expect(await page.getAttribute(`${form} [name="title"]`, 'aria-invalid')).toBe('true');
    await page.screenshot({ path: screenshotPath('implementer-validation'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect((await apiGet<{ revision: number }>('lukas', '/partnerships/p-ke-skills-consortium')).revision).toBe(before.revision);

    // Someone else records a milestone meanwhile: the form's revision is stale, so the API answers 409.
    const other = await apiPost('lukas', '/partnerships/p-ke-skills-consortium/milestones', {
      milestoneId: 'ke2-m-cohort2',
      title: 'Second cohort certified',
      dueDate: '2026-12-15',
    });
    expect(other.status).toBe(201);
    await page.fill(`${form} [name="title"]`, 'SOC analyst bootcamp, Mombasa');
    await page.fill(`${form} [name="participants.women"]`, '11');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} [data-testid="conflict"]`);
    await page.screenshot({ path: screenshotPath('implementer-conflict'), fullPage: true });
    await page.click(`${form} [data-testid="conflict"] button`);
    await textWhen(page, '[data-testid="seen-revision"]', (t) => t.includes(`revision ${before.revision + 1}`));
    expect(await page.inputValue(`${form} [name="title"]`)).toBe('SOC analyst bootcamp, Mombasa');
    const reads: { url: string; minPosition: string | undefined }[] = [];
    page.on('request', (r) => r.method() === 'GET' && r.url().includes('/api/') && reads.push({ url: r.url(), minPosition: r.headers()['x-min-position'] }));
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/activities') && r.status() === 201),
      page.click(`${form} button[type="submit"]`),
    ]);
    await textWhen(page, `${form} [role="status"]`, (t) => t.includes('Activity recorded'));
    // The page reloads with the command's position, so it shows the write even while projections catch up.
    const position = ((await answer.json()) as { position: string }).position;
    expect(reads.some((r) => r.url.endsWith('/api/partnerships/p-ke-skills-consortium') && r.minPosition === position)).toBe(true);

    const after = await apiGet<{ revision: number; activities: { title: string; participants: { women: number; men: number } }[] }>(
      'lukas',
      '/partnerships/p-ke-skills-consortium',
    );
    expect(after.revision).toBe(before.revision + 2);
    expect(after.activities.filter((a) => a.title === 'SOC analyst bootcamp, Mombasa')).toEqual([
      expect.objectContaining({ participants: expect.objectContaining({ women: 11, men: 9 }) }),
    ]);

    // Expenditure in major units is recorded in exact minor units.
    const spentInEur = async () =>
      (await apiGet<{ items: { key: { partnershipId: string }; byCurrency: { currency: string; spent: number }[] }[] }>('lukas', '/funding/totals?groupBy=partnership')).items
        .find((i) => i.key.partnershipId === 'p-ke-skills-consortium')!
        .byCurrency.find((c) => c.currency === 'EUR')?.spent ?? 0;
    const spentBefore = await spentInEur();
    const expenditure = '[data-testid="expenditure-form"]';
    await page.fill(`${expenditure} [name="amount.currency"]`, 'EUR');
    await page.fill(`${expenditure} [name="amount.amountMinor"]`, '1,250.50');
    await page.fill(`${expenditure} [name="date"]`, '2026-06-05');
    await page.fill(`${expenditure} [name="category"]`, 'venue and catering');
    await page.fill(`${expenditure} [name="supplier.name"]`, 'Mombasa Conference Centre');
    await page.click(`${expenditure} button[type="submit"]`);
    await textWhen(page, `${expenditure} [role="status"]`, (t) => t.includes('Expenditure recorded'));
    expect((await spentInEur()) - spentBefore).toBe(125050);

    // The overview shows the new activity with its participants.
    await page.click('nav[aria-label^="Pages of"] a:has-text("Overview")');
    const activities = await tableRows(page, 'activities-table');
    expect(activities.find((r) => r[0] === 'SOC analyst bootcamp, Mombasa')?.slice(3, 5)).toEqual(['11', '9']);
    await page.screenshot({ path: screenshotPath('implementer-overview'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('beneficiary: reads its needs, confirms a milestone and endorses a new plan version', async () => {
    const { page, errors } = await newPage();
    await signIn(page, 'peter');
    await page.click('a:has-text("My partnerships")');
    await page.click('[data-testid="partnerships-table"] tr:has-text("Women in cyber") a:has-text("Needs and confirmations")');
    await page.waitForSelector('h1:has-text("Needs and confirmations")');
    const dossier = await apiGet<{ needs: { description: string }[] }>('peter', '/partnerships/p-ke-skills-consortium/dossier');
    expect((await tableRows(page, 'needs-table')).map((r) => r[1])).toEqual(dossier.needs.map((n) => n.description));
    await page.screenshot({ path: screenshotPath('beneficiary'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    // The implementer's evidence, from its MilestoneAchieved event, is there to weigh before confirming.
    const reports = await apiGet<{ items: { data: { milestoneId: string; evidence: { description: string }[] } }[] }>(
      'peter',
      '/partnerships/p-ke-skills-consortium/history?type=MilestoneAchieved',
    );
    const evidence = reports.items.find((r) => r.data.milestoneId === 'ke2-m-cohort1')!.data.evidence;
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(await text(page, '[data-milestone="ke2-m-cohort1"] [data-testid="evidence"]')).toContain(plain(e.description));

    await page.fill('[data-milestone="ke2-m-cohort1"] textarea', 'Certificates checked against the ministry register');
    await page.click('[data-milestone="ke2-m-cohort1"] button:has-text("Confirm delivered")');
    await page.waitForSelector('text=No milestone is waiting for your confirmation');
    const milestone = (await apiGet<{ milestones: { milestoneId: string; status: string }[] }>('peter', '/partnerships/p-ke-skills-consortium')).milestones.find(
      (m) => m.milestoneId === 'ke2-m-cohort1',
    );
    expect(milestone?.status).toBe('confirmed');

    // The implementer proposes version 2 of the Timor-Leste plan from its work log: the first objective reworded, a
    // second one added and tied to the same need. The beneficiary then endorses it in the browser.
    const tl = 'p-tl-triangular-csirt';
    const before = (await apiGet<{ plan: { version: number; objectives: { objectiveId: string; needIds: string[] }[] } }>('rizky', `/partnerships/${tl}/dossier`)).plan;
    expect(before.version).toBe(1);
    await signIn(page, 'rizky');
    await page.goto(`${api.baseUrl}/#/partnerships/${tl}/work-log`);
    const planForm = '[data-testid="plan-version-form"]';
    await page.waitForSelector(`${planForm} h2:has-text("Propose plan version 2")`);
    expect(await page.locator(`${planForm} [data-testid="objective"]`).count()).toBe(before.objectives.length);
    await page.fill(`${planForm} [data-testid="objective"] >> nth=0 >> textarea`, 'CSIRT team of seven with a legal mandate and a 24/7 rota');
    await page.click(`${planForm} button:has-text("Add an objective")`);
    const added = page.locator(`${planForm} [data-testid="objective"]`).last();
    await added.locator('textarea').fill('Incident reports shared with the ASEAN CERT network within 72 hours');
    await added.locator('input[type="checkbox"]').first().check();
    await page.click(`${planForm} button[type="submit"]`);
    await textWhen(page, `${planForm} .banner-ok`, (t) => t.includes('Version 2 proposed'));
    const proposed = (
      await apiGet<{ plan: { version: number; proposedBy: string; objectives: { objectiveId: string; description: string; needIds: string[] }[] } }>(
        'rizky',
        `/partnerships/${tl}/dossier`,
      )
    ).plan;
    expect(proposed.version).toBe(2);
    expect(proposed.objectives.map((o) => o.description)).toEqual([
      'CSIRT team of seven with a legal mandate and a 24/7 rota',
      'Incident reports shared with the ASEAN CERT network within 72 hours',
    ]);
    // The first objective keeps its id, so what was linked to it stays linked; the second answers the first need.
    expect(proposed.objectives[0].objectiveId).toBe(before.objectives[0].objectiveId);
    expect(proposed.objectives[1].needIds).toHaveLength(1);
    await page.screenshot({ path: screenshotPath('work-log-plan'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);

    await signIn(page, 'maria');
    await page.goto(`${api.baseUrl}/#/partnerships/${tl}/beneficiary`);
    await page.click('button:has-text("Endorse version 2 as beneficiary")');
    await textWhen(page, '[data-testid="endorsements"]', (t) => /✔ Beneficiary: /.test(t));
    const plan = (await apiGet<{ plan: { version: number; endorsements: { role: string }[] } }>('maria', '/partnerships/p-tl-triangular-csirt/dossier')).plan;
    expect(plan.version).toBe(2);
    expect(plan.endorsements.map((e) => e.role)).toContain('beneficiary');
    expect(errors).toEqual([]);
  });

  it('evaluator: travels in time with the slider, compares two points, exports and verifies', async () => {
    const { page, errors } = await newPage();
    // A deep link opened while signed out: signing in leads to it, not to the home page.
    await page.goto(`${api.baseUrl}/#/partnerships/p-ke-cybercrime-law/replay`);
    await page.waitForSelector('h1:has-text("Sign in")');
    await page.click('button[data-user="helen"]');
    await page.waitForSelector('[data-testid="as-of"]');
    expect(new URL(page.url()).hash).toBe('#/partnerships/p-ke-cybercrime-law/replay');

    // Keyboard on the slider: Home goes to revision 0, five steps right to revision 5.
    await page.focus('#revision-slider');
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="as-of"][data-revision="5"]');
    const asOf = await apiGet<{ partnership: { phase: string } }>('helen', '/partnerships/p-ke-cybercrime-law/as-of?revision=5');
    expect((await text(page, '[data-testid="as-of-phase"]')).toLowerCase().replace(/ /g, '-')).toBe(asOf.partnership.phase);
    await page.screenshot({ path: screenshotPath('evaluator-replay'), fullPage: true });

    // By date as well as by revision: the record as it stood at the end of the day of the seventh event is the revision
    // the API's as-of?at= gives for that date.
    const seventh = (await apiGet<{ items: { recordedAt: string }[] }>('helen', '/partnerships/p-ke-cybercrime-law/history?limit=7')).items[6];
    const day = seventh.recordedAt.slice(0, 10);
    const byDate = await apiGet<{ asOf: { revision: number } }>('helen', `/partnerships/p-ke-cybercrime-law/as-of?at=${day}`);
    await page.fill('#record-on', day);
    await page.waitForSelector(`[data-testid="as-of"][data-revision="${byDate.asOf.revision}"]`);
    expect(await text(page, '[data-testid="slider-revision"]')).toBe(String(byDate.asOf.revision));

    // The second axis: at the head of the record, what was true on 10 August 2025 (committed on 1 August, disbursed on the 20th).
    await page.focus('#revision-slider');
    await page.keyboard.press('End');
    await page.fill('#valid-at', '2025-08-10');
    await textWhen(page, '[data-testid="as-of-axes"]', (t) => t.startsWith('What was true on 10 Aug 2025'));
    const valid = await apiGet<{ funding: { currency: string; committed: number; disbursed: number }[] }>('helen', `/partnerships/p-ke-cybercrime-law/as-of?validAt=2025-08-10`);
    const nok = valid.funding.filter((f) => f.currency === 'NOK');
    expect(nok.reduce((s, f) => s + f.disbursed, 0)).toBe(0);
    const row = (await tableRows(page, 'as-of-money')).find((r) => r[0] === 'NOK');
    expect(row?.slice(1, 3)).toEqual([
      money(
        nok.reduce((s, f) => s + f.committed, 0),
        'NOK',
      ),
      money(0, 'NOK'),
    ]);
    await page.click('button:has-text("show everything recorded")');
    await textWhen(page, '[data-testid="as-of-axes"]', (t) => t.startsWith('What the record said on'));

    await page.fill('[data-testid="diff"] [name="fromRevision"]', '2');
    await page.fill('[data-testid="diff"] [name="toRevision"]', '9');
    await page.click('[data-testid="diff"] button:has-text("Compare")');
    const diff = await apiGet<{ changes: string[]; changeSentences: Sentence[] }>('helen', '/partnerships/p-ke-cybercrime-law/diff?fromRevision=2&toRevision=9');
    await page.waitForSelector('[data-testid="diff-changes"]');
    // One line per change the API lists, each with the names, titles and amounts of its sentence, written for the reader.
    const changeLines = (await page.$$eval('[data-testid="diff-changes"] li', (items) => items.map((i) => i.textContent ?? ''))).map(plain);
    expect(changeLines).toHaveLength(diff.changes.length);
    expect(diff.changeSentences.map((c) => c.key)).toContain('partyJoined');
    diff.changeSentences.forEach((change, i) => {
      for (const value of Object.values(change.values)) {
        if (value.kind === 'text') expect(changeLines[i]).toContain(value.text);
        if (value.kind === 'money') expect(changeLines[i]).toContain(money(value.amountMinor, value.currency));
      }
    });

    const history = await apiGet<{ total: number }>('helen', '/partnerships/p-ke-cybercrime-law/history?limit=1');
    await page.click('button:has-text("Verify the hash chain")');
    expect(await text(page, '[data-testid="verify-result"]')).toContain(`Intact: all ${history.total} events`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export JSON Lines")')]);
    expect(download.suggestedFilename()).toBe('p-ke-cybercrime-law.jsonl');
    const path = await download.path();
    const lines = (await import('node:fs')).readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(history.total);
    await page.screenshot({ path: screenshotPath('evaluator-diff-verify'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('evaluator in French: records an evaluation, a score and evidence per principle tied to events picked from the history', async () => {
    const { page, errors } = await newPage();
    const ke = 'p-ke-cybercrime-law';
    await signInSpeaking(page, 'helen', 'fr');
    await page.goto(`${api.baseUrl}/#/partnerships/${ke}/evaluation`);
    await page.waitForSelector('[data-testid="evaluation-form"]');
    expect(await text(page, 'h1')).toContain('Évaluation');
    expect(await text(page, '[data-testid="changes-since"] p')).toContain('Votre première visite');
    const openedAt = (await apiGet<{ revision: number }>('helen', `/partnerships/${ke}`)).revision;

    // Sent without a score: the API's reason sits at the score field, and nothing is recorded.
    await page.fill('[data-testid="evaluation-form"] textarea[name="findings"]', 'La CERT a rédigé le plan ; l’opérateur l’a relu.');
    await page.fill('[data-testid="evaluation-form"] textarea[name="lessons"]', 'Fixer l’institution de reprise dès la co-conception.');
    await page.fill('[data-testid="evaluation-form"] textarea[name="scores.0.evidence"]', 'Besoins exprimés par le ministère, plan endossé par lui.');
    await page.click('[data-testid="evaluation-form"] button[type="submit"]');
    await page.waitForSelector('[data-field="scores.0.score"] .field-error');
    // Worded in French by the check that refused it, not in the API's English.
    expect(Object.values(fr.fieldReasons)).toContain(await text(page, '[data-field="scores.0.score"] .field-error'));
    expect((await apiGet<{ items: unknown[] }>('helen', `/partnerships/${ke}/evaluations`)).items).toEqual([]);

    // National ownership 3, resting on the first two events of the history (the proposal, then the first party invited);
    // demand-driven 4, with no event named.
    const history = await apiGet<{ items: { eventId: string; revision: number }[] }>('helen', `/partnerships/${ke}/history?limit=2`);
    await page.selectOption('[data-testid="evaluation-form"] select[name="scores.0.score"]', '3');
    await page.selectOption(
      '[data-testid="evaluation-form"] select[name="scores.0.eventIds"]',
      history.items.map((e) => e.eventId),
    );
    await page.click('[data-testid="evaluation-form"] button:has-text("Noter un autre principe")');
    await page.selectOption('[data-testid="evaluation-form"] select[name="scores.1.principle"]', 'demand-driven');
    await page.selectOption('[data-testid="evaluation-form"] select[name="scores.1.score"]', '4');
    await page.fill('[data-testid="evaluation-form"] textarea[name="scores.1.evidence"]', 'La demande vient du ministère kényan.');
    await page.click('[data-testid="evaluation-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="evaluation-form"] .banner-ok');

    const recorded = await apiGet<{ items: { evaluatorId: string; inForce: boolean; scores: { principle: string; score: number; eventIds: string[] }[] }[] }>(
      'helen',
      `/partnerships/${ke}/evaluations`,
    );
    expect(recorded.items).toHaveLength(1);
    expect(recorded.items[0]).toMatchObject({ evaluatorId: 'org-eval-inst', inForce: true });
    expect(recorded.items[0].scores).toEqual([
      expect.objectContaining({ principle: 'national-ownership', score: 3, eventIds: history.items.map((e) => e.eventId) }),
      expect.objectContaining({ principle: 'demand-driven', score: 4, eventIds: [] }),
    ]);
    // Shown back in French, each score in words and its evidence as the events' sentences.
    await page.waitForSelector('[data-testid="evaluation"]');
    expect(await page.$$eval('[data-testid="evaluation"] [data-testid="score"]', (cells) => cells.map((c) => c.textContent))).toEqual([
      '3 – largement respecté',
      '4 – pleinement respecté',
    ]);
    expect(await text(page, '[data-testid="evaluation"] tbody tr:first-child th')).toBe('Appropriation nationale');
    expect(await page.$$eval('[data-testid="evaluation"] tbody tr:first-child li', (items) => items.length)).toBe(2);

    // The ministry raises an issue after she left; her next visit lists what happened since the revision she opened the page
    // at: her own evaluation and that issue, two events.
    const issue = await apiPost('peter', `/partnerships/${ke}/risks`, { riskId: 'browser-ke-issue', kind: 'issue', description: 'Le texte attend le Sénat', severity: 'medium' });
    expect(issue.status).toBe(201);
    await page.reload();
    const since = await textWhen(page, '[data-testid="changes-since"]', (t) => t.includes('2 événements'));
    expect(since).toContain(`depuis la révision ${openedAt}`);
    await page.screenshot({ path: screenshotPath('evaluator-evaluation-fr'), fullPage: true });

    // The replay in French: the record as it stood, and the chain verified in her language.
    await page.click('nav.tabs a[href$="/replay"]');
    await page.waitForSelector('[data-testid="as-of"]');
    expect(await text(page, 'h1')).toMatch(/^Historique et reconstitution/);
    await textWhen(page, '[data-testid="as-of-axes"]', (t) => t.startsWith('Ce que disait le registre le'));
    const total = (await apiGet<{ total: number }>('helen', `/partnerships/${ke}/history?limit=1`)).total;
    await page.click('button:has-text("Vérifier la chaîne d’empreintes")');
    expect(await text(page, '[data-testid="verify-result"]')).toContain(`Intacte : les ${total} événements`);
    await page.screenshot({ path: screenshotPath('evaluator-replay-fr'), fullPage: true });

    // The scorecard: her scores among those in force, and per principle the figures the API gives her.
    await page.click('a:has-text("Principes")');
    const scores = await tableRows(page, 'scores-table');
    expect(scores.find((r) => r[0] === ke && r[1] === 'Appropriation nationale')?.[2]).toBe('3 – largement respecté');
    const summary = await apiGet<{ items: { principle: string; evaluations: number | null }[] }>('helen', '/scorecard');
    const byPrinciple = await tableRows(page, 'scorecard-table');
    expect(byPrinciple.map((r) => r[1])).toEqual(summary.items.map((i) => (i.evaluations === null ? 'non publié (moins de trois partenariats)' : String(i.evaluations))));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('scorecard-fr'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('in Portuguese: the Brazilian implementer raises an issue on the Mozambique partnership and the Mozambican CERT resolves it', async () => {
    const mz = 'p-mz-cert-south-south';
    const description = 'Dois dos cinco analistas formados saíram para o setor privado';
    const implementer = await newPage();
    await signInSpeaking(implementer.page, 'ana', 'pt');
    await implementer.page.goto(`${api.baseUrl}/#/partnerships/${mz}/work-log`);
    await implementer.page.waitForSelector('[data-testid="risk-form"]');
    await implementer.page.selectOption('[data-testid="risk-form"] select[name="kind"]', 'issue');
    await implementer.page.selectOption('[data-testid="risk-form"] select[name="severity"]', 'high');
    await implementer.page.fill('[data-testid="risk-form"] textarea[name="description"]', description);
    await implementer.page.click('[data-testid="risk-form"] button[type="submit"]');
    await implementer.page.waitForSelector('[data-testid="risk-form"] .banner-ok');
    const raised = (
      await apiGet<{ risks: { riskId: string; kind: string; severity: string; description: string; raisedBy: string; resolution: string | null }[] }>(
        'ana',
        `/partnerships/${mz}/dossier`,
      )
    ).risks.find((r) => r.description === description);
    expect(raised).toMatchObject({ kind: 'issue', severity: 'high', raisedBy: 'org-br-coop', resolution: null });
    const row = (await tableRows(implementer.page, 'risks-table')).find((r) => r[2] === description);
    expect(row?.slice(0, 2)).toEqual(['Problema', 'Alta']);
    expect(implementer.errors).toEqual([]);

    const beneficiary = await newPage();
    await signInSpeaking(beneficiary.page, 'joana', 'pt');
    await beneficiary.page.goto(`${api.baseUrl}/#/partnerships/${mz}/beneficiary`);
    const cell = `[data-testid="risks-table"] tr[data-risk="${raised!.riskId}"]`;
    await beneficiary.page.waitForSelector(cell);
    await beneficiary.page.fill(`${cell} input[name="resolution"]`, 'Subsídio de retenção acordado com o ministério');
    await beneficiary.page.click(`${cell} button[type="submit"]`);
    await textWhen(beneficiary.page, `${cell} td:last-child`, (t) => t === 'Resolvido: Subsídio de retenção acordado com o ministério');
    const resolved = (await apiGet<{ risks: { riskId: string; resolution: string | null }[] }>('joana', `/partnerships/${mz}/dossier`)).risks.find(
      (r) => r.riskId === raised!.riskId,
    );
    expect(resolved?.resolution).toBe('Subsídio de retenção acordado com o ministério');

    // Training in Portuguese and in Changana (ISO 639-1 ts), stated by the beneficiary: part of local ownership.
    const languages = '[data-testid="languages-form"]';
    await beneficiary.page.check(`${languages} input[name="languages"][value="pt"]`);
    await beneficiary.page.fill(`${languages} input[name="other"]`, 'ts');
    await beneficiary.page.click(`${languages} button[type="submit"]`);
    await beneficiary.page.waitForSelector(`${languages} .banner-ok`);
    expect([...(await apiGet<{ languages: string[] }>('joana', `/partnerships/${mz}/dossier`)).languages].sort()).toEqual(['pt', 'ts']);
    await textWhen(beneficiary.page, '[data-testid="languages-stated"]', (t) => t.startsWith('A formação é pedida em') && t.includes('(ts)'));
    await beneficiary.page.screenshot({ path: screenshotPath('risks-pt'), fullPage: true });
    expect(await accessibilityProblems(beneficiary.page)).toEqual([]);
    expect(beneficiary.errors).toEqual([]);
  });

  it('in Portuguese: the Brazilian implementer measures progress with an indicator and reschedules a milestone it planned, from the work log', async () => {
    const mz = 'p-mz-cert-south-south';
    const { page, errors } = await newPage();
    await signInSpeaking(page, 'ana', 'pt');
    await page.goto(`${api.baseUrl}/#/partnerships/${mz}/work-log`);
    type Indicator = { name: string; baseline: number; target: number; latestValue: number | null; progress: number | null };
    const indicatorOf = async () => (await apiGet<{ indicators: Indicator[] }>('ana', `/partnerships/${mz}`)).indicators.find((i) => i.name === 'Tempo mediano de triagem');

    const define = '[data-testid="define-indicator-form"]';
    await page.waitForSelector(define);
    await page.fill(`${define} input[name="name"]`, 'Tempo mediano de triagem');
    await page.fill(`${define} input[name="unit"]`, 'horas');
    await page.fill(`${define} input[name="baseline"]`, '72');
    await page.fill(`${define} input[name="baselineDate"]`, '2026-01-15');
    await page.fill(`${define} input[name="target"]`, '8');
    await page.click(`${define} button[type="submit"]`);
    await page.waitForSelector(`${define} .banner-ok`);

    // 40,5 is forty and a half in Portuguese. Progress from the baseline 72 to the target 8: (40.5 - 72) / (8 - 72) = 31.5 / 64
    // = 0.4921875, kept to four decimals: 0.4922, shown as 49,2% in pt-PT.
    const measure = '[data-testid="measure-form"]';
    await page.waitForSelector(measure);
    await page.selectOption(`${measure} select[name="indicatorId"]`, { label: 'Tempo mediano de triagem (horas)' });
    await page.fill(`${measure} input[name="value"]`, '40,5');
    await page.fill(`${measure} input[name="measuredOn"]`, '2026-06-15');
    await page.click(`${measure} button[type="submit"]`);
    await page.waitForSelector(`${measure} .banner-ok`);
    expect(await indicatorOf()).toMatchObject({ baseline: 72, target: 8, latestValue: 40.5, progress: 0.4922 });
    await textWhen(page, '[data-testid="indicators-table"]', (t) => t.includes('49,2%'));

    // The target revised to 10 hours at mid-term: (40.5 - 72) / (10 - 72) = 31.5 / 62 = 0.50806…, kept as 0.5081.
    const revise = '[data-testid="revise-indicator-form"]';
    await page.selectOption(`${revise} select[name="indicatorId"]`, { label: 'Tempo mediano de triagem (horas)' });
    await page.selectOption(`${revise} select[name="revises"]`, 'target');
    await page.fill(`${revise} input[name="target"]`, '10');
    await page.fill(`${revise} input[name="reason"]`, 'Meta revista na revisão intercalar');
    await page.click(`${revise} button[type="submit"]`);
    await page.waitForSelector(`${revise} .banner-ok`);
    expect(await indicatorOf()).toMatchObject({ target: 10, latestValue: 40.5, progress: 0.5081 });

    // A milestone planned for September, then moved to November with its reason.
    const plan = '[data-testid="plan-milestone-form"]';
    await page.fill(`${plan} input[name="title"]`, 'Segundo curso de analistas');
    await page.fill(`${plan} input[name="dueDate"]`, '2026-09-30');
    await page.click(`${plan} button[type="submit"]`);
    await page.waitForSelector(`${plan} .banner-ok`);
    const planned = (await apiGet<{ milestones: { milestoneId: string; title: string; dueDate: string }[] }>('ana', `/partnerships/${mz}`)).milestones.find(
      (m) => m.title === 'Segundo curso de analistas',
    )!;
    const correct = '[data-testid="correct-work-form"]';
    await page.selectOption(`${correct} select[name="item"]`, `milestone:${planned.milestoneId}`);
    await page.selectOption(`${correct} select[name="correction"]`, 'reschedule');
    await page.fill(`${correct} input[name="dueDate"]`, '2026-11-30');
    await page.fill(`${correct} input[name="reason"]`, 'Os formadores só estão disponíveis em novembro');
    await page.click(`${correct} button[type="submit"]`);
    await page.waitForSelector(`${correct} .banner-ok`);
    const moved = (await apiGet<{ milestones: { milestoneId: string; dueDate: string }[] }>('ana', `/partnerships/${mz}`)).milestones.find(
      (m) => m.milestoneId === planned.milestoneId,
    );
    expect(moved?.dueDate).toBe('2026-11-30');

    // The malware course had 7 women and 9 men, not 6 and 10: the whole activity restated from the form it was
    // recorded with, the participant-hours (1,280) and everything else as they were.
    await page.selectOption(`${correct} select[name="item"]`, 'activity:mz-a-malware');
    await page.selectOption(`${correct} select[name="correction"]`, 'correct-activity');
    const restate = '[data-testid="activity-correction-form"]';
    expect(await page.inputValue(`${restate} input[name="participants.women"]`)).toBe('6');
    await page.fill(`${restate} input[name="participants.women"]`, '7');
    await page.fill(`${restate} input[name="participants.men"]`, '9');
    await page.fill(`${restate} input[name="reason"]`, 'Lista de presenças conferida: 7 mulheres e 9 homens');
    await page.click(`${restate} button[type="submit"]`);
    await page.waitForSelector(`${restate} .banner-ok`);
    type Activity = { activityId: string; title: string; participants: { women: number; men: number }; participantHours: number };
    const course = (await apiGet<{ activities: Activity[] }>('ana', `/partnerships/${mz}`)).activities.find((a) => a.activityId === 'mz-a-malware');
    expect(course).toMatchObject({ title: 'Introdução à análise de malware', participants: { women: 7, men: 9 }, participantHours: 1280 });

    // The 40,5 h measurement was of two months, not one: voided, the indicator has no reading left, so no progress.
    const items = await page.$$eval(`${correct} select[name="item"] option`, (options) =>
      options.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })),
    );
    const reading = items.find((o) => o.label.startsWith('Medição: Tempo mediano de triagem, 40,5 horas'));
    expect(reading).toBeDefined();
    await page.selectOption(`${correct} select[name="item"]`, reading!.value);
    await page.fill(`${correct} input[name="reason"]`, 'Contou os incidentes de dois meses');
    await page.click(`${correct} button[type="submit"]:has-text("Anular a medição")`);
    await textWhen(page, `${correct} .banner-ok`, (t) => t.includes('Medição anulada'));
    expect(await indicatorOf()).toMatchObject({ latestValue: null, progress: null });

    // A baseline commitment on gender equality, kept by the parties and listed for all of them.
    const baseline = '[data-testid="baseline-form"]';
    await page.selectOption(`${baseline} select[name="commitment"]`, 'gender-equality');
    await page.fill(`${baseline} textarea[name="description"]`, 'Pelo menos 40% de mulheres em cada curso');
    await page.click(`${baseline} button[type="submit"]`);
    await page.waitForSelector(`${baseline} .banner-ok`);
    const held = (await apiGet<{ baselineCommitments: { commitment: string; description: string }[] }>('ana', `/partnerships/${mz}/dossier`)).baselineCommitments;
    expect(held).toContainEqual(expect.objectContaining({ commitment: 'gender-equality', description: 'Pelo menos 40% de mulheres em cada curso' }));
    await textWhen(page, '[data-testid="baseline-table"]', (t) => t.includes('Igualdade de género'));
    await page.screenshot({ path: screenshotPath('work-log-pt'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('beneficiary in French: Senegal proposes a partnership (the demand-driven start) and lands on its page', async () => {
    const { page, errors } = await newPage();
    await signInSpeaking(page, 'awa', 'fr');
    await page.click('a:has-text("Proposer")');
    const form = '[data-testid="propose-form"]';
    await page.waitForSelector(form);
    await page.fill(`${form} input[name="title"]`, 'Protection des données et réponse aux incidents');
    await page.fill(`${form} textarea[name="summary"]`, 'Former les analystes de la CDP et du CSIRT national à la notification des violations de données.');
    await page.selectOption(`${form} select[name="beneficiaryCountry"]`, 'SN');
    await page.selectOption(`${form} select[name="genderMarker"]`, '1');
    await page.fill(`${form} input[name="plannedStart"]`, '2027-01-01');
    // No theme ticked: the API's reason shows under the themes, and nothing is proposed.
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} [data-field="themes"] .field-error`);
    expect(Object.values(fr.fieldReasons)).toContain(await text(page, `${form} [data-field="themes"] .field-error`));
    await page.check(`${form} input[name="themes"][value="incident-response-cert"]`);
    await page.check(`${form} input[name="levels"][value="policy"]`);
    await page.check(`${form} input[name="sdgs"][value="16"]`);
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('h1:has-text("Protection des données et réponse aux incidents")');
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/partnerships/', ''));
    const proposed = await apiGet<{ beneficiaryCountry: string; initiatedBy: string; beneficiaryIds: string[]; themes: string[]; sdgs: number[]; phase: string }>(
      'awa',
      `/partnerships/${id}`,
    );
    expect(proposed).toMatchObject({
      beneficiaryCountry: 'SN',
      initiatedBy: 'beneficiary',
      beneficiaryIds: ['org-sn-digital'],
      themes: ['incident-response-cert'],
      sdgs: [16],
    });
    await page.screenshot({ path: screenshotPath('propose-fr'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('in Spanish: the Dutch donor invites a regional implementer, which accepts from its list; the Nordic fund closes Kenya with a handover', async () => {
    const gh = 'p-gh-cert-readiness';
    const donor = await newPage();
    await signInSpeaking(donor.page, 'sanne', 'es');
    await donor.page.goto(`${api.baseUrl}/#/partnerships/${gh}/donor`);
    await donor.page.waitForSelector('[data-testid="invite-form"]');
    await donor.page.selectOption('[data-testid="invite-form"] select[name="organisationId"]', 'org-au-cyber');
    await donor.page.selectOption('[data-testid="invite-form"] select[name="role"]', 'implementer');
    await donor.page.click('[data-testid="invite-form"] button[type="submit"]');
    await donor.page.waitForSelector('[data-testid="invite-form"] .banner-ok');
    expect(donor.errors).toEqual([]);

    // The invited organisation answers from its own list, in Spanish: accepted, it is a party.
    const implementer = await newPage();
    await signInSpeaking(implementer.page, 'selam', 'es');
    await implementer.page.goto(`${api.baseUrl}/#/partnerships`);
    const invitation = `[data-testid="invitation"][data-partnership="${gh}"]`;
    await implementer.page.waitForSelector(invitation);
    expect(await text(implementer.page, `${invitation} p`)).toContain('Como Ejecutor');
    await implementer.page.click(`${invitation} [data-testid="accept"]`);
    await implementer.page.waitForSelector(`[data-testid="partnerships-table"] a[href="#/partnerships/${gh}"]`);
    const parties = (await apiGet<{ parties: { organisationId: string; role: string }[] }>('selam', `/partnerships/${gh}`)).parties;
    expect(parties).toEqual(expect.arrayContaining([expect.objectContaining({ organisationId: 'org-au-cyber', role: 'implementer' })]));
    expect(await accessibilityProblems(implementer.page)).toEqual([]);
    expect(implementer.errors).toEqual([]);

    // Kenya, evaluated: the Nordic fund closes it, the work handed over to the ministry on 30 November 2026.
    const ke = 'p-ke-cybercrime-law';
    await donor.page.click('button:has-text("Cerrar sesión")');
    await signIn(donor.page, 'ingrid');
    await donor.page.goto(`${api.baseUrl}/#/partnerships/${ke}/donor`);
    const form = '[data-testid="closure-form"]';
    await donor.page.waitForSelector(form);
    await donor.page.selectOption(`${form} select[name="outcome"]`, 'partially-achieved');
    await donor.page.fill(`${form} textarea[name="summary"]`, 'Ley de ciberdelincuencia aprobada; la fiscalía aún no tiene unidad especializada.');
    await donor.page.check(`${form} input[name="handover.done"]`);
    await donor.page.selectOption(`${form} select[name="handover.institutionId"]`, 'org-ke-ict');
    await donor.page.fill(`${form} input[name="handover.date"]`, '2026-11-30');
    await donor.page.click(`${form} button[type="submit"]`);
    await donor.page.waitForSelector(`${form} .banner-ok`);
    const closed = await apiGet<{ phase: string; closure: { outcome: string | null } }>('ingrid', `/partnerships/${ke}`);
    expect(closed).toMatchObject({ phase: 'closed', closure: { outcome: 'partially-achieved' } });
    await donor.page.screenshot({ path: screenshotPath('donor-closure-es'), fullPage: true });
    // The overview, in Spanish, says how it ended and when, beside its levels and goals.
    await donor.page.click('nav.tabs a >> nth=0');
    const outcome = await textWhen(donor.page, '[data-testid="closure-outcome"]', (t) => t.length > 0);
    expect(outcome).toMatch(/^Parcialmente logrado, cerrada el /);
    expect(await text(donor.page, '[data-testid="partnership-facts"]')).toContain('ODS');
    await donor.page.screenshot({ path: screenshotPath('partnership-closed-es'), fullPage: true });
    expect(donor.errors).toEqual([]);
  });

  it('operator and the states in between: keyboard sign-in, projections, a partnership one is not party to, an unknown page', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${api.baseUrl}/#/portfolio`);
    await page.waitForSelector('h1:has-text("Sign in")');
    await page.focus('button[data-user="ada"]');
    await page.keyboard.press('Enter');
    await page.click('a:has-text("Operations")');
    const projections = await apiGet<{ items: { projection: string; eventsProcessed: number }[] }>('ada', '/projections');
    const rows = await tableRows(page, 'projections-table');
    expect(rows.map((r) => r[0])).toEqual(projections.items.map((p) => p.projection));

    // Registering Senegal's data protection commission: a missing contact email is refused at its field, then it is registered.
    const form = '[data-testid="register-organisation"]';
    await page.fill(`${form} input[name="name"]`, 'Commission de Protection des Données Personnelles');
    await page.fill(`${form} input[name="organisationId"]`, 'org-sn-cdp');
    await page.selectOption(`${form} select[name="country"]`, 'SN');
    await page.selectOption(`${form} select[name="developmentStatus"]`, 'least-developed');
    await page.fill(`${form} input[name="contacts.0.name"]`, 'Fatou Ndiaye');
    await page.fill(`${form} input[name="contacts.0.function"]`, 'Responsable de la coopération');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} [data-field="contacts.0.email"] .field-error`);
    await page.fill(`${form} input[name="contacts.0.email"]`, 'cooperation@cdp.example.sn');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} .banner-ok`);
    const registered = await apiGet<{ name: string; country: string; kind: string; developmentStatus: string }>('ada', '/organisations/org-sn-cdp');
    expect(registered).toMatchObject({ name: 'Commission de Protection des Données Personnelles', country: 'SN', kind: 'state-body', developmentStatus: 'least-developed' });
    await textWhen(page, '[data-testid="organisations-table"]', (t) => t.includes('Commission de Protection des Données Personnelles'));

    // The BCEAO's fixed parity for the CFA franc, imported as a CSV series: a bad third line is refused with its line number and
    // nothing is imported; corrected, the pair reads 1 EUR = 655.957 XOF from that source.
    const rates = '[data-testid="import-rates-form"]';
    await page.fill(`${rates} input[name="source"]`, 'BCEAO fixed parity');
    await page.fill(`${rates} textarea[name="csv"]`, 'base,quote,date,rate\nEUR,XOF,2026-06-01,655.957\nEUR,XOF,2026-07-01,six cents\n');
    await page.click(`${rates} button[type="submit"]`);
    expect(await text(page, `${rates} .banner-error`)).toContain('csv line 3');
    const bceao = async () =>
      (await apiGet<{ items: { valueDate: string; rate: string; source: string }[] }>('ada', '/exchange-rates/EUR/XOF')).items.filter((r) => r.source === 'BCEAO fixed parity');
    expect(await bceao()).toEqual([]);
    await page.fill(`${rates} textarea[name="csv"]`, 'base,quote,date,rate\nEUR,XOF,2026-06-01,655.957\nEUR,XOF,2026-07-01,655.957\n');
    await page.click(`${rates} button[type="submit"]`);
    await page.waitForSelector(`${rates} .banner-ok`);
    expect((await bceao()).map((r) => [r.valueDate, Number(r.rate)])).toEqual([
      ['2026-07-01', 655.957],
      ['2026-06-01', 655.957],
    ]);
    await textWhen(page, '[data-testid="rate-sets-table"]', (t) => t.includes('BCEAO fixed parity'));
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('operator'), fullPage: true });

    await signIn(page, 'sanne');
    await page.goto(`${api.baseUrl}/#/partnerships/p-mz-cert-south-south`);
    expect(await text(page, '.state-error')).toContain('your organisation is not a party');
    await page.goto(`${api.baseUrl}/#/no/such/page`);
    expect(await text(page, 'main h1')).toBe('Page not found');
    expect(errors).toEqual([]);
  });

  it('works on a narrow screen without sideways scrolling of the page', async () => {
    const { page, errors } = await newPage(390);
    await signIn(page, 'ingrid');
    await page.waitForSelector('[data-testid="tile-committed"]');
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return document.documentElement.scrollWidth - innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('donor-portfolio-narrow'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('prints the portfolio on A4: figures and charts, no navigation or controls, nothing wider than the page', async () => {
    // A4 at 96 dpi is 794 px wide; 14 mm margins leave about 688 px.
    const { page, errors } = await newPage(794);
    await signIn(page, 'sanne');
    await page.waitForSelector('[data-testid="tile-committed"]');
    await page.emulateMedia({ media: 'print' });
    // What a browser does before printing: the charts not yet scrolled to are drawn.
    await page.evaluate("dispatchEvent(new Event('beforeprint'))");
    await page.waitForSelector('[data-testid="by-phase"] canvas');
    for (const hidden of ['header.top nav', '[data-testid="language"]', '[data-testid="download-xlsx"]', 'footer', '.table-download'])
      expect({ hidden, visible: await page.isVisible(hidden) }).toEqual({ hidden, visible: false });
    expect(await page.isVisible('[data-testid="portfolio-tiles"]')).toBe(true);
    const overflow = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
      return document.documentElement.scrollWidth - innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.pdf({ path: screenshotPath('portfolio-print').replace(/\.png$/, '.pdf'), format: 'A4', printBackground: true });
    expect(errors).toEqual([]);
  });

  it('operator in Spanish: checks an IATI activity file without recording anything, imports it, and a second import records nothing', async () => {
    const file = join(IATI_REFERENCE, 'activity-standard-example-annotated.xml');
    const { page, errors } = await newPage();
    await signInSpeaking(page, 'ada', 'es');
    await page.goto(`${api.baseUrl}/#/operations`);
    const card = '[data-testid="iati-import"]';
    await page.setInputFiles(`${card} input[type="file"]`, file);
    await page.click(`${card} button:has-text("Comprobar sin importar")`);
    // The Standard's example holds one activity: a dry run would create it and records nothing.
    await textWhen(page, `${card} [data-testid="iati-report"]`, (t) => t.includes('nada registrado') && t.includes('1 actividades leídas') && t.includes('crearía 1'));
    await page.click(`${card} button[type="submit"]`);
    await textWhen(
      page,
      `${card} [data-testid="iati-report"] [role="status"]`,
      (t) => t.startsWith('activity-standard-example-annotated.xml importado (IATI 2.03)') && t.includes('1 creadas'),
    );
    await page.click(`${card} button[type="submit"]`);
    await textWhen(page, `${card} [data-testid="iati-report"] [role="status"]`, (t) => t.includes('0 creadas') && t.includes('1 sin cambios'));
    // The API agrees: the same file, checked again, changes nothing.
    const check = await fetch(`${api.baseUrl}/api/iati/imports?dryRun=true`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await tokenOf('ada')}`, 'Content-Type': 'application/xml' },
      body: readFileSync(file, 'utf8'),
    });
    expect(await check.json()).toMatchObject({ activitiesRead: 1, created: 0, updated: 0, unchanged: 1 });
    await page.screenshot({ path: screenshotPath('operations-iati-es'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('every main view in English, French, Portuguese and Spanish: a screenshot of each, the language in force, no key missing', async () => {
    const ke = 'p-ke-cybercrime-law';
    const views: readonly { name: string; user: string | null; path: string }[] = [
      { name: 'sign-in', user: null, path: '#/sign-in' },
      { name: 'registry', user: null, path: '#/registry' },
      { name: 'portfolio', user: 'sanne', path: '#/portfolio' },
      { name: 'partnerships', user: 'sanne', path: '#/partnerships' },
      { name: 'partnership', user: 'sanne', path: `#/partnerships/${ke}` },
      { name: 'propose', user: 'sanne', path: '#/propose' },
      { name: 'donor-desk', user: 'kenji', path: '#/partnerships/p-tl-triangular-csirt/donor' },
      { name: 'work-log', user: 'ana', path: '#/partnerships/p-mz-cert-south-south/work-log' },
      { name: 'beneficiary', user: 'joana', path: '#/partnerships/p-mz-cert-south-south/beneficiary' },
      { name: 'evaluation', user: 'helen', path: `#/partnerships/${ke}/evaluation` },
      { name: 'replay', user: 'helen', path: `#/partnerships/${ke}/replay` },
      { name: 'scorecard', user: 'helen', path: '#/scorecard' },
      { name: 'operations', user: 'ada', path: '#/operations' },
    ];
    const englishText = new Map<string, string>();
    const PROPOSED_BY = new Map([
      ['en', 'proposed by'],
      ['fr', 'proposé par'],
      ['pt', 'proposta por'],
      ['es', 'propuesta por'],
    ]);
    for (const language of ['en', 'fr', 'pt', 'es'] as const) {
      const { page, errors } = await newPage();
      let signedInAs: string | null = null;
      for (const view of views) {
        if (view.user !== signedInAs && view.user !== null) {
          await page.goto(`${api.baseUrl}/#/sign-in`);
          await page.selectOption('[data-testid="language"]', language);
          await page.click(`button[data-user="${view.user}"]`);
          const displayName = DEMO_USERS.find((u) => u.name === view.user)!.displayName;
          await page.waitForSelector(`[data-testid="signed-in-as"]:has-text("${displayName}")`);
          signedInAs = view.user;
        }
        await page.goto(`${api.baseUrl}/${view.path}`);
        if (view.user === null) await page.selectOption('[data-testid="language"]', language);
        await page.waitForSelector('main h1', { state: 'attached' });
        await page.waitForFunction(
          () => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('.state-loading').length === 0,
        );
        // Charts are drawn when scrolled near: to the end and back, so the screenshot has them.
        await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
        await page.waitForTimeout(400);
        await page.evaluate('window.scrollTo(0, 0)');
        expect({ view: view.name, lang: await page.getAttribute('html', 'lang') }).toEqual({ view: view.name, lang: language });
        // The labels around the data are the language's own: the page reads differently from the English one.
        const labels = plain((await page.$eval('main', (m) => m.textContent)) ?? '');
        if (language === 'en') englishText.set(view.name, labels);
        else expect({ view: view.name, language, asInEnglish: labels === englishText.get(view.name) }).toEqual({ view: view.name, language, asInEnglish: false });
        if (view.name === 'replay') {
          // The history reads in the language too: the first event's sentence, with Kenya named as the language names it.
          const first = plain((await page.textContent('[data-testid="timeline"] li')) ?? '');
          expect(first).toContain(PROPOSED_BY.get(language));
          expect(first).toContain(new Intl.DisplayNames([localeOf(language)], { type: 'region' }).of('KE'));
        }
        await page.screenshot({ path: screenshotPath(`views/${language}/${view.name}`), fullPage: true });
      }
      expect({ language, errors }).toEqual({ language, errors: [] });
      await page.context().close();
    }
  });
});
