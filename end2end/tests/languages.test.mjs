// Languages: a switcher of plain links that works without JavaScript and stores
// nothing, and right-to-left pages laid out right to left (checked on a screenshot's
// layout: boxes, not pixels).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, openBrowser, newPage } from '../lib/browser.mjs';

const opened = [];
after(async () => { for (const b of opened) await b.close(); });

test('without JavaScript, the switcher opens the Urdu page and nothing is stored', { timeout: 30000 }, async () => {
  const browser = await openBrowser({ javaScriptEnabled: false });
  opened.push(browser);
  const { page } = await newPage(browser.context);
  await page.goto(BASE_URL + '/get-help/get-help-now');
  await page.click('.language-switcher a[lang="ur"]');
  await page.waitForURL(BASE_URL + '/ur/get-help/get-help-now');
  assert.equal(await page.getAttribute('html', 'lang'), 'ur');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  // Back to English from the translation, by the link in the switcher.
  await page.click('.language-switcher a[hreflang="en-GB"]');
  await page.waitForURL(BASE_URL + '/get-help/get-help-now');
  assert.deepEqual(await browser.context.cookies(), [], 'no cookie remembers the language');
  await page.close();
});

for (const [code, name] of [['ur', 'Urdu'], ['ar', 'Arabic']]) for (const width of [375, 1280]) {
  test(`an ${name} page is laid out right to left at ${width}px`, { timeout: 30000 }, async () => {
    const browser = await openBrowser();
    opened.push(browser);
    const { page, errors } = await newPage(browser.context);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${BASE_URL}/${code}/get-help/get-help-now`);
    const shot = join(mkdtempSync(join(tmpdir(), 'rtl-')), `${code}-${width}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const layout = await page.evaluate(() => {
      const main = document.querySelector('main').getBoundingClientRect();
      const h1 = document.querySelector('h1');
      const range = document.createRange();
      range.selectNodeContents(h1);
      const words = range.getBoundingClientRect();
      const list = document.querySelector('.prose ul');
      const listStyle = getComputedStyle(list);
      const item = list.querySelector('li').getBoundingClientRect();
      const note = getComputedStyle(document.querySelector('.translation-note'));
      return {
        direction: getComputedStyle(document.body).direction,
        mainLeft: main.left, mainRight: main.right,
        wordsLeft: words.left, wordsRight: words.right,
        listStart: parseFloat(listStyle.paddingRight), listEnd: parseFloat(listStyle.paddingLeft),
        itemRight: item.right, listRight: list.getBoundingClientRect().right,
        noteBorderRight: parseFloat(note.borderRightWidth), noteBorderLeft: parseFloat(note.borderLeftWidth),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    assert.equal(layout.direction, 'rtl');
    // The heading's words start at the right-hand edge of the content.
    assert.ok(layout.mainRight - layout.wordsRight < 40, `heading hugs the right: ${JSON.stringify(layout)}`);
    // Lists are indented from the right, and the note's bar is on the right.
    assert.ok(layout.listStart > 0 && layout.listEnd === 0, `list indented from the right: ${JSON.stringify(layout)}`);
    assert.ok(layout.itemRight < layout.listRight, 'list items sit inside the right indent');
    assert.ok(layout.noteBorderRight > 0 && layout.noteBorderLeft === 0, 'the note bar is at the start (right)');
    assert.ok(layout.overflow <= 0, `no sideways scrolling (${layout.overflow}px)`);
    // A phone number's groups read left to right, as they are dialled.
    const groups = await page.evaluate(() => {
      const link = [...document.querySelectorAll('main a[href^="tel:"]')].find((a) => a.textContent.trim().includes(' '));
      const text = link.firstChild;
      const words = text.textContent.trim().split(' ');
      const start = text.textContent.indexOf(words[0]);
      const end = text.textContent.lastIndexOf(words[words.length - 1]);
      const box = (from, to) => { const r = document.createRange(); r.setStart(text, from); r.setEnd(text, to); return r.getBoundingClientRect().left; };
      return { number: link.textContent, first: box(start, start + words[0].length), last: box(end, end + words[words.length - 1].length) };
    });
    assert.ok(groups.first < groups.last, `"${groups.number}" is shown in dialling order: ${JSON.stringify(groups)}`);
    // The exit button is whole and on screen.
    const exit = await page.locator('#exit-link').boundingBox();
    assert.ok(exit && exit.x >= 0 && exit.x + exit.width <= width && exit.y >= 0, 'exit button on screen');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

// The urgent journey in each language, with JavaScript off: the language's home, "get
// help now", the 999 page, and the site's name back to the language's home, every page
// in the language.
for (const code of ['ur', 'pl', 'ar', 'pa']) {
  test(`without JavaScript, the urgent journey stays in ${code}`, { timeout: 30000 }, async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    opened.push(browser);
    const { page } = await newPage(browser.context);
    const lang = async () => page.getAttribute('html', 'lang');
    await page.goto(`${BASE_URL}/${code}`);
    assert.equal(await lang(), code);
    await page.locator(`main a[href="/${code}/get-help/get-help-now"]`).first().click();
    await page.waitForURL(`${BASE_URL}/${code}/get-help/get-help-now`);
    assert.equal(await lang(), code);
    await page.locator(`main a[href="/${code}/get-help/calling-999"]`).first().click();
    await page.waitForURL(`${BASE_URL}/${code}/get-help/calling-999`);
    assert.equal(await lang(), code);
    assert.ok(await page.locator('main a[href="tel:999"]').count() > 0, 'the 999 page has 999 to tap');
    assert.ok(await page.locator('#if-english-is-not-your-first-language').count() === 1, 'it says how to get an interpreter');
    await page.locator('a.site-name').click();
    await page.waitForURL(`${BASE_URL}/${code}`);
    assert.equal(await lang(), code);
  });

  test(`without JavaScript, the chooser on the ${code} home answers in ${code}`, { timeout: 30000 }, async () => {
    const browser = await openBrowser({ javaScriptEnabled: false });
    opened.push(browser);
    const { page } = await newPage(browser.context);
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`${BASE_URL}/${code}`);
    const danger = page.locator('#help-danger');
    const call = danger.locator('.chooser-panel a[href="tel:999"]');
    assert.equal(await call.isVisible(), false, 'closed until tapped');
    await danger.locator('summary').click();
    assert.ok(await call.isVisible(), 'one tap shows 999 to call');
    const heading = await danger.locator('.chooser-panel h3').textContent();
    assert.doesNotMatch(heading, /Call 999 now/, 'the answer is in the language');
    await danger.locator(`.chooser-panel a[href="/${code}/get-help/calling-999"]`).click();
    await page.waitForURL(`${BASE_URL}/${code}/get-help/calling-999`);
    assert.equal(await page.getAttribute('html', 'lang'), code);
  });
}

// The nearest Safe Zone in each language: without JavaScript the form posts to the
// locator in the language and the answer comes back in it; with JavaScript the island
// answers on the device in the same words as the server, sending nothing.
for (const code of ['ur', 'pl', 'ar', 'pa']) {
  test(`the locator answers in ${code}, with and without JavaScript, in the same words`, { timeout: 45000 }, async () => {
    const noScript = await openBrowser({ javaScriptEnabled: false });
    opened.push(noScript);
    const { page: plain } = await newPage(noScript.context);
    await plain.goto(`${BASE_URL}/${code}/get-help/get-help-now`);
    await plain.locator(`main a[href="/${code}/find"]`).first().click();
    await plain.waitForURL(`${BASE_URL}/${code}/find`);
    assert.equal(await plain.getAttribute('html', 'lang'), code);
    await plain.locator('#locator-q').fill('HD1');
    await plain.locator('.locator-form button[type="submit"]').click();
    await plain.locator('#results-heading').waitFor();
    assert.equal(plain.url(), `${BASE_URL}/${code}/find`, 'answered on the same address');
    assert.equal(await plain.getAttribute('html', 'lang'), code);
    const served = await plain.locator('#results-heading').textContent();
    assert.ok(!served.startsWith('Nearest'), `the heading is in ${code}: ${served}`);
    const servedHours = await plain.locator('.result-hours').first().textContent();

    const withScript = await openBrowser();
    opened.push(withScript);
    const { page, errors } = await newPage(withScript.context);
    await page.goto(`${BASE_URL}/${code}/find`);
    await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
    const sent = [];
    page.on('request', (r) => sent.push(r.url()));
    await page.locator('#locator-q').fill('HD1');
    await page.locator('.locator-form button[type="submit"]').click();
    await page.locator('#results-heading').waitFor();
    assert.equal(await page.locator('#results-heading').textContent(), served, 'the island says what the server says');
    assert.equal(await page.locator('.result-hours').first().textContent(), servedHours);
    assert.notEqual(await page.locator('#use-location').textContent(), 'Use my location');
    await page.locator('#locator-q').fill('');
    await page.locator('.locator-form button[type="submit"]').click();
    const message = page.locator('.locator-message');
    await message.filter({ hasText: /\S/ }).waitFor();
    assert.ok(!(await message.textContent()).startsWith('Type the first part'), 'the problem is in the language too');
    assert.deepEqual(sent, [], 'nothing sent by the searches');
    assert.deepEqual(errors, []);
  });
}

// If the island could not read the page's words, it would answer in English on a page in
// another language. It does not take over then: the form posts, and the server answers
// in the page's language.
test('an island that cannot read the words leaves the answer to the server, in the language', { timeout: 30000 }, async () => {
  const browser = await openBrowser();
  opened.push(browser);
  const { page } = await newPage(browser.context);
  await page.route(`${BASE_URL}/pl/find`, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace(/data-words="[^"]*"/, 'data-words="unreadable"');
    await route.fulfill({ response, body });
  });
  await page.goto(`${BASE_URL}/pl/find`);
  await page.locator('.locator[data-hydrated="true"]').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('.locator').getAttribute('data-ready'), 'false', 'no data fetched');
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.locator('#locator-q').fill('HD1');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#results-heading').waitFor();
  assert.deepEqual(posts, [`${BASE_URL}/pl/find`], "the form's own POST answered");
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  assert.ok(!(await page.locator('#results-heading').textContent()).startsWith('Nearest'), 'in Polish');
});
