/**
 * The compiled pool against the full scorer: referral rankings, direct competitors,
 * "has a good partner", and whole applicant assessments must be the same whichever
 * path computed them (the compiled one is what the product runs; the full one is
 * what it must equal). Demo network and a seeded generated federation.
 */
import { describe, expect, it } from 'vitest';
import { assessApplicant, NetworkContext, type NetworkPolicy } from '../../src/core/applicants/applicant-assessment.ts';
import { detectCompetition } from '../../src/core/competition/competitor-detector.ts';
import { CompiledPool } from '../../src/core/ranking/compiled-pool.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { scorePair } from '../../src/core/scoring/pair-scorer.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../src/core/scoring/scoring-config.ts';
import { computeSuggestions } from '../../src/app/scoring-engine.ts';
import { demoMembers, generatedMembers, knowledge } from '../support/demo-members.ts';

const context = { knowledge };
const configs: ScoringConfig[] = [
  DEFAULT_SCORING_CONFIG,
  { ...DEFAULT_SCORING_CONFIG, version: 'test-geometric', combination: 'geometric', weights: { chemistry: 0.4, complementarity: 0.1, sharedCustomers: 0.1, sharedContacts: 0.3, mutualProfit: 0.1 } },
];
const byNetwork = (members: readonly ScoredMember[]) => {
  const groups = new Map<string, ScoredMember[]>();
  for (const m of members) groups.set(m.network ?? '', [...(groups.get(m.network ?? '') ?? []), m]);
  return [...groups.values()];
};
const populations: [string, ScoredMember[][]][] = [
  ['the demo network', byNetwork(demoMembers())],
  ['a generated federation (chapters of ~40, and one pool of 300)', [...byNetwork(generatedMembers(1200, { networks: 30, seed: 57 })), generatedMembers(300, { networks: 1, seed: 58 })]],
];

describe.each(populations)('on %s', (_, pools) => {
  it('ranks referral partners as rankPartners does, and finds every direct competitor', () => {
    let compared = 0;
    let competitors = 0;
    for (const config of configs) {
      for (const members of pools) {
        const pool = new CompiledPool(members, knowledge);
        for (const self of members.slice(0, 20)) {
          const reference = rankPartners(self, members, context, config, { purpose: 'referral', top: 7 });
          const found = pool.referrals(self, config, 7);
          expect(found.best.map((p) => [p.member.id, p.score])).toEqual(reference.map((r) => [r.pair.other, r.score]));
          const direct = members.filter((m) => m.id !== self.id && detectCompetition(self, m).level === 'direct').map((m) => m.id);
          expect(found.directCompetitors.map((m) => m.id)).toEqual(direct);
          compared++;
          competitors += direct.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
    // The comparison means something only if competitors occur.
    expect(competitors).toBeGreaterThan(0);
  });

  it('gives the engine the same suggestions, reasons and left-out competitors as the full scorer', () => {
    let excluded = 0;
    for (const members of pools) {
      const scope = { key: 'test', generation: 1, members };
      const everyone = members.map((m) => m.id);
      for (const self of members.slice(0, 10)) {
        const task = { self, purpose: 'referral' as const, top: 5 };
        // Candidates given as a list take the full scorer's path.
        const reference = computeSuggestions(scope, { ...task, candidateIds: everyone }, knowledge, DEFAULT_SCORING_CONFIG);
        const fast = computeSuggestions(scope, task, knowledge, DEFAULT_SCORING_CONFIG);
        expect(fast).toEqual(reference);
        excluded += fast.excludedCompetitors.length;
      }
    }
    expect(excluded).toBeGreaterThan(0);
  });

  it('says whether a member has a good partner as scoring every pair does', () => {
    const config = DEFAULT_SCORING_CONFIG;
    let yes = 0;
    for (const members of pools) {
      const pool = new CompiledPool(members, knowledge);
      for (const member of members.slice(0, 30)) {
        const reference = members.some((o) => {
          if (o.id === member.id) return false;
          const pair = scorePair(member, o, context, config);
          return pair.competition.level !== 'direct' && pair.score >= config.goodPartner;
        });
        expect(pool.hasPartnerAbove(member, config, config.goodPartner)).toBe(reference);
        if (reference) yes++;
      }
    }
    expect(yes).toBeGreaterThan(0);
    // A threshold no pair reaches: the answer must flip to false everywhere.
    for (const members of pools.slice(0, 2)) expect(new CompiledPool(members, knowledge).hasPartnerAbove(members[0]!, config, 1.01)).toBe(false);
  });

  it('assesses applicants exactly as the full scorer does, under both policies', () => {
    const applicants = generatedMembers(60, { networks: 1, seed: 91, idPrefix: 'app' });
    let conflicts = 0;
    let strong = 0;
    for (const policy of ['exclusive', 'open'] as NetworkPolicy[]) {
      for (const members of pools.slice(0, 3)) {
        const network = members[0]!.network ?? 'n';
        const compiled = new NetworkContext(network, policy, members, context, DEFAULT_SCORING_CONFIG);
        const full = new NetworkContext(network, policy, members, context, DEFAULT_SCORING_CONFIG, { compiled: false });
        expect(compiled.pool).not.toBeNull();
        expect(full.pool).toBeNull();
        for (const applicant of applicants.slice(0, 25)) {
          const a = { ...applicant, network };
          const result = assessApplicant(a, compiled, [], context, DEFAULT_SCORING_CONFIG);
          expect(result).toEqual(assessApplicant(a, full, [], context, DEFAULT_SCORING_CONFIG));
          conflicts += result.conflicts.length;
          strong += result.strongPartners;
        }
      }
    }
    // Conflicts and strong partners were among what was compared.
    expect(conflicts).toBeGreaterThan(0);
    expect(strong).toBeGreaterThan(0);
  });
});
