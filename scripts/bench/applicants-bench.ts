/**
 * Applicant batch benchmark: a generated network of M members (networks of about 40,
 * as chapters are) is ingested once; then a generated batch of N applicants to those
 * networks is scored end to end through the real CLI (`applicants FILE --out`), timed
 * and measured (wall time and peak RSS from /usr/bin/time). With `--kills K` the same
 * batch is scored again as a new job, killed with SIGKILL at K random moments and
 * resumed; the resumed output must equal the uninterrupted one byte for byte.
 *
 *   node --import tsx scripts/bench/applicants-bench.ts --members 100000 --applicants 10000 [--db pglite|postgres] [--kills 3] [--profile DIR] [--heap]
 *
 * With `--heap` the batch is scored once more as a new job with `--expose-gc` and
 * PARTNERFIT_HEAP_LOG=1: the live heap of the main thread (every 10,000 applicants)
 * and of each worker (every 25 networks) after a full collection, first and last.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { BIN as bin, freshDatabase, loadAverage, ROOT as root, timedCli } from './bench-support.ts';
import { writeRoster } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    applicants: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'pglite' },
    kills: { type: 'string', default: '0' },
    seed: { type: 'string', default: '7' },
    /** Write CPU profiles of the timed run into this directory (node --cpu-prof). */
    profile: { type: 'string' },
    /** After the timed run, the same batch once more as a new job with the live heap logged (src/applicants/live-heap-log.ts). */
    heap: { type: 'boolean', default: false },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const members = Number(values.members);
const applicants = Number(values.applicants);
const networks = Math.max(1, Math.round(members / 40));
const benchDir = path.join(root, '.bench');
mkdirSync(benchDir, { recursive: true });
const knowledge = loadKnowledge();
const roster = path.join(benchDir, `roster-${members}.csv`);
const batch = path.join(benchDir, `applicants-${applicants}-to-${networks}.csv`);
if (!existsSync(roster)) await writeRoster(roster, knowledge, { members, networks, seed: 42 });
if (!existsSync(batch)) await writeRoster(batch, knowledge, { members: applicants, networks, seed: 4242, idPrefix: 'app' });

const database = await freshDatabase(values.db!, 'partnerfit_applicants_bench', values['postgres-url']!);
const env = database.env;
const timed = (args: readonly string[]) => timedCli(args, env, values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : []);

const sha = (file: string) => createHash('sha256').update(readFileSync(file, 'utf8').replace(/"job": "[^"]*"/, '')).digest('hex').slice(0, 16);
process.stderr.write(`ingesting ${members} members into ${values.db}…\n`);
const ingest = timed(['ingest', roster, '--quiet', '--json']);
if (ingest.status !== 0) throw new Error(ingest.stderr);
process.stderr.write(`ingest ${ingest.seconds} s; scoring ${applicants} applicants…\n`);
const straightOut = path.join(benchDir, `applicants-out-${applicants}.json`);
const straight = timed(['applicants', batch, '--out', straightOut, '--quiet']);
if (straight.status !== 0 && straight.status !== 1) throw new Error(straight.stderr);
const lines = [
  `applicants benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${values.db}, load ${loadAverage()}`,
  '',
  '| members | networks | applicants | database | wall time | applicants/s | peak RSS | output |',
  '|---|---|---|---|---|---|---|---|',
  `| ${members.toLocaleString('en')} | ${networks.toLocaleString('en')} | ${applicants.toLocaleString('en')} | ${values.db} | ${straight.seconds.toFixed(1)} s | ${Math.round(applicants / straight.seconds).toLocaleString('en')} | ${straight.peakRssMb} MB | sha256 ${sha(straightOut)} |`,
];

if (values.heap) {
  const run = timedCli(['applicants', batch, '--out', path.join(benchDir, `applicants-out-${applicants}-heap.json`), '--quiet', '--fresh'], { ...env, PARTNERFIT_HEAP_LOG: '1' }, ['--expose-gc']);
  const byThread = new Map<string, number[]>();
  for (const [, where, mb] of run.stderr.matchAll(/live heap (main thread|worker \d+)[^:]*: (\d+) MB/g)) {
    const list = byThread.get(where!) ?? [];
    list.push(Number(mb));
    byThread.set(where!, list);
  }
  lines.push('', `live heap after a full collection (a new job of the same batch, --expose-gc; peak RSS of that run ${run.peakRssMb} MB):`);
  for (const [where, list] of byThread) {
    lines.push(`- ${where}: ${list.length} samples, first ${list[0]} MB, last ${list.at(-1)} MB, min ${Math.min(...list)} MB, max ${Math.max(...list)} MB`);
  }
}

const kills = Number(values.kills);
if (kills > 0) {
  // The same batch as a new job, killed K times at random moments, then resumed to the end.
  const random = createRandom(Number(values.seed));
  const killedOut = path.join(benchDir, `applicants-out-${applicants}-killed.json`);
  const started = Date.now();
  const killAfter: number[] = [];
  let first = true;
  for (let k = 0; k < kills; k++) {
    const ms = Math.round((0.1 + 0.6 * random.next()) * straight.seconds * 1000);
    killAfter.push(ms);
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [bin, 'applicants', batch, '--out', killedOut, '--quiet', ...(first ? ['--fresh'] : [])], { env, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), ms);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    first = false;
  }
  const resumed = timed(['applicants', batch, '--out', killedOut, '--quiet']);
  const total = (Date.now() - started) / 1000;
  const same = sha(killedOut) === sha(straightOut);
  lines.push(
    '',
    `killed with SIGKILL after ${killAfter.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} of each run, then resumed: last run ${resumed.seconds.toFixed(1)} s, all runs ${total.toFixed(1)} s; output sha256 ${sha(killedOut)} — ${same ? 'identical to the uninterrupted run' : 'DIFFERENT from the uninterrupted run'}`,
  );
  if (!same) process.exitCode = 1;
}
database.cleanup();
process.stdout.write(`${lines.join('\n')}\n`);
