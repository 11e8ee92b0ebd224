/**
 * Criterion 5, mutual profit: can `self` earn money from `other`? Directional: the
 * value for self is how much other's customers need self's services (other can
 * refer them) times how much a deal is worth to self. Until a referral ledger exists
 * this is a profile prior with low confidence; the pair-level rule flags lopsided
 * pairs (one side gains much more).
 */
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { cosine, isEmpty } from '../scoring/similarity.ts';
import { complementLink } from './complementarity-criterion.ts';
import { UNKNOWN, type Criterion } from './criterion.ts';

/** A typical deal's weight for referrals, on a log scale: 100 EUR → 0.4, 10,000 EUR → 0.8. */
export function dealFactor(eur: number | null): number {
  if (eur === null || eur <= 0) return 0.5;
  return Math.min(1, Math.max(0.1, Math.log10(eur) / 5));
}

export const mutualProfitCriterion: Criterion = {
  name: 'mutualProfit',
  symmetric: false,
  evaluate(self, other, { knowledge }) {
    if (self.vector.services.length === 0 || other.vector.services.length === 0) {
      if (isEmpty(self.vector.areas) || isEmpty(other.vector.areas)) return UNKNOWN;
    }
    const facts: ReasonFact[] = [];
    const link = complementLink(other, self, knowledge);
    // Demand: other's customers need what self sells.
    let demand = 0.3 * cosine(self.vector.areas, other.vector.areas);
    if (link) {
      demand = Math.max(demand, 0.6 + 0.4 * link.strength);
      facts.push({ key: 'referral-demand', theirs: link.mine, mine: link.theirs });
    }
    const mine = self.vector.dealValueEur;
    const theirs = other.vector.dealValueEur;
    if (mine !== null && theirs !== null) facts.push({ key: 'deal-value', mineEur: mine, theirsEur: theirs });
    facts.push({ key: 'profile-only', criterion: 'mutualProfit' });
    const score = demand * (0.6 + 0.4 * dealFactor(mine));
    return { score: Math.round(score * 1000) / 1000, confidence: mine !== null ? 0.3 : 0.2, facts };
  },
};
