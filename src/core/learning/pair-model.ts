/**
 * A learned one-sided scorer: what a pair is worth to `self`, from the five criteria
 * and the confidence behind each (the evidence). The scorer combines the two sides
 * with the configured reciprocal rule, exactly as it does with default weights.
 * Inference is plain arithmetic (no TensorFlow.js in the core); training lives in
 * src/learning/. Parameters round-trip through a versioned JSON config.
 */
import { CRITERION_NAMES, type CriterionName, type CriterionResult } from '../criteria/criterion.ts';

export const PAIR_FEATURE_NAMES: readonly string[] = [
  ...CRITERION_NAMES.map((n) => `${n}.score`),
  ...CRITERION_NAMES.map((n) => `${n}.confidence`),
  // The activity evidence behind chemistry and mutual profit, as the criteria report it in their facts.
  'meetings.log',
  'meetings.ratingGiven',
  'meetings.ratingReceived',
  'referrals.receivedLog',
  'referrals.wonLog',
  'referrals.givenLog',
];

/**
 * Unknown scores enter as 0 with confidence 0: the model learns what "unknown" is
 * worth. Counts enter on a log scale, ratings mapped from 1–5 to [0, 1] (0 = none).
 */
export function pairFeatures(results: Readonly<Record<CriterionName, CriterionResult>>): number[] {
  const features: number[] = [];
  for (const name of CRITERION_NAMES) features.push(results[name].score ?? 0);
  for (const name of CRITERION_NAMES) features.push(results[name].score === null ? 0 : results[name].confidence);
  const meetings = results.chemistry.facts.find((f) => f.key === 'one-to-ones');
  const referrals = results.mutualProfit.facts.find((f) => f.key === 'referral-record');
  const rating = (stars: number | null | undefined) => (stars == null ? 0 : (stars - 1) / 4);
  features.push(
    meetings?.key === 'one-to-ones' ? Math.log1p(meetings.meetings) / 3 : 0,
    meetings?.key === 'one-to-ones' ? rating(meetings.mine) : 0,
    meetings?.key === 'one-to-ones' ? rating(meetings.theirs) : 0,
    referrals?.key === 'referral-record' ? Math.log1p(referrals.received) / 3 : 0,
    referrals?.key === 'referral-record' ? Math.log1p(referrals.won) / 3 : 0,
    referrals?.key === 'referral-record' ? Math.log1p(referrals.given) / 3 : 0,
  );
  return features;
}

export interface PairModel {
  readonly version: string;
  oneSided(results: Readonly<Record<CriterionName, CriterionResult>>): number;
}

export interface LogisticModelConfig {
  readonly kind: 'logistic';
  /** Format of this config; bump when its meaning changes. */
  readonly formatVersion: 1;
  readonly version: string;
  readonly featureNames: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
}

export function logisticPairModel(config: LogisticModelConfig): PairModel {
  if (config.featureNames.join() !== PAIR_FEATURE_NAMES.join()) {
    throw new Error(`model ${config.version} was trained on other features (${config.featureNames.join(', ')})`);
  }
  const { weights, bias } = config;
  return {
    version: config.version,
    oneSided(results) {
      const x = pairFeatures(results);
      let z = bias;
      for (let i = 0; i < x.length; i++) z += weights[i]! * x[i]!;
      return 1 / (1 + Math.exp(-z));
    },
  };
}
