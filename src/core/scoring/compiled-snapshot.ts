/**
 * Compiled members as flat typed arrays, to make the same `CompiledMember`s on
 * another thread without sending the members themselves as JSON and compiling them
 * again: the interned ids, every shared list once (concept lists, sparse weights,
 * interest sets), each trade and each member as a few numbers. A worker of the
 * all-pairs batch restores its exact partner index from this in about 0.2 s at
 * 16,384 members (0.35 s beside the busy calling thread), where parsing the members'
 * JSON, compiling them and building the index took it 1.1–1.7 s. The members
 * themselves travel separately (`src/batch/shipped-members.ts`).
 */
import type { EngineKnowledge } from '../knowledge.ts';
import { Interner, MemberCompiler, type AnyCompiledMember, type CompiledMember, type ConceptList, type SparseWeights, type Trade } from './compiled-member.ts';
import type { ServicedMember } from './scored-member.ts';

export interface CompiledSnapshot {
  readonly interned: { readonly concepts: string[]; readonly regions: string[]; readonly interests: string[]; readonly languages: string[] };
  /** Concept lists: `ids` and `weights` from `start[i]` to `start[i + 1]`, and the original length. */
  readonly lists: { readonly ids: Int32Array; readonly weights: Float64Array; readonly start: Int32Array; readonly length: Int32Array };
  /** Sparse weights: `keys` and `values` from `start[i]`, `dense` from `denseStart[i]` (both to the next one), and Σ v². */
  readonly sparse: {
    readonly keys: Int32Array;
    readonly values: Float64Array;
    readonly start: Int32Array;
    readonly dense: Float64Array;
    readonly denseStart: Int32Array;
    readonly norm2: Float64Array;
  };
  /** Interest sets: `values` from `start[i]` to `start[i + 1]`. */
  readonly sets: { readonly values: Int32Array; readonly start: Int32Array };
  /** `TRADE_FIELDS` ints a trade, in trade id order. */
  readonly trades: Int32Array;
  /** `MEMBER_FIELDS` ints a member, and the members' deal factors, in the order given. */
  readonly members: Int32Array;
  readonly dealFactors: Float64Array;
}

/** A trade: its representative (a member's number in the snapshot), services (a list), areas (sparse), whether it has no areas. */
const TRADE_FIELDS = 4;
/** Where each field of a member is among its ints (the lists as their number in the snapshot), one table for writing and reading. */
const FIELD = { trade: 0, industries: 1, roles: 2, seniority: 3, functions: 4, stages: 5, interests: 6, sizesMask: 7, regionKey: 8, regionArea: 9, regionCountry: 10, seniorityCount: 11, hasStage: 12, interestCount: 13, language: 14, dealKnown: 15 } as const;
const MEMBER_FIELDS = Object.keys(FIELD).length;

/** Flattens `compiled` (all made by `compiler`) for `restoreCompiled`. */
export function snapshotCompiled(compiler: MemberCompiler, compiled: readonly AnyCompiledMember[]): CompiledSnapshot {
  const lists = new Interner<ConceptList>();
  const sparse = new Interner<SparseWeights>();
  const sets = new Interner<Int32Array>();
  const numberOf = new Map<ServicedMember, number>(compiled.map((c, i) => [c.member, i]));
  const trades: Trade[] = [];
  for (const c of compiled) trades[c.trade.id] = c.trade;
  const tradeInts = new Int32Array(trades.length * TRADE_FIELDS);
  for (let t = 0; t < trades.length; t++) {
    const trade = trades[t];
    // A trade the compiler made for a member outside the snapshot (a member searched for, not indexed).
    if (!trade) {
      tradeInts[t * TRADE_FIELDS] = -1;
      continue;
    }
    const representative = numberOf.get(trade.representative);
    if (representative === undefined) throw new Error(`the representative of trade ${t} is not in the snapshot`);
    tradeInts.set([representative, lists.id(trade.services), sparse.id(trade.areas), trade.areasEmpty ? 1 : 0], t * TRADE_FIELDS);
  }
  const members = new Int32Array(compiled.length * MEMBER_FIELDS);
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i]!;
    const at = i * MEMBER_FIELDS;
    members[at + FIELD.trade] = c.trade.id;
    members[at + FIELD.industries] = lists.id(c.industries);
    members[at + FIELD.roles] = lists.id(c.roles);
    members[at + FIELD.seniority] = sparse.id(c.seniority);
    members[at + FIELD.functions] = sparse.id(c.functions);
    members[at + FIELD.stages] = sparse.id(c.stages);
    members[at + FIELD.interests] = sets.id(c.interests);
    members[at + FIELD.sizesMask] = c.sizesMask;
    members[at + FIELD.regionKey] = c.regionKey;
    members[at + FIELD.regionArea] = c.regionArea;
    members[at + FIELD.regionCountry] = c.regionCountry;
    members[at + FIELD.seniorityCount] = c.seniorityCount;
    members[at + FIELD.hasStage] = c.hasStage ? 1 : 0;
    members[at + FIELD.interestCount] = c.interestCount;
    members[at + FIELD.language] = c.language;
    members[at + FIELD.dealKnown] = c.dealKnown ? 1 : 0;
  }
  const listIds: number[] = [];
  const listWeights: number[] = [];
  for (const l of lists.values) for (let k = 0; k < l.ids.length; k++) listIds.push(l.ids[k]!), listWeights.push(l.weights[k]!);
  const keys: number[] = [];
  const values: number[] = [];
  const dense: number[] = [];
  for (const w of sparse.values) {
    for (let k = 0; k < w.keys.length; k++) keys.push(w.keys[k]!), values.push(w.values[k]!);
    for (let k = 0; k < w.dense.length; k++) dense.push(w.dense[k]!);
  }
  const setValues: number[] = [];
  for (const set of sets.values) for (let k = 0; k < set.length; k++) setValues.push(set[k]!);
  return {
    interned: {
      concepts: [...compiler.concepts.values],
      regions: [...compiler.regions.values],
      interests: [...compiler.interests.values],
      languages: [...compiler.languages.values],
    },
    lists: {
      ids: Int32Array.from(listIds),
      weights: Float64Array.from(listWeights),
      start: starts(lists.values.map((l) => l.ids.length)),
      length: Int32Array.from(lists.values, (l) => l.length),
    },
    sparse: {
      keys: Int32Array.from(keys),
      values: Float64Array.from(values),
      start: starts(sparse.values.map((w) => w.keys.length)),
      dense: Float64Array.from(dense),
      denseStart: starts(sparse.values.map((w) => w.dense.length)),
      norm2: Float64Array.from(sparse.values, (w) => w.norm2),
    },
    sets: { values: Int32Array.from(setValues), start: starts(sets.values.map((set) => set.length)) },
    trades: tradeInts,
    members,
    dealFactors: Float64Array.from(compiled, (c) => c.dealFactor),
  };
}

/**
 * The compiled members of a snapshot, in its order, with a compiler holding the same
 * interned ids and trades (it can compile config but should not compile new members:
 * it does not know which lists it already has). `memberAt(i)`: the i-th member.
 */
export function restoreCompiled<M extends ServicedMember>(
  snapshot: CompiledSnapshot,
  knowledge: EngineKnowledge,
  memberAt: (i: number) => M,
): { compiler: MemberCompiler; compiled: CompiledMember<M>[] } {
  const compiler = new MemberCompiler(knowledge);
  const { interned } = snapshot;
  for (const value of interned.concepts) compiler.concepts.id(value);
  for (const value of interned.regions) compiler.regions.id(value);
  for (const value of interned.interests) compiler.interests.id(value);
  for (const value of interned.languages) compiler.languages.id(value);
  // Views into the snapshot's arrays: one backing store each, as the compiler's arena keeps them.
  const { lists, sparse, sets } = snapshot;
  const conceptLists: ConceptList[] = Array.from(lists.length, (length, i) => ({
    ids: lists.ids.subarray(lists.start[i]!, lists.start[i + 1]!),
    weights: lists.weights.subarray(lists.start[i]!, lists.start[i + 1]!),
    length,
  }));
  const sparseWeights: SparseWeights[] = Array.from(sparse.norm2, (norm2, i) => ({
    keys: sparse.keys.subarray(sparse.start[i]!, sparse.start[i + 1]!),
    values: sparse.values.subarray(sparse.start[i]!, sparse.start[i + 1]!),
    dense: sparse.dense.subarray(sparse.denseStart[i]!, sparse.denseStart[i + 1]!),
    norm2,
  }));
  const interestSets = Array.from({ length: sets.start.length - 1 }, (_, i) => sets.values.subarray(sets.start[i]!, sets.start[i + 1]!));
  const t = snapshot.trades;
  for (let id = 0; id * TRADE_FIELDS < t.length; id++) {
    const at = id * TRADE_FIELDS;
    if (t[at]! < 0) continue;
    compiler.trades[id] = {
      id,
      representative: memberAt(t[at]!),
      services: conceptLists[t[at + 1]!]!,
      areas: sparseWeights[t[at + 2]!]!,
      areasEmpty: t[at + 3] === 1,
    };
  }
  const m = snapshot.members;
  const compiled: CompiledMember<M>[] = Array.from(snapshot.dealFactors, (dealFactor, i) => {
    const at = i * MEMBER_FIELDS;
    const member = memberAt(i);
    return {
      member,
      id: member.id,
      trade: compiler.trades[m[at + FIELD.trade]!]!,
      industries: conceptLists[m[at + FIELD.industries]!]!,
      sizesMask: m[at + FIELD.sizesMask]!,
      regionKey: m[at + FIELD.regionKey]!,
      regionArea: m[at + FIELD.regionArea]!,
      regionCountry: m[at + FIELD.regionCountry]!,
      roles: conceptLists[m[at + FIELD.roles]!]!,
      seniority: sparseWeights[m[at + FIELD.seniority]!]!,
      seniorityCount: m[at + FIELD.seniorityCount]!,
      functions: sparseWeights[m[at + FIELD.functions]!]!,
      stages: sparseWeights[m[at + FIELD.stages]!]!,
      hasStage: m[at + FIELD.hasStage] === 1,
      interests: interestSets[m[at + FIELD.interests]!]!,
      interestCount: m[at + FIELD.interestCount]!,
      language: m[at + FIELD.language]!,
      dealFactor,
      dealKnown: m[at + FIELD.dealKnown] === 1,
    };
  });
  return { compiler, compiled };
}

/** Start offsets (and the end) of consecutive runs of the given lengths. */
function starts(lengths: readonly number[]): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  lengths.forEach((n, i) => (out[i + 1] = out[i]! + n));
  return out;
}
