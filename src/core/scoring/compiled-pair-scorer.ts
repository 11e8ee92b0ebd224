/**
 * Exact referral scoring of compiled members, a few microseconds a pair: the same
 * reciprocal five-criteria score `scorePair` returns (same formulas, same order of
 * floating-point operations, same rounding), without the evidence and reasons. Used
 * to find the best partners among many; the few that are shown are scored again by
 * `scorePair` for their reasons. `test/core/compiled-pair-scorer.test.ts` holds the
 * two to the same answer.
 *
 * The competitor overlap comes from the competitor detector itself.
 */
import { complementLink } from '../criteria/complementarity-criterion.ts';
import { languageFit } from '../criteria/chemistry-criterion.ts';
import { CRITERION_NAMES } from '../criteria/criterion.ts';
import { DIRECT_OVERLAP, serviceOverlapValue } from '../competition/competitor-detector.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import type { MemberVector } from '../vectors/member-vector.ts';
import type { AnyCompiledMember, ConceptList, MemberCompiler, SparseWeights, Trade } from './compiled-member.ts';
import { combineReciprocal, type ScoringConfig } from './scoring-config.ts';

/** The complement link and area similarity of two trades, ordered: `a` plays self. */
export interface TradePair {
  /** Strength of the strongest complement link; -1 without one. */
  readonly linkStrength: number;
  readonly areasAB: number;
  readonly areasBA: number;
}

/** Not a partner: a direct competitor (referral suggestions leave them out). */
export const DIRECT_COMPETITOR = -1;

/**
 * The trade pair of `a` and `b` given their complement link strength (-1 without):
 * `complementLink(a, b)?.strength` and `cosine` of their areas both ways, in the same
 * order of operations as `cosine`.
 */
function tradePair(a: Trade, b: Trade, linkStrength: number): TradePair {
  return { linkStrength, areasAB: sparseCosine(a.areas, b.areas), areasBA: sparseCosine(b.areas, a.areas) };
}

/**
 * The trade pairs of one self's trade with many trades, three numbers a trade in typed
 * arrays, handed out through one pair object refilled at each `at`. A search makes no
 * object per trade it scores (a new object with three boxed doubles each, before), and
 * keeps none alive from one search to the next (objects kept per trade survived young-
 * generation collections, and copying them made the collections longer).
 */
export class TradePairTable {
  readonly #link: Float64Array;
  readonly #ab: Float64Array;
  readonly #ba: Float64Array;
  /** Its fields start as doubles, so V8 keeps them as doubles and overwrites them in place. */
  readonly #pair = { linkStrength: 0.5, areasAB: 0.5, areasBA: 0.5 };

  constructor(trades: number) {
    this.#link = new Float64Array(trades);
    this.#ab = new Float64Array(trades);
    this.#ba = new Float64Array(trades);
  }

  /** Makes trade t's pair `tradePair(self, trade, linkStrength)`. */
  fill(t: number, self: Trade, trade: Trade, linkStrength: number): void {
    this.#link[t] = linkStrength;
    this.#ab[t] = sparseCosine(self.areas, trade.areas);
    this.#ba[t] = sparseCosine(trade.areas, self.areas);
  }

  /** Trade t's pair, as last filled: valid until the next call. */
  at(t: number): TradePair {
    const pair = this.#pair;
    pair.linkStrength = this.#link[t]!;
    pair.areasAB = this.#ab[t]!;
    pair.areasBA = this.#ba[t]!;
    return pair;
  }
}

/** The trade pair from the criteria's own functions (for members the index did not see, and for tests). */
export function tradePairOf(a: Trade, b: Trade, knowledge: EngineKnowledge): TradePair {
  const link = complementLink(a.representative, b.representative, knowledge);
  return tradePair(a, b, link ? link.strength : -1);
}

/** Enough for every trade pair of a large network; beyond, the cache starts over. */
const MAX_CACHED_TRADE_PAIRS = 1 << 20;

/** Trade pairs (ordered: `a` plays self), computed once: members of one trade repeat them. */
export class TradePairCache {
  readonly #pairs = new Map<number, TradePair>();
  constructor(private readonly knowledge: EngineKnowledge) {}

  get(a: Trade, b: Trade): TradePair {
    const key = a.id * 4_194_304 + b.id;
    let pair = this.#pairs.get(key);
    if (!pair) {
      pair = tradePairOf(a, b, this.knowledge);
      if (this.#pairs.size >= MAX_CACHED_TRADE_PAIRS) this.#pairs.clear();
      this.#pairs.set(key, pair);
    }
    return pair;
  }
}

/** A scoring config flattened for the hot loop. */
export interface CompiledConfig {
  readonly config: ScoringConfig;
  /** Weights in `CRITERION_NAMES` order. */
  readonly weights: Float64Array;
  /** languageFit by interned language (index 0: no language), from the criterion's own function. */
  readonly languageFit: (a: number, b: number) => number;
}

export function compileConfig(config: ScoringConfig, compiler: MemberCompiler): CompiledConfig {
  const cache = new Map<number, number>();
  const asVector = (id: number) => ({ language: id < 0 ? null : compiler.languages.values[id]! }) as MemberVector;
  return {
    config,
    weights: Float64Array.from(CRITERION_NAMES.map((name) => config.weights[name])),
    languageFit(a, b) {
      const key = (a + 1) * 65536 + (b + 1);
      let fit = cache.get(key);
      if (fit === undefined) {
        fit = languageFit(asVector(a), asVector(b));
        cache.set(key, fit);
      }
      return fit;
    },
  };
}

const CHEMISTRY = CRITERION_NAMES.indexOf('chemistry');
const COMPLEMENTARITY = CRITERION_NAMES.indexOf('complementarity');
const SHARED_CUSTOMERS = CRITERION_NAMES.indexOf('sharedCustomers');
const SHARED_CONTACTS = CRITERION_NAMES.indexOf('sharedContacts');
const MUTUAL_PROFIT = CRITERION_NAMES.indexOf('mutualProfit');
const scores = new Float64Array(5);
const confidences = new Float64Array(5);
const known = new Uint8Array(5);

/**
 * The competitor overlap of two members (`Competition.overlap` before rounding), from
 * the competitor detector itself: the one costly part of a pair (it compares their
 * words), so callers first score with overlap 0, an upper bound, and ask for it only
 * when that bound could make the ranking.
 */
export function competitorOverlap(a: AnyCompiledMember, b: AnyCompiledMember): number {
  return serviceOverlapValue(a.member, b.member);
}

/**
 * The reciprocal referral score of `a` and `b` (what `scorePair(a, b).score` is), or
 * `DIRECT_COMPETITOR`. `trades` must be `tradePairOf(a.trade, b.trade)` and `overlap`
 * `competitorOverlap(a, b)`. With `overlap` 0 the result is an upper bound of the
 * score (overlap only lowers complementarity or makes a direct competitor).
 * Scores are rounded to 0.001 as the criteria round them, written out in place rather
 * than by a call: a double returned from a call V8 does not inline is a new heap
 * object, and this runs hundreds of times a suggestion.
 */
export function scoreCompiledPair(a: AnyCompiledMember, b: AnyCompiledMember, trades: TradePair, overlap: number, config: CompiledConfig): number {
  const regionScore = regionFit(a, b);
  const sizes = sizeFit(a.sizesMask, b.sizesMask);
  // detectCompetition: direct = the same services in the same market.
  if (overlap >= DIRECT_OVERLAP) {
    const industriesDisjoint = a.industries.length > 0 && b.industries.length > 0 && sharedCount(a.industries.ids, b.industries.ids) === 0;
    if ((regionScore < 0 || regionScore >= 0.85) && (sizes < 0 || sizes > 0) && !industriesDisjoint) return DIRECT_COMPETITOR;
  }

  // chemistry
  if (a.interestCount === 0 || b.interestCount === 0) known[CHEMISTRY] = 0;
  else {
    const common = sortedSharedCount(a.interests, b.interests);
    const overlap = Math.min(1, common / Math.min(a.interestCount, b.interestCount));
    scores[CHEMISTRY] = Math.round((0.25 + 0.55 * overlap + 0.2 * config.languageFit(a.language, b.language)) * 1000) / 1000;
    confidences[CHEMISTRY] = 0.25;
    known[CHEMISTRY] = 1;
  }

  // complementarity
  if (a.trade.areasEmpty || b.trade.areasEmpty) known[COMPLEMENTARITY] = 0;
  else {
    const base = Math.max(trades.linkStrength >= 0 ? 0.55 + 0.45 * trades.linkStrength : 0, 0.75 * trades.areasAB);
    scores[COMPLEMENTARITY] = Math.round((base * (1 - Math.round(overlap * 1000) / 1000)) * 1000) / 1000;
    confidences[COMPLEMENTARITY] = 0.8;
    known[COMPLEMENTARITY] = 1;
  }

  sharedCustomers(a, b, sizes, regionScore);
  sharedContacts(a, b);

  // mutualProfit, the one directional criterion: for a, then for b.
  const profitUnknown = (a.trade.services.length === 0 || b.trade.services.length === 0) && (a.trade.areasEmpty || b.trade.areasEmpty);
  const link = trades.linkStrength >= 0 ? 0.6 + 0.4 * trades.linkStrength : -1;
  let profitForB = 0;
  let profitConfidenceB = 0;
  if (profitUnknown) known[MUTUAL_PROFIT] = 0;
  else {
    scores[MUTUAL_PROFIT] = Math.round((Math.max(0.3 * trades.areasAB, link) * (0.6 + 0.4 * a.dealFactor)) * 1000) / 1000;
    confidences[MUTUAL_PROFIT] = a.dealKnown ? 0.3 : 0.2;
    known[MUTUAL_PROFIT] = 1;
    profitForB = Math.round((Math.max(0.3 * trades.areasBA, link) * (0.6 + 0.4 * b.dealFactor)) * 1000) / 1000;
    profitConfidenceB = b.dealKnown ? 0.3 : 0.2;
  }

  const w = config.weights;
  let sumA = 0;
  let weightA = 0;
  let sumB = 0;
  let weightB = 0;
  for (let i = 0; i < 5; i++) {
    if (!known[i]) continue;
    const weight = w[i]! * (0.5 + 0.5 * confidences[i]!);
    sumA += weight * scores[i]!;
    weightA += weight;
    if (i === MUTUAL_PROFIT) {
      const weightForB = w[i]! * (0.5 + 0.5 * profitConfidenceB);
      sumB += weightForB * profitForB;
      weightB += weightForB;
    } else {
      sumB += weight * scores[i]!;
      weightB += weight;
    }
  }
  const forA = weightA > 0 ? sumA / weightA : 0;
  const forB = weightB > 0 ? sumB / weightB : 0;
  // The default rule written out (the same arithmetic as `combineReciprocal`): a call not inlined boxes its doubles.
  const rule = config.config.combination;
  const combined = rule === 'harmonic' ? (forA + forB > 0 ? (2 * forA * forB) / (forA + forB) : 0) : combineReciprocal(forA, forB, rule);
  return Math.round(combined * 1000) / 1000;
}

// The two criteria below are functions of their own, writing into `scores`, `confidences`
// and `known` rather than returning doubles: small enough for V8 to inline the similarity
// measures they call, whose doubles are otherwise boxed on the heap at every pair.

/** sharedCustomers: industries, sizes, region, each where both sides gave it. */
function sharedCustomers(a: AnyCompiledMember, b: AnyCompiledMember, sizes: number, regionScore: number): void {
  let partWeight = 0;
  let partSum = 0;
  if (a.industries.length > 0 && b.industries.length > 0) {
    const common = sharedCount(a.industries.ids, b.industries.ids);
    const industries = Math.min(1, weightedJaccard(a.industries, b.industries) + (common > 0 ? 0.3 : 0));
    partWeight += 0.45;
    partSum += 0.45 * industries;
  }
  if (sizes >= 0) {
    partWeight += 0.35;
    partSum += 0.35 * sizes;
  }
  if (regionScore >= 0) {
    partWeight += 0.2;
    partSum += 0.2 * regionScore;
  }
  if (partWeight === 0) known[SHARED_CUSTOMERS] = 0;
  else {
    scores[SHARED_CUSTOMERS] = Math.round((partSum / partWeight) * 1000) / 1000;
    confidences[SHARED_CUSTOMERS] = Math.round(partWeight * 1000) / 1000;
    known[SHARED_CUSTOMERS] = 1;
  }
}

/** sharedContacts. */
function sharedContacts(a: AnyCompiledMember, b: AnyCompiledMember): void {
  if (a.seniorityCount === 0 || b.seniorityCount === 0) {
    known[SHARED_CONTACTS] = 0;
    return;
  }
  const seniority = sparseCosine(a.seniority, b.seniority);
  const functions = sparseCosine(a.functions, b.functions);
  const roles = weightedJaccard(a.roles, b.roles);
  const contacts = 0.35 * seniority + 0.35 * functions + 0.3 * Math.min(1, roles * 1.5);
  let stageBonus = 0.5;
  let confidence = 0.7;
  if (a.hasStage && b.hasStage) {
    confidence = 0.9;
    stageBonus = sparseCosine(a.stages, b.stages) < 0.5 ? 1 : 0.5;
  }
  scores[SHARED_CONTACTS] = Math.round((0.85 * contacts + 0.15 * stageBonus) * 1000) / 1000;
  confidences[SHARED_CONTACTS] = confidence;
  known[SHARED_CONTACTS] = 1;
}

/** `regionFit(a, b).score`, -1 for unknown. */
export function regionFit(a: AnyCompiledMember, b: AnyCompiledMember): number {
  if (a.regionKey < 0 || b.regionKey < 0) return -1;
  if (a.regionKey === b.regionKey) return 1;
  if (a.regionArea === b.regionArea) return 0.85;
  if (a.regionCountry >= 0 && a.regionCountry === b.regionCountry) return 0.4;
  return 0;
}

/** `sizeFit` on size masks (bit i: `SIZE_ORDER[i]`), -1 for unknown. */
export function sizeFit(a: number, b: number): number {
  if (a === 0 || b === 0) return -1;
  const shared = popcount(a & b);
  if (shared > 0) return shared / popcount(a | b);
  // Neighbouring bands other than consumers (bit 0): micro–small, small–medium, medium–large.
  const near = ((a >> 1) & (b >> 2)) | ((b >> 1) & (a >> 2));
  return (near & 0b111) !== 0 ? 0.25 : 0;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** `cosine` over `SparseWeights`: a's entries in order, b looked up densely. */
export function sparseCosine(a: SparseWeights, b: SparseWeights): number {
  if (a.norm2 <= 0 || b.norm2 <= 0) return 0;
  let dot = 0;
  const keys = a.keys;
  const values = a.values;
  const dense = b.dense;
  for (let i = 0; i < keys.length; i++) dot += values[i]! * dense[keys[i]!]!;
  return Math.min(1, dot / Math.sqrt(a.norm2 * b.norm2));
}

/** `weightedJaccard` over deduplicated lists, summing in the same order as its map. */
export function weightedJaccard(a: ConceptList, b: ConceptList): number {
  if (a.length === 0 || b.length === 0) return 0;
  let min = 0;
  let max = 0;
  const ai = a.ids;
  const bi = b.ids;
  for (let i = 0; i < ai.length; i++) {
    const x = a.weights[i]!;
    let y = 0;
    for (let j = 0; j < bi.length; j++) if (bi[j] === ai[i]) y = b.weights[j]!;
    min += Math.min(x, y);
    max += Math.max(x, y);
  }
  for (let j = 0; j < bi.length; j++) {
    let inA = false;
    for (let i = 0; i < ai.length; i++) if (ai[i] === bi[j]) inA = true;
    if (!inA) max += b.weights[j]!;
  }
  return max > 0 ? min / max : 0;
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (a[i] === b[j]) {
        n++;
        break;
      }
    }
  }
  return n;
}

function sortedSharedCount(a: Int32Array, b: Int32Array): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}
