/**
 * Exact best-partner search over many members without scoring them all. Members are
 * grouped by trade (service concepts and business areas). For one member (self),
 * trades linked to self's services, and groups of the other trades by main business
 * area, get an upper bound of the referral score any of their members can reach
 * (`partner-score-bounds.ts`). The search is best first: one queue holds area groups,
 * trades, members under their member bound (a few dozen operations on packed arrays)
 * and members under their exact score without the competitor overlap (an upper
 * bound), and always opens the entry with the largest bound: a group yields its
 * trades, a trade its members' bounds, a member bound its score without the overlap
 * (`compiled-pair-scorer.ts`), that score the overlap and the final score. When the
 * largest bound left is below the k-th best score, nothing left can enter. So a
 * member is scored only when no trade or member left could beat it, and the overlap,
 * the costly part, is computed only for members whose other criteria could make it.
 * The result is the exact top-k: the same members, scores and order as
 * `rankPartners` over every member.
 *
 * The approximate mode (`approximate`) spends a fixed budget instead: among all
 * members, or with `sharedOnly` among those sharing an industry or contact role with
 * self (found by reading each trade's records in order; about a fifth of a linked
 * trade, and all but 1 in 600 of the exact top 10 at 100,000 members), it keeps the
 * `budget` with the highest member bounds (the same bounds: trades whose bound is
 * under the budget's lowest, and area groups not clearly above it, drop out unread),
 * then scores only those, exactly. The bound ranks partners well (at 100,000 members
 * the true 10th best is on average the 112th by bound), so a few hundred exact
 * scores find nearly all of the top 10 there (about 1,000 at 1,000,000); when the
 * k-th best score found is above every bound left out, the answer is provably exact
 * (reported as `exact`). Recall and latency: docs/benchmarks.md. Pure.
 */
import type { EngineKnowledge } from '../knowledge.ts';
import { MemberCompiler, type AnyCompiledMember, type CompiledMember } from '../scoring/compiled-member.ts';
import { restoreCompiled, snapshotCompiled, type CompiledSnapshot } from '../scoring/compiled-snapshot.ts';
import {
  compileConfig,
  competitorOverlap,
  DIRECT_COMPETITOR,
  scoreCompiledPair,
  TradePairTable,
  type CompiledConfig,
  type TradePair,
} from '../scoring/compiled-pair-scorer.ts';
import type { ScoredMember, ServicedMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { BestFirstQueue, BestK, BoundHeap, MemberBlocks } from './best-partners.ts';
import { MaskBits, PackedTrades } from './packed-trades.ts';
import { PartnerScoreBounds, SelfTradeSide } from './partner-score-bounds.ts';

/** `M`: the members' type, as given to the index (`ScoredMember`s, or only `ServicedMember`s when restored from a snapshot). */
export interface ExactPartnerResult<M extends ServicedMember = ScoredMember> {
  /** Best first, ties by id as `rankPartners` breaks them. */
  readonly partners: readonly { readonly member: M; readonly score: number }[];
  /** Direct competitors met while searching (left out of referral suggestions). */
  readonly directCompetitors: readonly M[];
  /** Members whose member bound was computed, members scored exactly (with and without the competitor overlap); the rest were ruled out by trade bounds. */
  readonly bounded: number;
  readonly scored: number;
  readonly overlaps: number;
  /** Trades opened in two steps: the members sharing an industry, contact role or interest with self first. */
  readonly splitTrades: number;
  /** False when a `floor` was given and fewer than k partners reach it: the answer may then be incomplete. */
  readonly complete: boolean;
}

export interface BestOptions {
  /**
   * A guess of the k-th best score: members whose bound is under it are passed by
   * (neither queued nor scored), and trades whose bound reaches it are opened at once
   * instead of queued. When k partners reach it the answer is the exact one
   * (`complete`); otherwise the caller searches again without it. A batch guesses
   * from the previous member's answer.
   */
  readonly floor?: number;
}

export interface ApproximatePartnerResult<M extends ServicedMember = ScoredMember> extends ExactPartnerResult<M> {
  /** Whether the answer is provably the exact one: the k-th best score found is above every member bound left out. */
  readonly exact: boolean;
}

export interface ApproximateOptions {
  /**
   * Bound only members sharing an industry or contact role with self (default false:
   * the others are bounded too until they cannot enter). Several times less work in
   * large pools, for a little recall. Members sharing only an interest are left out
   * too: at 1,000,000 members they were 18% of those bounded and none of 1,000 exact
   * top-10 partners (chemistry alone does not make a referral partner).
   */
  readonly sharedOnly?: boolean;
}

export interface ExactPartnerIndex<M extends ServicedMember = ScoredMember> {
  readonly size: number;
  /**
   * The members' indices in the index's memory order (grouped by trade). A batch that
   * searches for every member goes faster in this order: members of one trade visit
   * the same trades, which are then still in the processor's caches.
   */
  readonly memberOrder: Int32Array;
  /**
   * The best `top` referral partners of `self` among the indexed members (self
   * excluded), exactly.
   */
  best(self: ScoredMember, top: number, config: ScoringConfig, options?: BestOptions): ExactPartnerResult<M>;
  /** `best` for the member at `position` in the index's memory order (`memberOrder[position]` is its index in the members given). */
  bestAt(position: number, top: number, config: ScoringConfig, options?: BestOptions): ExactPartnerResult<M>;
  /**
   * The approximate mode: the best `top` among the `budget` members with the highest
   * score bounds, each scored exactly (scores are exact; a partner may be missing).
   */
  approximate(self: ScoredMember, top: number, config: ScoringConfig, budget: number, options?: ApproximateOptions): ApproximatePartnerResult<M>;
  /**
   * The index as typed arrays and a few strings, for `restoreExactPartnerIndex` on
   * another thread (a message copies it in milliseconds); the members go apart.
   */
  snapshot(): ExactIndexSnapshot;
}

/** What `restoreExactPartnerIndex` makes the same index from, with the members. */
export interface ExactIndexSnapshot {
  readonly compiled: CompiledSnapshot;
  readonly memberOrder: Int32Array;
}

/**
 * The approximate mode reads an area group (trades without a complement link to
 * self) only when its bound beats the budget's floor by this much: those bounds take
 * every criterion but complementarity and profit at 1, so they sit just above the
 * floor while their members score far below it (none of 1,000 sampled exact top-10
 * partners at 100,000 members came from one). Weights that make such partners
 * likely (little weight on complementarity) lift the group bounds well past the margin.
 */
const AREA_GROUP_MARGIN = 0.03;
/** Scores are rounded to 0.001, and each criterion too: bounds get this much slack. */
const BOUND_SLACK = 0.004;
/** Kinds of entries in the best-first queue (the low two bits of a value). */
/** A trade's members that could enter, best bound first (the id is a position in the block pool: the next member to open). */
const BLOCK = 0;
const UPPER = 1;
const TRADE = 2;
const GROUP = 3;
/** The members of a large trade not yet bounded (those sharing nothing with self). */
const REST = 4;
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;
export interface ExactPartnerIndexOptions {
  /** Trades with at least this many members are opened in two steps, the members sharing anything with self first (default 24; tests lower it). */
  readonly splitMin?: number;
}

export function buildExactPartnerIndex(members: readonly ScoredMember[], knowledge: EngineKnowledge, options: ExactPartnerIndexOptions = {}): ExactPartnerIndex {
  const compiler = new MemberCompiler(knowledge);
  // Compiled in trade order, so a trade's members lie together in memory: a search
  // reads them one trade at a time, and scattered reads cost several times more. Trades
  // go by their main service concept first: the trades linked to a concept, which a
  // search reads one after another, then lie mostly together too (at 1,000,000 members
  // searches took about 8% less time than with trades in the order first met).
  const trades = members.map((m) => compiler.trade(m));
  /** The concept of a trade's heaviest service (the first on a tie), -1 without services. */
  const mainOf = (trade: (typeof trades)[number]) => {
    const { ids, weights } = trade.services;
    let best = -1;
    for (let k = 0; k < ids.length; k++) if (best < 0 || weights[k]! > weights[best]!) best = k;
    return best < 0 ? -1 : ids[best]!;
  };
  const main = trades.map(mainOf);
  const byTrade = members.map((_, i) => i).sort((a, b) => main[a]! - main[b]! || trades[a]!.id - trades[b]!.id || a - b);
  const compiled = byTrade.map((i) => compiler.compile(members[i]!, trades[i]!));
  compiler.forgetListKeys();
  return assembleIndex(compiler, compiled, Int32Array.from(byTrade), knowledge, options);
}

/**
 * The index `snapshot()` was taken of, on this thread, over `members` (the same
 * members in the same order, as given to `buildExactPartnerIndex`): the same trades
 * and memory order, so every search gives the same answer. The search reads of a
 * member only its id, and its services for a competitor overlap and for its trade's
 * representative: so `members` may be `ServicedMember`s (what a worker is sent,
 * `src/batch/shipped-members.ts`, parsed when first read, and most never are).
 */
export function restoreExactPartnerIndex<M extends ServicedMember>(
  snapshot: ExactIndexSnapshot,
  members: readonly M[],
  knowledge: EngineKnowledge,
  options: ExactPartnerIndexOptions = {},
): ExactPartnerIndex<M> {
  const { memberOrder } = snapshot;
  if (memberOrder.length !== members.length) throw new Error(`the snapshot holds ${memberOrder.length} members, not ${members.length}`);
  const { compiler, compiled } = restoreCompiled(snapshot.compiled, knowledge, (p) => members[memberOrder[p]!]!);
  return assembleIndex(compiler, compiled, memberOrder, knowledge, options);
}

/** The index over `compiled` (in trade order; `memberOrder[p]`: the index in the members given of `compiled[p]`). */
function assembleIndex<M extends ServicedMember>(
  compiler: MemberCompiler,
  compiled: readonly CompiledMember<M>[],
  memberOrder: Int32Array,
  knowledge: EngineKnowledge,
  options: ExactPartnerIndexOptions,
): ExactPartnerIndex<M> {
  const splitMin = options.splitMin ?? 24;
  const masks = new MaskBits();
  const table = new PackedTrades(compiled, compiler, masks, knowledge);
  /** Each member's position in `table.members`: self is told from the others by position, not by comparing ids. */
  const positionById = new Map<string, number>(table.members.map((c, p) => [c.id, p]));
  if (positionById.size !== compiled.length) throw new Error('the exact partner index needs each member id once');
  const configs = new WeakMap<ScoringConfig, CompiledConfig>();
  // Trades already bounded one by one in the current search (stamped with its number).
  const linkedMark = new Uint32Array(table.trades.length);
  /** The trades linked to self's services in the current search (a list reused from one search to the next). */
  const linkedTrades = new Int32Array(table.trades.length);
  let memberBounds = new Float64Array(1024);
  let sharing = new Int32Array(1024);
  let searches = 0;
  const memberTrade = new Int32Array(table.members.length);
  for (let t = 0; t < table.trades.length; t++) memberTrade.fill(t, table.memberStart[t]!, table.memberStart[t + 1]!);
  const heaps = new Map<number, BoundHeap>();
  /** Self's trade's part of the bounds, kept from one search to the next while self's trade stays the same. */
  const side = new SelfTradeSide(table, compiler);

  /** What both modes start from: self compiled, its bounds, and the trades linked to self's services. */
  const prepare = (selfMember: ScoredMember, config: ScoringConfig) => {
    const position = positionById.get(selfMember.id) ?? -1;
    const indexed: AnyCompiledMember | null = position >= 0 ? table.members[position]! : null;
    return indexed?.member === selfMember ? prepareCompiled(indexed, position, config) : prepareCompiled(compiler.compile(selfMember), -1, config);
  };
  /** `position`: self's in `table.members`, -1 when self is not indexed. */
  const prepareCompiled = (self: AnyCompiledMember, position: number, config: ScoringConfig) => {
    let compiledConfig = configs.get(config);
    if (!compiledConfig) configs.set(config, (compiledConfig = compileConfig(config, compiler)));
    const bounds = new PartnerScoreBounds(self, compiledConfig, table, compiler, masks, side.of(self.trade));
    const search = ++searches;
    let count = 0;
    for (const concept of bounds.linkedConcepts) {
      const trades = table.postings[concept];
      if (!trades) continue;
      for (let k = 0; k < trades.length; k++) {
        const t = trades[k]!;
        if (linkedMark[t] === search) continue;
        linkedMark[t] = search;
        linkedTrades[count++] = t;
      }
    }
    return { self, position, compiledConfig, bounds, search, linked: linkedTrades.subarray(0, count) };
  };
  type Prepared = ReturnType<typeof prepareCompiled>;
  const ensureScratch = (size: number) => {
    if (memberBounds.length < size) {
      memberBounds = new Float64Array(size);
      sharing = new Int32Array(size);
    }
  };

  // The best-first queue, and each trade's link strength and trade pair (for the search stamped in `pairSearch`).
  const searchQueue = new BestFirstQueue();
  const blocks = new MemberBlocks();
  const tradeStrength = new Float64Array(table.trades.length);
  const pairSearch = new Uint32Array(table.trades.length);
  /** In the exact mode: whether trade t's pair was filled in the current search (its link strength is known first). */
  const tradeFilled = new Uint8Array(table.trades.length);
  /** Each trade's pair with the current self's trade, filled when a member of it is first scored in a search. */
  const tradePairs = new TradePairTable(table.trades.length);

  return {
    size: compiled.length,
    memberOrder,
    best(selfMember, top, config, options = {}) {
      return exactSearch(prepare(selfMember, config), top, options);
    },
    bestAt(position, top, config, options = {}) {
      return exactSearch(prepareCompiled(table.members[position]!, position, config), top, options);
    },

    approximate(selfMember, top, config, budget, options = {}) {
      return approximateSearch(prepare(selfMember, config), top, budget, options.sharedOnly ?? false);
    },

    snapshot() {
      return { compiled: snapshotCompiled(compiler, table.members), memberOrder };
    },
  };

  function exactSearch(prepared: Prepared, top: number, options: BestOptions): ExactPartnerResult<M> {
    const { self, position, compiledConfig, bounds, search, linked } = prepared;
    const floor = options.floor ?? -Infinity;
    const best = new BestK<CompiledMember<M>>(top, floor);
    const directCompetitors: M[] = [];
    let bounded = 0;
    let scored = 0;
    let overlaps = 0;
    let splitTrades = 0;
    const queue = searchQueue;
    queue.clear();
    blocks.clear();
    // With a floor, trades are opened as soon as their bound is seen to reach the threshold, not
    // queued: a trade bound takes every criterion but complementarity and profit at 1, above nearly
    // every member's bound, so best first opens them all before it scores anyone anyway (at 16,384
    // members 500 trades a search, 4.8 members bounded each), and queueing them made the batch's
    // rows about 10% slower. The answer is the same: what is opened only depends on bounds against
    // the threshold. Without a floor the threshold starts at −∞, where only the order keeps trades
    // that cannot enter closed.
    const eager = floor > -Infinity;
    for (let k = 0; k < linked.length; k++) {
      const t = linked[k]!;
      bounds.trade(t);
      const key = bounds.bound + BOUND_SLACK;
      if (!eager) queue.push(key, (t << KIND_BITS) | TRADE);
      else if (key >= best.threshold) expand(t, false, true);
    }
    for (let g = 0; g < table.areaGroups.length; g++) {
      bounds.group(table.areaGroups[g]!);
      queue.push(bounds.bound + BOUND_SLACK, (g << KIND_BITS) | GROUP);
    }

    /**
     * Bounds trade t's members and queues those that could enter. A large trade is opened in two
     * steps: first the members sharing an industry, contact role or interest with self
     * (`sharingOf`), with the rest queued as one entry under their common bound (`apart`); the
     * rest are bounded only if that entry comes up before the search ends. (Those entries are queued
     * with a floor too: their bound is tighter than a trade's, and members scored before they come up
     * often raise the threshold above it.)
     */
    function expand(t: number, rest: boolean, prepared = false): void {
      // (A function declaration: the loops above call it before this line.) `prepared`: the bounds were
      // just asked for trade t (`bounds.trade(t)`), and are still at it.
      if (!prepared) bounds.trade(t);
      if (pairSearch[t] !== search) {
        // The trade pair is made when a member of t is first scored (it stays for the search).
        pairSearch[t] = search;
        tradeStrength[t] = bounds.linkStrength;
        tradeFilled[t] = 0;
      }
      const start = table.memberStart[t]!;
      const end = table.memberStart[t + 1]!;
      ensureScratch(end - start);
      let count = end - start;
      let list: Int32Array | null = null;
      const threshold = best.threshold;
      if (rest) {
        count = bounds.sharingOf(start, end, sharing, false);
        list = sharing;
      } else if (count >= splitMin) {
        count = bounds.sharingOf(start, end, sharing);
        list = sharing;
        splitTrades++;
        bounds.apart();
        const restKey = bounds.bound + BOUND_SLACK;
        if (restKey >= threshold && count < end - start) queue.push(restKey, (t << KIND_BITS) | REST);
      }
      bounded += count;
      bounds.threshold = threshold - BOUND_SLACK;
      bounds.members(list, list ? 0 : start, list ? count : end, memberBounds);
      // Those that could enter go to the block pool, and only the best of them into the queue (the next
      // one when it is taken): most are never opened, and a queue entry costs more than a place in a block.
      const from = blocks.size;
      for (let k = 0; k < count; k++) {
        const key = memberBounds[k]! + BOUND_SLACK;
        if (key >= threshold) blocks.add(key, list ? list[k]! : start + k);
      }
      if (blocks.size > from) {
        blocks.close(from);
        queue.push(blocks.keys[from]!, (from << KIND_BITS) | BLOCK);
      }
    }
    // Best first: whatever has the largest bound (an area group, a trade, a member's bound, a member's
    // score without the competitor overlap) is opened next; when the largest is below the k-th best
    // score, nothing left can enter. Members are scored only when no trade left could hold a better one.
    while (queue.size > 0 && queue.keys[0]! >= best.threshold) {
      const key = queue.keys[0]!;
      const value = queue.pop();
      const kind = value & KIND_MASK;
      const id = value >> KIND_BITS;
      if (kind === BLOCK) {
        if (blocks.advance(id)) queue.push(blocks.keys[id + 1]!, ((id + 1) << KIND_BITS) | BLOCK);
        const member = blocks.members[id]!;
        const other = table.members[member]!;
        if (member === position) continue;
        const t = memberTrade[member]!;
        if (tradeFilled[t] === 0) {
          tradeFilled[t] = 1;
          tradePairs.fill(t, self.trade, other.trade, tradeStrength[t]!);
        }
        const upper = scoreCompiledPair(self, other, tradePairs.at(t), 0, compiledConfig);
        scored++;
        if (best.admits(upper, other.id)) queue.push(upper, (member << KIND_BITS) | UPPER);
      } else if (kind === UPPER) {
        const other = table.members[id]!;
        if (!best.admits(key, other.id)) continue;
        overlaps++;
        settle(self, other, tradePairs.at(memberTrade[id]!), key, compiledConfig, best, directCompetitors);
      } else if (kind === TRADE || kind === REST) expand(id, kind === REST);
      else {
        const threshold = best.threshold;
        // Index loops over typed arrays: `for … of` makes an iterator result object a step where it is not optimised away.
        const trades = table.areaGroups[id]!.trades;
        for (let k = 0; k < trades.length; k++) {
          const t = trades[k]!;
          if (linkedMark[t] === search) continue;
          bounds.trade(t);
          const tradeKey = bounds.bound + BOUND_SLACK;
          if (tradeKey < threshold) continue;
          if (eager) expand(t, false, true);
          else queue.push(tradeKey, (t << KIND_BITS) | TRADE);
        }
      }
    }
    const found = best.sorted();
    const complete = floor === -Infinity || (found.length === top && found[top - 1]![0] >= floor);
    return { partners: found.map(([score, m]) => ({ member: m.member, score })), directCompetitors, bounded, scored, overlaps, splitTrades, complete };
  }

  function approximateSearch(prepared: Prepared, top: number, budget: number, sharedOnly: boolean): ApproximatePartnerResult<M> {
    const { self, position, compiledConfig, bounds, search, linked } = prepared;
    let heap = heaps.get(budget);
    if (!heap) heaps.set(budget, (heap = new BoundHeap(Math.max(top, budget))));
    heap.clear();
    // `heap.leftOut`, the largest bound of any member left out (not kept, or never read): below the k-th
    // best score, the answer is exact.
    let bounded = 0;
    let splitTrades = 0;

    // Stage 1: the `budget` members with the highest bounds. Nothing needs the slack here: a bound at or
    // below the heap's floor could not enter it anyway; slack only matters for the exactness test.
    // Bounds go to the heap by their place in `memberBounds`, and bounds left out raise `heap.leftOut`
    // in place, not through a call: this function is too large for V8 to inline calls into, and a
    // double passed to a call is a new heap object, thousands a search.
    const keep = (t: number) => {
      const start = table.memberStart[t]!;
      const end = table.memberStart[t + 1]!;
      ensureScratch(end - start);
      // With `sharedOnly`, only members sharing an industry or contact role with self (about 4 in 5
      // members of the linked trades share neither, and 1 in 600 of the exact top 10 at 100,000
      // members; more in small pools); without, only those sharing an industry, role or interest
      // once those sharing none cannot enter the heap. `apart` bounds the members left out.
      bounds.apart(sharedOnly);
      const apart = bounds.bound;
      let count = end - start;
      let list: Int32Array | null = null;
      if (sharedOnly || apart <= heap.floor) {
        if (apart > heap.leftOut) heap.leftOut = apart;
        // A trade where no member shares a bit with self is passed over unread.
        count = bounds.sharesAny(t, !sharedOnly) ? bounds.sharingOf(start, end, sharing, true, !sharedOnly) : 0;
        list = sharing;
        splitTrades++;
      }
      bounded += count;
      bounds.threshold = heap.floor;
      bounds.members(list, list ? 0 : start, list ? count : end, memberBounds);
      let floor = heap.floor;
      let under = -Infinity;
      for (let k = 0; k < count; k++) {
        const bound = memberBounds[k]!;
        if (bound <= floor) {
          if (bound > under) under = bound;
          continue;
        }
        const i = list ? list[k]! : start + k;
        if (i === position) continue;
        heap.pushAt(memberBounds, k, i);
        floor = heap.floor;
      }
      if (under > heap.leftOut) heap.leftOut = under;
    };
    // Linked trades first, then the area groups, each in no particular order: which members the heap
    // ends with does not depend on the order, and the partners are nearly all in linked trades, so the
    // floor is then as high as it gets before the loosely bounded area groups are read.
    for (let k = 0; k < linked.length; k++) {
      const t = linked[k]!;
      bounds.trade(t);
      const tradeBound = bounds.bound;
      if (tradeBound <= heap.floor) {
        if (tradeBound > heap.leftOut) heap.leftOut = tradeBound;
        continue;
      }
      keep(t);
    }
    for (let g = 0; g < table.areaGroups.length; g++) {
      const group = table.areaGroups[g]!;
      bounds.group(group);
      const groupBound = bounds.bound;
      if (groupBound <= heap.floor + AREA_GROUP_MARGIN) {
        if (groupBound > heap.leftOut) heap.leftOut = groupBound;
        continue;
      }
      for (let k = 0; k < group.trades.length; k++) {
        const t = group.trades[k]!;
        if (linkedMark[t] === search) continue;
        bounds.trade(t);
        const tradeBound = bounds.bound;
        if (tradeBound <= heap.floor + AREA_GROUP_MARGIN) {
          if (tradeBound > heap.leftOut) heap.leftOut = tradeBound;
          continue;
        }
        keep(t);
      }
    }

    // Stage 2: score those exactly, best first as the exact mode does: one queue of the kept members
    // under their member bound and of members under their score without the competitor overlap (an
    // upper bound); the largest is opened next, and the search ends when it is below the k-th best
    // score. So a kept member is scored only while it could still enter (at 1,000,000 members 194 of
    // the 300 a search keeps), and the overlap, the costly part, only for those whose other criteria
    // make it. The answer is the one scoring all of them would give: a bound is never below a score.
    const kept = { heap, queue: searchQueue, members: table.members, memberTrade, pairSearch, tradePairs, search, self, bounds, compiledConfig };
    const { best, directCompetitors, scored, overlaps } = scoreKept(kept, top);
    const partners = best.sorted().map(([score, m]) => ({ member: m.member, score }));
    const exact = heap.leftOut + BOUND_SLACK < best.threshold;
    return { partners, directCompetitors, bounded, scored, overlaps, splitTrades, complete: true, exact };
  }
}

/** What the approximate mode's second stage reads: the kept members and the search's state. */
interface KeptMembers<M extends ServicedMember> {
  readonly heap: BoundHeap;
  readonly queue: BestFirstQueue;
  readonly members: readonly CompiledMember<M>[];
  readonly memberTrade: Int32Array;
  readonly pairSearch: Uint32Array;
  readonly tradePairs: TradePairTable;
  readonly search: number;
  readonly self: AnyCompiledMember;
  readonly bounds: PartnerScoreBounds;
  readonly compiledConfig: CompiledConfig;
}

/**
 * The approximate mode's second stage: the best `top` of the kept members, scored best
 * first. A function of its own, outside the search: V8 inlines the small calls (the
 * queue's, `BestK`'s) of a function this size, and a double passed to a call it does
 * not inline is a new heap object, several hundred a search.
 */
function scoreKept<M extends ServicedMember>(kept: KeptMembers<M>, top: number) {
  const { heap, queue, members, memberTrade, pairSearch, tradePairs, search, self, bounds, compiledConfig } = kept;
  queue.clear();
  for (let k = 0; k < heap.size; k++) queue.push(heap.boundAt(k) + BOUND_SLACK, heap.members[k]! << 1);
  touchedSink = touchMembers(members, heap);
  const best = new BestK<CompiledMember<M>>(top);
  const directCompetitors: M[] = [];
  let scored = 0;
  let overlaps = 0;
  while (queue.size > 0 && queue.keys[0]! >= best.threshold) {
    const key = queue.keys[0]!;
    const value = queue.pop();
    const i = value >> 1;
    const other = members[i]!;
    const t = memberTrade[i]!;
    if ((value & 1) === 0) {
      if (pairSearch[t] !== search) {
        pairSearch[t] = search;
        bounds.trade(t);
        tradePairs.fill(t, self.trade, other.trade, bounds.linkStrength);
      }
      const upper = scoreCompiledPair(self, other, tradePairs.at(t), 0, compiledConfig);
      scored++;
      if (best.admits(upper, other.id)) queue.push(upper, (i << 1) | 1);
      continue;
    }
    if (!best.admits(key, other.id)) continue;
    overlaps++;
    settle(self, other, tradePairs.at(t), key, compiledConfig, best, directCompetitors);
  }
  return { best, directCompetitors, scored, overlaps };
}

/** What `touchMembers` read, kept so that the reads are not optimised away. */
let touchedSink = 0;

/**
 * Reads what scoring reads of the kept members, one level of their objects at a time.
 * The kept members lie scattered over the heap, and scoring them one by one waits for
 * each member's object, then each of its arrays, then their contents: one cache miss
 * after another. A loop over all of them at one level asks for many lines at once. At
 * 1,000,000 members, touching 200 members and then scoring 155 took 242 µs where scoring
 * them alone took 386 µs (docs/benchmarks.md, session 19).
 */
function touchMembers(members: readonly AnyCompiledMember[], heap: BoundHeap): number {
  const kept = heap.members;
  const size = heap.size;
  let touched = 0;
  for (let k = 0; k < size; k++) touched += members[kept[k]!]!.sizesMask;
  for (let k = 0; k < size; k++) {
    const m = members[kept[k]!]!;
    touched += m.industries.length + m.roles.length + m.interests.length + m.seniority.norm2 + m.functions.norm2 + m.stages.norm2;
  }
  for (let k = 0; k < size; k++) {
    const m = members[kept[k]!]!;
    touched += m.industries.ids.length + m.industries.weights.length + m.roles.ids.length + m.roles.weights.length;
    touched += m.seniority.dense.length + m.functions.dense.length + m.stages.dense.length;
  }
  for (let k = 0; k < size; k++) {
    const m = members[kept[k]!]!;
    touched += (m.industries.ids[0] ?? 0) + (m.industries.weights[0] ?? 0) + (m.roles.ids[0] ?? 0) + (m.roles.weights[0] ?? 0) + (m.interests[0] ?? 0);
    touched += m.seniority.dense[0]! + m.functions.dense[0]! + m.stages.dense[0]!;
  }
  return touched;
}

/**
 * The last step of both modes for a member whose score without the competitor overlap
 * (`upper`) can still enter: the overlap, then the member's score into `best`, or the
 * member into `directCompetitors` (left out of referral suggestions).
 */
function settle<M extends ServicedMember>(
  self: AnyCompiledMember,
  other: CompiledMember<M>,
  pair: TradePair,
  upper: number,
  config: CompiledConfig,
  best: BestK<CompiledMember<M>>,
  directCompetitors: M[],
): void {
  const overlap = competitorOverlap(self, other);
  const score = overlap === 0 ? upper : scoreCompiledPair(self, other, pair, overlap, config);
  if (score === DIRECT_COMPETITOR) directCompetitors.push(other.member);
  else best.push(score, other);
}
