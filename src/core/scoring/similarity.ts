/**
 * Similarity measures over the parts of member vectors. All return values in [0, 1]
 * and are symmetric in their arguments.
 */
import type { WeightedConcept, Weights } from '../vectors/member-vector.ts';

/**
 * Weighted Jaccard: Σ min / Σ max over concept ids. An id listed twice counts once,
 * with its last weight; the sums run over a's ids, then b's others, each in the order
 * first listed (the order a map of the ids would give). Lists are short: they are
 * searched, so a pair allocates nothing (a suggestion scores many pairs).
 */
export function weightedJaccard(a: readonly WeightedConcept[], b: readonly WeightedConcept[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let min = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const id = a[i]!.id;
    if (indexOfId(a, id) < i) continue;
    const x = lastWeight(a, id, i);
    const y = lastWeight(b, id, 0);
    min += Math.min(x, y);
    max += Math.max(x, y);
  }
  for (let j = 0; j < b.length; j++) {
    const id = b[j]!.id;
    if (indexOfId(b, id) < j || indexOfId(a, id) >= 0) continue;
    const y = lastWeight(b, id, j);
    min += Math.min(0, y);
    max += Math.max(0, y);
  }
  return max > 0 ? min / max : 0;
}

function indexOfId(list: readonly WeightedConcept[], id: string): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return i;
  return -1;
}

/** The weight of `id`'s last entry in `list` at or after `from`; 0 when there is none. */
function lastWeight(list: readonly WeightedConcept[], id: string, from: number): number {
  let weight = 0;
  for (let i = from; i < list.length; i++) if (list[i]!.id === id) weight = list[i]!.weight;
  return weight;
}

/** Cosine of two weight maps, each summed in its keys' order. */
export function cosine<K extends string>(a: Weights<K>, b: Weights<K>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const k in a) {
    const v = a[k]!;
    na += v * v;
    dot += v * (b[k] ?? 0);
  }
  for (const k in b) {
    const v = b[k]!;
    nb += v * v;
  }
  return na > 0 && nb > 0 ? Math.min(1, dot / Math.sqrt(na * nb)) : 0;
}

/** |a ∩ b| / |a ∪ b| over distinct items. Short lists (sizes, industries) are searched; long ones go through sets. */
export function setJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length * b.length > 256) {
    const sb = new Set(b);
    const common = new Set(a.filter((x) => sb.has(x))).size;
    return common / new Set([...a, ...b]).size;
  }
  // Each distinct item counted at its first place: a's, then b's not in a.
  let common = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.indexOf(a[i]!) < i) continue;
    union++;
    if (b.includes(a[i]!)) common++;
  }
  for (let j = 0; j < b.length; j++) if (b.indexOf(b[j]!) === j && !a.includes(b[j]!)) union++;
  return common / union;
}

/** The items of `a` also in `b`, each once, in a's order. */
export function shared<T>(a: readonly T[], b: readonly T[]): T[] {
  // Short lists (a profile's sizes, industries, roles) are searched; long ones go through a set.
  if (a.length * b.length > 256) {
    const sb = new Set(b);
    return [...new Set(a.filter((x) => sb.has(x)))];
  }
  const out: T[] = [];
  for (const x of a) if (b.includes(x) && !out.includes(x)) out.push(x);
  return out;
}

/** The ids of `a` also in `b`, each once, in a's order (`shared` of the two id lists, without making them). */
export function sharedIds(a: readonly WeightedConcept[], b: readonly WeightedConcept[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const id = a[i]!.id;
    if (out.includes(id)) continue;
    for (let j = 0; j < b.length; j++) {
      if (b[j]!.id === id) {
        out.push(id);
        break;
      }
    }
  }
  return out;
}

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** Whether a weight map has no key (without making the list of its keys). */
export function isEmpty(weights: Weights<string>): boolean {
  for (const key in weights) if (Object.hasOwn(weights, key)) return false;
  return true;
}
