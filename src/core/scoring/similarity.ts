/**
 * Similarity measures over the parts of member vectors. All return values in [0, 1]
 * and are symmetric in their arguments.
 */
import type { WeightedConcept, Weights } from '../vectors/member-vector.ts';

/** Weighted Jaccard: Σ min / Σ max over concept ids. */
export function weightedJaccard(a: readonly WeightedConcept[], b: readonly WeightedConcept[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const weights = new Map<string, [number, number]>();
  for (const c of a) weights.set(c.id, [c.weight, 0]);
  for (const c of b) weights.set(c.id, [weights.get(c.id)?.[0] ?? 0, c.weight]);
  let min = 0;
  let max = 0;
  for (const [x, y] of weights.values()) {
    min += Math.min(x, y);
    max += Math.max(x, y);
  }
  return max > 0 ? min / max : 0;
}

export function cosine<K extends string>(a: Weights<K>, b: Weights<K>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of Object.entries(a) as [K, number][]) {
    na += v * v;
    dot += v * (b[k] ?? 0);
  }
  for (const v of Object.values(b) as number[]) nb += v * v;
  return na > 0 && nb > 0 ? Math.min(1, dot / Math.sqrt(na * nb)) : 0;
}

export function setJaccard<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const shared = new Set(a.filter((x) => sb.has(x))).size;
  return shared / new Set([...a, ...b]).size;
}

export function shared<T>(a: readonly T[], b: readonly T[]): T[] {
  const sb = new Set(b);
  return [...new Set(a.filter((x) => sb.has(x)))];
}

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

export function isEmpty(weights: Weights<string>): boolean {
  return Object.keys(weights).length === 0;
}
