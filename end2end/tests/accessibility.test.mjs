// Accessibility: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page
// reached from the home page, the 404 page, and the locator and exit states; and
// html-validate on the HTML of every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import { BASE_URL, openBrowser, newPage, internalLinks } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** The axe violations on the page as it is now, as short readable strings. */
async function violations(page) {
  // Evaluated through the DevTools protocol, so the page's own policy does not apply.
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function everyPage() {
  const { page } = await newPage(browser.context);
  await page.goto(BASE_URL + '/');
  const seen = new Set(['/']);
  const queue = await internalLinks(page);
  const pages = [BASE_URL + '/'];
  while (queue.length > 0) {
    const url = queue.shift();
    const path = new URL(url).pathname;
    if (seen.has(path)) continue;
    seen.add(path);
    pages.push(url);
    await page.goto(url);
    queue.push(...await internalLinks(page));
  }
  await page.close();
  return pages;
}

test('every page has no WCAG 2.2 A or AA violations', { timeout: 120000 }, async () => {
  const pages = [...await everyPage(), BASE_URL + '/no-such-page'];
  assert.ok(pages.length >= 10, `crawled ${pages.length} pages`);
  const { page } = await newPage(browser.context);
  const found = {};
  for (const url of pages) {
    await page.goto(url);
    const problems = await violations(page);
    if (problems.length) found[new URL(url).pathname] = problems;
  }
  assert.deepEqual(found, {});
  await page.close();
});

test('the locator with results, filters and messages, and the exit warning, have no violations', { timeout: 60000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.goto(BASE_URL + '/find');
  await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
  await page.locator('#locator-q').fill('HD1');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#results-heading').waitFor();
  const found = {};
  found.results = await violations(page);
  await page.locator('#locator-open').check();
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#none-open').waitFor();
  found.nothingOpen = await violations(page);
  await page.locator('#locator-q').fill('<nonsense>');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('.locator-message', { hasText: 'could not read' }).waitFor();
  found.problem = await violations(page);
  await page.goto(BASE_URL + '/');
  await page.keyboard.press('Shift');
  found.exitWarning = await violations(page);
  assert.deepEqual(found, { results: [], nothingOpen: [], problem: [], exitWarning: [] });
  await page.close();
});

test('the HTML of every page is valid', { timeout: 120000 }, async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:standard'],
    rules: {
      // Leptos marks island boundaries with its own elements.
      'no-unknown-elements': 'off',
    },
  });
  const pages = [...await everyPage(), BASE_URL + '/no-such-page'];
  const found = {};
  for (const url of pages) {
    const html = await (await fetch(url)).text();
    const report = await validator.validateString(html);
    if (!report.valid) {
      found[new URL(url).pathname] = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
    }
  }
  assert.deepEqual(found, {});
});
