/**
 * Members whose vectors share equal parts (as a loaded scope keeps them) are the same
 * members: the same JSON, the same partners and scores; and equal parts are one object.
 */
import { describe, expect, it } from 'vitest';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { buildExactPartnerIndex } from '../../src/core/retrieval/exact-partner-index.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { jsonHash, sameJson, VectorPartSharer } from '../../src/core/vectors/shared-vector-parts.ts';
import { demoMembers, generatedMembers, knowledge } from '../support/demo-members.ts';

const config = DEFAULT_SCORING_CONFIG;
// Each member parsed from its own JSON, as the store gives them: nothing shared to begin with.
const parsed = (members: ReturnType<typeof demoMembers>) => members.map((m) => JSON.parse(JSON.stringify(m)) as (typeof members)[number]);

describe('shared vector parts', () => {
  it('keeps every member of the demo network (four languages) the same, to the JSON', () => {
    const members = parsed(demoMembers());
    const sharer = new VectorPartSharer();
    const shared = members.map((m) => sharer.member(m));
    expect(shared.map((m) => JSON.stringify(m))).toEqual(members.map((m) => JSON.stringify(m)));
    expect(new Set(members.map((m) => m.vector.language))).toEqual(new Set(['sv', 'da', 'de', 'en']));
  });

  it('makes equal parts one object, and leaves different ones apart', () => {
    const members = parsed(generatedMembers(400, { networks: 10, seed: 5 }));
    const sharer = new VectorPartSharer();
    const shared = members.map((m) => sharer.member(m));
    const distinct = (pick: (m: (typeof shared)[number]) => unknown) => new Set(shared.map(pick)).size;
    const distinctJson = (pick: (m: (typeof shared)[number]) => unknown) => new Set(shared.map((m) => JSON.stringify(pick(m)))).size;
    for (const pick of [
      (m: (typeof shared)[number]) => m.vector.services,
      (m: (typeof shared)[number]) => m.vector.region,
      (m: (typeof shared)[number]) => m.vector.areas,
      (m: (typeof shared)[number]) => m.vector.roles,
      (m: (typeof shared)[number]) => m.vector.serviceWords,
      (m: (typeof shared)[number]) => m.vector.unrecognised,
    ]) {
      expect(distinct(pick)).toBe(distinctJson(pick));
    }
    // Concept entries too, across lists that differ.
    const concepts = shared.flatMap((m) => [...m.vector.services, ...m.vector.roles, ...m.vector.targetIndustries, ...m.vector.interests]);
    expect(new Set(concepts).size).toBe(new Set(concepts.map((c) => JSON.stringify(c))).size);
    expect(new Set(concepts).size).toBeLessThan(concepts.length);
    // The originals are untouched: each still has its own copies.
    expect(members[0]!.vector.region).not.toBe(members[1]!.vector.region);
  });

  it('shares a part only with one of the same JSON: the same keys in the same order', () => {
    const [a] = parsed(demoMembers().filter((m) => Object.keys(m.vector.seniority).length > 1));
    const b = JSON.parse(JSON.stringify(a)) as NonNullable<typeof a>;
    (b.vector as { seniority: object }).seniority = Object.fromEntries(Object.entries(b.vector.seniority).reverse());
    const sharer = new VectorPartSharer();
    const [sa, sb] = [sharer.member(a!), sharer.member(b)];
    expect(JSON.stringify(sb)).toBe(JSON.stringify(b));
    expect(sb.vector.seniority).not.toBe(sa.vector.seniority);
    expect(sb.vector.services).toBe(sa.vector.services);
    expect(sameJson({ x: 1, y: [2, 'z'] }, { x: 1, y: [2, 'z'] })).toBe(true);
    expect(sameJson({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
    expect(jsonHash({ x: 1, y: [2, 'z'] })).toBe(jsonHash(JSON.parse('{"x":1,"y":[2,"z"]}')));
    expect(jsonHash({ x: 1, y: 2 })).not.toBe(jsonHash({ y: 2, x: 1 }));
  });

  it('gives the same partners, scores and competitors as the members it was given', () => {
    const members = parsed(generatedMembers(600, { networks: 15, seed: 19 }));
    const sharer = new VectorPartSharer();
    const shared = members.map((m) => sharer.member(m));
    const before = buildExactPartnerIndex(members, knowledge);
    const after = buildExactPartnerIndex(shared, knowledge);
    for (let i = 0; i < members.length; i += 7) {
      const a = before.best(members[i]!, 10, config);
      const b = after.best(shared[i]!, 10, config);
      expect(b.partners.map((p) => [p.member.id, p.score])).toEqual(a.partners.map((p) => [p.member.id, p.score]));
      expect(b.directCompetitors.map((m) => m.id)).toEqual(a.directCompetitors.map((m) => m.id));
      const ranked = (self: (typeof members)[number], pool: typeof members) =>
        rankPartners(self, pool, { knowledge }, config, { purpose: 'referral', top: 5 }).map((r) => [r.pair.other, r.score, r.facts]);
      if (i % 70 === 0) expect(ranked(shared[i]!, shared)).toEqual(ranked(members[i]!, members));
    }
  });
});
