/**
 * The give/take ledger in the member view, in a real browser against the real
 * `partnerfit serve`: the demo roster and its activity file are ingested through the
 * CLI; a member's figures on screen must be the ones counted here straight from
 * data/demo/activity.csv (not from the ledger code), with the free-rider and
 * gone-quiet flags, usable from the keyboard, in German, and at phone width. With
 * UPDATE_DOCS_SCREENSHOTS=1 the member view is copied to docs/screenshots/member.png.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_RATES } from '../../src/core/money/exchange-rates.ts';
import { browserAvailable, launchBrowser, SCREENSHOTS, shot, toDocs } from '../support/browser.ts';
import { runCli } from '../support/run-cli.ts';
import { startServer, type ServerProcess } from '../support/run-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ACTIVITY = path.join(ROOT, 'data/demo/activity.csv');
const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-web-ledger-'));
const env = { PARTNERFIT_DB: path.join(work, 'db') };

type Row = Record<'id' | 'kind' | 'from' | 'to' | 'date' | 'rating' | 'status' | 'value', string>;
const rows = parse(readFileSync(ACTIVITY), { columns: true }) as Row[];
const roster = parse(readFileSync(path.join(ROOT, 'data/demo/roster.csv')), { columns: true }) as Record<string, string>[];
const malmo = new Set(roster.filter((m) => m.network === 'malmo-bni').map((m) => m.id));

/** A member's figures counted from the activity file (every value in it is in EUR; the page shows the network's currency). */
function countedFor(id: string) {
  const referrals = rows.filter((r) => r.kind === 'referral');
  const euros = (list: Row[]) => list.filter((r) => r.status === 'won').reduce((sum, r) => sum + Number(r.value.replace(/ EUR$/, '')), 0);
  const given = referrals.filter((r) => r.from === id);
  const received = referrals.filter((r) => r.to === id);
  const dates = rows.filter((r) => r.from === id || r.to === id).map((r) => r.date);
  return {
    given: given.length,
    received: received.length,
    givenWon: given.filter((r) => r.status === 'won').length,
    receivedWon: received.filter((r) => r.status === 'won').length,
    valueGiven: euros(given),
    valueReceived: euros(received),
    meetings: rows.filter((r) => r.kind === 'meeting' && r.from === id).length,
    lastActivity: dates.sort().at(-1)!,
  };
}
/** The ledger's day: the latest activity touching a member of the network. */
const asOf = rows.filter((r) => malmo.has(r.from) || malmo.has(r.to)).map((r) => r.date).sort().at(-1)!;
/** An amount in EUR as the page shows it to a Swedish chapter: in kronor, converted with the dated rate table. */
const euro = (n: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'SEK', currencyDisplay: 'code', maximumFractionDigits: 0 }).format(Math.round(n * EXCHANGE_RATES.perEur.SEK));

let server: ServerProcess;
let browser: Browser;
let adminKey: string;

async function openMember(id: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(`${server.url}/#/member/${id}`);
  await page.getByLabel('API key').fill(adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#ledger:not([aria-busy])').waitFor({ timeout: 120_000 });
  return page;
}

const field = (page: Page, name: string) => page.locator(`#ledger [data-field="${name}"]`).textContent();

describe.skipIf(!browserAvailable)('the give/take ledger in the member view, in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    expect(runCli(['ingest', path.join(ROOT, 'data/demo/roster.csv'), '--quiet'], env).status).toBe(0);
    const ingested = runCli(['ingest-activity', ACTIVITY, '--quiet', '--json'], env);
    expect(ingested.status, ingested.stderr).toBe(0);
    const key = runCli(['keys', 'create', '--role', 'admin', '--network', 'malmo-bni', '--json'], env);
    expect(key.status, key.stderr).toBe(0);
    adminKey = JSON.parse(key.stdout).key as string;
    server = await startServer([], env);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) await server.stop();
  });

  it('shows what a free rider gave and received, counted from the activity file, and flags them', async () => {
    const expected = countedFor('se-007');
    // The demo ledger makes se-007 take and never give; the test would not mean much otherwise.
    expect(expected.given).toBe(0);
    expect(expected.received).toBeGreaterThanOrEqual(2);
    const page = await openMember('se-007');
    expect(await page.getByRole('heading', { name: 'Give and take' }).count()).toBe(1);
    expect(await field(page, 'referrals-given')).toBe(String(expected.given));
    expect(await field(page, 'referrals-received')).toBe(String(expected.received));
    expect(await field(page, 'won-given')).toBe(String(expected.givenWon));
    expect(await field(page, 'won-received')).toBe(String(expected.receivedWon));
    expect(await field(page, 'value-given')).toBe(euro(expected.valueGiven));
    expect(await field(page, 'value-received')).toBe(euro(expected.valueReceived));
    expect(await field(page, 'meetings')).toBe(String(expected.meetings));
    expect(await field(page, 'last-activity')).toBe(expected.lastActivity);
    expect(await page.locator('#ledger-table caption').textContent()).toBe(`Referrals and business as of ${asOf}`);
    // Row and column headers label every figure.
    const table = page.getByRole('table');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Given', 'Received']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Referrals', 'Of them won', 'Business closed']);
    const flags = page.getByRole('list', { name: 'Flags' });
    expect(await flags.locator('[data-flag="free-rider"]').textContent()).toBe(`Free rider received ${expected.received} referrals and gave none`);
    expect(await flags.locator('[data-flag="gone-quiet"]').count()).toBe(0);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
    await page.close();
  });

  it('flags a member who has gone quiet, explains the counting from the keyboard, and speaks German', async () => {
    const expected = countedFor('se-012');
    const page = await openMember('se-012');
    expect(await field(page, 'referrals-given')).toBe(String(expected.given));
    expect(await field(page, 'referrals-received')).toBe(String(expected.received));
    expect(await field(page, 'value-given')).toBe(euro(expected.valueGiven));
    expect(await field(page, 'last-activity')).toBe(expected.lastActivity);
    expect(await page.locator('[data-flag="gone-quiet"]').textContent()).toBe(`Gone quiet no one-to-one or referral in the 90 days before ${asOf}`);
    // The explanation opens from the keyboard.
    const summary = page.getByText('How this is counted');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#ledger details').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#ledger details p').textContent()).toMatch(/gone quiet after 90 days/);
    await page.locator('#partners .partner-card').first().waitFor({ timeout: 60_000 });
    await page.locator('#competitors [data-competitor]').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    toDocs(await shot(page, 'member', true));

    await page.getByLabel('Language').selectOption('de');
    await page.locator('#ledger:not([aria-busy])').waitFor();
    expect(await page.locator('#ledger-heading').textContent()).toBe('Geben und Nehmen');
    expect(await page.locator('[data-flag="gone-quiet"] .badge').textContent()).toBe('Verstummt');
    expect(await page.getByRole('table').getByRole('columnheader').allTextContents()).toEqual(['Gegeben', 'Erhalten']);
    await page.evaluate(() => localStorage.removeItem('partnerfit.language'));
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
    await page.close();
  });

  it('says "no flags" for a member who gives and takes', async () => {
    const expected = countedFor('se-001');
    expect(expected.given).toBeGreaterThan(0);
    const page = await openMember('se-001');
    expect(await field(page, 'referrals-given')).toBe(String(expected.given));
    expect(await page.locator('[data-flag]').allTextContents()).toEqual(['No flags: this member gives as well as takes, and is active.']);
    await page.close();
  });

  it('fits a phone: the ledger needs no sideways scrolling', async () => {
    const page = await openMember('se-007', { width: 390, height: 844 });
    await page.locator('#partners .partner-card').first().waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await page.locator('#ledger-table').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.locator('#ledger').screenshot({ path: path.join(SCREENSHOTS, 'phone-ledger.png') });
    await page.close();
  });
});

