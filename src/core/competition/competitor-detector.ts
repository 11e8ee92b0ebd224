/**
 * Competitor detection: two members compete when they sell the same services.
 * Direct competitors sell the same services to the same customers in the same
 * market; partial competitors overlap in part of their services, or sell the same in
 * another market. Works on lexicon concepts, so a Swedish "redovisningsbyrå" and a
 * Danish "bogføringsfirma" meet; NACE classes and the members' own words back it up
 * where the lexicon is silent.
 */
import type { ReasonFact } from '../reasons/reason-fact.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import { shared, weightedJaccard } from '../scoring/similarity.ts';
import { serviceTextSimilarity } from './service-text-similarity.ts';
import { sameMarket } from './market.ts';

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
  const sharedServices = shared(sa.map((c) => c.id), sb.map((c) => c.id));
  let overlap = 0;
  let sharedTerms: string[] = [];
  const recognised = sa.length > 0 && sb.length > 0 && sa[0]!.weight >= STRONG_SERVICE && sb[0]!.weight >= STRONG_SERVICE;
  if (sa.length > 0 && sb.length > 0) {
    overlap = weightedJaccard(sa, sb);
    const weightIn = (list: typeof sa, id: string) => list.find((c) => c.id === id)?.weight ?? 0;
    const aMainInB = weightIn(sb, sa[0]!.id) >= STRONG_SERVICE;
    const bMainInA = weightIn(sa, sb[0]!.id) >= STRONG_SERVICE;
    const mainInOther = aMainInB || bMainInA;
    const strongestShared = Math.max(0, ...sharedServices.map((id) => Math.min(weightIn(sa, id), weightIn(sb, id))));
    // The main service in common is the trade in common.
    if (sa[0]!.id === sb[0]!.id) overlap = Math.max(overlap, 0.6);
    // Unless each sells the other's main service in earnest, they overlap in part:
    // a photographer who also films and a video producer who also takes photos.
    else if (!(weightIn(sb, sa[0]!.id) >= MAIN_SERVICE && weightIn(sa, sb[0]!.id) >= MAIN_SERVICE)) overlap = Math.min(overlap, DIRECT_OVERLAP - 0.01);
    // One's trade that the other also sells, or a service both sell in earnest: they
    // compete for that part of their work ("Lohnabrechnung" of a tax adviser and a
    // payroll bureau; bathroom renovation of a plumber and a builder).
    if (mainInOther || strongestShared >= SHARED_SERVICE) overlap = Math.max(overlap, PARTIAL_OVERLAP);
  }
  // The same service, word for word, that the lexicon does not know ("behandling av
  // rygg- och nackbesvär"): that part of their work is the same.
  if (sameUnrecognisedItem(a, b)) overlap = Math.max(overlap, PARTIAL_OVERLAP);
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

function sameUnrecognisedItem(a: ScoredMember, b: ScoredMember): boolean {
  const normalise = (item: string) => item.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const own = new Set(a.vector.unrecognised.services.map(normalise));
  return b.vector.unrecognised.services.some((item) => own.has(normalise(item)));
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
