/**
 * Fits the retrieval block weights (src/core/retrieval/partner-embedding.ts): least
 * squares of the exact reciprocal pair score on the per-block cosines of query and
 * item embeddings, over random pairs of a generated roster (direct competitors left
 * out: they are never suggested). Prints the weights to paste into
 * DEFAULT_BLOCK_WEIGHTS, negative ones clipped to 0.
 *
 *   node --import tsx scripts/bench/fit-retrieval-weights.ts [--members 4000] [--pairs 40000]
 */
import { parseArgs } from 'node:util';
import { Matrix, solve } from 'ml-matrix';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { BLOCK_NAMES, createPartnerEmbedder, type BlockName } from '../../src/core/retrieval/partner-embedding.ts';
import { scorePair } from '../../src/core/scoring/pair-scorer.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateRosterRecords } from './roster-generator.ts';

const { values } = parseArgs({ options: { members: { type: 'string', default: '4000' }, pairs: { type: 'string', default: '40000' } } });
const knowledge = loadKnowledge();
const members: ScoredMember[] = [];
for (const record of generateRosterRecords(knowledge, { members: Number(values.members), networks: 100, seed: 77 })) {
  const parsed = parseMemberProfile(record);
  if (parsed.success) members.push({ id: parsed.profile.id, network: null, name: '', vector: vectorizeMember(parsed.profile, knowledge) });
}
const unitWeights = Object.fromEntries(BLOCK_NAMES.map((b) => [b, 1])) as Record<BlockName, number>;
const embedder = createPartnerEmbedder(knowledge, unitWeights);
const random = createRandom(3);
const rows: number[][] = [];
const scores: number[] = [];
for (let i = 0; i < Number(values.pairs); i++) {
  const a = random.pick(members);
  const b = random.pick(members);
  if (a === b) continue;
  const pair = scorePair(a, b, { knowledge }, DEFAULT_SCORING_CONFIG);
  if (pair.competition.level === 'direct') continue;
  const q = embedder.query(a.vector);
  const d = embedder.item(b.vector);
  rows.push([...embedder.blocks.map(({ start, end }) => {
    let dot = 0;
    for (let j = start; j < end; j++) dot += q[j]! * d[j]!;
    return dot;
  }), 1]);
  scores.push(pair.score);
}
const fitted = solve(new Matrix(rows), Matrix.columnVector(scores));
const weights = Object.fromEntries(BLOCK_NAMES.map((b, i) => [b, Math.max(0, Math.round(fitted.get(i, 0) * 1000) / 1000)]));
process.stdout.write(`${rows.length} pairs; bias ${fitted.get(BLOCK_NAMES.length, 0).toFixed(3)}\n${JSON.stringify(weights)}\n`);
