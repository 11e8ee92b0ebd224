/**
 * The interface every compatibility criterion implements. A criterion answers, for
 * an ordered pair (self, other): how good is `other` as a referral partner for
 * `self` on this one aspect? Symmetric criteria answer the same both ways.
 * `score` is null when there is no evidence: unknown stays unknown.
 */
import type { ActivityEvidence } from '../activity/pair-evidence.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';

export const CRITERION_NAMES = ['chemistry', 'complementarity', 'sharedCustomers', 'sharedContacts', 'mutualProfit'] as const;
export type CriterionName = (typeof CRITERION_NAMES)[number];

export interface CriterionResult {
  /** In [0, 1], or null when nothing is known. */
  readonly score: number | null;
  /** How much evidence stands behind the score, in [0, 1]. */
  readonly confidence: number;
  /** The evidence used, as facts that reasons are written from. */
  readonly facts: readonly ReasonFact[];
}

export interface ScoringContext {
  readonly knowledge: EngineKnowledge;
  /** One-to-ones and referrals, when there are any: chemistry and mutual profit read them. */
  readonly activity?: ActivityEvidence | undefined;
}

export interface Criterion {
  readonly name: CriterionName;
  readonly symmetric: boolean;
  evaluate(self: ScoredMember, other: ScoredMember, context: ScoringContext): CriterionResult;
}

export const UNKNOWN: CriterionResult = { score: null, confidence: 0, facts: [] };
