/**
 * The good partnerships of a network, the all-pairs part of the network report: every
 * pair not in direct competition whose reciprocal score reaches the good-partner
 * threshold, with its full `scorePair` breakdown (the report returns it).
 *
 * Every pair is scored by the compiled exact scorer (a few µs a pair, the same score
 * bit for bit), first without the competitor overlap (an upper bound: most pairs end
 * there); only the partnerships are scored again by `scorePair`. The compiled scorer
 * knows neither trained models nor activity evidence, so:
 * - with a trained model (`config.model`, which replaces the weighted mean for every
 *   pair) every pair is scored by `scorePair`;
 * - with activity evidence, the pairs that met or referred (either way) are scored by
 *   `scorePair`; for the others chemistry and mutual profit return their profile
 *   priors (`chemistryFromMeetings`, `mutualProfitFromLedger`), which is what the
 *   compiled scorer computes.
 * Pure.
 */
import type { ScoringContext } from '../criteria/criterion.ts';
import { MemberCompiler } from '../scoring/compiled-member.ts';
import { compileConfig, competitorOverlap, DIRECT_COMPETITOR, scoreCompiledPair, TradePairCache } from '../scoring/compiled-pair-scorer.ts';
import { scorePair, type PairScore } from '../scoring/pair-scorer.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';

/** The good partnerships, pair (i, j) of `members` before (i, j') for j < j', i < j: the order of a double loop. */
export function findGoodPartnerships(members: readonly ScoredMember[], context: ScoringContext, config: ScoringConfig): PairScore[] {
  const found: PairScore[] = [];
  const keep = (self: ScoredMember, other: ScoredMember) => {
    const pair = scorePair(self, other, context, config);
    if (pair.competition.level !== 'direct' && pair.score >= config.goodPartner) found.push(pair);
  };
  if (config.model) {
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) keep(members[i]!, members[j]!);
    return found;
  }
  const compiler = new MemberCompiler(context.knowledge);
  const compiled = members.map((m) => compiler.compile(m));
  const fast = compileConfig(config, compiler);
  const trades = new TradePairCache(context.knowledge);
  const { activity } = context;
  for (let i = 0; i < members.length; i++) {
    const a = compiled[i]!;
    for (let j = i + 1; j < members.length; j++) {
      const b = compiled[j]!;
      if (activity && (activity.directed(a.id, b.id) !== null || activity.directed(b.id, a.id) !== null)) {
        keep(members[i]!, members[j]!);
        continue;
      }
      const tradePair = trades.get(a.trade, b.trade);
      const upper = scoreCompiledPair(a, b, tradePair, 0, fast);
      if (upper < config.goodPartner) continue;
      const overlap = competitorOverlap(a, b);
      const score = overlap === 0 ? upper : scoreCompiledPair(a, b, tradePair, overlap, fast);
      if (score === DIRECT_COMPETITOR || score < config.goodPartner) continue;
      keep(members[i]!, members[j]!);
    }
  }
  return found;
}

