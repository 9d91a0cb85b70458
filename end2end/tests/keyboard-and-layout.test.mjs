// Keyboard journeys, visible focus, target size, reflow at 320 CSS pixels (the width of
// 400% zoom on a 1280-pixel screen), and the reduced-motion and forced-colours modes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, newPage } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

const PAGES = ['/', '/get-help', '/get-help/helplines', '/staying-safe/leaving-quickly', '/find', '/about/privacy'];

/** Whether the focused element shows a focus indicator (outline or box shadow). */
async function focusVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return outline || shadow || el.id === 'main' || el.id === 'results-heading';
  });
}

test('keyboard only: exit first, skip to the content, then search with the locator', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.goto(BASE_URL + '/find');
  await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /exit/i, 'the exit comes first');
  assert.ok(await focusVisible(page), 'focus is visible on the exit');
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /skip/i, 'then the skip link');
  await page.keyboard.press('Enter');
  // From the main content, Tab reaches the search box, with visible focus throughout.
  let reached = false;
  for (let i = 0; i < 20 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await focusVisible(page), `focus visible at step ${i}: ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}`);
    reached = await page.evaluate(() => document.activeElement.id === 'locator-q');
  }
  assert.ok(reached, 'the search box is reached by Tab');
  await page.keyboard.type('HD1');
  await page.keyboard.press('Enter');
  await page.locator('#results-heading').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-heading', 'focus moves to the results');
  await page.close();
});

test('controls are at least 24 by 24 CSS pixels', { timeout: 60000 }, async () => {
  const { page } = await newPage(browser.context);
  const small = {};
  for (const path of PAGES) {
    await page.goto(BASE_URL + path);
    const found = await page.evaluate(() => [...document.querySelectorAll('button, input, select, .exit-link, .site-nav a, .call-number')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el: el.outerHTML.slice(0, 60), box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ el, box }) => `${el} ${Math.round(box.width)}x${Math.round(box.height)}`));
    if (found.length) small[path] = found;
  }
  assert.deepEqual(small, {});
  await page.close();
});

test('pages reflow at 320 CSS pixels with no sideways scrolling', { timeout: 60000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = {};
  for (const path of PAGES) {
    await page.goto(BASE_URL + path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide[path] = width;
  }
  assert.deepEqual(wide, {});
  await page.close();
});

test('reduced motion turns transitions off; forced colours keep focus visible', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(BASE_URL + '/');
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => {
      const style = getComputedStyle(el);
      return parseFloat(style.transitionDuration) > 0 || style.animationName !== 'none';
    }).length);
  assert.equal(moving, 0, 'no transitions or animations');
  await page.emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'active' });
  await page.goto(BASE_URL + '/');
  await page.keyboard.press('Tab');
  assert.ok(await focusVisible(page), 'focus is visible in forced colours');
  await page.close();
});

test('printing hides the exit and the navigation, and prints where links go', { timeout: 30000 }, async () => {
  const { page } = await newPage(browser.context);
  await page.emulateMedia({ media: 'print' });
  await page.goto(BASE_URL + '/get-help/helplines');
  const printed = await page.evaluate(() => ({
    exit: getComputedStyle(document.querySelector('.exit-bar')).display,
    nav: getComputedStyle(document.querySelector('.site-nav')).display,
    link: [...document.querySelectorAll('.prose a[href^="http"], .prose a[href^="/"]')]
      .map((a) => getComputedStyle(a, '::after').content)
      .find((content) => content && content !== 'none') ?? '',
  }));
  assert.equal(printed.exit, 'none');
  assert.equal(printed.nav, 'none');
  assert.match(printed.link, /\(/, 'the address is printed after the link');
  await page.close();
});
