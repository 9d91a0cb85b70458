// The foundation in a real browser: pages render, the locator's island hydrates, nothing is
// requested from another origin, nothing is stored, and the exit link works on every
// page, with or without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, newPage, internalLinks } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

test('the home page chooser works with HTML alone: a tap opens an answer with a number, and no bundle loads', { timeout: 30000 }, async () => {
  for (const javaScriptEnabled of [true, false]) {
    const own = javaScriptEnabled ? browser : await openBrowser({ javaScriptEnabled: false });
    try {
      const { page, errors } = await newPage(own.context);
      const bundle = [];
      page.on('request', (r) => { if (/\/pkg\/.*\.(js|wasm)$/.test(r.url())) bundle.push(r.url()); });
      const response = await page.goto(BASE_URL + '/');
      assert.equal(response.status(), 200);
      assert.ok((await page.locator('h1').textContent()).length > 0);
      assert.ok(await page.locator('details.chooser-option').count() > 1, 'several choices');
      const first = page.locator('details.chooser-option').first();
      assert.equal(await first.getAttribute('open'), null, 'answers start closed');
      assert.equal(await first.locator('a[href^="tel:"]').first().isVisible(), false);
      await first.locator('summary').click();
      assert.equal(await first.getAttribute('open'), '', 'a tap opens the answer');
      assert.ok(await first.locator('a[href^="tel:"]').first().isVisible(), 'a number to tap');
      assert.equal(new URL(page.url()).hash, '', 'no history entry for the choice');
      await page.waitForLoadState('networkidle');
      assert.deepEqual(bundle, [], 'no script bundle or WASM on the home page');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      if (!javaScriptEnabled) await own.close();
    }
  }
});

test('every page reached from the home page renders with the exit link, no console errors and no CSP violations', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(BASE_URL + '/');
  const exitHref = await page.locator('.exit-link').getAttribute('href');
  assert.match(exitHref, /^https:\/\//);
  const queue = await internalLinks(page);
  const seen = new Set([BASE_URL + '/']);
  let contentPages = 0;
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    assert.equal(response.status(), 200, url);
    assert.equal(await page.locator('h1').count(), 1, `${url} has one h1`);
    const exit = page.locator('.exit-link');
    assert.equal(await exit.getAttribute('href'), exitHref, `${url} exit link`);
    assert.match(await exit.getAttribute('rel'), /noreferrer/);
    if (await page.locator('article .prose').count()) contentPages += 1;
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `${url} CSP`);
    for (const link of await internalLinks(page)) if (!seen.has(link)) queue.push(link);
  }
  assert.ok(contentPages >= 3, `crawled ${seen.size} pages, ${contentPages} content pages`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing is requested from another origin and nothing is stored', { timeout: 30000 }, async () => {
  assert.ok(browser.requests.length > 5, 'the earlier tests made requests');
  assert.deepEqual(browser.offsite, [], 'requests to other origins');
  assert.deepEqual(await browser.context.cookies(), []);
  const { page } = await newPage(browser.context);
  await page.goto(BASE_URL + '/find');
  await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    manifest: document.querySelectorAll('link[rel="manifest"]').length,
    hints: document.querySelectorAll('link[rel="preconnect"], link[rel="dns-prefetch"], link[rel="prefetch"], link[rel="prerender"]').length,
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0, databases: 0, caches: 0, workers: 0, manifest: 0, hints: 0 });
  await page.close();
});

test('a missing page gets a calm 404 with the help numbers', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  const response = await page.goto(BASE_URL + '/no-such-page');
  assert.equal(response.status(), 404);
  assert.match(await page.locator('h1').textContent(), /cannot find/);
  assert.ok(await page.locator('main a[href="tel:999"]').count() === 1);
  await page.close();
});

test('with JavaScript off, the exit link is the first control and leaves the site', { timeout: 30000 }, async () => {
  const noJs = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = await newPage(noJs.context);
    await page.goto(BASE_URL + '/get-help');
    const exitHref = await page.locator('.exit-link').getAttribute('href');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ href: document.activeElement.href, text: document.activeElement.textContent }));
    assert.equal(first.href, exitHref);
    assert.match(first.text, /Exit this page/);
    await Promise.all([page.waitForURL(exitHref), page.locator('.exit-link').click()]);
    assert.equal(await page.locator('h1').textContent(), 'Neutral page');
    assert.deepEqual(noJs.offsite.map((r) => r.url), [exitHref]);
    assert.ok(noJs.offsite[0].navigation, 'a navigation, never a subresource');
  } finally {
    await noJs.close();
  }
});

test('pages without an island never request WASM or the island loader', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  for (const path of ['/get-help', '/staying-safe/leaving-quickly', '/about/privacy', '/no-such-page']) {
    await page.goto(BASE_URL + path);
    await page.waitForLoadState('load');
  }
  assert.deepEqual(fetched.filter((p) => p.endsWith('.wasm') || p.endsWith('.js')), []);
  await page.close();
});
