/**
 * Exact best-partner search over many members without scoring them all. Members are
 * grouped by trade (service concepts and business areas). For one member (self),
 * trades linked to self's services, and groups of the other trades by main business
 * area, get an upper bound of the referral score any of their members can reach
 * (`partner-score-bounds.ts`); they are visited best bound first, and the search
 * stops when nothing left can beat the current k-th best. Within a trade, a cheap
 * member bound skips most members; the rest are scored exactly
 * (`compiled-pair-scorer.ts`, the competitor overlap only when the score without it
 * could still enter). The result is the exact top-k: the same members, scores and
 * order as `rankPartners` over every member. Pure.
 */
import type { EngineKnowledge } from '../knowledge.ts';
import { MemberCompiler, type CompiledMember } from '../scoring/compiled-member.ts';
import {
  compileConfig,
  competitorOverlap,
  DIRECT_COMPETITOR,
  scoreCompiledPair,
  tradePair,
  type CompiledConfig,
  type TradePair,
} from '../scoring/compiled-pair-scorer.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { BestK } from './best-partners.ts';
import { MaskBits, PackedTrades, POSTING_SLOTS } from './packed-trades.ts';
import { PartnerScoreBounds } from './partner-score-bounds.ts';

export interface ExactPartnerResult {
  /** Best first, ties by id as `rankPartners` breaks them. */
  readonly partners: readonly { readonly member: ScoredMember; readonly score: number }[];
  /** Direct competitors met while searching (left out of referral suggestions). */
  readonly directCompetitors: readonly ScoredMember[];
  /** Members whose member bound was computed, members scored exactly (with and without the competitor overlap); the rest were ruled out by trade bounds. */
  readonly bounded: number;
  readonly scored: number;
  readonly overlaps: number;
  /** Trades searched through their posting lists. */
  readonly postingSearches: number;
}

export interface ExactPartnerIndex {
  readonly size: number;
  /** The best `top` referral partners of `self` among the indexed members (self excluded). */
  best(self: ScoredMember, top: number, config: ScoringConfig): ExactPartnerResult;
}

/** Scores are rounded to 0.001, and each criterion too: bounds get this much slack. */
const BOUND_SLACK = 0.004;
export interface ExactPartnerIndexOptions {
  /** Trades with at least this many members use their posting lists when they can (default 24; tests lower it). */
  readonly postingMin?: number;
}

export function buildExactPartnerIndex(members: readonly ScoredMember[], knowledge: EngineKnowledge, options: ExactPartnerIndexOptions = {}): ExactPartnerIndex {
  const postingMin = options.postingMin ?? 24;
  const compiler = new MemberCompiler(knowledge);
  const masks = new MaskBits();
  // Compiled in trade order, so a trade's members lie together in memory: a search
  // reads them one trade at a time, and scattered reads cost several times more.
  const tradeIds = members.map((m) => compiler.trade(m).id);
  const byTrade = members.map((_, i) => i).sort((a, b) => tradeIds[a]! - tradeIds[b]! || a - b);
  const compiled = byTrade.map((i) => compiler.compile(members[i]!));
  const compiledById = new Map<string, CompiledMember>(compiled.map((c) => [c.id, c]));
  const table = new PackedTrades(compiled, compiler, masks, knowledge);
  const configs = new WeakMap<ScoringConfig, CompiledConfig>();
  // Trades already bounded one by one in the current search (stamped with its number).
  const linkedMark = new Uint32Array(table.trades.length);
  let memberBounds = new Float64Array(1024);
  let sharing = new Int32Array(1024);
  const stamps = new Uint32Array(table.members.length);
  let stamp = 0;
  /** Members of trade t with a bit of self's masks, into `sharing`; their count. */
  let selfBits: number[] = [];
  const sharingMembers = (t: number, mark: number): number => {
    let count = 0;
    for (const slot of selfBits) {
      const base = t * POSTING_SLOTS + slot;
      for (let p = table.postingStart[base]!, end = table.postingStart[base + 1]!; p < end; p++) {
        const i = table.postingMembers[p]!;
        if (stamps[i] === mark) continue;
        stamps[i] = mark;
        sharing[count++] = i;
      }
    }
    return count;
  };
  let searches = 0;

  return {
    size: members.length,
    best(selfMember, top, config) {
      let compiledConfig = configs.get(config);
      if (!compiledConfig) configs.set(config, (compiledConfig = compileConfig(config, compiler)));
      const indexed = compiledById.get(selfMember.id);
      const self = indexed?.member === selfMember ? indexed : compiler.compile(selfMember);
      const bounds = new PartnerScoreBounds(self, compiledConfig, table, compiler, masks);
      selfBits = [masks.mask('industry', self.industries.ids), masks.mask('role', self.roles.ids), masks.mask('interest', self.interests)].flatMap((mask, kind) =>
        Array.from({ length: 32 }, (_, bit) => bit).filter((bit) => mask & (1 << bit)).map((bit) => kind * 32 + bit),
      );
      const best = new BestK(top);
      const directCompetitors: ScoredMember[] = [];
      let bounded = 0;
      let scored = 0;
      let overlaps = 0;
      let postingSearches = 0;

      // Entries: trades linked to self's services (index ≥ 0), and area groups of the rest (-1 - group).
      const search = ++searches;
      const entries: number[] = [];
      const entryBounds: number[] = [];
      for (const concept of bounds.linkedConcepts) {
        for (const t of table.postings[concept] ?? []) {
          if (linkedMark[t] === search) continue;
          linkedMark[t] = search;
          entries.push(t);
          entryBounds.push(bounds.trade(t));
        }
      }
      table.areaGroups.forEach((group, g) => {
        entries.push(-1 - g);
        entryBounds.push(bounds.group(group));
      });
      const order = new Uint32Array(entries.length).map((_, i) => i).sort((a, b) => entryBounds[b]! - entryBounds[a]!);

      const scan = (t: number) => {
        let pair: TradePair | null = null;
        const strength = bounds.linkStrength;
        const start = table.memberStart[t]!;
        const end = table.memberStart[t + 1]!;
        if (memberBounds.length < end - start) {
          memberBounds = new Float64Array(end - start);
          sharing = new Int32Array(end - start);
        }
        // In a large trade, when members sharing nothing with self cannot make it, only those sharing something are bounded.
        let count = end - start;
        let list: Int32Array | null = null;
        if (count >= postingMin && bounds.apart() + BOUND_SLACK < best.threshold) {
          count = sharingMembers(t, ++stamp);
          list = sharing;
          postingSearches++;
        }
        bounded += count;
        bounds.members(list, list ? 0 : start, list ? count : end, memberBounds);
        for (let k = 0; k < count; k++) {
          if (memberBounds[k]! + BOUND_SLACK < best.threshold) continue;
          const other = table.members[list ? list[k]! : start + k]!;
          if (other.id === self.id) continue;
          pair ??= tradePair(self.trade, other.trade, strength);
          const upper = scoreCompiledPair(self, other, pair, 0, compiledConfig);
          scored++;
          if (!best.admits(upper, other.id)) continue;
          overlaps++;
          const overlap = competitorOverlap(self, other);
          const score = overlap === 0 ? upper : scoreCompiledPair(self, other, pair, overlap, compiledConfig);
          if (score === DIRECT_COMPETITOR) directCompetitors.push(other.member);
          else best.push(score, other);
        }
      };
      for (const e of order) {
        if (entryBounds[e]! + BOUND_SLACK < best.threshold) break;
        const entry = entries[e]!;
        if (entry >= 0) {
          bounds.trade(entry);
          scan(entry);
          continue;
        }
        for (const t of table.areaGroups[-1 - entry]!.trades) {
            if (linkedMark[t] === search) continue;
          if (bounds.trade(t) + BOUND_SLACK < best.threshold) continue;
          scan(t);
        }
      }
      return { partners: best.sorted().map(([score, m]) => ({ member: m.member, score })), directCompetitors, bounded, scored, overlaps, postingSearches };
    },
  };
}
