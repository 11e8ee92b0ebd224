/**
 * The search's queues: `BestFirstQueue` pops the largest key first, and `BoundHeap`
 * keeps the `capacity` largest bounds and the largest of the rest.
 */
import { describe, expect, it } from 'vitest';
import { BestFirstQueue, BoundHeap } from '../../src/core/retrieval/best-partners.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';

const random = createRandom(31);
const drain = (queue: BestFirstQueue) => {
  const out: [number, number][] = [];
  while (queue.size > 0) {
    const key = queue.keys[0]!;
    out.push([key, queue.pop()]);
  }
  return out;
};

describe('best-first queue', () => {
  it('pops keys largest first, each with its value', () => {
    for (const n of [0, 1, 2, 3, 7, 100, 1000]) {
      const keys = Array.from({ length: n }, () => random.int(50) / 7);
      const queue = new BestFirstQueue();
      keys.forEach((k, i) => queue.push(k, i));
      const out = drain(queue);
      expect(out.map(([k]) => k)).toEqual([...keys].sort((a, b) => b - a));
      for (const [k, v] of out) expect(keys[v]).toBe(k);
    }
  });
});

describe('bound heap', () => {
  it('keeps the largest bounds and notes the largest it did not keep', () => {
    const bounds = Float64Array.from({ length: 500 }, () => random.next());
    const heap = new BoundHeap(40);
    bounds.forEach((_, k) => (k % 2 ? heap.push(bounds[k]!, k) : heap.pushAt(bounds, k, k)));
    const kept = Array.from({ length: heap.size }, (_, k) => heap.boundAt(k)).sort((a, b) => b - a);
    const sorted = [...bounds].sort((a, b) => b - a);
    expect(kept).toEqual(sorted.slice(0, 40));
    expect(heap.leftOut).toBe(sorted[40]);
    expect(heap.floor).toBe(sorted[39]);
  });
});
