/**
 * Time to first render of the web page's network map for a generated network, in
 * Debian's Chromium: a roster of N members in one network is ingested, `partnerfit
 * serve` started, the page signed into, and the map timed twice — cold (the server
 * computes the all-pairs report) and warm (a reload: the report comes from the cache).
 *   nodes: page opened → members drawn (coloured by area; one cheap call)
 *   lines: page opened → partnerships and conflicts drawn (needs the network report)
 *
 *   node --import tsx scripts/bench/web-map-bench.ts --members 1000
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { writeRoster } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
    chromium: { type: 'string', default: process.env.PARTNERFIT_CHROMIUM || '/usr/bin/chromium' },
    timeout: { type: 'string', default: '30', description: 'the server’s request timeout in seconds (its default)' },
  },
});
const members = Number(values.members);
const BIN = fileURLToPath(new URL('../../bin/partnerfit.mjs', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-web-bench-'));
const env = { ...process.env, DATABASE_URL: '', PARTNERFIT_DB: path.join(work, 'db') };

function cli(args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`partnerfit ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const roster = path.join(work, 'roster.csv');
await writeRoster(roster, loadKnowledge(), { members, networks: 1, seed: Number(values.seed), idPrefix: 'web' });
cli(['ingest', roster, '--quiet']);
const key = JSON.parse(cli(['keys', 'create', '--role', 'admin', '--network', 'network-0', '--json'])).key as string;

const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'warn', '--timeout', values.timeout!], { env, stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise<string>((resolve, reject) => {
  let notes = '';
  server.stderr!.on('data', (d: Buffer) => {
    notes += d.toString();
    const found = /partnerfit serving (http:\/\/\S+)/.exec(notes);
    if (found) resolve(found[1]!);
  });
  server.on('exit', (code) => reject(new Error(`serve exited (${code}): ${notes}`)));
});

const browser = await chromium.launch({
  executablePath: values.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const rows: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  for (const run of ['cold', 'warm']) {
    if (run === 'warm') await page.reload();
    await page.locator('#map-canvas[data-state="ready"], #map-canvas[data-state="error"]').waitFor({ timeout: 30 * 60_000 });
    const state = await page.locator('#map-canvas').getAttribute('data-state');
    const timing = (await page.evaluate('window.partnerfitMap && window.partnerfitMap.timing')) as { nodes?: number; report?: number; edges?: number };
    const drawn = (await page.evaluate('window.partnerfitMap.cy.edges().length')) as number;
    const load = loadavg().map((l) => l.toFixed(2)).join(', ');
    rows.push(
      `| ${members.toLocaleString('en')} | ${run} | ${(timing.nodes! / 1000).toFixed(2)} s | ${(timing.report! / 1000).toFixed(2)} s | ${state === 'ready' ? `${(timing.edges! / 1000).toFixed(2)} s` : 'error'} | ${drawn.toLocaleString('en')} | ${load} |`,
    );
    // The page stays responsive: a frame is answered while the map is shown.
    const frame = (await page.evaluate('new Promise((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); })')) as number;
    rows[rows.length - 1] += ` ${frame.toFixed(0)} ms |`;
  }
  await page.screenshot({ path: path.join(work, 'map-1000.png') });
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
console.log('| members | run | nodes drawn | report in | lines drawn | lines | load (1, 5, 15 min) | next frame |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`screenshot: ${path.join(work, 'map-1000.png')}`);
if (!process.env.KEEP) rmSync(path.join(work, 'db'), { recursive: true, force: true });
