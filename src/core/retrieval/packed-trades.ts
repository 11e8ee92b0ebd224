/**
 * Compiled members grouped by trade and packed into flat typed arrays, for
 * `partner-score-bounds.ts` and `exact-partner-index.ts`. The bounds touch tens of
 * thousands of members and thousands of trades per search: read from objects, each
 * read is a cache miss; read from a few flat arrays in trade order, they stream.
 */
import type { EngineKnowledge } from '../knowledge.ts';
import { CUSTOMER_STAGES, FUNCTIONS, SENIORITIES } from '../lexicon/lexicon-schema.ts';
import type { AnyCompiledMember, MemberCompiler, SparseWeights, Trade } from '../scoring/compiled-member.ts';

/** Member flags. */
export const HAS_INDUSTRIES = 1;
export const HAS_SENIORITY = 2;
export const HAS_INTERESTS = 4;
export const HAS_STAGE = 8;
export const DEAL_KNOWN = 16;
export const HAS_SIZES = 32;
/** In `PackedTrades.tradeKnown` only: every member of the trade has a region. */
export const REGION_KNOWN = 64;
/** Trade flags. */
export const AREAS_EMPTY = 1;
export const SERVICES_EMPTY = 2;

/** Trades with the same business areas (the same areas above 0), bounded together when none links to a member's services. */
export interface AreaGroup {
  /** The largest share of each area among the trades' unit-length area vectors (bounds every cosine). */
  readonly unitAreas: Float64Array;
  readonly flags: number;
  readonly maxDealFactor: number;
  readonly trades: Int32Array;
}

/** Bit masks of what members have in common: ids folded onto 32 bits per kind (a collision only loosens a bound). */
export class MaskBits {
  readonly #bits = new Map<string, number>();
  mask(kind: string, ids: ArrayLike<number>): number {
    let mask = 0;
    for (let i = 0; i < ids.length; i++) {
      const key = `${kind}:${ids[i]}`;
      let bit = this.#bits.get(key);
      if (bit === undefined) {
        bit = this.#bits.size % 32;
        this.#bits.set(key, bit);
      }
      mask |= 1 << bit;
    }
    return mask;
  }
}

/** Seniority and function bits of a member (keys with a positive weight): seniorities from bit 0, functions from bit 10. */
export function contactMask(member: AnyCompiledMember): number {
  let mask = 0;
  const s = member.seniority;
  for (let i = 0; i < s.keys.length; i++) if (s.values[i]! > 0) mask |= 1 << s.keys[i]!;
  const f = member.functions;
  for (let i = 0; i < f.keys.length; i++) if (f.values[i]! > 0) mask |= 1 << (10 + f.keys[i]!);
  return mask;
}

/**
 * The member record: what the member bound reads of one member, in `RECORD_INTS`
 * consecutive ints of `records` (32 bytes, two to a cache line), so that bounding a
 * trade's members reads a few consecutive cache lines instead of one from each of ten
 * arrays. A search streams the records of its linked trades (about 100,000 at
 * 1,000,000 members), so each byte of a record counts: the region is one int, the
 * member's place (`PackedTrades.places`), not its key, area and country.
 */
export const RECORD_INTS = 8;
/** Int 0: flags (bits 0–7), size mask (8–15), interned language + 1 (16–31). */
export const RECORD_HEAD = 0;
export const RECORD_INTERESTS = 1;
export const RECORD_INDUSTRIES = 2;
export const RECORD_ROLES = 3;
export const RECORD_CONTACTS = 4;
/** Int 5: the member's place, -1 when its region is unknown. */
export const RECORD_PLACE = 5;
/** Ints 6–7: the deal factor, a double: `recordDeals[i * RECORD_INTS / 2 + RECORD_DEAL]`. */
export const RECORD_DEAL = 3;
/** Ints of a place in `PackedTrades.places`: region key, area, country. */
export const PLACE_INTS = 3;

/** Where each contact vector starts in a member's row of `contactUnits`, and the row's width. */
export const SENIORITY_SLOT = 0;
export const FUNCTION_SLOT = SENIORITIES.length;
export const STAGE_SLOT = FUNCTION_SLOT + FUNCTIONS.length;
export const CONTACT_WIDTH = STAGE_SLOT + CUSTOMER_STAGES.length;
/**
 * How far a dot product of two rows of `contactUnits` (float32) may be from the
 * cosine `sparseCosine` computes in doubles: a few float32 roundings of values ≤ 1.
 */
export const CONTACT_COSINE_SLACK = 1e-5;

/** A sparse weight vector scaled to unit length, into `row` from `slot` (zeros when its norm is 0, as `sparseCosine` gives 0 then). */
export function writeUnit(weights: SparseWeights, row: Float32Array | Float64Array, slot: number): void {
  if (weights.norm2 <= 0) return;
  const norm = Math.sqrt(weights.norm2);
  for (let k = 0; k < weights.keys.length; k++) row[slot + weights.keys[k]!] = weights.values[k]! / norm;
}

export function memberFlags(member: AnyCompiledMember): number {
  return (
    (member.industries.length > 0 ? HAS_INDUSTRIES : 0) |
    (member.seniorityCount > 0 ? HAS_SENIORITY : 0) |
    (member.interestCount > 0 ? HAS_INTERESTS : 0) |
    (member.hasStage ? HAS_STAGE : 0) |
    (member.dealKnown ? DEAL_KNOWN : 0) |
    (member.sizesMask !== 0 ? HAS_SIZES : 0)
  );
}

/** `C`: the compiled members' type (their `member` may be only a `ServicedMember`). */
export class PackedTrades<C extends AnyCompiledMember = AnyCompiledMember> {
  readonly trades: readonly Trade[];
  /** Members in trade order; trade t holds `members[memberStart[t] .. memberStart[t + 1])`. */
  readonly members: readonly C[];
  readonly memberStart: Int32Array;
  /** Each trade's services (raw, with duplicates), CSR: `serviceIds[serviceStart[t] .. serviceStart[t + 1])`. */
  readonly serviceStart: Int32Array;
  readonly serviceIds: Int32Array;
  readonly serviceWeights: Float64Array;
  readonly areaCount: number;
  /** Unit-length area vectors, `areaCount` per trade. */
  readonly unitAreas: Float64Array;
  readonly tradeFlags: Uint8Array;
  readonly tradeMaxDeal: Float64Array;
  /**
   * Per trade, what every one of its members has (the `memberFlags` bits all of them
   * set, and `REGION_KNOWN`): a bound for members of the trade need not consider them
   * without it.
   */
  readonly tradeKnown: Uint8Array;
  /** For each service concept, the trades that offer it. */
  readonly postings: readonly (Int32Array | undefined)[];
  readonly areaGroups: readonly AreaGroup[];
  /** Per member, in `members` order. */
  readonly industryMasks: Int32Array;
  readonly roleMasks: Int32Array;
  readonly interestMasks: Int32Array;
  /**
   * Per trade, the union of its members' industry, role and interest masks (three ints
   * a trade): a search that bounds only members sharing a bit with self passes over a
   * trade where none does without reading its records.
   */
  readonly tradeMasks: Int32Array;
  /**
   * Per member, its seniority, function and customer-stage weights as unit vectors
   * (`CONTACT_WIDTH` floats a member): the member bound takes their cosines with
   * self's from these instead of "anything in common" (`CONTACT_COSINE_SLACK`).
   */
  readonly contactUnits: Float32Array;
  /** The same memory as ints (a search touches rows through it before reading them as floats). */
  readonly contactBits: Int32Array;
  /**
   * The places members are in: each distinct (region key, area, country) of a member
   * whose region is known, as three ints (`PLACE_INTS`); a record holds its member's
   * place. A search turns each place into how near it is to self's once
   * (`PartnerScoreBounds`), instead of comparing three ints a member.
   */
  readonly places: Int32Array;
  /** The member records (`RECORD_INTS` a member), and the same memory read as doubles for the deal factors. */
  readonly records: Int32Array;
  readonly recordDeals: Float64Array;
  /** For each interned service concept, the concepts it lists as complements or is listed by. */
  readonly links: readonly (Int32Array | undefined)[];

  constructor(compiled: readonly C[], compiler: MemberCompiler, masks: MaskBits, knowledge: EngineKnowledge) {
    const byTrade = new Map<Trade, C[]>();
    for (const c of compiled) {
      const list = byTrade.get(c.trade);
      if (list) list.push(c);
      else byTrade.set(c.trade, [c]);
    }
    this.trades = [...byTrade.keys()];
    const lists = [...byTrade.values()];
    const members = lists.flat();
    this.members = members;
    const t = this.trades.length;
    this.memberStart = new Int32Array(t + 1);
    lists.forEach((list, i) => (this.memberStart[i + 1] = this.memberStart[i]! + list.length));

    const serviceLists = this.trades.map((trade) => trade.representative.vector.services);
    this.serviceStart = new Int32Array(t + 1);
    serviceLists.forEach((list, i) => (this.serviceStart[i + 1] = this.serviceStart[i]! + list.length));
    this.serviceIds = Int32Array.from(serviceLists.flat(), (s) => compiler.concepts.id(s.id));
    this.serviceWeights = Float64Array.from(serviceLists.flat(), (s) => s.weight);

    this.areaCount = this.trades[0]?.areas.dense.length ?? 0;
    this.unitAreas = new Float64Array(t * this.areaCount);
    this.tradeFlags = new Uint8Array(t);
    this.tradeMaxDeal = new Float64Array(t);
    this.tradeKnown = new Uint8Array(t);
    this.trades.forEach((trade, i) => {
      const norm = Math.sqrt(trade.areas.norm2);
      trade.areas.dense.forEach((v, k) => (this.unitAreas[i * this.areaCount + k] = norm > 0 ? v / norm : 0));
      this.tradeFlags[i] = (trade.areasEmpty ? AREAS_EMPTY : 0) | (trade.services.length === 0 ? SERVICES_EMPTY : 0);
      this.tradeMaxDeal[i] = lists[i]!.reduce((max, m) => Math.max(max, m.dealFactor), 0);
      this.tradeKnown[i] = lists[i]!.reduce((known, m) => known & (memberFlags(m) | (m.regionKey >= 0 ? REGION_KNOWN : 0)), 0xff);
    });

    const postings: number[][] = [];
    const byArea = new Map<string, number[]>();
    this.trades.forEach((trade, i) => {
      for (const id of new Set(this.serviceIds.subarray(this.serviceStart[i], this.serviceStart[i + 1]))) (postings[id] ??= []).push(i);
      const areas = trade.areas.dense;
      // Grouped by which areas a trade has: most trades have one or two, so a group's bound (the largest
      // share of each area in it) is close to each of its trades' and rules most of them out at once.
      const key = trade.areasEmpty ? '' : areas.reduce((k, v, a) => (v > 0 ? `${k}${a},` : k), '');
      const list = byArea.get(key);
      if (list) list.push(i);
      else byArea.set(key, [i]);
    });
    this.postings = postings.map((list) => (list ? Int32Array.from(list) : undefined));
    this.areaGroups = [...byArea.values()].map((list) => {
      const unitAreas = new Float64Array(this.areaCount);
      for (const i of list) for (let k = 0; k < this.areaCount; k++) unitAreas[k] = Math.max(unitAreas[k]!, this.unitAreas[i * this.areaCount + k]!);
      return {
        unitAreas,
        flags: list.reduce((flags, i) => flags | this.tradeFlags[i]!, 0),
        maxDealFactor: list.reduce((max, i) => Math.max(max, this.tradeMaxDeal[i]!), 0),
        trades: Int32Array.from(list),
      };
    });

    this.industryMasks = Int32Array.from(members, (m) => masks.mask('industry', m.industries.ids));
    this.roleMasks = Int32Array.from(members, (m) => masks.mask('role', m.roles.ids));
    this.interestMasks = Int32Array.from(members, (m) => masks.mask('interest', m.interests));
    this.tradeMasks = new Int32Array(this.trades.length * 3);
    for (let t = 0; t < this.trades.length; t++) {
      let industries = 0;
      let roles = 0;
      let interests = 0;
      for (let i = this.memberStart[t]!; i < this.memberStart[t + 1]!; i++) {
        industries |= this.industryMasks[i]!;
        roles |= this.roleMasks[i]!;
        interests |= this.interestMasks[i]!;
      }
      this.tradeMasks[3 * t] = industries;
      this.tradeMasks[3 * t + 1] = roles;
      this.tradeMasks[3 * t + 2] = interests;
    }
    this.contactUnits = new Float32Array(members.length * CONTACT_WIDTH);
    this.contactBits = new Int32Array(this.contactUnits.buffer);
    members.forEach((m, i) => {
      const row = this.contactUnits.subarray(i * CONTACT_WIDTH, (i + 1) * CONTACT_WIDTH);
      writeUnit(m.seniority, row, SENIORITY_SLOT);
      writeUnit(m.functions, row, FUNCTION_SLOT);
      writeUnit(m.stages, row, STAGE_SLOT);
    });
    const buffer = new ArrayBuffer(members.length * RECORD_INTS * 4);
    this.records = new Int32Array(buffer);
    this.recordDeals = new Float64Array(buffer);
    const placeIds = new Map<string, number>();
    const places: number[] = [];
    const placeOf = (m: C) => {
      if (m.regionKey < 0) return -1;
      const key = `${m.regionKey},${m.regionArea},${m.regionCountry}`;
      let id = placeIds.get(key);
      if (id === undefined) {
        placeIds.set(key, (id = placeIds.size));
        places.push(m.regionKey, m.regionArea, m.regionCountry);
      }
      return id;
    };
    members.forEach((m, i) => {
      const r = i * RECORD_INTS;
      this.records[r + RECORD_HEAD] = memberFlags(m) | (m.sizesMask << 8) | ((m.language + 1) << 16);
      this.records[r + RECORD_INTERESTS] = this.interestMasks[i]!;
      this.records[r + RECORD_INDUSTRIES] = this.industryMasks[i]!;
      this.records[r + RECORD_ROLES] = this.roleMasks[i]!;
      this.records[r + RECORD_CONTACTS] = contactMask(m);
      this.records[r + RECORD_PLACE] = placeOf(m);
      this.recordDeals[r / 2 + RECORD_DEAL] = m.dealFactor;
    });
    this.places = Int32Array.from(places);
    this.links = complementLinks(knowledge, compiler);

  }
}

function complementLinks(knowledge: EngineKnowledge, compiler: MemberCompiler): (Int32Array | undefined)[] {
  const sets = new Map<number, Set<number>>();
  const link = (a: number, b: number) => (sets.get(a) ?? sets.set(a, new Set()).get(a)!).add(b);
  for (const concept of knowledge.lexicon.concepts) {
    if (concept.kind !== 'service') continue;
    const a = compiler.concepts.id(concept.id);
    for (const other of concept.complements) {
      const b = compiler.concepts.id(other);
      link(a, b);
      link(b, a);
    }
  }
  const out: (Int32Array | undefined)[] = [];
  for (const [id, set] of sets) out[id] = Int32Array.from(set);
  return out;
}
