/**
 * Per-member suggestions at scale, in-process: a generated federation of N members
 * (all networks together, the hardest case: `suggest --all-networks`), an HNSW
 * candidate stage (usearch) and exact five-criteria rescoring of the candidates.
 * Reports build time, p50/p99 latency of one suggestion, and recall@10 of the
 * candidate stage against exact scoring of every member.
 *
 *   node --max-old-space-size=16000 --import tsx scripts/bench/suggest-bench.ts --members 100000 [--candidates 300]
 */
import { parseArgs } from 'node:util';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { buildPartnerIndex } from '../../src/retrieval/ann-partner-index.ts';
import { generateRosterRecords } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    candidates: { type: 'string', default: '300' },
    queries: { type: 'string', default: '500' },
    'recall-queries': { type: 'string', default: '20' },
  },
});
const n = Number(values.members);
const knowledge = loadKnowledge();
const context = { knowledge };
const config = DEFAULT_SCORING_CONFIG;
const log = (m: string) => process.stderr.write(`${m}\n`);

let t = performance.now();
const members: ScoredMember[] = [];
for (const record of generateRosterRecords(knowledge, { members: n, networks: Math.max(1, Math.round(n / 40)), seed: 11 })) {
  const parsed = parseMemberProfile(record);
  if (!parsed.success) continue;
  const p = parsed.profile;
  members.push({ id: p.id, network: p.network, name: p.name, vector: vectorizeMember(p, knowledge) });
}
const generateSeconds = (performance.now() - t) / 1000;
log(`generated and vectorised ${members.length} members in ${generateSeconds.toFixed(1)} s`);

t = performance.now();
const index = buildPartnerIndex(members, knowledge);
const buildSeconds = (performance.now() - t) / 1000;
log(`built the HNSW index in ${buildSeconds.toFixed(1)} s`);

const k = Number(values.candidates);
const random = createRandom(5);
const suggest = (self: ScoredMember) => rankPartners(self, index.candidates(self, k), context, config, { purpose: 'referral', top: 10 });
// Warm up, then time.
for (let i = 0; i < 50; i++) suggest(random.pick(members));
const latencies: number[] = [];
for (let i = 0; i < Number(values.queries); i++) {
  const self = random.pick(members);
  const start = performance.now();
  suggest(self);
  latencies.push(performance.now() - start);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;

let recallSum = 0;
let exactMs = 0;
const recallQueries = Number(values['recall-queries']);
for (let i = 0; i < recallQueries; i++) {
  const self = random.pick(members);
  const start = performance.now();
  const exact = rankPartners(self, members, context, config, { purpose: 'referral', top: 10 }).map((r) => r.pair.other);
  exactMs += performance.now() - start;
  const approximate = new Set(suggest(self).map((r) => r.pair.other));
  recallSum += exact.filter((id) => approximate.has(id)).length / Math.max(1, exact.length);
}
const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
process.stdout.write(
  `| ${n.toLocaleString('en')} | ${k} | ${buildSeconds.toFixed(1)} s | ${pct(0.5).toFixed(2)} ms | ${pct(0.99).toFixed(2)} ms | ${(recallSum / recallQueries).toFixed(3)} | ${(exactMs / recallQueries).toFixed(0)} ms | ${rss} MB |\n`,
);
