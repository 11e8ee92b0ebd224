/**
 * HTTP load benchmark: a generated network of M members (chapters of about 40) in a
 * fresh database, one admin key per chapter, the real `partnerfit serve`, and
 * autocannon on loopback asking `GET /members/{id}/suggestions` for random members:
 * a warm-up, then the measured run. Reports requests/s, latency percentiles, errors
 * and the server's peak RSS.
 *
 *   node --import tsx scripts/bench/http-bench.ts --members 10000 [--duration 60] [--warmup 20] [--connections 32] [--db pglite|postgres] [--profile DIR]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createPartnerfit } from '../../src/app/partnerfit.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { BIN as bin, freshDatabase, loadAverage, ROOT as root } from './bench-support.ts';
import { generateRosterRecords, writeRoster } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    db: { type: 'string', default: 'pglite' },
    /** Write a CPU profile of the server into this directory (node --cpu-prof). */
    profile: { type: 'string' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const members = Number(values.members);
const networks = Math.max(1, Math.round(members / 40));
const benchDir = path.join(root, '.bench');
mkdirSync(benchDir, { recursive: true });
const knowledge = loadKnowledge();
const roster = path.join(benchDir, `roster-${members}.csv`);
if (!existsSync(roster)) await writeRoster(roster, knowledge, { members, networks, seed: 42 });
const ids: { id: string; network: string }[] = [];
for (const r of generateRosterRecords(knowledge, { members, networks, seed: 42 })) ids.push({ id: r.id!, network: r.network! });

const database = await freshDatabase(values.db!, 'partnerfit_http_bench', values['postgres-url']!);
const env = database.env;
process.stderr.write(`ingesting ${members} members…\n`);
const ingest = spawn(process.execPath, [bin, 'ingest', roster, '--quiet', '--json'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
await new Promise((resolve) => ingest.on('exit', resolve));

// One admin key per chapter, made through the programmatic API before the server opens the database.
const keyOf = new Map<string, string>();
{
  const app = await createPartnerfit(database.options);
  for (const n of await app.networks()) keyOf.set(n.id, (await app.createApiKey('admin', n.id)).key);
  await app.close();
}

const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
const server = spawn(process.execPath, [...profileArgs, bin, 'serve', '--port', '0', '--log-level', 'warn'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise<string>((resolve, reject) => {
  let text = '';
  server.stderr!.on('data', (d: Buffer) => {
    text += d.toString();
    const m = /serving (http:\/\/\S+)/.exec(text);
    if (m) resolve(m[1]!);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}: ${text}`)));
});

const random = createRandom(7);
const request = () => {
  const m = ids[random.int(ids.length)]!;
  return { method: 'GET' as const, path: `/members/${m.id}/suggestions`, headers: { authorization: `Bearer ${keyOf.get(m.network)}` } };
};
const run = (seconds: number) =>
  autocannon({ url, connections: Number(values.connections), duration: seconds, requests: [{ setupRequest: (r: object) => ({ ...r, ...request() }) }] });

const rows: string[] = [];
const describe = (label: string, r: autocannon.Result) =>
  `| ${label} | ${r.duration.toFixed(0)} s | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.errors} | ${r.non2xx} | ${r.requests.total.toLocaleString('en')} |`;
process.stderr.write(`warm-up ${values.warmup} s…\n`);
rows.push(describe('warm-up (cold caches)', await run(Number(values.warmup))));
process.stderr.write(`measuring ${values.duration} s…\n`);
rows.push(describe('measured', await run(Number(values.duration))));
const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
const peak = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));
database.cleanup();
process.stdout.write(
  [
    `HTTP benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${members.toLocaleString('en')} members in ${networks.toLocaleString('en')} chapters, ${values.db}, ${values.connections} connections, load ${loadAverage()}, server peak RSS ${peak} MB`,
    '',
    '| run | duration | requests/s | p50 | p99 | max | errors | non-2xx | requests |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
