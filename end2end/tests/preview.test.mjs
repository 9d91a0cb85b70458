// The editors' preview: `server preview` on a copy of the content. A broken edit
// shows an error box on the page being viewed (the page reloads by itself), and the
// box goes once the edit is fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBrowser, newPage } from '../lib/browser.mjs';
import { ROOT, startServer } from '../lib/server.mjs';

const ADDRESS = '127.0.0.1:3017';
const PREVIEW_URL = `http://${ADDRESS}`;
const PAGE = 'pages/staying-safe/leaving-quickly.md';

let server;
let content;
let browser;

before(async () => {
  content = join(mkdtempSync(join(tmpdir(), 'preview-content-')), 'content');
  cpSync(process.env.SITE_CONTENT_DIR ?? join(ROOT, 'content'), content, { recursive: true });
  server = await startServer(['preview', '--content', content], { address: ADDRESS });
  browser = await openBrowser({ base: PREVIEW_URL });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (content) rmSync(resolve(content, '..'), { recursive: true, force: true });
});

test('a broken edit shows an error box in the preview, and fixing it clears the box', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(PREVIEW_URL + '/staying-safe/leaving-quickly');
  assert.equal(await page.locator('#preview-errors').count(), 0, 'no box while the content is good');

  const file = join(content, PAGE);
  const good = readFileSync(file, 'utf8');
  assert.match(good, /^owner = .*$/m);
  writeFileSync(file, good.replace(/^owner = .*\n/m, ''));
  await page.locator('#preview-errors').waitFor({ timeout: 15000 });
  const box = await page.locator('#preview-errors').textContent();
  assert.match(box, /leaving-quickly\.md:1: owner: is missing\./);
  assert.match(box, /How to fix/);
  assert.match(await page.locator('h1').textContent(), /leav/i, 'the last good page is still shown');

  writeFileSync(file, good);
  await page.locator('#preview-errors').waitFor({ state: 'detached', timeout: 15000 });
  assert.deepEqual(errors, [], 'no console errors or CSP violations in the preview');
  await page.close();
});
