/**
 * The network report in-process (no server, no browser), for a generated network of
 * N members (one network, the web-map benchmark's seed and ids): `buildNetworkReport`
 * twice (the first run pays the JIT and the word-similarity caches) and, apart, its
 * competitor scan `findCompetitorPairs` (the all-pairs part the compiled scorer does
 * not cover). Wall and CPU time of each, the report's JSON size, the load average.
 *
 *   node --import tsx scripts/bench/network-report-bench.ts [--members 1000] [--seed 7]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { findCompetitorPairs } from '../../src/core/competition/competitor-pairs.ts';
import { buildNetworkReport } from '../../src/core/report/network-report.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateScoredMembers } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '7' },
  },
});
const knowledge = loadKnowledge();
const members = generateScoredMembers(knowledge, { members: Number(values.members), networks: 1, seed: Number(values.seed), idPrefix: 'web' });

const rows: string[] = [];
function timed<T>(what: string, run: () => T, note: (result: T) => string): T {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  rows.push(`| ${members.length.toLocaleString('en')} | ${what} | ${wall.toFixed(2)} s | ${((used.user + used.system) / 1e6).toFixed(2)} s | ${note(result)} | ${load} |`);
  return result;
}

const context = { knowledge };
const describe = (r: ReturnType<typeof buildNetworkReport>) =>
  `${r.partnerships.length.toLocaleString('en')} partnerships, ${r.conflicts.length.toLocaleString('en')} conflicts, ${(JSON.stringify(r).length / 1e6).toFixed(1)} MB JSON`;
timed('report (first run)', () => buildNetworkReport('network-0', members, context, DEFAULT_SCORING_CONFIG), describe);
timed('report (again)', () => buildNetworkReport('network-0', members, context, DEFAULT_SCORING_CONFIG), describe);
timed('of it: competitor scan', () => findCompetitorPairs(members), (pairs) => `${pairs.length.toLocaleString('en')} conflicts`);

console.log('| members | run | wall | CPU | result | load (1, 5, 15 min) |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
