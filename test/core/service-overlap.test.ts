/**
 * The competitor overlap scoring asks for on every candidate pair
 * (`serviceOverlapValue`, from facts made once per member) must be the very number
 * the competitor detector's `serviceOverlap` gives, bit for bit: on every pair of the
 * demo network, the four-language fixture and the labelled evaluation network (the
 * hard cases: cross-language trades, NACE codes, unrecognised services), and on
 * sampled pairs of a generated federation.
 */
import { describe, expect, it } from 'vitest';
import { detectCompetition, serviceOverlap, serviceOverlapValue } from '../../src/core/competition/competitor-detector.ts';
import { findCompetitorPairs } from '../../src/core/competition/competitor-pairs.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { demoMembers, generatedMembers, membersFromCsv } from '../support/demo-members.ts';
import { serviceTextSimilarity } from '../../src/core/competition/service-text-similarity.ts';
import { DIRECT_OVERLAP, PARTIAL_OVERLAP, STRONG_SERVICE } from '../../src/core/competition/competitor-detector.ts';
import { shared, weightedJaccard } from '../../src/core/scoring/similarity.ts';

// `serviceOverlap` as first written (session 15), with lookups by `find` and lists made per pair: the
// detector's cached facts (the first and the last weight of each id) must give the same numbers.
const MAIN_SERVICE = 0.8;
const SHARED_SERVICE = 0.7;
const RECOGNISED_TEXT_WEIGHT = 0.6;
const normaliseItem = (item: string) => item.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
function referenceSameItem(a: ScoredMember, b: ScoredMember): boolean {
  const own = new Set(a.vector.unrecognised.services.map(normaliseItem));
  return b.vector.unrecognised.services.some((item) => own.has(normaliseItem(item)));
}
function referenceOverlap(a: ScoredMember, b: ScoredMember): { overlap: number; sharedServices: string[]; sharedTerms: string[] } {
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
  if (referenceSameItem(a, b)) overlap = Math.max(overlap, PARTIAL_OVERLAP);
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


function withVector(member: ScoredMember, vector: Partial<ScoredMember['vector']>): ScoredMember {
  return { ...member, id: `${member.id}-variant`, vector: { ...member.vector, ...vector } };
}

describe('serviceOverlapValue', () => {
  it.each([
    ['the demo network', demoMembers()],
    ['the four-language fixture', membersFromCsv('../fixtures/four-languages.csv')],
    ['the evaluation network', membersFromCsv('../../data/eval/network.csv')],
  ])('equals serviceOverlap on every pair of %s', (_, members) => {
    let overlapping = 0;
    for (const a of members) {
      for (const b of members) {
        const expected = serviceOverlap(a, b).overlap;
        expect(serviceOverlapValue(a, b), `${a.id} ${b.id}`).toBe(expected);
        if (expected > 0 && a !== b) overlapping++;
      }
    }
    expect(overlapping).toBeGreaterThan(0);
  });

  it('equals serviceOverlap on sampled pairs of a generated federation', () => {
    const members = generatedMembers(1200, { networks: 30, seed: 41 });
    const random = createRandom(7);
    for (let n = 0; n < 20_000; n++) {
      const a = random.pick(members);
      const b = random.pick(members);
      expect(serviceOverlapValue(a, b), `${a.id} ${b.id}`).toBe(serviceOverlap(a, b).overlap);
    }
  });

  it('equals serviceOverlap where a list repeats a concept or a service item went unrecognised', () => {
    const [a, b] = demoMembers();
    const services = a!.vector.services;
    const repeated = withVector(a!, { services: [...services, { ...services[0]!, weight: 0.3 }] });
    const unrecognisedA = withVector(a!, { unrecognised: { services: ['Behandling av rygg- och nackbesvär'], targetIndustries: [], contactRoles: [] } });
    const unrecognisedB = withVector(b!, { unrecognised: { services: ['behandling av rygg och nackbesvär!'], targetIndustries: [], contactRoles: [] } });
    const noServices = withVector(b!, { services: [] });
    for (const [x, y] of [
      [repeated, a!],
      [a!, repeated],
      [repeated, b!],
      [unrecognisedA, unrecognisedB],
      [unrecognisedB, unrecognisedA],
      [noServices, a!],
      [a!, noServices],
    ] as const) {
      expect(serviceOverlapValue(x, y), `${x.id} ${y.id}`).toBe(serviceOverlap(x, y).overlap);
    }
    expect(serviceOverlapValue(unrecognisedA, unrecognisedB)).toBeGreaterThanOrEqual(0.3);
  });

  it('serviceOverlap and serviceOverlapValue equal the first definition, where a list repeats a concept with other weights', () => {
    const members = generatedMembers(600, { networks: 3, seed: 5 });
    const random = createRandom(4);
    const mainOf = (m: ScoredMember) => m.vector.services[0]!;
    for (let n = 0; n < 400; n++) {
      const a = random.pick(members);
      const b = random.pick(members);
      // b offers a's main service twice, weakly first and strongly after, or the other way round.
      const [first, last] = random.next() < 0.5 ? [0.2, 0.9] : [0.9, 0.2];
      const repeated = withVector(b, { services: [...b.vector.services, { ...mainOf(a), weight: first }, { ...mainOf(a), weight: last }] });
      for (const [x, y] of [[a, repeated], [repeated, a], [a, b]] as const) {
        const reference = referenceOverlap(x, y);
        expect(serviceOverlap(x, y), `${x.id} ${y.id}`).toEqual(reference);
        expect(serviceOverlapValue(x, y), `${x.id} ${y.id}`).toBe(reference.overlap);
      }
    }
  });

  it('lets the competitor scan pass by pairs under the partial overlap: the same pairs as detectCompetition on every pair', () => {
    for (const members of [demoMembers(), membersFromCsv('../../data/eval/network.csv')]) {
      const expected = new Map<string, string>();
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const [a, b] = members[i]!.id < members[j]!.id ? [members[i]!, members[j]!] : [members[j]!, members[i]!];
          const competition = detectCompetition(a, b);
          if (competition.level !== 'none') expected.set(`${a.id} ${b.id}`, JSON.stringify(competition));
        }
      }
      const found = new Map(findCompetitorPairs(members).map((p) => [`${p.a} ${p.b}`, JSON.stringify(p.competition)]));
      expect(found).toEqual(expected);
      expect(found.size).toBeGreaterThan(10);
      // A member listed twice: its pairs once each, as before.
      expect(findCompetitorPairs([...members, members[0]!]).length).toBe(found.size);
    }
  });
});
