// Share your story, end to end: a copy of the content with a key made for the test,
// served by the release server with its own SQLite store. With JavaScript off and on,
// a story is sent and received; Back shows an empty form; nothing is stored in the
// browser; and the team's command opens exactly what was written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, newPage } from '../lib/browser.mjs';
import { ROOT, startServer } from '../lib/server.mjs';

const URL = 'http://127.0.0.1:3019';
const SERVER = join(ROOT, 'target', 'release', 'server');
let work;
let server;
const env = () => ({
  ...process.env,
  LEPTOS_OUTPUT_NAME: 'site',
  LEPTOS_SITE_ROOT: 'target/site',
  LEPTOS_SITE_PKG_DIR: 'pkg',
  LEPTOS_SITE_ADDR: '127.0.0.1:3019',
  SITE_CONTENT_DIR: join(work, 'content'),
  SITE_DATA_DIR: join(work, 'data'),
});

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'stories-e2e-'));
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  const made = execFileSync(SERVER, ['stories', 'keygen', '--out', join(work, 'team.key')], { cwd: ROOT }).toString();
  const recipient = made.match(/recipients = \["(age1[a-z0-9]+)"\]/)[1];
  appendFileSync(join(work, 'content', 'site.toml'), `\n[stories]\nrecipients = ["${recipient}"]\nkeep_months = 12\n`);
  server = await startServer(['serve'], {
    address: '127.0.0.1:3019',
    env: { SITE_CONTENT_DIR: join(work, 'content'), SITE_DATA_DIR: join(work, 'data') },
    readyPath: '/share-your-story',
  });
});

after(() => {
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function sendStory(javaScriptEnabled, words) {
  const browser = await openBrowser({ javaScriptEnabled, base: URL });
  try {
    const { page, errors } = await newPage(browser.context);
    await page.goto(URL + '/');
    await page.locator('footer a[href="/share-your-story"]').click();
    await page.locator('#story-told').fill(words);
    await page.locator('#story-helped').fill('Being believed.');
    await page.locator('#story-age').selectOption('25 to 39');
    await page.locator('#story-quote-yes').check();
    assert.equal(await page.locator('#story-website').isVisible(), false, 'the trap field is never shown');
    await page.locator('.story-form button[type="submit"]').click();
    await page.locator('#story-received').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Thank you for telling us');
    await page.goBack();
    await page.locator('#story-told').waitFor();
    assert.equal(await page.locator('#story-told').inputValue(), '', 'Back shows an empty form');
    assert.equal(await page.locator('#story-helped').inputValue(), '');
    assert.deepEqual(await browser.context.cookies(), []);
    if (javaScriptEnabled) {
      const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
      assert.equal(stored, 0);
    }
    assert.deepEqual(browser.offsite, [], 'nothing sent to another origin');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
}

test('with JavaScript off, a story is sent, and Back shows an empty form', { timeout: 30000 }, async () => {
  await sendStory(false, 'Without scripts: the staff at the library let me wait.');
});

test('with JavaScript on, the same', { timeout: 30000 }, async () => {
  await sendStory(true, 'With scripts: a Safe Zone sticker helped me.');
});

test('a missing answer keeps every word in the form', { timeout: 30000 }, async () => {
  const browser = await openBrowser({ base: URL });
  try {
    const { page } = await newPage(browser.context);
    await page.goto(URL + '/share-your-story');
    await page.locator('#story-helped').fill('Only this box.');
    // The first box is required, so the browser asks first; post the form as an old
    // browser would.
    await page.evaluate(() => document.getElementById('story-told').removeAttribute('required'));
    await page.locator('.story-form button[type="submit"]').click();
    await page.locator('#story-problem').waitFor();
    assert.match(await page.locator('#story-problem').textContent(), /Please write something in the first box/);
    assert.equal(await page.locator('#story-helped').inputValue(), 'Only this box.');
  } finally {
    await browser.close();
  }
});

test('the team opens exactly what was written, with its own key', { timeout: 30000 }, async () => {
  const exported = execFileSync(SERVER, ['stories', 'export', '--identity', join(work, 'team.key')], { cwd: ROOT, env: env() }).toString();
  assert.match(exported, /^# Stories\n\n2 stories\./);
  assert.ok(exported.includes('Without scripts: the staff at the library let me wait.'));
  assert.ok(exported.includes('With scripts: a Safe Zone sticker helped me.'));
  assert.ok(exported.includes('Age: 25 to 39'));
});

test('in Urdu, with JavaScript off, the footer leads to the form in Urdu and the story arrives', { timeout: 30000 }, async () => {
  const browser = await openBrowser({ javaScriptEnabled: false, base: URL });
  try {
    const { page } = await newPage(browser.context);
    await page.goto(URL + '/ur');
    await page.locator('footer a[href="/ur/share-your-story"]').click();
    await page.waitForURL(URL + '/ur/share-your-story');
    assert.equal(await page.getAttribute('html', 'lang'), 'ur');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const send = await page.locator('.story-form button[type="submit"]').textContent();
    assert.notEqual(send, 'Send your story', 'the button is in Urdu');
    await page.locator('#story-told').fill('In Urdu: the pharmacy staff helped me.');
    await page.locator('.story-form button[type="submit"]').click();
    await page.locator('#story-received').waitFor();
    assert.equal(page.url(), URL + '/ur/share-your-story', 'answered on the same page');
    assert.notEqual(await page.locator('h1').textContent(), 'Thank you for telling us');
    assert.equal(await page.getAttribute('html', 'lang'), 'ur');
    assert.deepEqual(browser.offsite, [], 'nothing sent to another origin');
  } finally {
    await browser.close();
  }
  const exported = execFileSync(SERVER, ['stories', 'export', '--identity', join(work, 'team.key')], { cwd: ROOT, env: env() }).toString();
  assert.ok(exported.includes('In Urdu: the pharmacy staff helped me.'));
});
