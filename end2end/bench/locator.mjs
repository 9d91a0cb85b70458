// Times the on-device locator with a large scheme, on a throttled phone profile. A
// measurement that prints figures, never a test: run it with scripts/bench-locator.sh,
// which serves a fixture of made-up places.
//
// 1. Answer: the page loaded and its data ready, CPU 4x slower, a typed district with
//    the "open now" filter: from submit to the results painted (median of RUNS).
// 2. Weak link (400 ms, 400 kbit/s, CPU 4x), submitting as soon as the form is there:
//    when the form could be used, when the data arrived, and when the first answer
//    was painted (by the island, or by the server's answer to the form's own POST).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3102';
const RUNS = Number(process.env.RUNS ?? 5);
const LABEL = process.env.LABEL ?? '';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function throttle(context, page, profile) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.rttMs) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.rttMs,
      downloadThroughput: (profile.kbit * 1000) / 8,
      uploadThroughput: (profile.kbit * 1000) / 8,
    });
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return cdp;
}

async function answerTime(context) {
  const page = await context.newPage();
  await throttle(context, page, { cpu: 4 });
  await page.goto(`${BASE_URL}/find`);
  // The download button shows only once the island has started.
  await page.waitForSelector('.locator[data-hydrated="true"]', { timeout: 60000 });
  const large = await page.locator('#download-places').isVisible();
  if (large) await page.click('#download-places');
  await page.waitForSelector('.locator[data-ready="true"]', { timeout: 120000 });
  const district = await page.getAttribute('#locator-data', 'data-district');
  await page.fill('#locator-q', district);
  await page.check('#locator-open');
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const form = document.querySelector('.locator-form');
    let started = 0;
    form.addEventListener('submit', () => { started = performance.now(); }, { capture: true, once: true });
    const seen = new MutationObserver(() => {
      if (document.getElementById('results-heading') || document.querySelector('.locator-message')?.textContent) {
        seen.disconnect();
        // The frame after the change is the one that paints it.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      }
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
    form.requestSubmit();
  }));
  await page.close();
  return ms;
}

async function weakLink(context) {
  const page = await context.newPage();
  const cdp = await throttle(context, page, { rttMs: 400, kbit: 400, cpu: 4 });
  let dataAt = NaN;
  const dataRequests = new Set();
  cdp.on('Network.requestWillBeSent', (e) => { if (e.request.url.includes('/places.')) dataRequests.add(e.requestId); });
  cdp.on('Network.loadingFinished', (e) => { if (dataRequests.has(e.requestId)) dataAt = e.timestamp; });
  const start = Date.now();
  let startStamp = NaN;
  cdp.on('Network.requestWillBeSent', (e) => { if (Number.isNaN(startStamp)) startStamp = e.timestamp; });
  await page.goto(`${BASE_URL}/find`, { waitUntil: 'commit' });
  await page.waitForSelector('#locator-q');
  const formAt = Date.now() - start;
  const district = await page.getAttribute('#locator-data', 'data-district');
  await page.fill('#locator-q', district);
  await page.press('#locator-q', 'Enter');
  await page.waitForSelector('#results-heading', { timeout: 60000 });
  const answerAt = Date.now() - start;
  const byServer = page.url().endsWith('/find') && (await page.locator('leptos-island').count()) === 0;
  await page.close();
  return { formAt, answerAt, byServer, dataMs: (dataAt - startStamp) * 1000 };
}

const userDataDir = mkdtempSync(join(tmpdir(), 'bench-locator-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 390, height: 844 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const answers = [];
  for (let i = 0; i < RUNS; i += 1) answers.push(await answerTime(context));
  console.log(`${LABEL.padEnd(14)} on-device answer, CPU 4x, median of ${RUNS}: ${median(answers).toFixed(0)} ms (runs ${answers.map((a) => a.toFixed(0)).join(', ')})`);
  const weak = [];
  for (let i = 0; i < Math.min(RUNS, 3); i += 1) weak.push(await weakLink(context));
  const w = (key) => median(weak.map((r) => r[key]));
  const dataWords = Number.isNaN(w('dataMs')) ? 'not yet downloaded' : `downloaded at ${w('dataMs').toFixed(0)} ms`;
  console.log(`${LABEL.padEnd(14)} 400 ms / 400 kbit/s: form usable at ${w('formAt')} ms, data ${dataWords}, first answer at ${w('answerAt')} ms (${weak.filter((r) => r.byServer).length} of ${weak.length} answered by the server's POST)`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
