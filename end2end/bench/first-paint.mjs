// Prints the first contentful paint of the home page and an article on throttled phone
// profiles, against the floor (two round trips plus the page's bytes at the link rate),
// and what the home page downloads in all. A measurement that prints figures, never a
// test: run it with scripts/first-paint.sh.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3101';
const RUNS = Number(process.env.RUNS ?? 5);
const PAGES = ['/', process.env.ARTICLE ?? '/get-help/helplines'];
const PROFILES = [
  { name: 'fair', rttMs: 150, kbit: 1600, cpu: 4 },
  { name: 'weak', rttMs: 400, kbit: 400, cpu: 4 },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(context, profile, path) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rttMs,
    downloadThroughput: (profile.kbit * 1000) / 8,
    uploadThroughput: (profile.kbit * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  let documentBytes = 0;
  const documents = new Set();
  cdp.on('Network.responseReceived', (e) => { if (e.type === 'Document') documents.add(e.requestId); });
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (documents.has(e.requestId)) documentBytes += e.encodedDataLength;
  });
  await page.goto(BASE_URL + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await page.close();
  const floor = 2 * profile.rttMs + (documentBytes * 8) / profile.kbit; // kbit/s = bits per ms
  return { fcp, floor, bytes };
}

const userDataDir = mkdtempSync(join(tmpdir(), 'first-paint-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 390, height: 844 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`first contentful paint, median of ${RUNS} runs (${BASE_URL})`);
  console.log('profile  page                          FCP ms  floor ms  ratio  bytes');
  for (const profile of PROFILES) {
    for (const path of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await measure(context, profile, path));
      const fcp = median(runs.map((r) => r.fcp));
      const floor = median(runs.map((r) => r.floor));
      const bytes = median(runs.map((r) => r.bytes));
      console.log(`${profile.name.padEnd(8)} ${path.padEnd(28)} ${fcp.toFixed(0).padStart(7)} ${floor.toFixed(0).padStart(9)} ${(fcp / floor).toFixed(2).padStart(6)} ${String(bytes).padStart(6)}`);
    }
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
