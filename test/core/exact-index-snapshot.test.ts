/**
 * The exact partner index restored from its snapshot (after a structured clone, as a
 * worker thread receives it) answers every search as the index it was taken of.
 */
import { describe, expect, it } from 'vitest';
import { buildExactPartnerIndex, restoreExactPartnerIndex, type ExactPartnerResult } from '../../src/core/retrieval/exact-partner-index.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { generatedMembers, knowledge } from '../support/demo-members.ts';

const members = generatedMembers(500, { networks: 12, seed: 47 });
const config = DEFAULT_SCORING_CONFIG;
const answer = (found: ExactPartnerResult) => ({
  partners: found.partners.map((p) => [p.member.id, p.score]),
  competitors: found.directCompetitors.map((m) => m.id),
});

describe('exact partner index snapshot', () => {
  it('restored on the same members, every search gives the same partners, scores and competitors', () => {
    const index = buildExactPartnerIndex(members, knowledge, { splitMin: 8 });
    const restored = restoreExactPartnerIndex(structuredClone(index.snapshot()), members, knowledge, { splitMin: 8 });
    expect(restored.size).toBe(members.length);
    expect([...restored.memberOrder]).toEqual([...index.memberOrder]);
    for (let p = 0; p < members.length; p++) {
      const self = members[index.memberOrder[p]!]!;
      const expected = answer(index.best(self, 10, config));
      expect(answer(restored.bestAt(p, 10, config)), self.id).toEqual(expected);
      expect(answer(index.bestAt(p, 10, config)), self.id).toEqual(expected);
      if (p % 25 === 0) expect(answer(restored.approximate(self, 10, config, 60, { sharedOnly: true })), self.id).toEqual(answer(index.approximate(self, 10, config, 60, { sharedOnly: true })));
    }
  });

  it('refuses members that are not the ones the snapshot was taken with', () => {
    const index = buildExactPartnerIndex(members, knowledge);
    expect(() => restoreExactPartnerIndex(index.snapshot(), members.slice(1), knowledge)).toThrow('the snapshot holds 500 members, not 499');
  });
});
