/**
 * Members compiled for fast exact pair scoring: every list a criterion reads is
 * turned once into interned integer ids and typed arrays, in the same order the
 * criteria iterate them, so `compiled-pair-scorer.ts` reproduces their floating-point
 * sums bit for bit. The parts that only depend on what a member sells (services,
 * service words, NACE class, business areas) become a shared `Trade`: members with
 * the same trade share it, and the service comparison of two trades is computed once
 * by the criteria's own functions and cached. Pure.
 */
import { BUSINESS_AREAS, CUSTOMER_STAGES, FUNCTIONS, SENIORITIES } from '../lexicon/lexicon-schema.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import { dealFactor } from '../criteria/mutual-profit-criterion.ts';
import type { ScoredMember, ServicedMember } from './scored-member.ts';
import type { WeightedConcept, Weights } from '../vectors/member-vector.ts';

/** Concept weights by id, deduplicated like `weightedJaccard`'s map: first position, last weight. */
export interface ConceptList {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Length of the original list (emptiness tests use it). */
  readonly length: number;
}

/** A `Weights` object: keys in insertion order (as `Object.entries` yields them), and a dense copy. */
export interface SparseWeights {
  readonly keys: Int32Array;
  readonly values: Float64Array;
  readonly dense: Float64Array;
  /** Σ v² in key order, as `cosine` sums it. */
  readonly norm2: number;
}

/** What a member sells, as concepts: what the complement link and area similarity read. */
export interface Trade {
  readonly id: number;
  /** A member with this trade, handed to the criteria's own functions (they read its services). */
  readonly representative: ServicedMember;
  readonly services: ConceptList;
  readonly areas: SparseWeights;
  readonly areasEmpty: boolean;
}

/** `M`: what `member` is; a member restored from a snapshot may be only a `ServicedMember`. */
export interface CompiledMember<M extends ServicedMember = ScoredMember> {
  readonly member: M;
  readonly id: string;
  readonly trade: Trade;
  readonly industries: ConceptList;
  /** Bit i: size band i of `SIZE_ORDER`; 0 when none given. */
  readonly sizesMask: number;
  /** Interned region key, area and country; -1 without a region (country: also when unknown). */
  readonly regionKey: number;
  readonly regionArea: number;
  readonly regionCountry: number;
  readonly roles: ConceptList;
  readonly seniority: SparseWeights;
  readonly seniorityCount: number;
  readonly functions: SparseWeights;
  readonly stages: SparseWeights;
  readonly hasStage: boolean;
  /** Interests and other interests, interned, unique and sorted; `interestCount` is the raw count. */
  readonly interests: Int32Array;
  readonly interestCount: number;
  readonly language: number;
  readonly dealFactor: number;
  readonly dealKnown: boolean;
}

/** Any compiled member, whatever its `member` is: what the scorer and the exact partner index read. */
export type AnyCompiledMember = CompiledMember<ServicedMember>;

/** The size order `sizeFit` uses for neighbouring bands. */
export const SIZE_ORDER = ['consumer', 'micro', 'small', 'medium', 'large'] as const;

/** Values numbered in the order first seen (by `Map` equality: objects by identity). */
export class Interner<K> {
  readonly #ids = new Map<K, number>();
  readonly values: K[] = [];
  id(value: K): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }
  find(value: K): number | undefined {
    return this.#ids.get(value);
  }
  get size(): number {
    return this.values.length;
  }
}

/** Turns members into `CompiledMember`s; one compiler per index, its interned ids shared by all its members. */
export class MemberCompiler {
  readonly concepts = new Interner<string>();
  readonly regions = new Interner<string>();
  readonly interests = new Interner<string>();
  readonly languages = new Interner<string>();
  readonly trades: Trade[] = [];
  readonly #tradeKeys = new Map<string, Trade>();
  readonly #arena = new TypedArena();

  constructor(readonly knowledge: EngineKnowledge) {}

  /** `trade`: the member's `trade(member)` when the caller already has it. */
  compile(member: ScoredMember, trade: Trade = this.trade(member)): CompiledMember {
    const v = member.vector;
    const interests = [...v.interests.map((i) => i.id), ...v.otherInterests].map((x) => this.interests.id(x));
    return {
      member,
      id: member.id,
      trade,
      industries: this.conceptList(v.targetIndustries),
      sizesMask: v.sizes.reduce((mask, s) => mask | (1 << SIZE_ORDER.indexOf(s)), 0),
      regionKey: v.region ? this.regions.id(`key:${v.region.key}`) : -1,
      regionArea: v.region ? this.regions.id(`area:${v.region.area}`) : -1,
      regionCountry: v.region?.country ? this.regions.id(`country:${v.region.country}`) : -1,
      roles: this.conceptList(v.roles),
      seniority: this.#sparse('s', v.seniority, SENIORITIES),
      seniorityCount: Object.keys(v.seniority).length,
      functions: this.#sparse('f', v.functions, FUNCTIONS),
      stages: this.#sparse('t', v.stages, CUSTOMER_STAGES),
      hasStage: Object.keys(v.stages).length > 0,
      interests: this.#interestSet(interests),
      interestCount: interests.length,
      language: v.language ? this.languages.id(v.language) : -1,
      dealFactor: dealFactor(v.dealValueEur),
      dealKnown: v.dealValueEur !== null,
    };
  }

  trade(member: ScoredMember): Trade {
    const v = member.vector;
    // Services (id and weight, in order) and areas: ids and area names hold no control characters.
    let key = '';
    for (const s of v.services) key += `${s.id}\u0001${s.weight}\u0002`;
    key += '\u0003';
    for (const area in v.areas) key += `${area}\u0001${v.areas[area as keyof typeof v.areas]}\u0002`;
    let trade = this.#tradeKeys.get(key);
    if (!trade) {
      const areas = sparseWeights(v.areas, AREA_KEYS, this.#arena);
      trade = {
        id: this.trades.length,
        representative: member,
        services: this.conceptList(v.services),
        areas,
        areasEmpty: Object.keys(v.areas).length === 0,
      };
      this.trades.push(trade);
      this.#tradeKeys.set(key, trade);
    }
    return trade;
  }

  conceptList(list: readonly WeightedConcept[]): ConceptList {
    // Lists are short: a linear search keeps the first position and the last weight, as a map would.
    const order: number[] = [];
    const weights: number[] = [];
    for (const c of list) {
      const id = this.concepts.id(c.id);
      const k = order.indexOf(id);
      if (k < 0) {
        order.push(id);
        weights.push(c.weight);
      } else weights[k] = c.weight;
    }
    const key = `${list.length}|${order.join(',')}|${weights.join(',')}`;
    let found = this.#lists.get(key);
    if (!found) this.#lists.set(key, (found = { ids: this.#arena.int32(order), weights: this.#arena.float64(weights), length: list.length }));
    return found;
  }

  // Lists and weights with the same content are one shared (read-only) object: members repeat them
  // often, and a million compiled members would otherwise be tens of millions of small objects for the
  // collector to mark again and again while the index is built.
  readonly #lists = new Map<string, ConceptList>();
  readonly #sparses = new Map<string, SparseWeights>();
  readonly #interestSets = new Map<string, Int32Array>();

  /**
   * Forgets the keys that made equal lists one object (the lists stay shared): once an
   * index is built they are only memory, a long string per distinct list (at 1,000,000
   * members, millions of them). A member compiled later gets lists of its own.
   */
  forgetListKeys(): void {
    this.#lists.clear();
    this.#sparses.clear();
    this.#interestSets.clear();
  }

  #sparse(kind: string, weights: Weights<string>, keys: readonly string[]): SparseWeights {
    let key = kind;
    for (const k in weights) key += `|${k}:${weights[k]}`;
    let found = this.#sparses.get(key);
    if (!found) this.#sparses.set(key, (found = sparseWeights(weights, keys, this.#arena)));
    return found;
  }

  /** Interned interests, each once, sorted. */
  #interestSet(interests: readonly number[]): Int32Array {
    const sorted = [...new Set(interests)].sort((a, b) => a - b);
    const key = sorted.join(',');
    let found = this.#interestSets.get(key);
    if (!found) this.#interestSets.set(key, (found = this.#arena.int32(sorted)));
    return found;
  }
}

const AREA_KEYS: readonly string[] = BUSINESS_AREAS;

/**
 * Typed arrays for the many short lists of compiled members, carved out of shared
 * blocks: one backing store per block instead of one per list (at a million members,
 * tens of millions of small buffers otherwise, and a collector busy tracking them).
 */
class TypedArena {
  #floats = new Float64Array(0);
  #floatsUsed = 0;
  #ints = new Int32Array(0);
  #intsUsed = 0;

  float64(values: Iterable<number> | number): Float64Array {
    const list = typeof values === 'number' ? null : [...values];
    const n = list ? list.length : (values as number);
    if (this.#floatsUsed + n > this.#floats.length) {
      this.#floats = new Float64Array(Math.max(ARENA_BLOCK, n));
      this.#floatsUsed = 0;
    }
    const out = this.#floats.subarray(this.#floatsUsed, this.#floatsUsed + n);
    this.#floatsUsed += n;
    if (list) out.set(list);
    return out;
  }

  int32(values: Iterable<number>): Int32Array {
    const list = [...values];
    if (this.#intsUsed + list.length > this.#ints.length) {
      this.#ints = new Int32Array(Math.max(ARENA_BLOCK, list.length));
      this.#intsUsed = 0;
    }
    const out = this.#ints.subarray(this.#intsUsed, this.#intsUsed + list.length);
    this.#intsUsed += list.length;
    out.set(list);
    return out;
  }
}

/** Elements per arena block (64 KB of doubles). */
const ARENA_BLOCK = 8192;

function sparseWeights(weights: Weights<string>, keys: readonly string[], arena: TypedArena): SparseWeights {
  const entries = Object.entries(weights) as [string, number][];
  const dense = arena.float64(keys.length);
  const ids: number[] = [];
  const values: number[] = [];
  let norm2 = 0;
  for (const [k, v] of entries) {
    const slot = keys.indexOf(k);
    // The vectoriser only writes the schema's keys; anything else cannot be compared exactly.
    if (slot < 0) throw new Error(`unexpected weight key "${k}"`);
    ids.push(slot);
    values.push(v);
    norm2 += v * v;
    dense[slot] = v;
  }
  return { keys: arena.int32(ids), values: arena.float64(values), dense, norm2 };
}
