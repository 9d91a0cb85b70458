// Schools: a teacher finds a KS4 lesson in two clicks, links to a heading, and prints
// the lesson, a poster and a pocket card cleanly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, newPage } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

test('a teacher reaches a KS4 lesson from the home page in two clicks', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(BASE_URL + '/');
  await page.click('.site-nav a[href="/schools"]');
  await page.waitForURL(BASE_URL + '/schools');
  const firstKs4 = page.locator('h3#ks4 + ul a').first();
  assert.match(await firstKs4.textContent(), /Lesson/);
  await firstKs4.click();
  await page.waitForURL(/\/schools\/lesson-ks4-/);
  assert.equal(await page.locator('.resource-facts dd').first().textContent(), 'KS4');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link to a heading of a lesson lands on that heading', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(BASE_URL + '/schools/lesson-ks4-coercive-control#safeguarding-notes');
  const box = await page.locator('#safeguarding-notes').boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 667 / 2, `the heading is at the top of the screen (y=${box?.y})`);
  await page.close();
});

test('a printed lesson has no exit button or navigation, and prints its links', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.emulateMedia({ media: 'print' });
  await page.goto(BASE_URL + '/schools/lesson-ks3-healthy-relationships');
  const printed = await page.evaluate(() => ({
    exit: getComputedStyle(document.querySelector('.exit-bar')).display,
    nav: getComputedStyle(document.querySelector('.site-nav')).display,
    handout: getComputedStyle(document.querySelector('.prose a[href="/schools/is-my-relationship-healthy"]'), '::after').content,
  }));
  assert.equal(printed.exit, 'none');
  assert.equal(printed.nav, 'none');
  assert.match(printed.handout, /\/schools\/is-my-relationship-healthy/);
  await page.close();
});

test('a printed poster is the poster alone, with a large QR code', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.emulateMedia({ media: 'print' });
  await page.goto(BASE_URL + '/about/safezone-poster');
  const printed = await page.evaluate(() => ({
    header: getComputedStyle(document.querySelector('.site-header')).display,
    footer: getComputedStyle(document.querySelector('.site-footer')).display,
    lead: getComputedStyle(document.querySelector('.lead')).display,
    qr: document.querySelector('.qr-code').getBoundingClientRect().width,
    caption: document.querySelector('.qr figcaption').textContent,
  }));
  assert.equal(printed.header, 'none');
  assert.equal(printed.footer, 'none');
  assert.equal(printed.lead, 'none', 'the note for whoever prints it is not on the poster');
  assert.ok(printed.qr > 200, `the code is large enough to scan across a room (${printed.qr}px)`);
  assert.match(printed.caption, /\/get-help\/safezones/);
  await page.close();
});

test('a printed pocket card is only the card, wallet-sized', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.emulateMedia({ media: 'print' });
  await page.goto(BASE_URL + '/about/pocket-card');
  const printed = await page.evaluate(() => ({
    title: getComputedStyle(document.querySelector('h1')).display,
    width: document.querySelector('.pocket-card .prose').getBoundingClientRect().width,
    text: document.querySelector('.pocket-card .prose').textContent,
  }));
  assert.equal(printed.title, 'none', 'the title (which names the site) is not on the card');
  // 85 mm is about 321 CSS pixels.
  assert.ok(Math.abs(printed.width - 321) < 4, `card width ${printed.width}px`);
  assert.doesNotMatch(printed.text, /abuse/i);
  await page.close();
});
