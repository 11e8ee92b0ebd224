/**
 * Keeping the best k partners while scoring candidates, and rescoring a candidate
 * list exactly with the compiled scorer (for candidate stages that are not exact,
 * such as the all-pairs embedding product). Pure.
 */
import type { EngineKnowledge } from '../knowledge.ts';
import type { AnyCompiledMember, CompiledMember } from '../scoring/compiled-member.ts';
import {
  competitorOverlap,
  DIRECT_COMPETITOR,
  scoreCompiledPair,
  TradePairCache,
  type CompiledConfig,
} from '../scoring/compiled-pair-scorer.ts';

/** The best k (score, member) seen, ordered as `compareRanked`: higher score, then smaller id. */
export class BestK<C extends AnyCompiledMember = CompiledMember> {
  readonly #items: [number, C][] = [];
  /** `floor`: scores under it never enter (a guess of the k-th best; −∞: none). */
  constructor(
    private readonly k: number,
    private readonly floor = -Infinity,
  ) {}

  /** Below this no member can enter (the floor until k are held). */
  get threshold(): number {
    return this.#items.length < this.k ? this.floor : Math.max(this.floor, this.#items[this.#items.length - 1]![0]);
  }

  /** Whether a member scoring `score` would enter. */
  admits(score: number, id: string): boolean {
    if (score < this.floor) return false;
    if (this.#items.length < this.k) return true;
    const [worst, member] = this.#items[this.#items.length - 1]!;
    return score > worst || (score === worst && id < member.id);
  }

  push(score: number, member: C): void {
    if (!this.admits(score, member.id)) return;
    const items = this.#items;
    let i = items.length;
    items.push([score, member]);
    while (i > 0 && (items[i - 1]![0] < score || (items[i - 1]![0] === score && items[i - 1]![1].id > member.id))) {
      items[i] = items[i - 1]!;
      i--;
    }
    items[i] = [score, member];
    if (items.length > this.k) items.pop();
  }

  sorted(): [number, C][] {
    return this.#items;
  }
}

/** Exact referral scoring of candidate lists; trade pairs cached (they repeat across rows). */
export class CandidateRescorer {
  readonly #pairs: TradePairCache;
  constructor(knowledge: EngineKnowledge) {
    this.#pairs = new TradePairCache(knowledge);
  }

  /** The best `top` of `candidates` for `self`, exactly as `rankPartners` would rank that list. */
  best(self: CompiledMember, candidates: Iterable<CompiledMember>, top: number, config: CompiledConfig): [number, CompiledMember][] {
    const best = new BestK(top);
    for (const other of candidates) {
      if (other.id === self.id) continue;
      const pair = this.#pairs.get(self.trade, other.trade);
      const upper = scoreCompiledPair(self, other, pair, 0, config);
      if (!best.admits(upper, other.id)) continue;
      const overlap = competitorOverlap(self, other);
      const score = overlap === 0 ? upper : scoreCompiledPair(self, other, pair, overlap, config);
      if (score !== DIRECT_COMPETITOR) best.push(score, other);
    }
    return best.sorted();
  }
}

/**
 * The `capacity` largest bounds seen, with their member indices: a min-heap on two
 * typed arrays (no object per entry, a search pushes tens of thousands). `leftOut` is
 * the largest bound not kept: dropped to make room, not entering, or raised by the
 * caller itself (for a trade or group it did not read). `floor` and `leftOut` are
 * fields, not return values, and `pushAt` reads the bound from the caller's array:
 * a double returned from, or passed to, a call that is not inlined is a new heap
 * object, and at 1,000,000 members those made a young-generation collection every
 * few searches. For the same reason the sifting is written out here rather than
 * calling a queue's methods.
 */
export class BoundHeap {
  readonly #bounds: Float64Array;
  readonly #members: Int32Array;
  #size = 0;
  /** Below or at this a bound cannot enter (−∞ until the heap is full). */
  floor = -Infinity;
  leftOut = -Infinity;
  readonly #one = new Float64Array(1);
  constructor(readonly capacity: number) {
    this.#bounds = new Float64Array(capacity);
    this.#members = new Int32Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** The members kept, in `members[0 .. size)`. */
  get members(): Int32Array {
    return this.#members;
  }

  /** The bound of `members[k]`. */
  boundAt(k: number): number {
    return this.#bounds[k]!;
  }

  clear(): void {
    this.#size = 0;
    this.floor = -Infinity;
    this.leftOut = -Infinity;
  }

  push(bound: number, member: number): void {
    this.#one[0] = bound;
    this.pushAt(this.#one, 0, member);
  }

  /** `push(bounds[k], member)`. */
  pushAt(bounds: Float64Array, k: number, member: number): void {
    const bound = bounds[k]!;
    const keys = this.#bounds;
    const values = this.#members;
    if (this.#size < this.capacity) {
      let i = this.#size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (keys[parent]! <= bound) break;
        keys[i] = keys[parent]!;
        values[i] = values[parent]!;
        i = parent;
      }
      keys[i] = bound;
      values[i] = member;
      if (this.#size === this.capacity) this.floor = keys[0]!;
      return;
    }
    const lowest = keys[0]!;
    if (bound <= lowest) {
      if (bound > this.leftOut) this.leftOut = bound;
      return;
    }
    // The lowest goes; the new bound sifts down from the root.
    const n = this.#size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= bound) break;
      keys[i] = keys[child]!;
      values[i] = values[child]!;
      i = child;
    }
    keys[i] = bound;
    values[i] = member;
    if (lowest > this.leftOut) this.leftOut = lowest;
    this.floor = keys[0]!;
  }
}

/**
 * A max-heap of (key, value) on two typed arrays that grow as needed: the best-first
 * exact search keeps trades, area groups and members in one queue, best bound first.
 */
export class BestFirstQueue {
  keys = new Float64Array(256);
  values = new Int32Array(256);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) this.#grow();
    const keysOf = this.keys;
    const valuesOf = this.values;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keysOf[parent]! >= key) break;
      keysOf[i] = keysOf[parent]!;
      valuesOf[i] = valuesOf[parent]!;
      i = parent;
    }
    keysOf[i] = key;
    valuesOf[i] = value;
  }

  #grow(): void {
    this.keys = doubled(this.keys);
    this.values = doubled(this.values);
  }

  /** Removes the entry with the largest key (`keys[0]` before the call) and returns its value. */
  pop(): number {
    const value = this.values[0]!;
    const n = --this.size;
    this.#siftDown(this.keys[n]!, this.values[n]!, n);
    return value;
  }

  /** Replaces the entry with the largest key by (key, value). */
  replaceTop(key: number, value: number): void {
    this.#siftDown(key, value, this.size);
  }

  /** Puts (key, value) at the root of the first n entries and sifts it down. */
  #siftDown(key: number, value: number, n: number): void {
    const keysOf = this.keys;
    const valuesOf = this.values;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keysOf[child + 1]! > keysOf[child]!) child++;
      if (keysOf[child]! <= key) break;
      keysOf[i] = keysOf[child]!;
      valuesOf[i] = valuesOf[child]!;
      i = child;
    }
    keysOf[i] = key;
    valuesOf[i] = value;
  }
}

/**
 * Blocks of (bound, member) for the best-first search: `add` appends, `close` ends
 * the block of the entries added since `from` and moves its best to the front;
 * `advance(p)`, after the entry at p is taken, moves the best of the rest to p + 1
 * (false when none is left). A selection, not a sort: most members of a block are
 * never taken, so ordering them all would be wasted.
 */
export class MemberBlocks {
  keys = new Float64Array(1024);
  members = new Int32Array(1024);
  end = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  add(key: number, member: number): void {
    if (this.size === this.keys.length) this.#grow();
    this.keys[this.size] = key;
    this.members[this.size++] = member;
  }

  #grow(): void {
    this.keys = doubled(this.keys);
    this.members = doubled(this.members);
    this.end = doubled(this.end);
  }

  /** Ends the block begun at `from`; its best entry is then at `from`. */
  close(from: number): void {
    this.end.fill(this.size, from, this.size);
    this.#selectBest(from, this.size);
  }

  /** Moves the best of the entries after p in its block to p + 1; false when there are none. */
  advance(p: number): boolean {
    const end = this.end[p]!;
    if (p + 1 >= end) return false;
    this.#selectBest(p + 1, end);
    return true;
  }

  #selectBest(from: number, to: number): void {
    const keys = this.keys;
    let best = from;
    for (let i = from + 1; i < to; i++) if (keys[i]! > keys[best]!) best = i;
    if (best === from) return;
    const key = keys[from]!;
    keys[from] = keys[best]!;
    keys[best] = key;
    const member = this.members[from]!;
    this.members[from] = this.members[best]!;
    this.members[best] = member;
  }
}

/** A copy of a typed array in one twice as long (the growable arrays of the search). */
export function doubled<T extends Float64Array | Int32Array | Uint8Array>(array: T): T {
  const copy = new (array.constructor as new (length: number) => T)(array.length * 2);
  copy.set(array);
  return copy;
}
