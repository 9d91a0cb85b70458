// Quick exit in a real browser: the button, both keyboard shortcuts, the history it
// leaves behind, the back/forward cache, screen-reader announcements and print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, newPage } from '../lib/browser.mjs';

let browser;
let exitUrl;
before(async () => {
  browser = await openBrowser();
  const { page } = await newPage(browser.context);
  await page.goto(BASE_URL + '/');
  exitUrl = await page.locator('.exit-link').getAttribute('href');
  await page.close();
});
after(async () => { await browser?.close(); });

const onSite = (url) => url.startsWith(BASE_URL);

/**
 * Answers the exit destination with 204 No Content, so the browser abandons the
 * navigation and the page that started it can be inspected. Returns the URLs asked for.
 */
async function keepPageWhenLeaving(page) {
  const asked = [];
  await page.route((url) => !onSite(url.href), async (route) => {
    asked.push(route.request().url());
    await route.fulfill({ status: 204 });
  });
  return asked;
}

async function pageOn(path) {
  const { page, errors } = await newPage(browser.context);
  await page.goto(BASE_URL + path);
  return { page, errors };
}

test('tapping exit blanks the page and its title at once, then replaces it', { timeout: 30000 }, async () => {
  const { page, errors } = await pageOn('/get-help');
  const asked = await keepPageWhenLeaving(page);
  await page.locator('.exit-link').click();
  await page.waitForFunction(() => document.title === '');
  const state = await page.evaluate(() => ({ display: document.documentElement.style.display, title: document.title }));
  assert.deepEqual(state, { display: 'none', title: '' });
  assert.deepEqual(asked, [exitUrl]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Shift pressed three times exits, announcing each press', { timeout: 30000 }, async () => {
  const { page } = await pageOn('/get-help');
  await page.keyboard.press('Shift');
  assert.equal(await page.locator('#exit-status').textContent(), 'Press Shift 2 more times to exit this page');
  await page.keyboard.press('Shift');
  assert.equal(await page.locator('#exit-status').textContent(), 'Press Shift 1 more time to exit this page');
  await Promise.all([page.waitForURL(exitUrl), page.keyboard.press('Shift')]);
  await page.close();
});

test('Escape pressed twice exits', { timeout: 30000 }, async () => {
  const { page } = await pageOn('/');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#exit-status').textContent(), 'Press Escape 1 more time to exit this page');
  await Promise.all([page.waitForURL(exitUrl), page.keyboard.press('Escape')]);
  await page.close();
});

test('presses too far apart do not exit', { timeout: 30000 }, async () => {
  const { page } = await pageOn('/get-help');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(2200);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#exit-status').textContent(), 'Press Escape 1 more time to exit this page');
  assert.ok(onSite(page.url()));
  await page.close();
});

test('typing in a field never triggers the shortcuts', { timeout: 30000 }, async () => {
  const { page } = await pageOn('/get-help');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'typing';
    document.querySelector('main').append(input);
  });
  await page.locator('#typing').focus();
  for (const key of ['Shift', 'Shift', 'Shift', 'Escape', 'Escape']) await page.keyboard.press(key);
  await page.keyboard.type('HD1 Help');
  await page.waitForTimeout(300);
  assert.ok(onSite(page.url()), page.url());
  assert.equal(await page.locator('#typing').inputValue(), 'HD1 Help');
  await page.close();
});

test('a whole visit is one history entry: after exit, Back lands on the page before the site', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.goto('about:blank');
  await page.goto(BASE_URL + '/');
  const visited = [];
  for (let i = 0; i < 5; i += 1) {
    const links = await page.$$eval('main a[href^="/"], nav a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')));
    const next = links.find((href) => href !== new URL(page.url()).pathname && !visited.includes(href));
    assert.ok(next, 'an internal link to follow');
    visited.push(next);
    await Promise.all([page.waitForURL(BASE_URL + next), page.locator(`a[href="${next}"]`).first().click()]);
  }
  assert.equal(await page.evaluate(() => history.length), 2, 'about:blank plus one entry for the whole visit');
  await Promise.all([page.waitForURL(exitUrl), page.locator('.exit-link').click()]);
  await page.goBack();
  assert.equal(page.url(), 'about:blank');
  await page.close();
});

test('a page restored from the back/forward cache after exit stays blank and leaves again', { timeout: 30000 }, async () => {
  const { page } = await pageOn('/get-help');
  const asked = await keepPageWhenLeaving(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.title === '');
  // As if the browser restored the page from the back/forward cache.
  const display = await page.evaluate(() => {
    document.documentElement.style.display = '';
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    return document.documentElement.style.display;
  });
  assert.equal(display, 'none');
  for (let i = 0; i < 50 && asked.length < 2; i += 1) await page.waitForTimeout(100);
  assert.deepEqual(asked, [exitUrl, exitUrl], 'it leaves again');
  await page.close();
});

test('the exit is the first thing the keyboard reaches, and its explainer sits beside it', { timeout: 30000 }, async () => {
  const { page } = await pageOn('/understanding-abuse');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ href: document.activeElement.href, exit: document.activeElement.hasAttribute('data-exit') }));
  assert.deepEqual(first, { href: exitUrl, exit: true });
  assert.ok(await page.locator('.exit-link').isVisible());
  const help = page.locator('.exit-bar .exit-help');
  assert.ok(await help.isVisible());
  const helpPath = await help.getAttribute('href');
  const response = await page.goto(BASE_URL + helpPath);
  assert.equal(response.status(), 200);
  const text = await page.locator('main').textContent();
  assert.match(text, /history/i, 'the explainer is honest about history');
  await page.close();
});

test('the exit bar does not cover content on a phone, and is not printed', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(BASE_URL + '/get-help');
  const bar = await page.locator('.exit-bar').boundingBox();
  assert.ok(bar.y + bar.height <= 640 && bar.y > 320, 'at the bottom of the screen, within thumb reach');
  // Scrolled to the end, the footer's last line is above the bar, not under it.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const last = await page.locator('.footer-note').boundingBox();
  const barNow = await page.locator('.exit-bar').boundingBox();
  assert.ok(last.y + last.height <= barNow.y + 1, 'content ends above the bar');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.exit-bar').isVisible(), false);
  assert.equal(await page.locator('.exit-twin').isVisible(), false);
  await page.close();
});
