/**
 * Candidate rules for combining two one-sided scores into one reciprocal score, for
 * the comparison on real two-sided decisions (speed dating; see docs/evaluation.md).
 * The scorer's own rule is chosen from `COMBINATION_RULES` in scoring-config.ts.
 */
export const RECIPROCAL_RULES = ['arithmetic', 'geometric', 'harmonic', 'cross-ratio'] as const;
export type ReciprocalRule = (typeof RECIPROCAL_RULES)[number];

/**
 * The cross-ratio uninorm with neutral element 1/2: xy / (xy + (1-x)(1-y)). Two
 * scores above 1/2 reinforce each other, two below weaken each other; the
 * contradictory corners (0, 1) and (1, 0) are defined as 0 (no reciprocity).
 */
export function crossRatioUninorm(x: number, y: number): number {
  const yes = x * y;
  const no = (1 - x) * (1 - y);
  return yes + no > 0 ? yes / (yes + no) : 0;
}

export function combineByRule(x: number, y: number, rule: ReciprocalRule): number {
  switch (rule) {
    case 'arithmetic':
      return (x + y) / 2;
    case 'geometric':
      return Math.sqrt(x * y);
    case 'harmonic':
      return x + y > 0 ? (2 * x * y) / (x + y) : 0;
    case 'cross-ratio':
      return crossRatioUninorm(x, y);
  }
}
