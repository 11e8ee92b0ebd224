/**
 * Ingest benchmark: a generated roster of N members in mixed languages, ingested end
 * to end through the real CLI into a fresh database, then ingested again (all rows
 * unchanged). Wall time and peak RSS come from /usr/bin/time.
 *
 *   node --import tsx scripts/bench/ingest-bench.ts [--members 100000] [--db pglite,postgres]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { writeRoster } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'pglite,postgres' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const members = Number(values.members);
const root = path.resolve(import.meta.dirname, '../..');
const benchDir = path.join(root, '.bench');
mkdirSync(benchDir, { recursive: true });
const roster = path.join(benchDir, `roster-${members}.csv`);
if (!existsSync(roster)) {
  process.stderr.write(`generating ${roster}\n`);
  await writeRoster(roster, loadKnowledge(), { members, networks: Math.max(1, Math.round(members / 40)), seed: 42 });
}

interface Run {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly report: { accepted: number; updated: number; unchanged: number; rejected: unknown[] };
}

function ingestOnce(env: NodeJS.ProcessEnv): Run {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, path.join(root, 'bin/partnerfit.mjs'), 'ingest', roster, '--json', '--quiet'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const timing = /TIME ([\d.]+) (\d+)/.exec(result.stderr);
  if (!timing || result.status !== 0) throw new Error(`ingest failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds: Number(timing[1]), peakRssMb: Math.round(Number(timing[2]) / 1024), report: JSON.parse(result.stdout) };
}

async function freshPostgres(): Promise<string> {
  const admin = new pg.Client({ connectionString: values['postgres-url'] });
  await admin.connect();
  await admin.query('drop database if exists partnerfit_bench');
  await admin.query('create database partnerfit_bench');
  await admin.end();
  const url = new URL(values['postgres-url']!);
  url.pathname = '/partnerfit_bench';
  return url.toString();
}

const rows: string[] = [];
for (const db of values.db!.split(',')) {
  let env: NodeJS.ProcessEnv;
  let cleanup = () => {};
  if (db === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'partnerfit-bench-'));
    env = { PARTNERFIT_DB: dir, DATABASE_URL: '' };
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    env = { DATABASE_URL: await freshPostgres() };
  }
  const first = ingestOnce(env);
  const second = ingestOnce(env);
  cleanup();
  for (const [label, run] of [['first ingest', first], ['re-ingest (unchanged)', second]] as const) {
    rows.push(
      `| ${db} | ${label} | ${members.toLocaleString('en')} | ${run.seconds.toFixed(1)} s | ${Math.round(members / run.seconds).toLocaleString('en')} | ${run.peakRssMb} MB | ${run.report.accepted} accepted, ${run.report.unchanged} unchanged, ${run.report.rejected.length} rejected |`,
    );
  }
  rows.push(`| ${db} | re-ingest / first | | ${(second.seconds / first.seconds).toFixed(2)}× | | | |`);
}
const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim();
process.stdout.write(
  [`ingest benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpu}`, '', '| database | run | members | wall time | members/s | peak RSS | result |', '|---|---|---|---|---|---|---|', ...rows, ''].join('\n'),
);
