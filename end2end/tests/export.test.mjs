// The static export served by a plain static file server (Python's http.server): the
// pages, the exit, and the locator searching on the device all work with no server
// of ours; without JavaScript the locator page says why it cannot search and lists
// every place instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBrowser, newPage, internalLinks } from '../lib/browser.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const STATIC_URL = 'http://127.0.0.1:3018';
let out;
let host;
let browser;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'site-export-'));
  execFileSync(join(ROOT, 'target', 'release', 'server'),
    ['export', out, '--content', process.env.SITE_CONTENT_DIR ?? join(ROOT, 'content')], {
      cwd: ROOT,
      env: { ...process.env, LEPTOS_OUTPUT_NAME: 'site', LEPTOS_SITE_ROOT: 'target/site', LEPTOS_SITE_PKG_DIR: 'pkg' },
      stdio: 'ignore',
    });
  host = spawn('python3', ['-m', 'http.server', '3018', '--bind', '127.0.0.1', '--directory', out], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(STATIC_URL + '/')).ok) break;
    } catch { /* not up yet */ }
    await new Promise((done) => setTimeout(done, 100));
  }
  browser = await openBrowser({ base: STATIC_URL });
});

after(async () => {
  await browser?.close();
  host?.kill();
  if (out) rmSync(out, { recursive: true, force: true });
});

test('the exported pages work from a plain static host, with the exit and no errors', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(STATIC_URL + '/');
  assert.ok(await page.locator('details.chooser-option').count() > 1, 'the chooser, in HTML alone');
  assert.match(await page.locator('#exit-link').getAttribute('href'), /^https:/, 'the exit link is there');
  const links = (await internalLinks(page)).slice(0, 8);
  assert.ok(links.length >= 5);
  for (const link of links) {
    const response = await page.goto(link);
    assert.equal(response.status(), 200, link);
    assert.ok(await page.locator('h1').count() === 1, link);
  }
  assert.deepEqual(errors, [], 'no console errors or CSP violations');
  assert.deepEqual(browser.offsite, [], 'nothing from another origin');
  await page.close();
});

test('the exported locator searches on the device', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(STATIC_URL + '/find/');
  await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
  const sent = [];
  page.on('request', (r) => sent.push(r.url()));
  await page.locator('#locator-q').fill('HD1');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#results-heading', { hasText: 'HD1' }).waitFor();
  assert.ok(await page.locator('.result').count() >= 5);
  assert.deepEqual(sent, [], 'no request after the search');
  assert.equal(await page.locator('#static-note').isVisible(), false, 'the no-JS note stays hidden with JavaScript');
  assert.deepEqual(errors, []);
  await page.close();
});

test('without JavaScript the exported locator explains itself and lists every place', { timeout: 30000 }, async () => {
  const noJs = await openBrowser({ javaScriptEnabled: false, base: STATIC_URL });
  try {
    const { page } = await newPage(noJs.context);
    await page.goto(STATIC_URL + '/find/');
    assert.match(await page.locator('#static-note').textContent(), /needs JavaScript on this copy of the site/);
    assert.ok(await page.locator('.unplaced-list li').count() >= 40, 'every Safezone is listed');
  } finally {
    await noJs.close();
  }
});
