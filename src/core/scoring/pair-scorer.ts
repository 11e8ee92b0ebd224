/**
 * Scoring a pair on all five criteria, both ways, and combining the two one-sided
 * scores into one reciprocal score: both sides must want the partnership.
 */
import { CRITERIA } from '../criteria/all-criteria.ts';
import { CRITERION_NAMES, type CriterionName, type CriterionResult, type ScoringContext } from '../criteria/criterion.ts';
import { detectCompetition, type Competition } from '../competition/competitor-detector.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { combineReciprocal, type ScoringConfig } from './scoring-config.ts';
import type { ScoredMember } from './scored-member.ts';

export type CriterionScores = Readonly<Record<CriterionName, number | null>>;

export interface PairScore {
  readonly self: string;
  readonly other: string;
  /** Reciprocal score in [0, 1]. */
  readonly score: number;
  /** What the partnership is worth to self, and to other. */
  readonly forSelf: number;
  readonly forOther: number;
  /** Per criterion, for the pair (directional criteria: the reciprocal of both ways); null = unknown. */
  readonly criteria: CriterionScores;
  readonly confidence: Readonly<Record<CriterionName, number>>;
  readonly competition: Competition;
  /**
   * Mutual profit each way (the one directional criterion; null = unknown): what self
   * can earn from other, and other from self. `criteria.mutualProfit` combines the two,
   * so it is 0 when one side gains nothing, however much the other gains.
   */
  readonly mutualProfitBothWays: { readonly forSelf: number | null; readonly forOther: number | null };
  /** One side gains much more than the other. */
  readonly lopsided: boolean;
  /** Evidence, from self's point of view (may repeat; the reason writer writes each sentence once). */
  readonly facts: readonly ReasonFact[];
  readonly configVersion: string;
}

const LOPSIDED_GAP = 0.3;

function oneSided(results: Record<CriterionName, CriterionResult>, config: ScoringConfig): number {
  let sum = 0;
  let weight = 0;
  for (const name of CRITERION_NAMES) {
    const { score, confidence } = results[name];
    if (score === null) continue;
    // Weak evidence counts for less than strong evidence of the same criterion.
    const w = config.weights[name] * (0.5 + 0.5 * confidence);
    sum += w * score;
    weight += w;
  }
  return weight > 0 ? sum / weight : 0;
}

export function scorePair(self: ScoredMember, other: ScoredMember, context: ScoringContext, config: ScoringConfig): PairScore {
  const mine = {} as Record<CriterionName, CriterionResult>;
  const theirs = {} as Record<CriterionName, CriterionResult>;
  for (const criterion of CRITERIA) {
    mine[criterion.name] = criterion.evaluate(self, other, context);
    theirs[criterion.name] = criterion.symmetric ? mine[criterion.name] : criterion.evaluate(other, self, context);
  }
  // A trained model, when the config carries one, replaces the weighted mean (see learning/pair-model.ts).
  const forSelf = config.model ? config.model.oneSided(mine) : oneSided(mine, config);
  const forOther = config.model ? config.model.oneSided(theirs) : oneSided(theirs, config);
  const criteria = {} as Record<CriterionName, number | null>;
  const confidence = {} as Record<CriterionName, number>;
  for (const name of CRITERION_NAMES) {
    const x = mine[name].score;
    const y = theirs[name].score;
    criteria[name] = x === null || y === null ? null : round(combineReciprocal(x, y, config.combination));
    confidence[name] = Math.min(mine[name].confidence, theirs[name].confidence);
  }
  const competition = detectCompetition(self, other);
  const profitMine = mine.mutualProfit.score;
  const profitTheirs = theirs.mutualProfit.score;
  const lopsided = profitMine !== null && profitTheirs !== null && Math.abs(profitMine - profitTheirs) >= LOPSIDED_GAP;
  const facts: ReasonFact[] = CRITERION_NAMES.flatMap((name) => mine[name].facts);
  if (lopsided) facts.push({ key: 'lopsided', favours: profitMine! > profitTheirs! ? 'me' : 'them' });
  return {
    self: self.id,
    other: other.id,
    score: round(combineReciprocal(forSelf, forOther, config.combination)),
    forSelf: round(forSelf),
    forOther: round(forOther),
    criteria,
    confidence,
    competition,
    mutualProfitBothWays: { forSelf: profitMine, forOther: profitTheirs },
    lopsided,
    facts,
    configVersion: config.version,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
