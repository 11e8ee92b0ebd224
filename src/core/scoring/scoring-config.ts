/**
 * The scoring configuration: criterion weights, the reciprocal combination rule and
 * thresholds, in one versioned object. Every stored or returned score names the
 * config (or trained model) version that produced it. A trained model (see
 * `models/`) replaces the weights; the defaults below are hand-set from the seeds:
 * complementarity first (no partnership without it), then shared customers and
 * contacts, then the priors for chemistry and profit, which are weak until activity
 * data exists.
 */
import type { CriterionName } from '../criteria/criterion.ts';
import type { PairModel } from '../learning/pair-model.ts';

export const COMBINATION_RULES = ['harmonic', 'geometric', 'arithmetic', 'minimum'] as const;
export type CombinationRule = (typeof COMBINATION_RULES)[number];

export interface ScoringConfig {
  readonly version: string;
  readonly weights: Readonly<Record<CriterionName, number>>;
  /** How the two one-sided scores become one reciprocal score. */
  readonly combination: CombinationRule;
  /** A partner scoring at least this is a "good partner" (an ambassador) in the report. */
  readonly goodPartner: number;
  /** A trained one-sided scorer that replaces the weights (its version is then `version`). */
  readonly model?: PairModel | undefined;
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  version: 'default-1',
  weights: { chemistry: 0.15, complementarity: 0.3, sharedCustomers: 0.2, sharedContacts: 0.2, mutualProfit: 0.15 },
  combination: 'harmonic',
  goodPartner: 0.55,
};

/** Combines the two one-sided scores of a pair. All rules are symmetric and in [0, 1]. */
export function combineReciprocal(x: number, y: number, rule: CombinationRule): number {
  switch (rule) {
    case 'harmonic':
      return x + y > 0 ? (2 * x * y) / (x + y) : 0;
    case 'geometric':
      return Math.sqrt(x * y);
    case 'arithmetic':
      return (x + y) / 2;
    case 'minimum':
      return Math.min(x, y);
  }
}
