// Shared set-up for the browser tests: Debian's Chromium, driven by playwright-core,
// with a fresh empty profile every run, and every request to another origin caught.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

// The neutral page served in place of any other origin (the exit destination).
export const NEUTRAL_BODY = '<!doctype html><title>Weather</title><h1>Neutral page</h1>';

/**
 * Opens a browser context on a fresh profile. Requests to other origins never leave
 * the machine: they are answered with a neutral page and recorded in `offsite`.
 */
export async function openBrowser({ javaScriptEnabled = true, base = BASE_URL } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled,
    args: ARGS,
  });
  const offsite = [];
  const requests = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin === new URL(base).origin) {
      await route.continue();
    } else {
      offsite.push({ url, navigation: route.request().isNavigationRequest() });
      await route.fulfill({ status: 200, contentType: 'text/html', body: NEUTRAL_BODY });
    }
  });
  // Record CSP violations in every page, before any page script runs.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, offsite, requests, close };
}

/** A new page that collects console errors and uncaught exceptions. */
export async function newPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, errors };
}

/** Every same-site link on the current page, as absolute URLs without anchors. */
export async function internalLinks(page) {
  const hrefs = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.href));
  return [...new Set(hrefs.map((h) => h.split('#')[0]))];
}
