/**
 * The fast scorers against the reference: `scoreCompiledPair` must return exactly
 * `scorePair(a, b).score` (or flag the direct competitors `rankPartners` leaves out),
 * and the exact partner index exactly `rankPartners` over every member: same
 * partners, scores and order. Checked on the demo network, the four-language fixture
 * and a seeded generated federation (many trades, regions, sizes, languages, and
 * members without interests, deal values or industries).
 */
import { describe, expect, it } from 'vitest';
import { MemberCompiler } from '../../src/core/scoring/compiled-member.ts';
import { compileConfig, competitorOverlap, DIRECT_COMPETITOR, scoreCompiledPair, tradePairOf } from '../../src/core/scoring/compiled-pair-scorer.ts';
import { scorePair } from '../../src/core/scoring/pair-scorer.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../src/core/scoring/scoring-config.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { buildExactPartnerIndex } from '../../src/core/retrieval/exact-partner-index.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { demoMembers, generatedMembers, knowledge, membersFromCsv } from '../support/demo-members.ts';

const populations: [string, ScoredMember[]][] = [
  ['the demo network', demoMembers()],
  ['the four-language fixture', membersFromCsv('../fixtures/four-languages.csv')],
  ['a generated federation', generatedMembers(1500, { networks: 5, seed: 31 })],
];
const configs: ScoringConfig[] = [
  DEFAULT_SCORING_CONFIG,
  { ...DEFAULT_SCORING_CONFIG, version: 'test-geometric', combination: 'geometric', weights: { chemistry: 0.4, complementarity: 0.1, sharedCustomers: 0.1, sharedContacts: 0.3, mutualProfit: 0.1 } },
  // Customers and contacts first: members sharing no industry, role or interest are ruled out by the posting lists' bound.
  { ...DEFAULT_SCORING_CONFIG, version: 'test-customers', weights: { chemistry: 0.05, complementarity: 0.05, sharedCustomers: 0.5, sharedContacts: 0.35, mutualProfit: 0.05 } },
];
const context = { knowledge };

describe.each(populations)('on %s', (_, members) => {
  it('scoreCompiledPair equals scorePair on every sampled pair', () => {
    const compiler = new MemberCompiler(knowledge);
    const compiled = members.map((m) => compiler.compile(m));
    const random = createRandom(3);
    for (const config of configs) {
      const fast = compileConfig(config, compiler);
      for (let n = 0; n < 4000; n++) {
        const i = random.int(members.length);
        const j = random.int(members.length);
        if (i === j) continue;
        const a = compiled[i]!;
        const b = compiled[j]!;
        const reference = scorePair(members[i]!, members[j]!, context, config);
        const expected = reference.competition.level === 'direct' ? DIRECT_COMPETITOR : reference.score;
        const trades = tradePairOf(a.trade, b.trade, knowledge);
        const score = scoreCompiledPair(a, b, trades, competitorOverlap(a, b), fast);
        expect(score, `${a.id} ${b.id}`).toBe(expected);
        // Without the competitor overlap: an upper bound.
        if (expected !== DIRECT_COMPETITOR) expect(scoreCompiledPair(a, b, trades, 0, fast)).toBeGreaterThanOrEqual(expected);
      }
    }
  });

  it('the exact partner index ranks as rankPartners over every member', () => {
    const index = buildExactPartnerIndex(members, knowledge, { splitMin: 1 });
    const defaultIndex = buildExactPartnerIndex(members, knowledge);
    const random = createRandom(5);
    let splitTrades = 0;
    for (const config of configs) {
      for (let n = 0; n < 25; n++) {
        const self = random.pick(members);
        const top = [1, 3, 10][n % 3]!;
        const expected = rankPartners(self, members, context, config, { purpose: 'referral', top }).map((r) => [r.pair.other, r.score]);
        const result = index.best(self, top, config);
        splitTrades += result.splitTrades;
        expect(result.partners.map((p) => [p.member.id, p.score]), self.id).toEqual(expected);
        // With the default split threshold only the largest trades are opened in two steps (sharing members first).
        expect(defaultIndex.best(self, top, config).partners.map((p) => [p.member.id, p.score]), `${self.id}, default index`).toEqual(expected);
      }
    }
    if (members.length > 1000) expect(splitTrades).toBeGreaterThan(0);
  });

  it('a floor under the k-th best score changes nothing; one above it is reported incomplete', () => {
    const index = buildExactPartnerIndex(members, knowledge);
    const random = createRandom(9);
    let incomplete = 0;
    /** Members bounded in all: with a floor well under the k-th best score, close to it (mean of two), without. */
    const bounded = [0, 0, 0];
    for (let n = 0; n < 40; n++) {
      const self = random.pick(members);
      const top = [3, 10][n % 2]!;
      const plain = index.best(self, top, DEFAULT_SCORING_CONFIG);
      const expected = plain.partners.map((p) => [p.member.id, p.score]);
      expect(plain.complete).toBe(true);
      if (plain.partners.length < top) {
        // Fewer partners than asked for: any finite floor leaves the answer unproven.
        expect(index.best(self, top, DEFAULT_SCORING_CONFIG, { floor: 0 }).complete, self.id).toBe(false);
        continue;
      }
      const kth = plain.partners[top - 1]!.score;
      for (const floor of [kth - 0.2, kth - 0.01, kth]) {
        const guessed = index.best(self, top, DEFAULT_SCORING_CONFIG, { floor });
        expect(guessed.complete, `${self.id} floor ${floor}`).toBe(true);
        expect(guessed.partners.map((p) => [p.member.id, p.score]), `${self.id} floor ${floor}`).toEqual(expected);
        bounded[floor === kth - 0.2 ? 0 : 1]! += guessed.bounded / (floor === kth - 0.2 ? 1 : 2);
      }
      bounded[2]! += plain.bounded;
      const above = index.best(self, top, DEFAULT_SCORING_CONFIG, { floor: kth + 0.001 });
      expect(above.complete, self.id).toBe(false);
      incomplete++;
    }
    expect(incomplete).toBeGreaterThan(0);
    // With a floor, trades are opened as soon as their bound reaches it (not best first): a few more
    // members bounded than best first from −∞ (at most 1% in these networks), never many.
    expect(bounded[0]).toBeLessThanOrEqual(bounded[2]! * 1.02);
    expect(bounded[1]).toBeLessThanOrEqual(bounded[2]! * 1.02);
  });
});
