/**
 * Criterion 5, mutual profit: can `self` earn money from `other`? Directional. The
 * evidence is the referral ledger: referrals other passed to self, how many of the
 * decided ones self won, and their value; referrals self gave that were never
 * returned count against self's side (that is how a lopsided pair shows). Without a
 * ledger it is a profile prior with low confidence: how much other's customers need
 * self's services times how much a deal is worth to self. The pair-level rule flags
 * lopsided pairs (one side gains much more).
 */
import type { ActivityEvidence } from '../activity/pair-evidence.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { cosine, isEmpty } from '../scoring/similarity.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import { complementLink, linkExplains } from './complementarity-criterion.ts';
import { UNKNOWN, type Criterion, type CriterionResult } from './criterion.ts';

/** A typical deal's weight for referrals, on a log scale: 100 EUR → 0.4, 10,000 EUR → 0.8. */
export function dealFactor(eur: number | null): number {
  if (eur === null || eur <= 0) return 0.5;
  return Math.min(1, Math.max(0.1, Math.log10(eur) / 5));
}

// Shared by every prior (frozen: facts are never changed).
const PROFILE_ONLY: ReasonFact = Object.freeze({ key: 'profile-only', criterion: 'mutualProfit' } as const);

export function mutualProfitPrior(self: ScoredMember, other: ScoredMember, knowledge: EngineKnowledge): CriterionResult {
  if (self.vector.services.length === 0 || other.vector.services.length === 0) {
    if (isEmpty(self.vector.areas) || isEmpty(other.vector.areas)) return UNKNOWN;
  }
  const facts: ReasonFact[] = [];
  const link = complementLink(other, self, knowledge);
  // Demand: other's customers need what self sells.
  let demand = 0.3 * cosine(self.vector.areas, other.vector.areas);
  if (link) {
    demand = Math.max(demand, 0.6 + 0.4 * link.strength);
    // "Their accounting customers need your payroll" says nothing when both do payroll.
    if (linkExplains(link, other, self)) facts.push({ key: 'referral-demand', theirs: link.mine, mine: link.theirs });
  }
  const mine = self.vector.dealValueEur;
  const theirs = other.vector.dealValueEur;
  if (mine !== null && theirs !== null) facts.push({ key: 'deal-value', mineEur: mine, theirsEur: theirs });
  facts.push(PROFILE_ONLY);
  const score = demand * (0.6 + 0.4 * dealFactor(mine));
  return { score: round(score), confidence: mine !== null ? 0.3 : 0.2, facts };
}

/**
 * The ledger's view, blended with the prior by the volume of referrals between the
 * two (either way): conversion is Laplace-smoothed over decided referrals, volume
 * saturates (1 - e^(-n/2)), value per won deal on dealFactor's log scale.
 */
export function mutualProfitFromLedger(self: ScoredMember, other: ScoredMember, activity: ActivityEvidence, prior: CriterionResult): CriterionResult {
  const received = activity.directed(other.id, self.id);
  const given = activity.directed(self.id, other.id);
  const nIn = received?.referrals ?? 0;
  const nOut = given?.referrals ?? 0;
  if ((received?.referralCount ?? 0) + (given?.referralCount ?? 0) === 0) return prior;
  const won = received?.won ?? 0;
  const conversion = (won + 1) / (won + (received?.lost ?? 0) + 2);
  const volume = 1 - Math.exp(-nIn / 2);
  const perDeal = won > 0 ? received!.wonValueEur / won : self.vector.dealValueEur;
  const evidence = volume * (0.4 + 0.6 * conversion) * (0.6 + 0.4 * dealFactor(perDeal));
  const confidence = 0.35 + 0.6 * (1 - Math.exp(-(nIn + nOut) / 3));
  const score = prior.score === null ? evidence : confidence * evidence + (1 - confidence) * prior.score;
  const facts: ReasonFact[] = [
    {
      key: 'referral-record',
      received: received?.referralCount ?? 0,
      won: received?.wonCount ?? 0,
      valueEur: Math.round(received?.wonValueTotalEur ?? 0),
      given: given?.referralCount ?? 0,
    },
    ...prior.facts.filter((f) => f.key !== 'profile-only'),
  ];
  return { score: round(score), confidence: round(Math.max(confidence, prior.confidence)), facts };
}

export const mutualProfitCriterion: Criterion = {
  name: 'mutualProfit',
  symmetric: false,
  evaluate(self, other, context) {
    const prior = mutualProfitPrior(self, other, context.knowledge);
    return context.activity ? mutualProfitFromLedger(self, other, context.activity, prior) : prior;
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
