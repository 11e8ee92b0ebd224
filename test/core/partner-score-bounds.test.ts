/**
 * The bounds the exact partner search prunes with must never be below a score: a
 * member bound under a member's exact score (without the competitor overlap, which
 * only lowers it) would drop a true partner silently. Checked for every pair of a
 * generated federation for several selves and configs: member bounds (with and
 * without a threshold, which lets bounds under it be looser), trade bounds, area
 * group bounds, and the bound for members sharing nothing with self.
 */
import { describe, expect, it } from 'vitest';
import { MemberCompiler } from '../../src/core/scoring/compiled-member.ts';
import { compileConfig, scoreCompiledPair, tradePairOf } from '../../src/core/scoring/compiled-pair-scorer.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../src/core/scoring/scoring-config.ts';
import { MaskBits, PackedTrades } from '../../src/core/retrieval/packed-trades.ts';
import { PartnerScoreBounds, SelfTradeSide } from '../../src/core/retrieval/partner-score-bounds.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import { generatedMembers, knowledge } from '../support/demo-members.ts';

/** Scores and criteria are rounded to 0.001: the search gives bounds this much slack (BOUND_SLACK). */
const SLACK = 0.004;

const configs: ScoringConfig[] = [
  DEFAULT_SCORING_CONFIG,
  { ...DEFAULT_SCORING_CONFIG, version: 'test-contacts', combination: 'geometric', weights: { chemistry: 0.1, complementarity: 0.1, sharedCustomers: 0.1, sharedContacts: 0.6, mutualProfit: 0.1 } },
  { ...DEFAULT_SCORING_CONFIG, version: 'test-minimum', combination: 'minimum', weights: { chemistry: 0.4, complementarity: 0.1, sharedCustomers: 0.2, sharedContacts: 0.2, mutualProfit: 0.1 } },
];

const generated = generatedMembers(900, { networks: 4, seed: 77 });
/**
 * The same members with parts left out here and there, so that a trade mixes members
 * with and without each (generated members all have a region, industries, sizes,
 * seniority and stages): what a bound may take as known depends on that.
 */
const gaps = generated.map((m, i) => ({
  ...m,
  vector: {
    ...m.vector,
    region: i % 3 === 0 ? null : m.vector.region,
    targetIndustries: i % 4 === 1 ? [] : m.vector.targetIndustries,
    sizes: i % 5 === 2 ? [] : m.vector.sizes,
    seniority: i % 6 === 3 ? {} : m.vector.seniority,
    stages: i % 7 === 4 ? {} : m.vector.stages,
    interests: i % 8 === 5 ? [] : m.vector.interests,
    otherInterests: i % 8 === 5 ? [] : m.vector.otherInterests,
    dealValueEur: i % 9 === 6 ? null : m.vector.dealValueEur,
  },
}));

describe.each([
  ['generated members', generated],
  ['members with parts left out', gaps],
])('partner score bounds (%s)', (_, members) => {
  const compiler = new MemberCompiler(knowledge);
  const masks = new MaskBits();
  const table = new PackedTrades(
    members.map((m) => compiler.compile(m)),
    compiler,
    masks,
    knowledge,
  );
  const random = createRandom(9);

  it.each(configs.map((c) => [c.version, c] as const))('never fall below an exact score (%s)', (_, config) => {
    const compiled = compileConfig(config, compiler);
    const out = new Float64Array(table.members.length);
    const loose = new Float64Array(table.members.length);
    let refinedBelowLoose = 0;
    let sharingOnlyInterests = 0;
    // One side for all searches, as the index keeps it: it must follow self's trade from one search to the next.
    const side = new SelfTradeSide(table, compiler);
    for (let n = 0; n < 12; n++) {
      const self = table.members[random.int(table.members.length)]!;
      const bounds = new PartnerScoreBounds(self, compiled, table, compiler, masks, side.of(self.trade));
      const selfBits = [masks.mask('industry', self.industries.ids), masks.mask('role', self.roles.ids), masks.mask('interest', self.interests)];
      for (let t = 0; t < table.trades.length; t++) {
        bounds.trade(t);
        const tradeBound = bounds.bound;
        bounds.apart();
        const apart = bounds.bound;
        bounds.apart(true);
        const apartButInterests = bounds.bound;
        const start = table.memberStart[t]!;
        const end = table.memberStart[t + 1]!;
        bounds.threshold = -Infinity;
        bounds.members(null, start, end, out);
        // A threshold in the middle of the range: bounds under it may be looser, never lower.
        bounds.threshold = 0.6;
        bounds.members(null, start, end, loose);
        for (let i = start; i < end; i++) {
          const other = table.members[i]!;
          if (other.id === self.id) continue;
          const upper = scoreCompiledPair(self, other, tradePairOf(self.trade, other.trade, knowledge), 0, compiled);
          const label = `${self.id} → ${other.id}`;
          expect(out[i - start]! + SLACK, label).toBeGreaterThanOrEqual(upper);
          expect(loose[i - start]! + SLACK, label).toBeGreaterThanOrEqual(upper);
          if (out[i - start]! >= 0.6) expect(loose[i - start], label).toBe(out[i - start]);
          if (out[i - start]! < loose[i - start]!) refinedBelowLoose++;
          expect(tradeBound + 1e-9, label).toBeGreaterThanOrEqual(out[i - start]!);
          const sharesNothing = [table.industryMasks[i]!, table.roleMasks[i]!, table.interestMasks[i]!].every((mask, kind) => (mask & selfBits[kind]!) === 0);
          if (sharesNothing) expect(apart + SLACK, label).toBeGreaterThanOrEqual(upper);
          const sharesNoIndustryOrRole = [table.industryMasks[i]!, table.roleMasks[i]!].every((mask, kind) => (mask & selfBits[kind]!) === 0);
          if (sharesNoIndustryOrRole) {
            expect(apartButInterests + SLACK, label).toBeGreaterThanOrEqual(upper);
            if (!sharesNothing) sharingOnlyInterests++;
          }
        }
      }
      for (const group of table.areaGroups) {
        bounds.group(group);
        const groupBound = bounds.bound;
        for (const t of group.trades) {
          bounds.trade(t);
          // Linked trades are bounded one by one; the group bound covers the others.
          if (bounds.linkStrength < 0) expect(groupBound + 1e-9).toBeGreaterThanOrEqual(bounds.bound);
        }
      }
    }
    // The threshold did make some bounds looser (the test would not notice a threshold that is ignored otherwise).
    expect(refinedBelowLoose).toBeGreaterThan(0);
    // Members sharing only an interest were met (the bound for them was tested).
    expect(sharingOnlyInterests).toBeGreaterThan(0);
  });

  it('bound many members in one call as in small pieces (the refinement scratch grows past its first size)', () => {
    const compiled = compileConfig(DEFAULT_SCORING_CONFIG, compiler);
    const side = new SelfTradeSide(table, compiler);
    const self = table.members[0]!;
    const bounds = new PartnerScoreBounds(self, compiled, table, compiler, masks, side.of(self.trade));
    bounds.trade(0);
    const n = table.members.length;
    const list = Int32Array.from({ length: n }, (_, k) => n - 1 - k);
    const whole = new Float64Array(n);
    bounds.members(list, 0, n, whole);
    const pieces = new Float64Array(n);
    for (let from = 0; from < n; from += 50) bounds.members(list, from, Math.min(n, from + 50), pieces.subarray(from));
    expect(Array.from(whole)).toEqual(Array.from(pieces));
    // More members were refined with their contact rows than the scratch first holds (256).
    const loose = new Float64Array(n);
    bounds.threshold = Infinity;
    bounds.members(list, 0, n, loose);
    expect(loose.filter((bound, k) => bound !== whole[k]).length).toBeGreaterThan(256);
  });

  it('find the members sharing an industry, contact role or interest bit with self, and the others; a trade’s masks tell whether any does', () => {
    const compiled = compileConfig(DEFAULT_SCORING_CONFIG, compiler);
    const side = new SelfTradeSide(table, compiler);
    const into = new Int32Array(table.members.length);
    let sharing = 0;
    let apart = 0;
    let sharingInterestsOnly = 0;
    let tradesWithoutSharing = 0;
    for (let n = 0; n < 20; n++) {
      const self = table.members[random.int(table.members.length)]!;
      const bounds = new PartnerScoreBounds(self, compiled, table, compiler, masks, side.of(self.trade));
      const selfMasks = [masks.mask('industry', self.industries.ids), masks.mask('role', self.roles.ids), masks.mask('interest', self.interests)];
      for (let t = 0; t < table.trades.length; t++) {
        const start = table.memberStart[t]!;
        const end = table.memberStart[t + 1]!;
        const expected: number[] = [];
        for (let i = start; i < end; i++) {
          const shares = [table.industryMasks[i]!, table.roleMasks[i]!, table.interestMasks[i]!].some((mask, kind) => (mask & selfMasks[kind]!) !== 0);
          if (shares) expected.push(i);
        }
        const count = bounds.sharingOf(start, end, into);
        expect(Array.from(into.subarray(0, count))).toEqual(expected);
        // Without interests: those sharing an industry or contact role.
        const withoutInterests = bounds.sharingOf(start, end, into, true, false);
        const expectedWithout = expected.filter((i) => (table.industryMasks[i]! & selfMasks[0]!) !== 0 || (table.roleMasks[i]! & selfMasks[1]!) !== 0);
        expect(Array.from(into.subarray(0, withoutInterests))).toEqual(expectedWithout);
        sharingInterestsOnly += count - withoutInterests;
        // The trade's masks tell, without its records, whether any member shares (the search passes over the others).
        expect(bounds.sharesAny(t, true)).toBe(count > 0);
        expect(bounds.sharesAny(t, false)).toBe(withoutInterests > 0);
        if (withoutInterests === 0) tradesWithoutSharing++;
        const others = bounds.sharingOf(start, end, into, false);
        expect(Array.from(into.subarray(0, others))).toEqual(Array.from({ length: end - start }, (_, k) => start + k).filter((i) => !expected.includes(i)));
        sharing += count;
        apart += others;
      }
    }
    // Both kinds of member were met.
    expect(sharing).toBeGreaterThan(100);
    expect(apart).toBeGreaterThan(100);
    expect(sharingInterestsOnly).toBeGreaterThan(10);
    expect(tradesWithoutSharing).toBeGreaterThan(10);
  });
});

describe('the region part of a member bound', () => {
  it('follows the member’s place: the same region as self, the same area, the same country, another country', () => {
    // Each member of a sample, cloned into self's region, another region of self's area, another
    // region of self's country and another country: the clones differ only there, so their bounds
    // must fall in that order (a record's place turned into the wrong region state would tie them,
    // or fall below a score, which the test above catches).
    const regions = generated.map((m) => m.vector.region).filter((r) => r !== null);
    // Self: a member whose region has another region in its area, another area in its country and another country.
    const placesOf = (region: NonNullable<(typeof regions)[number]>) => [
      region,
      regions.find((r) => r.area === region.area && r.key !== region.key),
      regions.find((r) => r.country === region.country && r.area !== region.area),
      regions.find((r) => r.country !== region.country),
    ];
    const self = generated.find((m) => m.vector.region?.country && placesOf(m.vector.region).every(Boolean))!;
    expect(self).toBeDefined();
    const places = placesOf(self.vector.region!).map((r) => r!);
    const sample = generated.filter((m) => m.id !== self.id).slice(0, 60);
    const clones = sample.flatMap((m) => places.map((place, k) => ({ ...m, id: `${m.id}-${k}`, vector: { ...m.vector, region: place } })));
    const compiler = new MemberCompiler(knowledge);
    const masks = new MaskBits();
    const table = new PackedTrades([self, ...clones].map((m) => compiler.compile(m)), compiler, masks, knowledge);
    const selfCompiled = table.members.find((c) => c.id === self.id)!;
    const bounds = new PartnerScoreBounds(selfCompiled, compileConfig(DEFAULT_SCORING_CONFIG, compiler), table, compiler, masks, new SelfTradeSide(table, compiler).of(selfCompiled.trade));
    bounds.threshold = -Infinity;
    const boundOf = new Map<string, number>();
    const out = new Float64Array(table.members.length);
    for (let t = 0; t < table.trades.length; t++) {
      bounds.trade(t);
      const start = table.memberStart[t]!;
      bounds.members(null, start, table.memberStart[t + 1]!, out);
      for (let i = start; i < table.memberStart[t + 1]!; i++) boundOf.set(table.members[i]!.id, out[i - start]!);
    }
    for (const m of sample) {
      const ordered = places.map((_, k) => boundOf.get(`${m.id}-${k}`)!);
      for (let k = 1; k < ordered.length; k++) expect(ordered[k - 1], `${m.id}, place ${k}`).toBeGreaterThan(ordered[k]!);
    }
  });
});
