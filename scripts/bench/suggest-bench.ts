/**
 * Per-member suggestions at scale, in-process: a generated federation of N members
 * (all networks together, the hardest case: `suggest --all-networks`), the exact
 * partner index (src/core/retrieval/exact-partner-index.ts) finding the best 10, then
 * `rankPartners` on those for their reasons, as `partnerfit suggest` does. Reports
 * build time, p50/p99 latency of one suggestion, how many members a search scores
 * exactly, and recall@10 against `rankPartners` over every member (the reference).
 *
 *   node --max-old-space-size=16000 --import tsx scripts/bench/suggest-bench.ts --members 100000 [--queries 500] [--recall-queries 20]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { buildExactPartnerIndex } from '../../src/core/retrieval/exact-partner-index.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateRosterRecords } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '500' },
    'recall-queries': { type: 'string', default: '20' },
    // Keep the generated, vectorised members in .bench/ (v8-serialised) and read them back next time: generating 1,000,000 takes minutes.
    cache: { type: 'boolean', default: false },
  },
});
const n = Number(values.members);
const knowledge = loadKnowledge();
const context = { knowledge };
const config = DEFAULT_SCORING_CONFIG;
const log = (m: string) => process.stderr.write(`${m}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

let t = performance.now();
const cacheFile = path.resolve(import.meta.dirname, `../../.bench/suggest-members-${n}-seed11.bin`);
const members: ScoredMember[] = values.cache && existsSync(cacheFile) ? deserialize(readFileSync(cacheFile)) : [];
if (members.length === 0) {
  for (const record of generateRosterRecords(knowledge, { members: n, networks: Math.max(1, Math.round(n / 40)), seed: 11 })) {
    const parsed = parseMemberProfile(record);
    if (!parsed.success) continue;
    const p = parsed.profile;
    members.push({ id: p.id, network: p.network, name: p.name, vector: vectorizeMember(p, knowledge) });
  }
  if (values.cache) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, serialize(members));
  }
}
log(`generated and vectorised ${members.length} members in ${((performance.now() - t) / 1000).toFixed(1)} s`);

t = performance.now();
const index = buildExactPartnerIndex(members, knowledge);
const buildSeconds = (performance.now() - t) / 1000;
log(`built the exact partner index in ${buildSeconds.toFixed(1)} s (load ${load()})`);

const random = createRandom(5);
let scored = 0;
const suggest = (self: ScoredMember) => {
  const found = index.best(self, 10, config);
  scored += found.scored;
  return rankPartners(self, found.partners.map((p) => p.member), context, config, { purpose: 'referral', top: 10 });
};
// Warm up, then time.
for (let i = 0; i < 50; i++) suggest(random.pick(members));
scored = 0;
const latencies: number[] = [];
const queries = Number(values.queries);
const loadBefore = load();
for (let i = 0; i < queries; i++) {
  const self = random.pick(members);
  const start = performance.now();
  suggest(self);
  latencies.push(performance.now() - start);
}
const loadAfter = load();
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
const scoredPerQuery = scored / queries;

let recallSum = 0;
let exactMs = 0;
let identical = 0;
const recallQueries = Number(values['recall-queries']);
for (let i = 0; i < recallQueries; i++) {
  const self = random.pick(members);
  const start = performance.now();
  const exact = rankPartners(self, members, context, config, { purpose: 'referral', top: 10 });
  exactMs += performance.now() - start;
  const found = suggest(self);
  const ids = new Set(found.map((r) => r.pair.other));
  recallSum += exact.filter((r) => ids.has(r.pair.other)).length / Math.max(1, exact.length);
  if (JSON.stringify(found.map((r) => [r.pair.other, r.score])) === JSON.stringify(exact.map((r) => [r.pair.other, r.score]))) identical++;
}
const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
log(`load average (1, 5, 15 min) before the timed queries ${loadBefore}, after ${loadAfter}; ${identical}/${recallQueries} rankings identical to the reference`);
process.stdout.write(
  `| ${n.toLocaleString('en')} | ${buildSeconds.toFixed(1)} s | ${pct(0.5).toFixed(2)} ms | ${pct(0.99).toFixed(2)} ms | ${Math.round(scoredPerQuery)} | ${(recallSum / Math.max(1, recallQueries)).toFixed(3)} | ${(exactMs / Math.max(1, recallQueries)).toFixed(0)} ms | ${rss} MB | ${loadBefore} |\n`,
);
