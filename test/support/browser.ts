/**
 * The browser the page tests drive: Debian's Chromium (`apt-get install chromium`)
 * through playwright-core, headless, with no network of its own. `PARTNERFIT_CHROMIUM`
 * points at another binary. With CI=true a missing Chromium fails the run; elsewhere
 * the browser tests are skipped loudly (as the PostgreSQL tests are).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the browser tests put their screenshots (not committed). */
export const SCREENSHOTS = path.join(ROOT, 'test-output/web');

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

/** A screenshot into the test output; its path. */
export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** With UPDATE_DOCS_SCREENSHOTS=1, copies a screenshot into docs/screenshots (the README shows them). */
export function toDocs(file: string): void {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(path.join(ROOT, 'docs/screenshots'), { recursive: true });
  copyFileSync(file, path.join(ROOT, 'docs/screenshots', path.basename(file)));
}
