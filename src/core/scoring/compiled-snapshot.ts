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
/** A member: trade, industries, roles, seniority, functions, stages, interests, then the plain numbers. */
const MEMBER_FIELDS = 16;

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
    members[at] = c.trade.id;
    members[at + 1] = lists.id(c.industries);
    members[at + 2] = lists.id(c.roles);
    members[at + 3] = sparse.id(c.seniority);
    members[at + 4] = sparse.id(c.functions);
    members[at + 5] = sparse.id(c.stages);
    members[at + 6] = sets.id(c.interests);
    members[at + 7] = c.sizesMask;
    members[at + 8] = c.regionKey;
    members[at + 9] = c.regionArea;
    members[at + 10] = c.regionCountry;
    members[at + 11] = c.seniorityCount;
    members[at + 12] = c.hasStage ? 1 : 0;
    members[at + 13] = c.interestCount;
    members[at + 14] = c.language;
    members[at + 15] = c.dealKnown ? 1 : 0;
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
      trade: compiler.trades[m[at]!]!,
      industries: conceptLists[m[at + 1]!]!,
      sizesMask: m[at + 7]!,
      regionKey: m[at + 8]!,
      regionArea: m[at + 9]!,
      regionCountry: m[at + 10]!,
      roles: conceptLists[m[at + 2]!]!,
      seniority: sparseWeights[m[at + 3]!]!,
      seniorityCount: m[at + 11]!,
      functions: sparseWeights[m[at + 4]!]!,
      stages: sparseWeights[m[at + 5]!]!,
      hasStage: m[at + 12] === 1,
      interests: interestSets[m[at + 6]!]!,
      interestCount: m[at + 13]!,
      language: m[at + 14]!,
      dealFactor,
      dealKnown: m[at + 15] === 1,
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
