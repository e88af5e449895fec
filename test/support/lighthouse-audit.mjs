// Lighthouse 12 (an ES module, so a child process of the Jest test) on pages of a running dashboard, as
// Lighthouse's defaults measure them: a mobile device on simulated slow 4G, cache cold.
// Usage: node lighthouse-audit.mjs BASE_URL CHROMIUM OUT_DIR PAGES_JSON
// PAGES_JSON: [{ "name": "portfolio-1", "hash": "#/portfolio", "user": "sanne" | null }]. Prints one JSON line;
// each page's full report is OUT_DIR/<name>.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [baseUrl, chromium, outDir, pagesJson] = process.argv.slice(2);
const pages = JSON.parse(pagesJson);
mkdirSync(outDir, { recursive: true });

const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const results = [];
try {
  for (const { name, hash, user } of pages) {
    const page = await browser.newPage();
    if (user) {
      // Signed in the way the dashboard does it (the session is per tab), on a page that loads no asset.
      const res = await fetch(`${baseUrl}/api/auth/demo-sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
      const { token, user: who } = await res.json();
      await page.goto(`${baseUrl}/health`);
      await page.evaluate((session) => sessionStorage.setItem('ccb-tracker.session', session), JSON.stringify({ token, user: who }));
    }
    // Storage is kept for the session; the HTTP cache is emptied, so every asset is fetched as on a first visit.
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    const result = await lighthouse(
      `${baseUrl}/${hash}`,
      { onlyCategories: ['performance', 'accessibility'], disableStorageReset: Boolean(user), output: 'json' },
      undefined,
      page,
    );
    writeFileSync(join(outDir, `${name}.json`), result.report);
    const { categories, audits } = result.lhr;
    results.push({
      name,
      performance: categories.performance.score,
      accessibility: categories.accessibility.score,
      cls: audits['cumulative-layout-shift'].numericValue,
      fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue),
      runtimeError: result.lhr.runtimeError?.message ?? null,
      failing: Object.values(audits)
        .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
        .map((a) => `${a.id} ${a.displayValue ?? a.score}`),
    });
    // Proof that a signed-in page was measured as signed in, not the sign-in page it would fall back to.
    const signedIn = (await page.$('[data-testid="signed-in-as"]')) !== null;
    results[results.length - 1].signedIn = signedIn;
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(results)}\n`);
