/**
 * Competitor detection: two members compete when they sell the same services.
 * Direct competitors sell the same services to the same customers in the same
 * market; partial competitors overlap in part of their services, or sell the same in
 * another market. Works on lexicon concepts, so a Swedish "redovisningsbyrå" and a
 * Danish "bogføringsfirma" meet; NACE classes and the members' own words back it up
 * where the lexicon is silent.
 */
import type { ReasonFact } from '../reasons/reason-fact.ts';
import type { ScoredMember, ServicedMember } from '../scoring/scored-member.ts';
import { shared, weightedJaccard } from '../scoring/similarity.ts';
import { serviceTextSimilarity } from './service-text-similarity.ts';
import { sameMarket } from './market.ts';
import type { WeightedConcept } from '../vectors/member-vector.ts';

export type CompetitorLevel = 'none' | 'partial' | 'direct';

export interface Competition {
  readonly level: CompetitorLevel;
  /** How much the two compete, in [0, 1]. */
  readonly score: number;
  /** Service overlap in [0, 1] (concepts, NACE class, words). */
  readonly overlap: number;
  readonly sharedServices: readonly string[];
  /** Words both use for their services, where the lexicon recognised nothing in common. */
  readonly sharedTerms: readonly string[];
  readonly sameMarket: boolean;
  readonly facts: readonly ReasonFact[];
}

export const DIRECT_OVERLAP = 0.45;
export const PARTIAL_OVERLAP = 0.3;

/** A concept at least this central to a member is one of their trades, not a side note or a customer word. */
export const STRONG_SERVICE = 0.55;
/** A side line both sell at least this centrally is work they compete for. */
const SHARED_SERVICE = 0.7;
/** A concept at least this central is among a member's first, main services. */
const MAIN_SERVICE = 0.8;

export function serviceOverlap(a: ScoredMember, b: ScoredMember): { overlap: number; sharedServices: string[]; sharedTerms: string[] } {
  const sa = a.vector.services;
  const sb = b.vector.services;
  // The ids each once, and each id's first weight (what `find` gives), made once per services list.
  const fa = factsOf(sa);
  const fb = factsOf(sb);
  const sharedServices = shared(fa.ids, fb.ids);
  let overlap = 0;
  let sharedTerms: string[] = [];
  const recognised = sa.length > 0 && sb.length > 0 && sa[0]!.weight >= STRONG_SERVICE && sb[0]!.weight >= STRONG_SERVICE;
  if (sa.length > 0 && sb.length > 0) {
    overlap = weightedJaccard(sa, sb);
    const aMainWeightInB = firstWeight(fb, sa[0]!.id);
    const bMainWeightInA = firstWeight(fa, sb[0]!.id);
    const mainInOther = aMainWeightInB >= STRONG_SERVICE || bMainWeightInA >= STRONG_SERVICE;
    let strongestShared = 0;
    for (const id of sharedServices) strongestShared = Math.max(strongestShared, Math.min(firstWeight(fa, id), firstWeight(fb, id)));
    // The main service in common is the trade in common.
    if (sa[0]!.id === sb[0]!.id) overlap = Math.max(overlap, 0.6);
    // Unless each sells the other's main service in earnest, they overlap in part:
    // a photographer who also films and a video producer who also takes photos.
    else if (!(aMainWeightInB >= MAIN_SERVICE && bMainWeightInA >= MAIN_SERVICE)) overlap = Math.min(overlap, DIRECT_OVERLAP - 0.01);
    // One's trade that the other also sells, or a service both sell in earnest: they
    // compete for that part of their work ("Lohnabrechnung" of a tax adviser and a
    // payroll bureau; bathroom renovation of a plumber and a builder).
    if (mainInOther || strongestShared >= SHARED_SERVICE) overlap = Math.max(overlap, PARTIAL_OVERLAP);
  }
  // The same service, word for word, that the lexicon does not know ("behandling av
  // rygg- och nackbesvär"): that part of their work is the same.
  if (sameUnrecognisedItem(a.vector.unrecognised.services, b.vector.unrecognised.services)) overlap = Math.max(overlap, PARTIAL_OVERLAP);
  // The words themselves, across languages: where the lexicon recognised nothing in
  // common, alike wording still reveals the same trade. Where it recognised both
  // trades and they differ, it knows better than the words: they count less.
  if (sharedServices.length === 0) {
    const text = serviceTextSimilarity(a.vector.serviceWords, b.vector.serviceWords);
    const weighted = text.similarity * (recognised ? RECOGNISED_TEXT_WEIGHT : 1);
    if (weighted > overlap) {
      overlap = Math.min(1, weighted);
      sharedTerms = [...text.sharedWords];
    }
  }
  // The same NACE class backs up a concept overlap; alone it is only a hint (classes are broad).
  const na = a.vector.nace;
  const nb = b.vector.nace;
  if (na?.class && na.class === nb?.class) overlap = sa.length === 0 || sb.length === 0 ? Math.max(overlap, 0.25) : overlap > 0 ? overlap + 0.1 : overlap;
  return { overlap: Math.min(1, overlap), sharedServices, sharedTerms };
}

/** What `serviceOverlap` reads of one member's services, made once per services list. */
interface ServiceFacts {
  /** Service concept ids, each once, in the order they first appear. */
  readonly ids: readonly string[];
  /** For each: its weight where it first appears (what `find` gives) and where it last appears (what a Map keeps). */
  readonly first: readonly number[];
  readonly last: readonly number[];
}

// Kept by the lists they are made of, not by member: members of a scope share equal lists
// (src/core/vectors/shared-vector-parts.ts), so a suggestion among a million members mostly finds
// them made, instead of leaving new ones behind for every member it compares.
const serviceFacts = new WeakMap<readonly WeightedConcept[], ServiceFacts>();
const unrecognisedItems = new WeakMap<readonly string[], ReadonlySet<string>>();

/** `id`'s first weight in the list `facts` were made of; 0 when it is not there. */
function firstWeight(facts: ServiceFacts, id: string): number {
  const k = facts.ids.indexOf(id);
  return k < 0 ? 0 : facts.first[k]!;
}

function factsOf(services: readonly WeightedConcept[]): ServiceFacts {
  let facts = serviceFacts.get(services);
  if (!facts) {
    const ids: string[] = [];
    const first: number[] = [];
    let last: number[] | null = null;
    for (const c of services) {
      const k = ids.indexOf(c.id);
      if (k < 0) {
        ids.push(c.id);
        first.push(c.weight);
        last?.push(c.weight);
      } else (last ??= [...first])[k] = c.weight;
    }
    // Without an id listed twice the last weights are the first (one array kept, not two: these
    // are kept per list, and what a suggestion keeps survives young-generation collections).
    facts = { ids, first, last: last ?? first };
    serviceFacts.set(services, facts);
  }
  return facts;
}

/** The unrecognised service items, normalised. */
function unrecognisedOf(items: readonly string[]): ReadonlySet<string> {
  let set = unrecognisedItems.get(items);
  if (!set) unrecognisedItems.set(items, (set = new Set(items.map(normaliseItem))));
  return set;
}

/**
 * `serviceOverlap(a, b).overlap`, the same number, without the lists of shared
 * services and words: what scoring asks for many times a search, from facts made
 * once per member instead of maps and sets made per pair.
 */
export function serviceOverlapValue(a: ServicedMember, b: ServicedMember): number {
  const sa = a.vector.services;
  const sb = b.vector.services;
  const fa = factsOf(sa);
  const fb = factsOf(sb);
  let sharedCount = 0;
  let overlap = 0;
  if (sa.length > 0 && sb.length > 0) {
    // weightedJaccard, summed in the order its map holds the ids: a's, then b's others.
    let min = 0;
    let max = 0;
    let strongestShared = 0;
    for (let i = 0; i < fa.ids.length; i++) {
      const j = fb.ids.indexOf(fa.ids[i]!);
      const x = fa.last[i]!;
      const y = j < 0 ? 0 : fb.last[j]!;
      min += Math.min(x, y);
      max += Math.max(x, y);
      if (j >= 0) {
        sharedCount++;
        strongestShared = Math.max(strongestShared, Math.min(fa.first[i]!, fb.first[j]!));
      }
    }
    for (let j = 0; j < fb.ids.length; j++) {
      if (fa.ids.includes(fb.ids[j]!)) continue;
      min += Math.min(0, fb.last[j]!);
      max += Math.max(0, fb.last[j]!);
    }
    overlap = max > 0 ? min / max : 0;
    const aMain = sa[0]!.id;
    const bMain = sb[0]!.id;
    const aMainWeightInB = fb.first[fb.ids.indexOf(aMain)] ?? 0;
    const bMainWeightInA = fa.first[fa.ids.indexOf(bMain)] ?? 0;
    if (aMain === bMain) overlap = Math.max(overlap, 0.6);
    else if (!(aMainWeightInB >= MAIN_SERVICE && bMainWeightInA >= MAIN_SERVICE)) overlap = Math.min(overlap, DIRECT_OVERLAP - 0.01);
    if (aMainWeightInB >= STRONG_SERVICE || bMainWeightInA >= STRONG_SERVICE || strongestShared >= SHARED_SERVICE) overlap = Math.max(overlap, PARTIAL_OVERLAP);
  }
  if (sameUnrecognisedItem(a.vector.unrecognised.services, b.vector.unrecognised.services)) overlap = Math.max(overlap, PARTIAL_OVERLAP);
  if (sharedCount === 0) {
    const recognised = sa.length > 0 && sb.length > 0 && sa[0]!.weight >= STRONG_SERVICE && sb[0]!.weight >= STRONG_SERVICE;
    const weighted = serviceTextSimilarity(a.vector.serviceWords, b.vector.serviceWords).similarity * (recognised ? RECOGNISED_TEXT_WEIGHT : 1);
    if (weighted > overlap) overlap = Math.min(1, weighted);
  }
  const na = a.vector.nace;
  const nb = b.vector.nace;
  if (na?.class && na.class === nb?.class) overlap = sa.length === 0 || sb.length === 0 ? Math.max(overlap, 0.25) : overlap > 0 ? overlap + 0.1 : overlap;
  return Math.min(1, overlap);
}

function normaliseItem(item: string): string {
  return item.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether two lists of unrecognised service items share one, normalised (the normalised sets are made once per list). */
function sameUnrecognisedItem(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const own = unrecognisedOf(a);
  for (const item of unrecognisedOf(b)) if (own.has(item)) return true;
  return false;
}

/** How much alike wording counts when the lexicon recognised both members' (different) trades. */
const RECOGNISED_TEXT_WEIGHT = 0.6;

/**
 * The last pair's answer: scoring a pair asks for its competition several times
 * (complementarity, the pair itself, ranking), always in a row.
 */
let last: { a: ScoredMember; b: ScoredMember; competition: Competition } | null = null;

export function detectCompetition(a: ScoredMember, b: ScoredMember): Competition {
  if (last && last.a === a && last.b === b) return last.competition;
  const competition = computeCompetition(a, b);
  last = { a, b, competition };
  return competition;
}

function computeCompetition(a: ScoredMember, b: ScoredMember): Competition {
  const { overlap, sharedServices, sharedTerms } = serviceOverlap(a, b);
  const market = sameMarket(a, b);
  let level: CompetitorLevel = 'none';
  if (overlap >= DIRECT_OVERLAP) level = market ? 'direct' : 'partial';
  else if (overlap >= PARTIAL_OVERLAP) level = 'partial';
  const score = level === 'none' ? 0 : Math.min(1, overlap * (market ? 1 : 0.7));
  const facts: ReasonFact[] = level === 'none' ? [] : [{ key: 'competitor', level, services: sharedServices, terms: sharedTerms, sameMarket: market }];
  return { level, score: round(score), overlap: round(overlap), sharedServices, sharedTerms, sameMarket: market, facts };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
