// The editing desk in `server preview`, on a copy of the content: break a page and see
// the check's message beside the line, fix it, save, and see the page change; the same
// without JavaScript through the Preview and Save buttons; add a Safe Zone with the
// form and find it in the locator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBrowser, newPage } from '../lib/browser.mjs';
import { ROOT, startServer } from '../lib/server.mjs';

const ADDRESS = '127.0.0.1:3024';
const URL = `http://${ADDRESS}`;
const PAGE = 'pages/staying-safe/leaving-quickly.md';

let server;
let content;

before(async () => {
  content = join(mkdtempSync(join(tmpdir(), 'desk-content-')), 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  server = await startServer(['preview', '--content', content], { address: ADDRESS, readyPath: '/_desk' });
});

after(() => {
  server?.kill();
  if (content) rmSync(resolve(content, '..'), { recursive: true, force: true });
});

/** Waits until `check` passes, reloading `page` between tries (the preview reloads content every 500 ms). */
async function eventually(page, url, check) {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.goto(url);
    if (await check()) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

test('with JavaScript, the preview follows typing, the message sits by its line, and a save changes the page', async () => {
  const browser = await openBrowser({ base: URL });
  try {
    const { page, errors } = await newPage(browser.context);
    await page.goto(URL + '/_desk');
    await page.locator(`a[href="/_desk/edit?file=${PAGE}"]`).first().click();
    const original = await page.locator('#desk-text').inputValue();
    const lines = original.split('\n');
    const orderLine = lines.findIndex((line) => line.startsWith('order = ')) + 1;
    const broken = original.replace(/^order = .*$/m, 'order = "first"');
    await page.locator('#desk-text').fill(broken);
    const message = page.locator('#desk-messages li.desk-error').first();
    await message.waitFor({ timeout: 10000 });
    assert.match(await message.textContent(), new RegExp(`^Line ${orderLine}order = "first"`));
    await page.locator('#desk-text').fill(original.replace('## ', '## Desk edit: '));
    await page.locator('#desk-messages .desk-ok').waitFor({ timeout: 10000 });
    assert.match(await page.locator('#desk-preview').textContent(), /Desk edit: /, 'the preview follows the text');
    await page.locator('button[value="save"]').click();
    await page.locator('#desk-notice.desk-ok').waitFor();
    assert.match(readFileSync(join(content, PAGE), 'utf8'), /## Desk edit: /);
    const changed = await eventually(page, URL + '/staying-safe/leaving-quickly',
      async () => /Desk edit: /.test(await page.locator('main').textContent()));
    assert.ok(changed, 'the site shows the saved page');
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(browser.offsite, []);
  } finally {
    await browser.close();
  }
});

test('without JavaScript, Preview shows the problem and Save refuses a broken page, keeping the text', async () => {
  const browser = await openBrowser({ javaScriptEnabled: false, base: URL });
  try {
    const { page } = await newPage(browser.context);
    await page.goto(`${URL}/_desk/edit?file=${PAGE}`);
    const original = await page.locator('#desk-text').inputValue();
    const broken = original.replace(/^order = .*$/m, 'order = "soon"');
    await page.locator('#desk-text').fill(broken);
    await page.locator('button[value="preview"]').click();
    assert.match(await page.locator('#desk-messages').textContent(), /Line \d+order = "soon"/);
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.locator('button[value="save"]').click();
    assert.equal((await response).status(), 422);
    assert.match(await page.locator('#desk-notice').textContent(), /Not saved yet/);
    assert.equal(await page.locator('#desk-text').inputValue(), broken, 'nothing typed is lost');
    assert.doesNotMatch(readFileSync(join(content, PAGE), 'utf8'), /order = "soon"/);
  } finally {
    await browser.close();
  }
});

test('a Safe Zone added with the form is found by the locator', async () => {
  const browser = await openBrowser({ javaScriptEnabled: false, base: URL });
  try {
    const { page } = await newPage(browser.context);
    await page.goto(URL + '/_desk');
    await page.locator('a[href="/_desk/safezone"]').first().click();
    await page.locator('#field-name').fill('Desk Test Pharmacy');
    await page.locator('#field-group').fill('Holmfirth');
    await page.locator('#field-postcode').fill('HD9 3ZZ');
    await page.locator('#field-last_verified').fill('2026-11-30');
    await page.locator('#field-source').fill('Browser test: not a real place');
    await page.locator('#desk-safezone button[type="submit"]').click();
    assert.match(await page.locator('.desk-field.desk-error').first().textContent(), /postcode/, 'a postcode not in the table is refused beside its field');
    assert.equal(await page.locator('#field-name').inputValue(), 'Desk Test Pharmacy');
    await page.locator('#field-postcode').fill('HD9 3HB');
    await page.locator('#desk-safezone button[type="submit"]').click();
    await page.locator('#safezones').waitFor();
    assert.match(await page.locator('#desk-safezones').textContent(), /Desk Test Pharmacy/);
    const found = await eventually(page, URL + '/find', async () => {
      await page.locator('#locator-q').fill('HD9');
      await page.locator('.locator-form button[type="submit"]').click();
      return /Desk Test Pharmacy/.test(await page.locator('.result-list').first().textContent());
    });
    assert.ok(found, 'the locator lists the new Safe Zone');
  } finally {
    await browser.close();
  }
});
