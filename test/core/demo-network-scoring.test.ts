/**
 * The scorer against the structure built into the demo network (data/demo/README.md):
 * cross-language direct competitors, overflow pairs, partner groups, and the rules
 * that must always hold (no direct competitor among referral suggestions; reciprocal
 * scores that let neither side carry the other).
 */
import { describe, expect, it } from 'vitest';
import { detectCompetition } from '../../src/core/competition/competitor-detector.ts';
import { findCompetitorPairs } from '../../src/core/competition/competitor-pairs.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { buildNetworkReport } from '../../src/core/report/network-report.ts';
import { scorePair } from '../../src/core/scoring/pair-scorer.ts';
import { combineReciprocal, DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { demoMembers, knowledge } from '../support/demo-members.ts';

const members = demoMembers();
const byId = new Map(members.map((m) => [m.id, m]));
const member = (id: string) => byId.get(id)!;
const context = { knowledge };
const config = DEFAULT_SCORING_CONFIG;
const network = (id: string) => members.filter((m) => m.network === member(id).network);

describe('competitors in the demo network', () => {
  it.each([
    ['se-019', 'dk-001'],
    ['se-020', 'dk-002'],
    ['de-001', 'de-002'],
    ['de-013', 'de-014'],
    ['uk-001', 'uk-002'],
  ])('%s and %s are direct competitors', (a, b) => {
    expect(detectCompetition(member(a), member(b)).level).toBe('direct');
  });

  it('finds the SAP consultants direct competitors: both offer business systems ("SAP S/4HANA")', () => {
    const competition = detectCompetition(member('de-005'), member('de-006'));
    expect(competition.level).toBe('direct');
    expect(competition.sharedServices).toContain('svc.business-systems');
  });

  it.each([
    ['uk-003', 'uk-012'],
    ['de-008', 'de-007'],
    ['se-001', 'se-002'],
  ])('%s and %s are not competitors', (a, b) => {
    expect(detectCompetition(member(a), member(b)).level).toBe('none');
  });

  it('lists competitor pairs per network, the same as comparing every pair', () => {
    const club = network('se-019');
    const blocked = findCompetitorPairs(club).map((p) => `${p.a}|${p.b}`);
    const everyPair: string[] = [];
    for (const a of club) for (const b of club) if (a.id < b.id && detectCompetition(a, b).level !== 'none') everyPair.push(`${a.id}|${b.id}`);
    expect(blocked.sort()).toEqual(everyPair.sort());
  });
});

describe('suggestions', () => {
  it('never suggest a direct competitor as a referral partner, for any member', () => {
    for (const self of members) {
      for (const s of rankPartners(self, network(self.id), context, config, { purpose: 'referral', top: 10 })) {
        expect(s.pair.competition.level).not.toBe('direct');
      }
    }
  });

  it('rank the partner groups of the README high: recruiter → leadership development → HR', () => {
    const top = rankPartners(member('se-001'), network('se-001'), context, config, { purpose: 'referral', top: 5 }).map((r) => r.pair.other);
    expect(top).toContain('se-002');
    expect(top).toContain('se-003');
  });

  it.each([
    ['de-001', 'de-002'],
    ['de-013', 'de-014'],
    ['uk-001', 'uk-002'],
    ['dk-002', 'se-020'],
  ])('overflow: %s (over capacity) is sent to %s (free capacity) first', (over, under) => {
    const top = rankPartners(member(over), network(over), context, config, { purpose: 'overflow', top: 3 });
    expect(top[0]?.pair.other).toBe(under);
  });

  it('never explain a pair by a complement that both of them offer', () => {
    for (const a of members) {
      for (const b of network(a.id)) {
        if (a === b) continue;
        for (const fact of scorePair(a, b, context, config).facts) {
          if (fact.key !== 'complementary-services' && fact.key !== 'referral-demand') continue;
          expect(a.vector.services.map((s) => s.id), `${a.id}→${b.id}`).not.toContain(fact.theirs);
          expect(b.vector.services.map((s) => s.id), `${a.id}→${b.id}`).not.toContain(fact.mine);
        }
      }
    }
  });

  it('call stages different only when the two share none of their main ones', () => {
    for (const a of members) {
      for (const b of network(a.id)) {
        if (a === b) continue;
        for (const fact of scorePair(a, b, context, config).facts) {
          if (fact.key !== 'different-stages') continue;
          const shared = Object.keys(a.vector.stages).filter((s) => s in b.vector.stages);
          const overlap = shared.reduce((sum, s) => sum + Math.min(a.vector.stages[s as keyof typeof a.vector.stages]!, b.vector.stages[s as keyof typeof b.vector.stages]!), 0);
          expect(overlap, `${a.id}→${b.id}`).toBeLessThan(0.5);
        }
      }
    }
  });

  it('say chemistry is unknown, not zero, when one side lists no interests', () => {
    const silent = members.find((m) => m.vector.interests.length === 0 && m.vector.otherInterests.length === 0);
    expect(silent).toBeDefined();
    const other = members.find((m) => m.id !== silent!.id)!;
    expect(scorePair(silent!, other, context, config).criteria.chemistry).toBeNull();
  });
});

describe('the reciprocal combination', () => {
  it('ranks a balanced pair above a lopsided one with the same total', () => {
    const random = createRandom(99);
    for (let i = 0; i < 1000; i++) {
      const total = random.next() * 2;
      const gap = random.next() * Math.min(total, 2 - total);
      const balanced = combineReciprocal(total / 2, total / 2, 'harmonic');
      const lopsided = combineReciprocal(total / 2 + gap / 2, total / 2 - gap / 2, 'harmonic');
      expect(balanced).toBeGreaterThanOrEqual(lopsided - 1e-12);
    }
  });

  it('is symmetric and never above the arithmetic mean', () => {
    const random = createRandom(100);
    for (let i = 0; i < 1000; i++) {
      const [x, y] = [random.next(), random.next()];
      expect(combineReciprocal(x, y, 'harmonic')).toBeCloseTo(combineReciprocal(y, x, 'harmonic'), 12);
      expect(combineReciprocal(x, y, 'harmonic')).toBeLessThanOrEqual((x + y) / 2 + 1e-12);
    }
  });

  it('scores every pair the same both ways', () => {
    for (const a of network('se-001').slice(0, 8)) {
      for (const b of network('se-001').slice(0, 8)) {
        if (a !== b) expect(scorePair(a, b, context, config).score).toBe(scorePair(b, a, context, config).score);
      }
    }
  });
});

describe('the network report', () => {
  const report = buildNetworkReport('malmo-bni', network('se-001'), context, config);

  it('counts good partners per member and names the trades the network lacks', () => {
    expect(report.summaries).toHaveLength(18);
    expect(report.summaries.find((s) => s.id === 'se-001')!.goodPartners).toBeGreaterThan(0);
    expect(report.missingTrades.length).toBeGreaterThan(0);
    const offered = new Set(network('se-001').flatMap((m) => m.vector.services.map((s) => s.id)));
    for (const t of report.missingTrades) expect(offered.has(t.concept)).toBe(false);
  });
});
