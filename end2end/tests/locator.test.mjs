// The locator in a real browser: on the device with a typed district or town, with
// "Use my location" (asked only after a tap), and the no-JavaScript form. Nothing
// about the search or the position may leave the device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, openBrowser, newPage } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function hydratedLocator(context) {
  const { page, errors } = await newPage(context);
  await page.goto(BASE_URL + '/find');
  await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
  const sent = [];
  page.on('request', (r) => sent.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  return { page, errors, sent };
}

test('a postcode typed on the device is answered on the device, with nothing sent', { timeout: 30000 }, async () => {
  const { page, errors, sent } = await hydratedLocator(browser.context);
  // The unseen search run once the data is in shows nothing and says nothing.
  assert.equal((await page.locator('.locator-answer').innerHTML()).trim(), '');
  assert.equal((await page.locator('.locator-message').textContent()).trim(), '');
  await page.locator('#locator-q').fill('HD1 2TA');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#results-heading').waitFor();
  assert.equal(await page.locator('#results-heading').textContent(), 'Nearest to the HD1 postcode area');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-heading', 'focus moves to the results');
  assert.match(await page.locator('.approximate-heading').first().textContent(), /Approximate: somewhere in Huddersfield/);
  assert.match(await page.locator('.results').textContent(), /Opening hours not known/);
  assert.ok(await page.locator('.result').count() >= 5);
  assert.match(await page.locator('.results').textContent(), /Help by phone, wherever you are/);
  assert.deepEqual(sent, [], 'no request after the search');
  assert.equal(page.url(), BASE_URL + '/find', 'nothing in the address bar');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a town, a place outside the area and nonsense get plain answers', { timeout: 30000 }, async () => {
  const { page, sent } = await hydratedLocator(browser.context);
  const search = async (text) => {
    await page.locator('#locator-q').fill(text);
    await page.locator('.locator-form button[type="submit"]').click();
  };
  await search('dewsbury');
  await page.locator('#results-heading', { hasText: 'Nearest to Dewsbury' }).waitFor();
  assert.match(await page.locator('.results').textContent(), /somewhere in Dewsbury/);
  await search('LS1');
  await page.locator('#outside-notice').waitFor();
  assert.match(await page.locator('#outside-notice').textContent(), /outside Kirklees/);
  await search('<script>alert(1)</script>');
  await page.locator('.locator-message', { hasText: 'could not read that' }).waitFor();
  assert.equal(await page.locator('.results').count(), 0);
  assert.deepEqual(sent, []);
  await page.close();
});

test('"Use my location" asks only after a tap, and the position stays on the device', { timeout: 30000 }, async () => {
  await browser.context.grantPermissions(['geolocation'], { origin: BASE_URL });
  await browser.context.setGeolocation({ latitude: 53.6458, longitude: -1.7850 });
  await browser.context.addInitScript(() => {
    window.__geolocationCalls = 0;
    const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
    navigator.geolocation.getCurrentPosition = (...args) => { window.__geolocationCalls += 1; return original(...args); };
  });
  const { page, errors, sent } = await hydratedLocator(browser.context);
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 0, 'not asked on load');
  await page.locator('#use-location').click();
  await page.locator('#results-heading', { hasText: 'your location' }).waitFor();
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 1);
  assert.match(await page.locator('.results').textContent(), /Huddersfield/);
  assert.deepEqual(sent, [], 'the position never leaves the device');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the filters narrow the answer on the device: kind, who it is for, open now', { timeout: 30000 }, async () => {
  const { page, errors, sent } = await hydratedLocator(browser.context);
  await page.locator('#show-services').check();
  await page.locator('#locator-for').selectOption('lgbt');
  await page.locator('#locator-q').fill('HD1');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#results-heading').waitFor();
  let results = await page.locator('.results').textContent();
  assert.match(results, /National LGBT\+ Domestic Abuse Helpline/);
  assert.match(results, /National Domestic Abuse Helpline/, 'services for everyone stay');
  assert.doesNotMatch(results, /Men's Advice Line/);
  assert.doesNotMatch(results, /we do not know where yet/, 'no Safezones when only services are wanted');

  await page.locator('#show-all').check();
  await page.locator('#locator-for').selectOption('');
  await page.locator('#locator-open').check();
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#none-open').waitFor();
  results = await page.locator('.results').textContent();
  assert.match(await page.locator('#none-open').textContent(), /999/, 'when nothing near is open: 999');
  assert.match(await page.locator('#none-open').textContent(), /0808 2000 247/, 'and the 24-hour line');
  assert.equal(await page.locator('.result-list').first().locator('.result').count(), 0,
    'no Safezone is shown as open while its hours are unknown');
  assert.match(results, /Open now: open at any time/);
  assert.deepEqual(sent, [], 'filtering sends nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('without JavaScript the form posts, and the answer comes straight back', { timeout: 30000 }, async () => {
  const noJs = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = await newPage(noJs.context);
    await page.goto(BASE_URL + '/find');
    assert.equal(await page.locator('#use-location').isVisible(), false, 'no location button without JavaScript');
    await page.locator('#locator-q').fill('WF13 1AB');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === BASE_URL + '/find' && r.request().method() === 'POST'),
      page.locator('.locator-form button[type="submit"]').click(),
    ]);
    assert.equal(response.status(), 200);
    assert.equal(response.request().postData(), 'show=all&for=&q=WF13+1AB');
    assert.equal(page.url(), BASE_URL + '/find', 'no query string, no redirect');
    await page.locator('#results-heading').waitFor();
    assert.equal(await page.locator('#results-heading').textContent(), 'Nearest to the WF13 postcode area');
    assert.match(await page.locator('.results').textContent(), /somewhere in Dewsbury/);
    assert.ok(!(await page.content()).includes('1AB'), 'the full postcode is not echoed');

    // The filters work without JavaScript too, and the answer keeps them.
    await page.locator('#show-services').check();
    await page.locator('#locator-for').selectOption('men');
    await page.locator('#locator-q').fill('HD1');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('.locator-form button[type="submit"]').click(),
    ]);
    await page.locator('#results-heading').waitFor();
    const results = await page.locator('.results').textContent();
    assert.match(results, /Men's Advice Line/);
    assert.doesNotMatch(results, /National LGBT\+ Domestic Abuse Helpline/);
    assert.ok(await page.locator('#show-services').isChecked(), 'the choice is kept');
    assert.equal(await page.locator('#locator-for').inputValue(), 'men');

    await page.goto(BASE_URL + '/find');
    await page.locator('#locator-q').fill('ZZ99');
    const [missing] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('.locator-form button[type="submit"]').click(),
    ]);
    assert.equal(missing.status(), 404);
    assert.match(await page.locator('#find-problem').textContent(), /could not find the postcode area ZZ99/);
    assert.deepEqual(noJs.offsite, []);
  } finally {
    await noJs.close();
  }
});

test('the data file is fetched whole from this site, and if it cannot be read the form posts to the server', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  const fetched = [];
  // The same page, with its data file spoiled on the way.
  await page.route(/\/pkg\/places\.[0-9a-f]+\.txt$/, async (route) => {
    fetched.push(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'spoiled' });
  });
  await page.goto(BASE_URL + '/find');
  await page.locator('.locator[data-hydrated="true"]').waitFor({ timeout: 15000 });
  await page.locator('.locator-message', { hasText: 'could not be downloaded' }).waitFor({ timeout: 15000 });
  const src = await page.getAttribute('#locator-data', 'data-src');
  assert.deepEqual(fetched, [BASE_URL + src], 'one request, for the named file, with nothing added');
  assert.equal(await page.locator('.locator').getAttribute('data-ready'), 'false');
  assert.equal(await page.locator('#use-location').isVisible(), false, 'no location button without the data');
  await page.locator('#locator-q').fill('HD1');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === BASE_URL + '/find' && r.request().method() === 'POST'),
    page.locator('.locator-form button[type="submit"]').click(),
  ]);
  assert.equal(response.status(), 200);
  await page.locator('#results-heading').waitFor();
  assert.equal(await page.locator('#results-heading').textContent(), 'Nearest to the HD1 postcode area');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a large data file is downloaded only after a tap on a button that says its size', { timeout: 30000 }, async () => {
  const { page, errors } = await newPage(browser.context);
  // The same page, saying its data file weighs 900,000 bytes.
  await page.route(BASE_URL + '/find', async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    const body = (await response.text())
      .replace(/data-bytes="\d+"/, 'data-bytes="900000"')
      .replace(/places \(\d+ KB\)/g, 'places (879 KB)');
    await route.fulfill({ status: response.status(), headers, body });
  });
  const fetched = [];
  const posts = [];
  page.on('request', (request) => {
    if (request.url().includes('/pkg/places.')) fetched.push(request.url());
    if (request.method() === 'POST') posts.push(request.url());
  });
  await page.goto(BASE_URL + '/find');
  await page.locator('.locator[data-hydrated="true"]').waitFor({ timeout: 15000 });
  const button = page.locator('#download-places');
  await button.waitFor();
  const places = await page.getAttribute('#locator-data', 'data-places');
  assert.equal((await button.textContent()).trim(), `Search on this phone instead: download the list of ${places} places (879 KB)`);
  await page.waitForTimeout(500);
  assert.deepEqual(fetched, [], 'nothing downloaded before the tap');
  await button.click();
  await page.locator('.locator[data-ready="true"]').waitFor({ timeout: 15000 });
  assert.equal(fetched.length, 1);
  assert.equal(await button.isVisible(), false);
  await page.locator('#locator-q').fill('HD1');
  await page.locator('.locator-form button[type="submit"]').click();
  await page.locator('#results-heading').waitFor();
  assert.deepEqual(posts, [], 'answered on the device, nothing posted');
  assert.deepEqual(errors, []);
  await page.close();
});

test('after every locator path: nothing sent elsewhere, nothing stored', { timeout: 30000 }, async () => {
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
    hints: document.querySelectorAll('link[rel="manifest"], link[rel="preconnect"], link[rel="dns-prefetch"], link[rel="prefetch"], link[rel="prerender"]').length,
  }));
  assert.deepEqual(stored, { cookie: '', local: 0, session: 0, databases: 0, caches: 0, workers: 0, hints: 0 });
  await page.close();
});

// Dewsbury's Safe Zones are known only by their town: the answer leads with what to do
// now, gives none of them a distance, and never shows the ones that have closed.
async function checkThinAnswer(page) {
  await page.locator('#results-heading').waitFor();
  const results = await page.locator('.results').textContent();
  assert.doesNotMatch(results, /Wilko|Barclays|NatWest/, 'closed Safe Zones never appear');
  const block = page.locator('#what-to-do-now');
  assert.ok(await block.isVisible(), 'what to do now is shown');
  assert.match(await block.textContent(), /Ask for ANI/);
  const order = await page.evaluate(() => {
    const block = document.getElementById('what-to-do-now');
    const list = document.querySelector('.result-list');
    return Boolean(block.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'before the list');
  const heading = page.locator('.approximate-heading').first();
  assert.match(await heading.textContent(), /Approximate: somewhere in Dewsbury/);
  const grouped = await page.locator('.approximate-heading + .result-list .result').allTextContents();
  assert.ok(grouped.length > 1, 'the town\'s places are listed together, under one heading');
  for (const text of grouped) {
    assert.doesNotMatch(text, /minutes' walk/, `no distance from a guessed point: ${text}`);
    assert.match(text, /Checked [A-Z][a-z]+ \d{4}/);
  }
}

test('Safe Zone answers on the device: what to do now first, no guessed distances, nothing closed', { timeout: 30000 }, async () => {
  const { page, sent } = await hydratedLocator(browser.context);
  await page.locator('#show-safezones').check();
  await page.locator('#locator-q').fill('WF13');
  await page.locator('.locator-form button[type="submit"]').click();
  await checkThinAnswer(page);
  assert.deepEqual(sent, []);
  await page.close();
});

test('Safe Zone answers without JavaScript say the same', { timeout: 30000 }, async () => {
  const noJs = await openBrowser({ javaScriptEnabled: false });
  try {
    const { page } = await newPage(noJs.context);
    await page.goto(BASE_URL + '/find');
    await page.locator('#show-safezones').check();
    await page.locator('#locator-q').fill('WF13');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('.locator-form button[type="submit"]').click(),
    ]);
    await checkThinAnswer(page);
  } finally {
    await noJs.close();
  }
});
