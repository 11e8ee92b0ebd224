/**
 * Seeded randomness (mulberry32): generators, samplers and training all take a seed,
 * so every number partnerfit produces can be reproduced.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** `k` distinct items (fewer if there are fewer). */
  sample<T>(items: readonly T[], k: number): T[];
  chance(probability: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[int(items.length)]!;
    },
    sample: (items, k) => {
      const copy = [...items];
      const out = [];
      while (out.length < k && copy.length > 0) out.push(copy.splice(int(copy.length), 1)[0]!);
      return out;
    },
    chance: (p) => next() < p,
  };
}
