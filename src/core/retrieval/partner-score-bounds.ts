/**
 * Upper bounds of the referral score of one member (self) with the members of
 * trades, for `exact-partner-index.ts`. Three levels: an area-group bound (trades of
 * one main business area without a complement link to self), a trade bound
 * (complement link and area similarity exact, every other criterion at 1), and a
 * member bound, a few dozen operations on packed arrays that decides whether a
 * member is worth scoring exactly. The member bound is exact for region, customer
 * sizes, which criteria are known and deal values, takes the seniority and function
 * cosines (and whether customers are met at different stages) from unit vectors,
 * and bounds the rest from what the two have in common at all (industries, contact
 * roles, interests, as bit masks): nothing in common means that part scores 0.
 *
 * Why these are upper bounds: every criterion is bounded from above, competitor
 * overlap is taken as 0 (it only lowers complementarity), and the weighted mean and
 * the reciprocal combination are monotone in each score. A criterion that may or may
 * not be known is counted as known, at 1, with its largest weight: that never lowers
 * a weighted mean of scores in [0, 1]. Where a weight is unknown and the bounded
 * score may be below 1 (mutual profit), both cases are computed and the larger kept.
 */
import { CRITERION_NAMES } from '../criteria/criterion.ts';
import type { AnyCompiledMember, MemberCompiler, Trade } from '../scoring/compiled-member.ts';
import { sizeFit, type CompiledConfig } from '../scoring/compiled-pair-scorer.ts';
import { combineReciprocal } from '../scoring/scoring-config.ts';
import { doubled } from './best-partners.ts';
import {
  AREAS_EMPTY,
  CONTACT_COSINE_SLACK,
  RECORD_CONTACTS,
  RECORD_DEAL,
  RECORD_HEAD,
  RECORD_INDUSTRIES,
  RECORD_INTERESTS,
  RECORD_INTS,
  RECORD_PLACE,
  RECORD_ROLES,
  contactMask,
  CONTACT_WIDTH,
  FUNCTION_SLOT,
  SENIORITY_SLOT,
  STAGE_SLOT,
  writeUnit,
  DEAL_KNOWN,
  HAS_INDUSTRIES,
  HAS_INTERESTS,
  HAS_SENIORITY,
  HAS_SIZES,
  HAS_STAGE,
  PLACE_INTS,
  REGION_KNOWN,
  memberFlags,
  SERVICES_EMPTY,
  type AreaGroup,
  type MaskBits,
  type PackedTrades,
} from './packed-trades.ts';

const CHEMISTRY = CRITERION_NAMES.indexOf('chemistry');
const COMPLEMENTARITY = CRITERION_NAMES.indexOf('complementarity');
const SHARED_CUSTOMERS = CRITERION_NAMES.indexOf('sharedCustomers');
const SHARED_CONTACTS = CRITERION_NAMES.indexOf('sharedContacts');
const MUTUAL_PROFIT = CRITERION_NAMES.indexOf('mutualProfit');

/** Whether something is known (the other's deal value, mutual profit), or may be either. */
type Known = 0 | 1 | 2;
const UNKNOWN = 0;
const KNOWN = 1;
const EITHER = 2;

/** Bits of an index into `#contactParts`: both have seniorities (contacts known), both customer stages, what they have in common. */
const CONTACTS_KNOWN = 1;
const STAGED = 2;
const SENIORITY_IN_COMMON = 4;
const FUNCTION_IN_COMMON = 8;
const ROLE_IN_COMMON = 16;
/** Region states of an index into `#customerParts`: unknown, the same region, the same area, the same country, other. */
const REGION_STATES = 5;
/** Size masks (5 bits; 0: none). */
const SIZE_MASKS = 32;
/** Interest and industry states of the indices: not both have them, none in common, one in common. */
const SHARE_STATES = 3;

/**
 * What `members` keeps of each member whose loose bound reaches the threshold, to refine it
 * after the loop: the parts of its bound that the contact cosines do not change. One per
 * thread (searches run one at a time), grown as needed.
 */
class RefineScratch {
  size = 256;
  k = new Int32Array(this.size);
  member = new Int32Array(this.size);
  /** The index into `#contactParts`. */
  contacts = new Int32Array(this.size);
  without = new Float64Array(this.size);
  weight = new Float64Array(this.size);
  theirs = new Float64Array(this.size);
  theirProfit = new Float64Array(this.size);

  grow(): void {
    this.k = doubled(this.k);
    this.member = doubled(this.member);
    this.contacts = doubled(this.contacts);
    this.without = doubled(this.without);
    this.weight = doubled(this.weight);
    this.theirs = doubled(this.theirs);
    this.theirProfit = doubled(this.theirProfit);
    this.size *= 2;
  }
}
const REFINE = new RefineScratch();

/**
 * The region state (`REGION_STATES`) of each place of `PackedTrades.places` (index + 1; 0: region
 * unknown) for one self, made when `members` is first called for it (`stamp`: its generation, a
 * number, so that no search's objects are kept alive here). One per thread.
 */
const PLACES = { stamp: 0, states: new Int32Array(1) };

/** Values of `PackedTrades.tradeKnown` (7 bits). */
const APART_KINDS = 128;
/**
 * `apart`'s parts for each value of `tradeKnown`, without and then with an interest in
 * common: (mean, low weight, high weight), made when first asked for by a self
 * (`stamp`: its generation). One per thread.
 */
const APART = { stamp: new Uint32Array(2 * APART_KINDS), values: new Float64Array(3 * 2 * APART_KINDS) };
/** Selves bounded so far in this thread: each `PartnerScoreBounds` takes the next number, and stamps `APART` and `PLACES` with it. */
let generations = 0;
/** `#apartParts`'s choices per criterion, (weight, weighted sum) pairs: at most 2 for chemistry, 8 for customers, 3 for contacts. */
const APART_CHOICES = { chemistry: new Float64Array(4), customers: new Float64Array(16), contacts: new Float64Array(6) };

export class PartnerScoreBounds {
  /**
   * `complementLink(self, member).strength` for the trade last passed to `trade`, -1
   * without a link: the largest √(w·w′) over linked pairs, the same floating-point
   * value (the largest weight on self's side gives the largest product).
   */
  linkStrength = -1;
  /** The concepts linked to self's services: trades with one of them are bounded one by one. */
  readonly linkedConcepts: readonly number[];
  readonly #side: SelfTradeSide;
  readonly #w: Float64Array;
  readonly #selfUnitAreas: Float64Array;
  readonly #selfAreasEmpty: boolean;
  readonly #selfServicesEmpty: boolean;
  readonly #sizeFit = new Float64Array(32);
  /** Chemistry without a shared interest, by the other's language (index + 1). */
  readonly #chemistryApart: Float64Array;
  readonly #chemistryApartMax: number;
  /**
   * A criterion's (weight, weighted score) in a member bound, in pairs, for each combination of what
   * the two have: chemistry by the member's language (+ 1) × (not both with interests, both without
   * one in common, one in common); shared customers by industries (not both, none in common, one in
   * common) × the member's size mask × region state; shared contacts (loose: seniority, function and
   * role each at 1 when any is in common) by the `CONTACTS_KNOWN` … `ROLE_IN_COMMON` bits.
   */
  readonly #chemistryParts: Float64Array;
  readonly #customerParts: Float64Array;
  readonly #contactParts: Float64Array;
  readonly #selfFlags: number;
  readonly #industries: number;
  readonly #roles: number;
  readonly #interests: number;
  readonly #contacts: number;
  /** Self's row of `contactUnits` (in doubles), and the slots where each of its three vectors is not 0. */
  readonly #contactUnits = new Float64Array(CONTACT_WIDTH);
  readonly #senioritySlots: Int32Array;
  readonly #functionSlots: Int32Array;
  readonly #stageSlots: Int32Array;
  /** The largest possible weight (and sum) of chemistry, customers and contacts: each at 1. */
  readonly #free: number;
  /** Which entries of `APART` and `PLACES` are this self's. */
  readonly #generation = ++generations;
  /** `PackedTrades.tradeKnown` of the trade last passed to `trade`. */
  #tradeKnown = 0;
  /** What the prefetching pass over contact rows in `members` read (kept, so that the reads are not optimised away). */
  touched = 0;
  /** `members` may give looser bounds (still under it) to members whose bound is under this. */
  threshold = -Infinity;
  /** The last bound asked for (`group`, `trade`, `apart`). */
  bound = 0.5;
  #unitDot = 0.5;
  #sum = 0.5;
  #weight = 0.5;
  #dealFactor = 0.5;
  #tradeMaxDeal = 1;
  #comp = 0;
  #compKnown = false;
  #profit: Known = UNKNOWN;
  #profitSelf = 0;
  #demandOther = 0;

  /** `side`: self's trade's part, from `SelfTradeSide.of(self.trade)` (shared by the searches of one trade's members). */
  constructor(
    readonly self: AnyCompiledMember,
    readonly config: CompiledConfig,
    readonly table: PackedTrades,
    compiler: MemberCompiler,
    masks: MaskBits,
    side: SelfTradeSide,
  ) {
    const w = config.weights;
    this.#w = w;
    this.#side = side;
    this.linkedConcepts = side.linkedConcepts;
    this.#selfUnitAreas = side.unitAreas;
    this.#selfAreasEmpty = self.trade.areasEmpty;
    this.#selfServicesEmpty = self.trade.services.length === 0;
    this.#selfFlags = memberFlags(self);
    for (let mask = 1; mask < 32; mask++) this.#sizeFit[mask] = sizeFit(self.sizesMask, mask);
    this.#chemistryApart = new Float64Array(compiler.languages.size + 1);
    for (let l = -1; l < compiler.languages.size; l++) this.#chemistryApart[l + 1] = 0.25 + 0.2 * config.languageFit(self.language, l);
    this.#chemistryApartMax = this.#chemistryApart.reduce((max, x) => Math.max(max, x), -Infinity);
    this.#industries = masks.mask('industry', self.industries.ids);
    this.#roles = masks.mask('role', self.roles.ids);
    this.#interests = masks.mask('interest', self.interests);
    this.#contacts = contactMask(self);
    writeUnit(self.seniority, this.#contactUnits, SENIORITY_SLOT);
    writeUnit(self.functions, this.#contactUnits, FUNCTION_SLOT);
    writeUnit(self.stages, this.#contactUnits, STAGE_SLOT);
    const slots = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, k) => from + k).filter((k) => this.#contactUnits[k] !== 0);
    this.#senioritySlots = slots(SENIORITY_SLOT, FUNCTION_SLOT);
    this.#functionSlots = slots(FUNCTION_SLOT, STAGE_SLOT);
    this.#stageSlots = slots(STAGE_SLOT, CONTACT_WIDTH);
    this.#free = w[CHEMISTRY]! * 0.625 + w[SHARED_CUSTOMERS]! + w[SHARED_CONTACTS]! * 0.95;


    // The tables of the member bound's parts (see the fields), with the same arithmetic as the bound
    // written out, so that a bound from them is the same double.
    const chemistryWeight = w[CHEMISTRY]! * 0.625;
    this.#chemistryParts = new Float64Array(2 * SHARE_STATES * this.#chemistryApart.length);
    this.#chemistryApart.forEach((apart, language) => {
      const at = 2 * SHARE_STATES * language;
      this.#chemistryParts.set([0, 0, chemistryWeight, chemistryWeight * apart, chemistryWeight, chemistryWeight * (apart + 0.55)], at);
    });
    const regionScores = [0, 1, 0.85, 0.4, 0];
    this.#customerParts = new Float64Array(2 * SHARE_STATES * SIZE_MASKS * REGION_STATES);
    for (let industries = 0; industries < SHARE_STATES; industries++) {
      for (let sizes = 0; sizes < SIZE_MASKS; sizes++) {
        for (let region = 0; region < REGION_STATES; region++) {
          let parts = 0;
          let partSum = 0;
          if (industries > 0) {
            parts += 0.45;
            if (industries === 2) partSum += 0.45;
          }
          if (this.#selfFlags & HAS_SIZES && sizes !== 0) {
            parts += 0.35;
            partSum += 0.35 * this.#sizeFit[sizes]!;
          }
          if (self.regionKey >= 0 && region > 0) {
            parts += 0.2;
            partSum += 0.2 * regionScores[region]!;
          }
          if (parts === 0) continue;
          const x = w[SHARED_CUSTOMERS]! * (0.5 + 0.5 * parts);
          const at = 2 * ((industries * SIZE_MASKS + sizes) * REGION_STATES + region);
          this.#customerParts[at] = x;
          this.#customerParts[at + 1] = x * (partSum / parts);
        }
      }
    }
    this.#contactParts = new Float64Array(2 * 32);
    for (let bits = 0; bits < 32; bits++) {
      if ((bits & CONTACTS_KNOWN) === 0) continue;
      const staged = (bits & STAGED) !== 0;
      const x = w[SHARED_CONTACTS]! * (staged ? 0.95 : 0.85);
      const shared = (bits & SENIORITY_IN_COMMON ? 0.35 : 0) + (bits & FUNCTION_IN_COMMON ? 0.35 : 0) + (bits & ROLE_IN_COMMON ? 0.3 : 0);
      this.#contactParts[2 * bits] = x;
      this.#contactParts[2 * bits + 1] = x * (0.85 * shared + (staged ? 0.15 : 0.075));
    }
  }

  /** Sets `bound` to the bound for any trade of an area group none of whose trades links to self's services. */
  group(group: AreaGroup): void {
    let dot = 0;
    for (let k = 0; k < group.unitAreas.length; k++) dot += this.#selfUnitAreas[k]! * group.unitAreas[k]!;
    const areasEmpty = (group.flags & AREAS_EMPTY) !== 0;
    const profitUnknown = (this.#selfServicesEmpty || (group.flags & SERVICES_EMPTY) !== 0) && (this.#selfAreasEmpty || areasEmpty);
    this.linkStrength = -1;
    this.#unitDot = dot;
    this.#prepare(areasEmpty, profitUnknown ? EITHER : KNOWN);
    this.#sum = this.#free;
    this.#weight = this.#free;
    this.#dealFactor = group.maxDealFactor;
    // Nothing is known of every member of a group (`apart` is asked after `trade`; this keeps it safe).
    this.#tradeKnown = 0;
    this.#finish(EITHER);
  }

  /** Prepares trade `t`'s part (and `linkStrength`) and sets `bound` to the bound for any of its members. */
  trade(t: number): void {
    const table = this.table;
    const side = this.#side;
    if (side.stamp[t] !== side.generation) side.measure(t);
    this.linkStrength = side.strength[t]!;
    const dot = side.dot[t]!;
    const flags = table.tradeFlags[t]!;
    const areasEmpty = (flags & AREAS_EMPTY) !== 0;
    const profitUnknown = (this.#selfServicesEmpty || (flags & SERVICES_EMPTY) !== 0) && (this.#selfAreasEmpty || areasEmpty);
    this.#unitDot = dot;
    this.#prepare(areasEmpty, profitUnknown ? UNKNOWN : KNOWN);
    this.#tradeMaxDeal = table.tradeMaxDeal[t]!;
    this.#tradeKnown = table.tradeKnown[t]! & (APART_KINDS - 1);
    this.#sum = this.#free;
    this.#weight = this.#free;
    this.#dealFactor = this.#tradeMaxDeal;
    this.#finish(EITHER);
  }

  /**
   * The bound for members of the trade last passed to `trade` that share no
   * industry, contact role or interest bit with self (so those parts score 0 where
   * both sides have them); with `interests`, no industry or contact role bit (an
   * interest they may share). Over every pattern of which criteria are known (those
   * every member of the trade has, and self too, always are), the free part
   * (chemistry, customers, contacts) has mean at most `mean` and weight between `low`
   * and `high` (`#apartParts`); a weighted mean is monotone in that weight, so the
   * ends bound it.
   */
  apart(interests = false): void {
    const kind = this.#tradeKnown + (interests ? APART_KINDS : 0);
    const at = 3 * kind;
    if (APART.stamp[kind] !== this.#generation) this.#apartParts(this.#tradeKnown, interests, at);
    const m = APART.values[at]!;
    const low = APART.values[at + 1]!;
    const high = APART.values[at + 2]!;
    this.#dealFactor = this.#tradeMaxDeal;
    this.#sum = low * m;
    this.#weight = low;
    this.#finish(EITHER);
    const lowBound = this.bound;
    this.#sum = high * m;
    this.#weight = high;
    this.#finish(EITHER);
    this.bound = Math.max(lowBound, this.bound);
  }

  /**
   * `apart`'s mean and weights when every member has what `known` says
   * (`PackedTrades.tradeKnown`), into `APART` at `at`: each criterion's part as
   * (weight, weighted sum) choices, unknown among them only where a member may lack
   * what it needs. Without that restriction the bound took industries as unknown (the
   * customers part then averages sizes and region at 1), which in generated networks
   * no member is, and a trade's rest was opened at nearly every search.
   */
  #apartParts(known: number, interests: boolean, at: number): void {
    const w = this.#w;
    const selfFlags = this.#selfFlags;
    const sure = selfFlags & known;
    const regionSure = this.self.regionKey >= 0 && (known & REGION_KNOWN) !== 0;
    // The choices go into fixed scratch arrays, (weight, weighted sum) pairs: this runs a few times a search.
    const { chemistry, customers, contacts } = APART_CHOICES;
    let nChemistry = 0;
    let nCustomers = 0;
    let nContacts = 0;
    const choose = (into: Float64Array, n: number, weight: number, sum: number) => {
      into[n] = weight;
      into[n + 1] = sum;
      return n + 2;
    };
    if (!(sure & HAS_INTERESTS)) nChemistry = choose(chemistry, nChemistry, 0, 0);
    if (selfFlags & HAS_INTERESTS) {
      // An interest in common adds 0.55, as in `#chemistryParts`.
      const x = w[CHEMISTRY]! * 0.625;
      nChemistry = choose(chemistry, nChemistry, x, x * (interests ? this.#chemistryApartMax + 0.55 : this.#chemistryApartMax));
    }
    if (!(sure & HAS_INDUSTRIES) && !(sure & HAS_SIZES) && !regionSure) nCustomers = choose(customers, nCustomers, 0, 0);
    for (let industries = sure & HAS_INDUSTRIES ? 1 : 0; industries <= (selfFlags & HAS_INDUSTRIES ? 1 : 0); industries++) {
      for (let sizes = sure & HAS_SIZES ? 1 : 0; sizes <= (selfFlags & HAS_SIZES ? 1 : 0); sizes++) {
        for (let region = regionSure ? 1 : 0; region <= (this.self.regionKey >= 0 ? 1 : 0); region++) {
          const parts = (industries ? 0.45 : 0) + (sizes ? 0.35 : 0) + (region ? 0.2 : 0);
          if (parts === 0) continue;
          const x = w[SHARED_CUSTOMERS]! * (0.5 + 0.5 * parts);
          // Industries score 0 (none in common), sizes and region at most 1.
          nCustomers = choose(customers, nCustomers, x, (x * ((sizes ? 0.35 : 0) + (region ? 0.2 : 0))) / parts);
        }
      }
    }
    if (!(sure & HAS_SENIORITY)) nContacts = choose(contacts, nContacts, 0, 0);
    if (selfFlags & HAS_SENIORITY) {
      // No role in common: seniority and function at most 0.35 each; customers met at stages where both give them.
      const x = w[SHARED_CONTACTS]!;
      if (!(sure & HAS_STAGE)) nContacts = choose(contacts, nContacts, x * 0.85, x * 0.85 * (0.85 * 0.7 + 0.075));
      if (selfFlags & HAS_STAGE) nContacts = choose(contacts, nContacts, x * 0.95, x * 0.95 * (0.85 * 0.7 + 0.15));
    }
    let mean = 0;
    let low = Infinity;
    let high = 0;
    for (let i = 0; i < nChemistry; i += 2) {
      for (let j = 0; j < nCustomers; j += 2) {
        for (let k = 0; k < nContacts; k += 2) {
          const weight = chemistry[i]! + customers[j]! + contacts[k]!;
          low = Math.min(low, weight);
          high = Math.max(high, weight);
          if (weight > 0) mean = Math.max(mean, (chemistry[i + 1]! + customers[j + 1]! + contacts[k + 1]!) / weight);
        }
      }
    }
    APART.values[at] = mean;
    APART.values[at + 1] = low;
    APART.values[at + 2] = high;
    APART.stamp[known + (interests ? APART_KINDS : 0)] = this.#generation;
  }

  // Arguments of #prepare and #finish travel in fields, results in `bound`: a double passed to or
  // returned from a call that is not inlined is boxed on the heap, and these run thousands of times a search.
  #prepare(areasEmpty: boolean, profit: Known): void {
    const strength = this.linkStrength;
    const unitDot = this.#unitDot;
    const areaSimilarity = this.#selfAreasEmpty || areasEmpty ? 0 : Math.min(1, unitDot + 1e-9);
    this.#compKnown = !this.#selfAreasEmpty && !areasEmpty;
    this.#comp = Math.max(strength >= 0 ? 0.55 + 0.45 * strength : 0, 0.75 * areaSimilarity);
    this.#profit = profit;
    const demand = Math.max(0.3 * areaSimilarity, strength >= 0 ? 0.6 + 0.4 * strength : 0);
    this.#profitSelf = demand * (0.6 + 0.4 * this.self.dealFactor);
    this.#demandOther = demand;
  }

  /** Whether some member of trade t shares an industry or contact role bit with self (with `withInterests`, or an interest bit): if not, `sharingOf` over it finds none. */
  sharesAny(t: number, withInterests: boolean): boolean {
    const masks = this.table.tradeMasks;
    const t3 = 3 * t;
    return ((masks[t3]! & this.#industries) | (masks[t3 + 1]! & this.#roles) | (withInterests ? masks[t3 + 2]! & this.#interests : 0)) !== 0;
  }

  /**
   * Members `start .. end` of `table.members` sharing an industry, contact role or
   * interest bit with self (with `withInterests` false, an industry or contact role bit;
   * with `sharing` false, the others), into `into` (from 0), in memory order; their
   * count. Reading a trade's records in order streams them: gathering the same members
   * from per-bit posting lists, as earlier versions did, jumped about the records and
   * was slower. Written without a branch on the test: a quarter of the members pass it,
   * at random, and a mispredicted branch costs more than the store. Reading the masks from
   * `industryMasks` and `roleMasks` (4 bytes a member each) instead was slower: the bounds
   * then read the found members' records out of order and from memory (docs/benchmarks.md,
   * session 18).
   */
  sharingOf(start: number, end: number, into: Int32Array, sharing = true, withInterests = true): number {
    const records = this.table.records;
    const industries = this.#industries;
    const roles = this.#roles;
    const interests = withInterests ? this.#interests : 0;
    // With `sharing` false, the others: those sharing nothing.
    const flip = sharing ? 0 : 1;
    let count = 0;
    for (let i = start; i < end; i++) {
      const r = i * RECORD_INTS;
      const common = (records[r + RECORD_INDUSTRIES]! & industries) | (records[r + RECORD_ROLES]! & roles) | (records[r + RECORD_INTERESTS]! & interests);
      into[count] = i;
      count += ((common | -common) >>> 31) ^ flip;
    }
    return count;
  }

  /**
   * The bounds of members of the trade last passed to `trade`, into `out[0 .. end -
   * start]`: members `start .. end` (indices into `table.members`), or with `list`
   * the members `list[start .. end]`. One loop over packed arrays: this is the hot
   * loop of a search. What a criterion's part of a bound is for each combination of
   * what the two have (and share) comes from small tables made for self
   * (`#chemistryParts`, `#customerParts`, `#contactParts`), indexed with integer
   * arithmetic, so that the loop has almost no branch to mispredict. Bounds under
   * `threshold` may be looser (still under it): the contact cosines are only read
   * for members whose looser bound reaches it, and most members, whose two sides both
   * fall short of it, get a bound just under it without a division (at 16,384
   * members this made the batch's rows about 4% faster). The threshold is a field, not an
   * argument: a double passed to a call that is not inlined is a new heap object.
   */
  members(list: Int32Array | null, start: number, end: number, out: Float64Array): void {
    if (PLACES.stamp !== this.#generation) this.#placeStates();
    const threshold = this.threshold;
    const table = this.table;
    const w = this.#w;
    const records = table.records;
    const deals = table.recordDeals;
    const selfContacts = this.#contacts;
    const contactUnits = table.contactUnits;
    const selfUnits = this.#contactUnits;
    const senioritySlots = this.#senioritySlots;
    const functionSlots = this.#functionSlots;
    const stageSlots = this.#stageSlots;
    const chemistryParts = this.#chemistryParts;
    const customerParts = this.#customerParts;
    const contactParts = this.#contactParts;
    const selfFlags = this.#selfFlags;
    const selfInterests = this.#interests;
    const selfIndustries = this.#industries;
    const selfRoles = this.#roles;
    const placeStates = PLACES.states;
    const compWeight = this.#compKnown ? w[COMPLEMENTARITY]! * 0.9 : 0;
    const compSum = compWeight * this.#comp;
    const profitKnown = this.#profit !== UNKNOWN;
    const profit = w[MUTUAL_PROFIT]!;
    const mine = profit * (this.self.dealKnown ? 0.65 : 0.6);
    const profitSelf = mine * this.#profitSelf;
    const demandOther = this.#demandOther;
    const rule = this.config.config.combination;
    // The reciprocal rule written out for the default (harmonic): a call that is not inlined would box
    // its doubles, a heap object per member bounded.
    const harmonic = rule === 'harmonic';
    const refine = REFINE;
    // A number here, not the imported binding: a sum that starts from an imported constant is kept boxed
    // by the optimising compiler, a new heap object at every step of the dot products below.
    const cosineSlack = +CONTACT_COSINE_SLACK;
    // A side's mean under `cut` (tested as a product; the margins are far above rounding errors) is
    // under `under`, itself under the threshold (and finite). With no threshold (−∞) no member is cut.
    const cut = threshold - 2e-9;
    const under = Math.min(threshold - 1e-9, Number.MAX_VALUE);
    let refining = 0;
    for (let k = start; k < end; k++) {
      const i = list === null ? k : list[k]!;
      const r = i * RECORD_INTS;
      const head = records[r + RECORD_HEAD]!;
      const flags = head & 0xff;
      const both = flags & selfFlags;
      // Chemistry: whether both have interests, and share one, by the member's language.
      const interests = records[r + RECORD_INTERESTS]! & selfInterests;
      const hasInterests = (both >>> 2) & 1;
      const chemistry = 2 * ((head >>> 16) * SHARE_STATES + hasInterests + (hasInterests & ((interests | -interests) >>> 31)));
      // Shared customers: industries (not both, none in common, one in common), the member's size mask,
      // the region (unknown, the same, the same area, the same country, other).
      const industries = records[r + RECORD_INDUSTRIES]! & selfIndustries;
      const hasIndustries = both & HAS_INDUSTRIES;
      const regionState = placeStates[records[r + RECORD_PLACE]! + 1]!;
      const industryState = hasIndustries + (hasIndustries & ((industries | -industries) >>> 31));
      const customers = 2 * ((industryState * SIZE_MASKS + ((head >>> 8) & (SIZE_MASKS - 1))) * REGION_STATES + regionState);
      // Shared contacts, loosely: seniority, function and role each at 1 when any is in common.
      const common = records[r + RECORD_CONTACTS]! & selfContacts;
      const senior = common & 0x3ff;
      const functions = common >>> 10;
      const roles = records[r + RECORD_ROLES]! & selfRoles;
      const contacts =
        2 *
        (((both >>> 1) & CONTACTS_KNOWN) |
          ((both >>> 2) & STAGED) |
          (((senior | -senior) >>> 31) * SENIORITY_IN_COMMON) |
          (((functions | -functions) >>> 31) * FUNCTION_IN_COMMON) |
          (((roles | -roles) >>> 31) * ROLE_IN_COMMON));
      const without = compSum + chemistryParts[chemistry + 1]! + customerParts[customers + 1]!;
      const sum = without + contactParts[contacts + 1]!;
      const weight = compWeight + chemistryParts[chemistry]! + customerParts[customers]! + contactParts[contacts]!;
      const theirs = profit * (0.6 + 0.05 * ((flags >>> 4) & 1));
      const theirProfit = theirs * demandOther * (0.6 + 0.4 * deals[(r >> 1) + RECORD_DEAL]!);
      // Most members fall short: when both sides' means are under the threshold, so is any reciprocal
      // rule of them (each is at most the larger side), and `under` bounds the member without a division.
      if (profitKnown ? sum + profitSelf < cut * (weight + mine) && sum + theirProfit < cut * (weight + theirs) : sum < cut * weight) {
        out[k - start] = under;
        continue;
      }
      let forSelf = weight > 0 ? sum / weight : 0;
      let forOther = forSelf;
      if (profitKnown) {
        forSelf = (sum + profitSelf) / (weight + mine);
        forOther = (sum + theirProfit) / (weight + theirs);
      }
      const bound = harmonic ? (forSelf + forOther > 0 ? (2 * forSelf * forOther) / (forSelf + forOther) : 0) : combineReciprocal(forSelf, forOther, rule);
      out[k - start] = bound;
      if (bound >= threshold && contactParts[contacts]! > 0) {
        // Refined below, once the rows of all such members are on their way.
        if (refining === refine.size) refine.grow();
        refine.k[refining] = k;
        refine.member[refining] = i;
        refine.contacts[refining] = contacts;
        refine.without[refining] = without;
        refine.weight[refining] = weight;
        refine.theirs[refining] = theirs;
        refine.theirProfit[refining] = theirProfit;
        refining++;
      }
    }
    if (refining === 0) return;
    // The contact rows of the members to refine lie scattered: a first pass only touches them, so that the
    // processor fetches many at once, as these loads do not depend on one another (a row of 23 floats,
    // 92 bytes, spans up to three cache lines; reads half a row apart reach each).
    const rowInts = table.contactBits;
    const half = CONTACT_WIDTH >> 1;
    let touched = 0;
    for (let p = 0; p < refining; p++) {
      const row = refine.member[p]! * CONTACT_WIDTH;
      touched |= rowInts[row]! | rowInts[row + half]! | rowInts[row + CONTACT_WIDTH - 1]!;
    }
    this.touched = touched;
    // Again with the seniority and function cosines from the unit rows (and the stage bonus).
    for (let p = 0; p < refining; p++) {
      const row = refine.member[p]! * CONTACT_WIDTH;
      const contacts = refine.contacts[p]!;
      let seniority = cosineSlack;
      for (let j = 0; j < senioritySlots.length; j++) seniority += selfUnits[senioritySlots[j]!]! * contactUnits[row + senioritySlots[j]!]!;
      let functions = cosineSlack;
      for (let j = 0; j < functionSlots.length; j++) functions += selfUnits[functionSlots[j]!]! * contactUnits[row + functionSlots[j]!]!;
      const shared = 0.35 * Math.min(1, seniority) + 0.35 * Math.min(1, functions) + ((contacts >>> 1) & ROLE_IN_COMMON ? 0.3 : 0);
      // The stage bonus is 1 for customers met at different stages (cosine under 0.5), else 0.5.
      let stageBonus = 0.075;
      if ((contacts >>> 1) & STAGED) {
        let stages = -cosineSlack;
        for (let j = 0; j < stageSlots.length; j++) stages += selfUnits[stageSlots[j]!]! * contactUnits[row + stageSlots[j]!]!;
        stageBonus = stages >= 0.5 ? 0.075 : 0.15;
      }
      const sum = refine.without[p]! + contactParts[contacts]! * (0.85 * shared + stageBonus);
      const weight = refine.weight[p]!;
      let forSelf = weight > 0 ? sum / weight : 0;
      let forOther = forSelf;
      if (profitKnown) {
        forSelf = (sum + profitSelf) / (weight + mine);
        forOther = (sum + refine.theirProfit[p]!) / (weight + refine.theirs[p]!);
      }
      out[refine.k[p]! - start] = harmonic ? (forSelf + forOther > 0 ? (2 * forSelf * forOther) / (forSelf + forOther) : 0) : combineReciprocal(forSelf, forOther, rule);
    }
  }

  /** Fills `PLACES` for self: the region state of each place, as `regionFit` ranks them (the same region, area, country, other). */
  #placeStates(): void {
    const places = this.table.places;
    const count = places.length / PLACE_INTS;
    if (PLACES.states.length < count + 1) PLACES.states = new Int32Array(count + 1);
    const states = PLACES.states;
    const { regionKey, regionArea, regionCountry } = this.self;
    for (let p = 0; p < count; p++) {
      const at = p * PLACE_INTS;
      states[p + 1] =
        places[at] === regionKey ? 1 : places[at + 1] === regionArea ? 2 : regionCountry >= 0 && places[at + 2] === regionCountry ? 3 : 4;
    }
    PLACES.stamp = this.#generation;
  }

  /** Adds complementarity and mutual profit (both ways) to the partial sum `#sum` / `#weight` and combines, into `bound`. */
  #finish(deal: Known): void {
    let sum = this.#sum;
    let weight = this.#weight;
    const dealFactor = this.#dealFactor;
    const w = this.#w;
    if (this.#compKnown) {
      const x = w[COMPLEMENTARITY]! * 0.9;
      sum += x * this.#comp;
      weight += x;
    }
    const without = weight > 0 ? sum / weight : 0;
    let forSelf = without;
    let forOther = without;
    if (this.#profit !== UNKNOWN) {
      const profit = w[MUTUAL_PROFIT]!;
      const mine = profit * (this.self.dealKnown ? 0.65 : 0.6);
      forSelf = (sum + mine * this.#profitSelf) / (weight + mine);
      const theirs = this.#demandOther * (0.6 + 0.4 * dealFactor);
      // Their confidence: 0.3 with a deal value, 0.2 without; a trade bound takes the better.
      const withDeal = (sum + profit * 0.65 * theirs) / (weight + profit * 0.65);
      const withoutDeal = (sum + profit * 0.6 * theirs) / (weight + profit * 0.6);
      forOther = deal === KNOWN ? withDeal : deal === UNKNOWN ? withoutDeal : Math.max(withDeal, withoutDeal);
      // Profit known for some trades of a group, unknown for others: the better of both.
      if (this.#profit === EITHER) {
        forSelf = Math.max(forSelf, without);
        forOther = Math.max(forOther, without);
      }
    }
    // The default rule written out, as in `members`.
    const rule = this.config.config.combination;
    this.bound = rule === 'harmonic' ? (forSelf + forOther > 0 ? (2 * forSelf * forOther) / (forSelf + forOther) : 0) : combineReciprocal(forSelf, forOther, rule);
  }
}

/**
 * What the bounds take from self's trade alone (its services and business areas):
 * the concepts linked to its services with their largest weights, its unit area
 * vector, and each trade's link strength and area dot product, measured when first
 * asked for. Members of one trade share all of it, so a batch that searches for them
 * one after another measures each trade once per trade of theirs, not once per member.
 */
export class SelfTradeSide {
  trade: Trade | null = null;
  linkedConcepts: number[] = [];
  /** For each concept: the largest weight of one of the trade's services linked to it (0: not linked). */
  readonly linkWeight: Float64Array;
  unitAreas = new Float64Array(0);
  /** The areas where the unit vector is not 0: the trade dot product reads only these (adding 0 changes no sum). */
  areaSlots = new Int32Array(0);
  /** Per trade: `complementLink(...).strength` (-1 without a link) and the area dot product, valid where `stamp` is `generation`. */
  readonly strength: Float64Array;
  readonly dot: Float64Array;
  readonly stamp: Uint32Array;
  generation = 0;

  constructor(
    readonly table: PackedTrades,
    readonly compiler: MemberCompiler,
  ) {
    this.linkWeight = new Float64Array(compiler.concepts.size);
    this.strength = new Float64Array(table.trades.length);
    this.dot = new Float64Array(table.trades.length);
    this.stamp = new Uint32Array(table.trades.length);
  }

  /** Makes this the side of `trade` (kept when it already is). */
  of(trade: Trade): this {
    if (trade === this.trade) return this;
    this.trade = trade;
    this.generation++;
    for (const j of this.linkedConcepts) this.linkWeight[j] = 0;
    this.linkedConcepts = [];
    // As `complementLink`: a link between two different concepts, listed by either.
    for (const s of trade.representative.vector.services) {
      const id = this.compiler.concepts.find(s.id) ?? -1;
      for (const j of this.table.links[id] ?? []) {
        if (j === id) continue;
        if (this.linkWeight[j] === 0) this.linkedConcepts.push(j);
        this.linkWeight[j] = Math.max(this.linkWeight[j]!, s.weight);
      }
    }
    const norm = Math.sqrt(trade.areas.norm2);
    const unit = trade.areas.dense.map((v) => (norm > 0 ? v / norm : 0));
    this.unitAreas = unit;
    this.areaSlots = Int32Array.from(unit.keys()).filter((k) => unit[k] !== 0);
    return this;
  }

  /** Measures trade t's link strength and area dot product. */
  measure(t: number): void {
    const table = this.table;
    let strength = -1;
    for (let k = table.serviceStart[t]!, end = table.serviceStart[t + 1]!; k < end; k++) {
      const w = this.linkWeight[table.serviceIds[k]!]!;
      if (w > 0) strength = Math.max(strength, Math.sqrt(w * table.serviceWeights[k]!));
    }
    let dot = 0;
    const areas = table.unitAreas;
    const slots = this.areaSlots;
    const unit = this.unitAreas;
    for (let j = 0, o = t * table.areaCount; j < slots.length; j++) dot += unit[slots[j]!]! * areas[o + slots[j]!]!;
    this.strength[t] = strength;
    this.dot[t] = dot;
    this.stamp[t] = this.generation;
  }
}
