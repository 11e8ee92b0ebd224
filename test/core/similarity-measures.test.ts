/**
 * The similarity measures the criteria use, against their plain definitions (maps and
 * sets, as first written): the same numbers to the last bit, since the compiled scorer
 * and the exact partner index reproduce the criteria's sums exactly.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { cosine, isEmpty, setJaccard, shared, sharedIds, weightedJaccard } from '../../src/core/scoring/similarity.ts';
import type { WeightedConcept } from '../../src/core/vectors/member-vector.ts';

function mapJaccard(a: readonly WeightedConcept[], b: readonly WeightedConcept[]): number {
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

function entriesCosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of Object.entries(a)) {
    na += v * v;
    dot += v * (b[k] ?? 0);
  }
  for (const v of Object.values(b)) nb += v * v;
  return na > 0 && nb > 0 ? Math.min(1, dot / Math.sqrt(na * nb)) : 0;
}

const setShared = <T>(a: readonly T[], b: readonly T[]) => {
  const sb = new Set(b);
  return [...new Set(a.filter((x) => sb.has(x)))];
};

function setsJaccard<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const common = new Set(a.filter((x) => sb.has(x))).size;
  return common / new Set([...a, ...b]).size;
}

const random = createRandom(23);
const ids = ['industry:retail', 'industry:health', 'role:cfo', 'role:hr-director', 'service:accounting', 'service:legal', 'x', 'y'];
const concepts = (): WeightedConcept[] =>
  Array.from({ length: random.int(10) }, () => ({ id: random.pick(ids), weight: (1 + random.int(1000)) / 997, via: 'nace', term: 't' }) as WeightedConcept);
const weights = (): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const id of ids) if (random.next() < 0.4) out[id] = random.int(1001) / 991;
  return out;
};

describe('similarity measures', () => {
  it('weightedJaccard equals the map definition bit for bit, duplicates and all', () => {
    for (let n = 0; n < 3000; n++) {
      const a = concepts();
      const b = random.next() < 0.2 ? a : concepts();
      expect(weightedJaccard(a, b)).toBe(mapJaccard(a, b));
    }
  });

  it('cosine equals the entries definition bit for bit', () => {
    for (let n = 0; n < 3000; n++) {
      const a = weights();
      const b = weights();
      expect(cosine(a, b)).toBe(entriesCosine(a, b));
    }
  });

  it('shared keeps the items of a also in b, once each, in order, short or long', () => {
    for (let n = 0; n < 1000; n++) {
      const a = concepts().map((c) => c.id);
      const b = concepts().map((c) => c.id);
      expect(shared(a, b)).toEqual(setShared(a, b));
      const longA = Array.from({ length: 40 }, () => random.int(61));
      const longB = Array.from({ length: 30 }, () => random.int(61));
      expect(shared(longA, longB)).toEqual(setShared(longA, longB));
    }
  });

  it('setJaccard equals the set definition bit for bit, short or long, duplicates and all', () => {
    for (let n = 0; n < 1000; n++) {
      const a = concepts().map((c) => c.id);
      const b = random.next() < 0.2 ? a : concepts().map((c) => c.id);
      expect(setJaccard(a, b)).toBe(setsJaccard(a, b));
      const longA = Array.from({ length: 40 }, () => `${random.int(61)}`);
      const longB = Array.from({ length: 30 }, () => `${random.int(61)}`);
      expect(setJaccard(longA, longB)).toBe(setsJaccard(longA, longB));
    }
  });

  it('sharedIds is shared of the two id lists', () => {
    for (let n = 0; n < 1000; n++) {
      const a = concepts();
      const b = random.next() < 0.2 ? a : concepts();
      expect(sharedIds(a, b)).toEqual(setShared(a.map((c) => c.id), b.map((c) => c.id)));
    }
  });

  it('isEmpty is true only for a map without keys', () => {
    expect(isEmpty({})).toBe(true);
    expect(isEmpty({ a: 0 })).toBe(false);
    for (let n = 0; n < 200; n++) {
      const w = weights();
      expect(isEmpty(w)).toBe(Object.keys(w).length === 0);
    }
  });
});
