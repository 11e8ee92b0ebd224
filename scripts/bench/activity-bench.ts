/**
 * Activity benchmark on PostgreSQL: 1,000,000 generated activity rows (one-to-ones
 * and referrals from the seeded ledger generator, over a generated roster), ingested
 * through the real CLI into a fresh database, ingested again (all unchanged), then
 * `partnerfit train` on all of them. Wall time and peak RSS come from /usr/bin/time.
 * Targets (issue 6): ingest ≤ 60 s, training ≤ 60 s.
 *
 *   node --import tsx scripts/bench/activity-bench.ts [--rows 1000000] [--members 20000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPartnerfit } from '../../src/app/partnerfit.ts';
import { ACTIVITY_CSV_HEADER, activityCsvLine, generateLedger } from '../../src/core/activity/ledger-generator.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { writeRoster } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    members: { type: 'string', default: '20000' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const targetRows = Number(values.rows);
const members = Number(values.members);
const root = path.resolve(import.meta.dirname, '../..');
const benchDir = path.join(root, '.bench');
mkdirSync(benchDir, { recursive: true });
const roster = path.join(benchDir, `roster-activity-${members}.csv`);
const activity = path.join(benchDir, `activity-${targetRows}-${members}.csv`);

async function freshPostgres(): Promise<string> {
  const admin = new pg.Client({ connectionString: values['postgres-url'] });
  await admin.connect();
  await admin.query('drop database if exists partnerfit_activity_bench');
  await admin.query('create database partnerfit_activity_bench');
  await admin.end();
  const url = new URL(values['postgres-url']!);
  url.pathname = '/partnerfit_activity_bench';
  return url.toString();
}

function timed(args: readonly string[], env: NodeJS.ProcessEnv): { seconds: number; cpuSeconds: number; peakRssMb: number; stdout: string } {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, '--max-old-space-size=8000', path.join(root, 'bin/partnerfit.mjs'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const timing = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr);
  if (!timing || (result.status !== 0 && result.status !== 1)) throw new Error(`${args[0]} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds: Number(timing[1]), cpuSeconds: Number(timing[3]) + Number(timing[4]), peakRssMb: Math.round(Number(timing[2]) / 1024), stdout: result.stdout };
}

const knowledge = loadKnowledge();
if (!existsSync(roster)) {
  process.stderr.write(`generating ${roster}\n`);
  await writeRoster(roster, knowledge, { members, networks: Math.max(1, Math.round(members / 40)), seed: 42 });
}
const url = await freshPostgres();
const env = { DATABASE_URL: url, PARTNERFIT_MODELS: mkdtempSync(path.join(tmpdir(), 'partnerfit-models-')) };
process.stderr.write('ingesting the roster (not timed)\n');
timed(['ingest', roster, '--quiet'], env);

if (!existsSync(activity)) {
  process.stderr.write(`generating ${activity}\n`);
  const app = await createPartnerfit({ url, knowledge });
  const scored = await app.scoredMembers();
  await app.close();
  const rows = generateLedger(scored, { knowledge }, { seed: 42, start: '2024-11-01', months: 24, meetingsPerMember: 2, referralRate: 1 });
  if (rows.length < targetRows) throw new Error(`the generator wrote ${rows.length} rows, fewer than ${targetRows}: raise --members`);
  const out = createWriteStream(activity);
  out.write(`${ACTIVITY_CSV_HEADER}\n`);
  for (const row of rows.slice(0, targetRows)) if (!out.write(`${activityCsvLine(row)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const loadBefore = execFileSync('uptime', { encoding: 'utf8' }).trim();
const first = timed(['ingest-activity', activity, '--json', '--quiet'], env);
const second = timed(['ingest-activity', activity, '--json', '--quiet'], env);
const train = timed(['train', '--json'], env);
const firstReport = JSON.parse(first.stdout);
const secondReport = JSON.parse(second.stdout);
const trainReport = JSON.parse(train.stdout);
const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim();
const load = execFileSync('uptime', { encoding: 'utf8' }).trim();
process.stdout.write(
  [
    `activity benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu}, PostgreSQL; ${members.toLocaleString('en')} members`,
    `uptime before the timed runs: ${loadBefore}`,
    `uptime after: ${load}`,
    '',
    '| run | rows | wall time | CLI process CPU (user+sys) | rows/s | peak RSS | result |',
    '|---|---|---|---|---|---|---|',
    `| ingest-activity (first) | ${targetRows.toLocaleString('en')} | ${first.seconds.toFixed(1)} s | ${first.cpuSeconds.toFixed(1)} s | ${Math.round(targetRows / first.seconds).toLocaleString('en')} | ${first.peakRssMb} MB | ${firstReport.accepted} accepted, ${firstReport.rejected.length} rejected |`,
    `| ingest-activity (again, unchanged) | ${targetRows.toLocaleString('en')} | ${second.seconds.toFixed(1)} s | ${second.cpuSeconds.toFixed(1)} s | ${Math.round(targetRows / second.seconds).toLocaleString('en')} | ${second.peakRssMb} MB | ${secondReport.unchanged} unchanged |`,
    `| train (all networks) | ${trainReport.rows.toLocaleString('en')} | ${train.seconds.toFixed(1)} s | ${train.cpuSeconds.toFixed(1)} s | ${Math.round(trainReport.rows / train.seconds).toLocaleString('en')} | ${train.peakRssMb} MB | ${trainReport.examples} examples, validation AUC ${trainReport.metrics.validationAuc}, fit ${trainReport.metrics.seconds} s on ${trainReport.metrics.backend} |`,
    '',
  ].join('\n'),
);
