// The first screen on a phone: before any scroll, the home page and each language's home
// show 999 (with 55), the 24-hour line to tap, the way to find a Safe Zone, and the exit,
// each in its own words; other pages show their heading and first paragraph. The sections fold behind a Menu button that needs no
// script, and are a plain list on a wide screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, newPage } from '../lib/browser.mjs';

const PHONES = [{ width: 360, height: 640 }, { width: 390, height: 844 }];

let withJs;
let withoutJs;
before(async () => {
  withJs = await openBrowser();
  withoutJs = await openBrowser({ javaScriptEnabled: false });
});
after(async () => {
  await withJs?.close();
  await withoutJs?.close();
});

/** Whether the whole of the element is inside the viewport, with no scrolling, and not
 * under the exit bar where a small screen fixes it to the bottom. */
async function onFirstScreen(page, selector) {
  const box = await page.locator(selector).first().boundingBox();
  const { height, width } = page.viewportSize();
  const bottom = await page.locator(selector).first().evaluate((element, height) => {
    const bar = document.querySelector('.exit-bar');
    const fixed = bar && !bar.contains(element) && getComputedStyle(bar).position === 'fixed';
    return fixed ? Math.min(height, bar.getBoundingClientRect().top) : height;
  }, height);
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= bottom && box.x + box.width <= width;
}

for (const [name, browser] of [['with JavaScript', () => withJs], ['without JavaScript', () => withoutJs]]) {
  test(`every language's home page's first screen holds help and the exit, ${name}`, { timeout: 45000 }, async () => {
    const { page } = await newPage(browser().context);
    for (const size of PHONES) {
      await page.setViewportSize(size);
      for (const home of ['/', '/ur', '/pl', '/ar', '/pa']) {
        await page.goto(BASE_URL + home);
        for (const selector of ['.urgent a[href="tel:999"]', '.urgent a[href="tel:08082000247"]', '.urgent-find', '#exit-link']) {
          assert.ok(await onFirstScreen(page, selector), `${home}: ${selector} at ${size.width} x ${size.height}`);
        }
        assert.match(await page.locator('.urgent-note').textContent(), /\b55\b/, `${home}: 55`);
        assert.equal(await page.evaluate(() => window.scrollY), 0);
      }
    }
    await page.close();
  });

  test(`other pages show their heading and first paragraph first, ${name}`, { timeout: 30000 }, async () => {
    const { page } = await newPage(browser().context);
    for (const size of PHONES) {
      await page.setViewportSize(size);
      for (const path of ['/get-help/helplines', '/find', '/get-help']) {
        await page.goto(BASE_URL + path);
        assert.ok(await onFirstScreen(page, 'h1'), `${path} heading at ${size.width}`);
        assert.ok(await onFirstScreen(page, 'main p.lead'), `${path} first paragraph at ${size.width}`);
      }
    }
    await page.close();
  });
}

test('on a phone the sections fold behind a Menu button that works without JavaScript', { timeout: 30000 }, async () => {
  const { page } = await newPage(withoutJs.context);
  await page.setViewportSize(PHONES[0]);
  await page.goto(BASE_URL + '/get-help/helplines');
  const menu = page.locator('details.site-menu');
  assert.equal(await menu.getAttribute('open'), null, 'folded');
  assert.equal(await page.locator('.site-nav a[href="/schools"]').isVisible(), false);
  await page.locator('.site-menu-button').click();
  assert.equal(await menu.getAttribute('open'), '');
  assert.ok(await page.locator('.site-nav a[href="/schools"]').isVisible(), 'the sections, after one tap');
  await page.close();
});

test('the Menu button is a control for the keyboard, and gone on a wide screen', { timeout: 30000 }, async () => {
  const { page } = await newPage(withJs.context);
  await page.setViewportSize(PHONES[1]);
  await page.goto(BASE_URL + '/get-help/helplines');
  const button = page.locator('.site-menu-button');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details.site-menu').getAttribute('open'), '', 'Enter opens it');
  const size = await button.boundingBox();
  assert.ok(size.width >= 24 && size.height >= 24, 'a big enough target');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(BASE_URL + '/get-help/helplines');
  assert.equal(await button.isVisible(), false, 'no button on a wide screen');
  assert.ok(await page.locator('.site-nav a[href="/schools"]').isVisible(), 'a plain list of sections');
  await page.close();
});

test('forced colours keep the first-screen buttons and the Menu button outlined', { timeout: 30000 }, async () => {
  const { page } = await newPage(withJs.context);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.setViewportSize(PHONES[0]);
  await page.goto(BASE_URL + '/');
  for (const selector of ['.urgent-call', '.site-menu-button']) {
    const border = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).borderTopStyle);
    assert.equal(border, 'solid', selector);
  }
  await page.close();
});
