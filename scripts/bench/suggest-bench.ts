/**
 * Per-member suggestions at scale, in-process: a generated federation of N members
 * (all networks together, the hardest case: `suggest --all-networks`), the partner
 * index (src/core/retrieval/exact-partner-index.ts) finding the best 10, exactly
 * (`best`) and in the approximate mode with each budget (`approximate`), then
 * `rankPartners` on those for their reasons, as `partnerfit suggest` does. Reports
 * build time, p50/p99 wall time of one suggestion and its mean CPU time (less
 * sensitive to a shared machine), members bounded and scored per search, and:
 * - recall@10 of each approximate budget against the exact mode over
 *   `--recall-queries` members (the exact mode is the reference: it equals
 *   `rankPartners` over every member, checked below and in test/core);
 * - for `--reference-queries` members, `rankPartners` over every member (seconds
 *   each at 1,000,000) against the exact mode (identical rankings) and each budget;
 * - the young-generation collections during the timed suggestions: how many, how long
 *   (median and longest), and the p99 of the suggestions that met none (the search's
 *   own tail, apart from the collector's).
 *
 *   node --max-old-space-size=16000 --import tsx scripts/bench/suggest-bench.ts --members 100000 [--queries 500] [--budgets 300,shared:300,shared:600] [--recall-queries 200] [--reference-queries 3] [--cache]
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { buildExactPartnerIndex, type ExactPartnerResult } from '../../src/core/retrieval/exact-partner-index.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { VectorPartSharer } from '../../src/core/vectors/shared-vector-parts.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateRosterRecords } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '500' },
    budgets: { type: 'string', default: '300,shared:300,shared:600' },
    'recall-queries': { type: 'string', default: '200' },
    'reference-queries': { type: 'string', default: '3' },
    // Keep the generated, vectorised members in .bench/ (JSON lines) and read them back next time: generating 1,000,000 takes minutes.
    cache: { type: 'boolean', default: false },
  },
});
const n = Number(values.members);
const budgets = values.budgets.split(',').filter(Boolean);
const knowledge = loadKnowledge();
const context = { knowledge };
const config = DEFAULT_SCORING_CONFIG;
const log = (m: string) => process.stderr.write(`${m}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

let t = performance.now();
// The cache holds one member per line as JSON, read back as the product reads a scope: each member
// parsed from its own JSON, then its vector's equal parts and strings kept once (src/app/scoring-jobs.ts).
const cacheFile = path.resolve(import.meta.dirname, `../../.bench/suggest-members-${n}-seed11.jsonl`);
const members = await readMembers();
async function readMembers(): Promise<ScoredMember[]> {
  // A sharer per load, dropped after it as the product drops it: it holds a key for every distinct part.
  const sharer = new VectorPartSharer();
  const read: ScoredMember[] = [];
  if (values.cache && existsSync(cacheFile)) {
    for await (const line of createInterface({ input: createReadStream(cacheFile), crlfDelay: Infinity })) {
      if (line) read.push(sharer.member(JSON.parse(line) as ScoredMember));
    }
    return read;
  }
  for (const record of generateRosterRecords(knowledge, { members: n, networks: Math.max(1, Math.round(n / 40)), seed: 11 })) {
    const parsed = parseMemberProfile(record);
    if (!parsed.success) continue;
    const p = parsed.profile;
    read.push(sharer.member({ id: p.id, network: p.network, name: p.name, vector: vectorizeMember(p, knowledge) }));
  }
  if (values.cache) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const out = createWriteStream(cacheFile);
    for (const m of read) if (!out.write(`${JSON.stringify(m)}\n`)) await once(out, 'drain');
    await new Promise((resolve) => out.end(resolve));
  }
  return read;
}
log(`${members.length} members ready in ${((performance.now() - t) / 1000).toFixed(1)} s`);

t = performance.now();
const index = buildExactPartnerIndex(members, knowledge);
const buildSeconds = (performance.now() - t) / 1000;
log(`built the partner index in ${buildSeconds.toFixed(1)} s (load ${load()})`);

type Mode = { readonly name: string; readonly search: (self: ScoredMember) => ExactPartnerResult };
const modes: Mode[] = [
  { name: 'exact', search: (self) => index.best(self, 10, config) },
  // "600" bounds every member, "shared:600" only those sharing an industry or contact role with self.
  ...budgets.map((spec) => {
    const sharedOnly = spec.startsWith('shared:');
    const budget = Number(spec.replace('shared:', ''));
    return {
      name: `approximate, budget ${budget}${sharedOnly ? ', shared only' : ''}`,
      search: (self: ScoredMember) => index.approximate(self, 10, config, budget, { sharedOnly }),
    };
  }),
];
const suggest = (mode: Mode, self: ScoredMember) => {
  const found = mode.search(self);
  return { found, ranked: rankPartners(self, found.partners.map((p) => p.member), context, config, { purpose: 'referral', top: 10 }) };
};
const ids = (ranked: readonly { pair: { other: string }; score: number }[]) => ranked.map((r) => [r.pair.other, r.score]);
const recallOf = (found: ReturnType<typeof ids>, exact: ReturnType<typeof ids>) => {
  const got = new Set(found.map(([id]) => id));
  return exact.filter(([id]) => got.has(id)).length / Math.max(1, exact.length);
};

const random = createRandom(5);
const queries = Number(values.queries);
const timedMembers = Array.from({ length: queries }, () => random.pick(members));
const recallMembers = Array.from({ length: Number(values['recall-queries']) }, () => random.pick(members));
const referenceMembers = Array.from({ length: Number(values['reference-queries']) }, () => random.pick(members));

// Young-generation collections (scavenges), with when they started and how long they took: the
// observer hears of them after the synchronous loop of timed suggestions.
const scavenges: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) {
      scavenges.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  }
}).observe({ entryTypes: ['gc'] });
/** The `p` quantile of ascending `sorted` (0 when empty). */
const quantile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const median = (xs: readonly number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);

const rows: string[] = [];
const collectionRows: string[] = [];
const exactAnswers = recallMembers.map((self) => ids(suggest(modes[0]!, self).ranked));
for (const mode of modes) {
  for (let i = 0; i < 50; i++) suggest(mode, random.pick(members));
  const latencies: number[] = [];
  let bounded = 0;
  let scored = 0;
  let provablyExact = 0;
  // The warm-up's collections are heard of first, then forgotten.
  await new Promise((resolve) => setTimeout(resolve, 50));
  scavenges.length = 0;
  const spans: { start: number; end: number }[] = [];
  const loadBefore = load();
  const cpuBefore = process.cpuUsage();
  for (const self of timedMembers) {
    const start = performance.now();
    const { found } = suggest(mode, self);
    const end = performance.now();
    latencies.push(end - start);
    spans.push({ start, end });
    bounded += found.bounded;
    scored += found.scored;
    if ('exact' in found && found.exact) provablyExact++;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const loadAfter = load();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const met = spans.map((span) => scavenges.some((gc) => gc.start < span.end && gc.end > span.start));
  const clean = latencies.filter((_, i) => !met[i]).sort((a, b) => a - b);
  const pauses = scavenges.map((gc) => gc.end - gc.start);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => quantile(latencies, p);
  const recall = recallMembers.reduce((sum, self, i) => sum + recallOf(ids(suggest(mode, self).ranked), exactAnswers[i]!), 0) / Math.max(1, recallMembers.length);
  const exactShare = mode === modes[0] ? '' : `, ${provablyExact}/${queries} provably exact`;
  log(`${mode.name}: load (1, 5, 15 min) before ${loadBefore}, after ${loadAfter}`);
  collectionRows.push(
    `| ${n.toLocaleString('en')} | ${mode.name} | ${met.filter(Boolean).length} of ${queries} | ${median(pauses).toFixed(2)} ms | ${Math.max(0, ...pauses).toFixed(2)} ms | ${quantile(clean, 0.99).toFixed(2)} ms |`,
  );
  rows.push(
    `| ${n.toLocaleString('en')} | ${mode.name} | ${pct(0.5).toFixed(2)} ms | ${pct(0.99).toFixed(2)} ms | ${((cpu.user + cpu.system) / 1000 / queries).toFixed(2)} ms | ${Math.round(bounded / queries)} | ${Math.round(scored / queries)} | ${recall.toFixed(3)} (${recallMembers.length} members${exactShare}) | ${loadBefore} |`,
  );
}

// The reference: rankPartners over every member.
const referenceRecall = modes.map(() => 0);
let identical = 0;
let referenceMs = 0;
for (const self of referenceMembers) {
  const start = performance.now();
  const reference = ids(rankPartners(self, members, context, config, { purpose: 'referral', top: 10 }));
  referenceMs += performance.now() - start;
  modes.forEach((mode, m) => {
    const found = ids(suggest(mode, self).ranked);
    referenceRecall[m]! += recallOf(found, reference) / referenceMembers.length;
    if (m === 0 && JSON.stringify(found) === JSON.stringify(reference)) identical++;
  });
}
const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
log(
  `rankPartners over every member for ${referenceMembers.length} members: ${(referenceMs / Math.max(1, referenceMembers.length)).toFixed(0)} ms each; ` +
    `exact mode identical ${identical}/${referenceMembers.length}; recall@10 against it ${modes.map((mode, m) => `${mode.name} ${referenceRecall[m]!.toFixed(3)}`).join(', ')}`,
);
log(`index build ${buildSeconds.toFixed(1)} s, RSS ${rss} MB, load now ${load()}`);
process.stdout.write(`| members | mode | p50 | p99 | CPU per suggestion | bounded | scored | recall@10 against exact | load before the timed queries |\n|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`);
process.stdout.write(
  `\n| members | mode | suggestions meeting a young-generation collection | its median pause | longest | p99 of the others |\n|---|---|---|---|---|---|\n${collectionRows.join('\n')}\n`,
);
