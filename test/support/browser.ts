/**
 * The browser the page tests drive: Debian's Chromium (`apt-get install chromium`)
 * through playwright-core, headless, with no network of its own. `PARTNERFIT_CHROMIUM`
 * points at another binary. With CI=true a missing Chromium fails the run; elsewhere
 * the browser tests are skipped loudly (as the PostgreSQL tests are).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.PARTNERFIT_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) {
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is not at ${CHROMIUM}: the browser tests must run in CI (apt-get install -y chromium)`);
  process.stderr.write(`\n*** Chromium not found at ${CHROMIUM}: SKIPPING the browser tests of the web page (apt-get install -y chromium) ***\n\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}
