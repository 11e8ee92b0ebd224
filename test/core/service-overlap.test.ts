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
