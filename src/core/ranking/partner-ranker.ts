/**
 * Ranking partners for one member. `referral`: the reciprocal five-criteria score;
 * direct competitors never appear. `overflow`: members of the same trade, ranked by
 * complementary capacity (one over, the other under) and shared customers, the
 * freelancer networks' way of passing on work they cannot take.
 */
import { chemistryCriterion } from '../criteria/chemistry-criterion.ts';
import type { ScoringContext } from '../criteria/criterion.ts';
import { sharedCustomersCriterion } from '../criteria/shared-customers-criterion.ts';
import { PARTIAL_OVERLAP } from '../competition/competitor-detector.ts';
import type { Capacity } from '../profile/member-profile.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { scorePair, type PairScore } from '../scoring/pair-scorer.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { TopK } from './top-k.ts';

export type Purpose = 'referral' | 'overflow';
export const PURPOSES: readonly Purpose[] = ['referral', 'overflow'];

export interface RankOptions {
  readonly purpose: Purpose;
  readonly top: number;
}

export interface RankedPartner {
  readonly pair: PairScore;
  /** The ranking score: the reciprocal score for referrals, the overflow score for overflow. */
  readonly score: number;
  readonly facts: readonly ReasonFact[];
}

const CAPACITY_FIT: Record<Capacity, Record<Capacity, number>> = {
  over: { over: 0.1, balanced: 0.6, under: 1 },
  balanced: { over: 0.6, balanced: 0.3, under: 0.6 },
  under: { over: 1, balanced: 0.6, under: 0.1 },
};

export function capacityFit(a: Capacity | null, b: Capacity | null): number {
  return a && b ? CAPACITY_FIT[a][b] : 0.4;
}

/** One candidate's place in the ranking, or null when it does not belong there. */
export function rankCandidate(
  self: ScoredMember,
  other: ScoredMember,
  context: ScoringContext,
  config: ScoringConfig,
  purpose: Purpose,
): RankedPartner | null {
  if (other.id === self.id) return null;
  const pair = scorePair(self, other, context, config);
  if (purpose === 'referral') {
    if (pair.competition.level === 'direct') return null;
    return { pair, score: pair.score, facts: pair.facts };
  }
  // Overflow: only members of the same trade can take over each other's work.
  if (pair.competition.overlap < PARTIAL_OVERLAP) return null;
  const customers = sharedCustomersCriterion.evaluate(self, other, context);
  const chemistry = chemistryCriterion.evaluate(self, other, context);
  const capacity = capacityFit(self.vector.capacity, other.vector.capacity);
  const score = 0.55 * capacity + 0.3 * (customers.score ?? 0.5) + 0.15 * (chemistry.score ?? 0.5);
  const facts: ReasonFact[] = [
    ...(self.vector.capacity && other.vector.capacity ? [{ key: 'capacity', mine: self.vector.capacity, theirs: other.vector.capacity } as const] : []),
    ...pair.competition.facts,
    ...customers.facts,
    ...chemistry.facts,
  ];
  return { pair, score: Math.round(score * 1000) / 1000, facts };
}

export function compareRanked(a: RankedPartner, b: RankedPartner): number {
  // Higher score first; ties broken by id so rankings are deterministic.
  return a.score - b.score || (a.pair.other < b.pair.other ? 1 : a.pair.other > b.pair.other ? -1 : 0);
}

/** The best `top` partners among candidates (any iterable, consumed once). */
export function rankPartners(
  self: ScoredMember,
  candidates: Iterable<ScoredMember>,
  context: ScoringContext,
  config: ScoringConfig,
  options: RankOptions,
): RankedPartner[] {
  const best = new TopK<RankedPartner>(options.top, compareRanked);
  for (const other of candidates) {
    const ranked = rankCandidate(self, other, context, config, options.purpose);
    if (ranked) best.push(ranked);
  }
  return best.sorted();
}
