/**
 * The web page in a real browser (Debian's Chromium through playwright-core) against
 * the real `partnerfit serve` on the demo network: sign in, the map, a member opened
 * from the map and from the keyboard, conflicts, applicants uploaded as a file (small
 * batch answered at once, larger one as a job with progress), admission, recruit next,
 * a phone-width screen, a member key. Screenshots go to test-output/web/; with
 * UPDATE_DOCS_SCREENSHOTS=1 the map and applicant ones are copied to docs/screenshots/
 * (the member view, with its give/take ledger, comes from member-ledger-e2e.test.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRosterRows, ROSTER_HEADER } from '../../scripts/bench/roster-generator.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { browserAvailable, launchBrowser, SCREENSHOTS, shot, toDocs } from '../support/browser.ts';
import { runCli } from '../support/run-cli.ts';
import { startServer, type ServerProcess } from '../support/run-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-web-'));
const env = { PARTNERFIT_DB: path.join(work, 'db') };

let server: ServerProcess;
let browser: Browser;
const keys: Record<string, string> = {};

function keyFor(args: string[]): string {
  const result = runCli(['keys', 'create', ...args, '--json'], env);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout).key as string;
}

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

function problemsOf(page: Page): string[] {
  // 401s of a deliberately wrong key are logged by Chromium as failed loads; nothing else may appear.
  return (page as Page & { problems: string[] }).problems.filter((p) => !/401 \(Unauthorized\)/.test(p));
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function mapReady(page: Page): Promise<void> {
  await page.locator('#map-canvas[data-state="ready"]').waitFor({ timeout: 120_000 });
}

describe.skipIf(!browserAvailable)('the web page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    expect(runCli(['ingest', path.join(ROOT, 'data/demo/roster.csv'), '--quiet'], env).status).toBe(0);
    keys.admin = keyFor(['--role', 'admin', '--network', 'malmo-bni']);
    keys.member = keyFor(['--role', 'member', '--network', 'malmo-bni', '--member', 'se-012']);
    server = await startServer([], env);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (server && server.child.exitCode === null) await server.stop();
  });

  it('is served at / with a strict content security policy, next to the API', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    expect((await fetch(`${server.url}/${asset}`)).status).toBe(200);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/no/such/page`)).status).toBe(404);
  });

  it('refuses a wrong key, signs in, and draws the network map: areas, partnerships, conflicts', async () => {
    const page = await newPage();
    await signIn(page, 'pf_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    await expect.poll(() => page.locator('#sign-in-error').textContent()).toMatch(/unknown API key/);
    await page.getByLabel('API key').fill(keys.admin!);
    await page.getByLabel('API key').press('Enter');
    await mapReady(page);
    expect(page.url()).toMatch(/#\/map$/);
    expect(page.url()).not.toContain(keys.admin!);
    expect(await page.evaluate(() => sessionStorage.getItem('partnerfit.apiKey'))).toBe(keys.admin);

    const graph = await page.evaluate(() => {
      const cy = window.partnerfitMap!.cy;
      return {
        nodes: cy.nodes().length,
        colours: new Set(cy.nodes().map((n) => n.data('colour') as string)).size,
        partner: cy.edges('[kind = "partner"]').map((e) => e.data('width') as number),
        conflicts: cy.edges('[kind != "partner"]').map((e) => `${e.data('source')}/${e.data('target')}:${e.data('kind')}`),
        timing: window.partnerfitMap!.timing,
      };
    });
    expect(graph.nodes).toBe(18);
    expect(graph.colours).toBeGreaterThanOrEqual(4);
    expect(graph.partner.length).toBeGreaterThan(5);
    // Thickness follows the score: not all lines are alike.
    expect(Math.max(...graph.partner)).toBeGreaterThan(Math.min(...graph.partner));
    expect(graph.conflicts).toContain('se-012/se-013:partial');
    expect(graph.timing.nodes).toBeGreaterThan(0);

    await expect.poll(() => page.locator('#member-list li').count()).toBe(18);
    expect(await page.locator('#member-list').textContent()).toContain('Karin Åkesson');
    // The legend names the business areas in the interface's language.
    await expect.poll(() => page.getByRole('list', { name: 'Legend' }).textContent()).toContain('money and law');
    expect(problemsOf(page)).toEqual([]);
    toDocs(await shot(page, 'map'));
    await page.close();
  });

  it('opens a member by clicking the map, shows the five criteria as bars, reasons and competitors', async () => {
    const page = await newPage();
    await signIn(page, keys.admin!);
    await mapReady(page);
    // Click the node of se-012 where it is drawn.
    const point = await page.evaluate(() => {
      const cy = window.partnerfitMap!.cy;
      const box = cy.container()!.getBoundingClientRect();
      const p = cy.getElementById('se-012').renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.url()).toMatch(/#\/member\/se-012$/);
    const cards = page.locator('#partners .partner-card');
    await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(5);
    const first = cards.first();
    expect(await first.getByRole('meter').count()).toBe(5);
    for (const name of ['Chemistry', 'Complementarity', 'Shared customers', 'Shared contacts', 'Mutual profit']) {
      expect(await first.getByRole('meter', { name }).count()).toBe(1);
    }
    expect((await first.locator('.reasons li').allTextContents()).join(' ').length).toBeGreaterThan(20);
    await expect.poll(() => page.locator('#competitors [data-competitor="se-013"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('#competitors').textContent()).toMatch(/partial/);
    expect(await page.locator('#member-heading').textContent()).toBeTruthy();
    // No activity ingested here: a sentence says so instead of an empty give/take table.
    await expect.poll(() => page.locator('#ledger-empty').textContent(), { timeout: 60_000 }).toMatch(/^No activity recorded in this network yet/);
    expect(await page.locator('#ledger table').count()).toBe(0);
    expect(problemsOf(page)).toEqual([]);
    // docs/screenshots/member.png shows a member with activity (member-ledger-e2e.test.ts).
    await shot(page, 'member-without-activity', true);
    await page.close();
  });

  it('works from the keyboard: find a member in the list and open it with Enter', async () => {
    const page = await newPage();
    await signIn(page, keys.admin!);
    await page.locator('#member-list li').first().waitFor();
    await page.getByLabel('Find a member').fill('Karin');
    await page.getByLabel('Find a member').press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-member'));
    expect(focused).toBe('se-001');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/member\/se-001$/);
    await expect.poll(() => page.locator('#member-heading').textContent()).toBe('Karin Åkesson');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('member-heading');
    await page.close();
  });

  it('lists conflicts with a filter and the network policy', async () => {
    const page = await newPage();
    await signIn(page, keys.admin!);
    await page.getByRole('link', { name: 'Conflicts' }).click();
    const rows = page.locator('#conflicts-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByLabel('Exclusive: one seat per trade').isChecked()).toBe(true);
    const all = await rows.count();
    await page.getByLabel('Level').selectOption('partial');
    expect(await rows.count()).toBeLessThanOrEqual(all);
    await page.getByLabel('Filter by name, id or reason').fill('se-013');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/partial/);
    // The reasons are in the interface's language (English here), about both members.
    expect((await rows.allTextContents()).join(' ')).toContain('partial competitors: both offer SEO');
    await shot(page, 'conflicts');
    // and follow it when it changes.
    await page.getByLabel('Language').selectOption('de');
    await expect.poll(async () => (await rows.allTextContents()).join(' '), { timeout: 60_000 }).toContain('teilweise Wettbewerber: beide bieten SEO an');
    await page.evaluate(() => localStorage.removeItem('partnerfit.language'));
    await page.close();
  });

  it('scores an uploaded applicants file, shows verdicts with conflicts and fit, and admits one', async () => {
    const page = await newPage();
    await signIn(page, keys.admin!);
    await page.getByRole('link', { name: 'Applicants' }).click();
    // The whole demo file: with an admin key every applicant is scored against the key's network.
    await page.getByLabel('Applicants file').setInputFiles(path.join(ROOT, 'data/demo/applicants.csv'));
    await page.getByRole('button', { name: 'Score applicants' }).click();
    const cards = page.locator('#applicant-results article.applicant');
    await expect.poll(() => cards.count(), { timeout: 120_000 }).toBe(10);
    const ids = await page.locator('[data-applicant]').evaluateAll((els) => els.map((e) => e.getAttribute('data-applicant')));
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `app-${String(i + 1).padStart(3, '0')}`));
    expect(await page.locator('[data-applicant="app-006"] .verdict').textContent()).toBe('accept');
    expect(await page.locator('#applicants-summary').textContent()).toMatch(/^10 applicants: \d+ accept · \d+ review · \d+ conflict$/);
    expect(await page.locator('[data-applicant="app-001"] .verdict').textContent()).toBe('review');
    // A conflict with a member, named and linked, with its level.
    const conflict = page.locator('[data-applicant="app-001"] .conflicts-line');
    expect(await conflict.getByRole('link').first().getAttribute('href')).toBe('#/member/se-016');
    expect(await conflict.textContent()).toMatch(/partial/);
    expect(await page.locator('[data-applicant="app-009"]').textContent()).toMatch(/Competes with applicant.*Jesper Åström \(direct\)/);
    for (const id of ids) {
      const fit = Number(await page.locator(`[data-applicant="${id}"] [role="meter"]`).getAttribute('aria-valuenow'));
      expect(fit).toBeGreaterThan(0);
      expect(fit).toBeLessThanOrEqual(1);
    }
    toDocs(await shot(page, 'applicants'));

    await page.locator('[data-admit="app-006"]').click();
    await expect.poll(() => page.locator('[data-applicant="app-006"] .actions').textContent()).toContain('Admitted as a member');
    // The new member is on the map now.
    await page.getByRole('link', { name: 'Map' }).click();
    await expect.poll(() => page.locator('#member-list [data-member="app-006"]').count(), { timeout: 60_000 }).toBe(1);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('follows a large applicant batch as a job with progress until the verdicts are in', async () => {
    const page = await newPage();
    const rows = [...generateRosterRows(loadKnowledge(), { members: 230, networks: 1, seed: 11, idPrefix: 'web' })];
    const file = path.join(work, 'many-applicants.csv');
    writeFileSync(file, [ROSTER_HEADER, ...rows].join('\n'));
    await signIn(page, keys.admin!);
    await page.getByRole('link', { name: 'Applicants' }).click();
    await page.getByLabel('Applicants file').setInputFiles(file);
    await page.getByRole('button', { name: 'Score applicants' }).click();
    await expect.poll(() => page.locator('#applicants-status').textContent(), { timeout: 60_000 }).toMatch(/Job job-[0-9a-f]+/);
    await expect.poll(() => page.locator('#applicant-results article.applicant').count(), { timeout: 240_000 }).toBe(230);
    expect(await page.locator('#applicants-status').textContent()).toMatch(/: done, 230 of 230 scored/);
    await page.close();
  }, 300_000);

  it('shows the trades to recruit next by name, with the members who would gain', async () => {
    const page = await newPage();
    await signIn(page, keys.admin!);
    await page.getByRole('link', { name: 'Recruit next' }).click();
    const trades = page.locator('#missing-trades > li');
    await expect.poll(() => trades.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await trades.first().locator('h2').textContent();
    expect(first).not.toMatch(/^svc\./);
    expect(await trades.first().getByRole('link').count()).toBeGreaterThan(0);
    await shot(page, 'recruit');
    await page.close();
  });

  it('fits a phone: no sideways scrolling on the map and the member view; the language can change', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, keys.admin!);
    await mapReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-map');
    await page.locator('[data-member="se-001"]').click();
    await expect.poll(() => page.locator('#partners .partner-card').count(), { timeout: 60_000 }).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-member');
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(() => page.locator('#partners-heading').textContent()).toBe('Bästa partner');
    // Scores with the language's decimal sign, as the reasons beside them and the command line write them.
    await expect.poll(() => page.locator('#partners .partner-card .score').first().textContent()).toMatch(/^poäng 0,\d\d$/);
    await page.evaluate(() => localStorage.removeItem('partnerfit.language'));
    await page.close();
  });

  it('shows a member key only its own member, without the admin pages', async () => {
    const page = await newPage();
    await signIn(page, keys.member!);
    await expect.poll(() => page.url()).toMatch(/#\/member\/se-012$/);
    await expect.poll(() => page.locator('#partners .partner-card').count(), { timeout: 60_000 }).toBe(5);
    expect(await page.getByRole('link', { name: 'Map' }).count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/member/se-001'));
    await expect.poll(() => page.locator('#member-heading').textContent()).not.toBe('Karin Åkesson');
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.evaluate(() => sessionStorage.getItem('partnerfit.apiKey'))).toBeNull();
    await page.getByLabel('API key').waitFor();
    await page.close();
  });
});
