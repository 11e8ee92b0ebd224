/**
 * A pool of members compiled once for exact referral ranking: for one member, every
 * pool member's reciprocal score and competitor overlap in a few microseconds a pair
 * (`compiled-pair-scorer.ts`), where `rankCandidate` with the full scorer takes about
 * forty. The scores are the full scorer's, bit for bit, so the best partners are the
 * ones `rankPartners` finds; callers score the few they show again with `scorePair`
 * for the reasons. Profile scoring only: activity evidence and trained models are
 * known to the full scorer alone (`usable` says when the pool applies). Pure.
 */
import type { ScoringContext } from '../criteria/criterion.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import { MemberCompiler, type CompiledMember } from '../scoring/compiled-member.ts';
import {
  compileConfig,
  competitorOverlap,
  DIRECT_COMPETITOR,
  scoreCompiledPair,
  TradePairCache,
  type CompiledConfig,
} from '../scoring/compiled-pair-scorer.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { TopK } from './top-k.ts';

export { DIRECT_COMPETITOR };

export interface PoolPartner {
  readonly member: ScoredMember;
  readonly score: number;
}

export interface PoolReferrals {
  /** The best partners, best first, ties by id (as `rankPartners` orders them). */
  readonly best: readonly PoolPartner[];
  /** Every direct competitor in the pool, in pool order. */
  readonly directCompetitors: readonly ScoredMember[];
}

/** Worse first (a `TopK` comparator): lower score, then the larger id, as `compareRanked`. */
export const byScoreThenId = (a: PoolPartner, b: PoolPartner) => a.score - b.score || (a.member.id < b.member.id ? 1 : a.member.id > b.member.id ? -1 : 0);

export class CompiledPool {
  readonly #compiler: MemberCompiler;
  readonly #compiled: CompiledMember[];
  readonly #byId: Map<string, CompiledMember>;
  readonly #pairs: TradePairCache;
  readonly #configs = new WeakMap<ScoringConfig, CompiledConfig>();

  constructor(
    readonly members: readonly ScoredMember[],
    knowledge: EngineKnowledge,
  ) {
    this.#compiler = new MemberCompiler(knowledge);
    this.#pairs = new TradePairCache(knowledge);
    this.#compiled = members.map((m) => this.#compiler.compile(m));
    this.#byId = new Map(this.#compiled.map((c) => [c.id, c]));
  }

  /** Whether pool scores equal the full scorer's under this context and config (no evidence, no trained model). */
  static usable(context: ScoringContext, config: ScoringConfig): boolean {
    return !context.activity && !config.model;
  }

  /**
   * Calls `visit` for every pool member but self with its referral score for self
   * (`DIRECT_COMPETITOR` for a direct competitor) and the competitor overlap
   * (`Competition.overlap` before rounding).
   */
  scan(self: ScoredMember, config: ScoringConfig, visit: (other: ScoredMember, score: number, overlap: number) => void): void {
    const compiledConfig = this.#config(config);
    const me = this.#compile(self);
    for (const other of this.#compiled) {
      if (other.id === me.id) continue;
      const overlap = competitorOverlap(me, other);
      visit(other.member, scoreCompiledPair(me, other, this.#pairs.get(me.trade, other.trade), overlap, compiledConfig), overlap);
    }
  }

  /** The best `top` referral partners of self in the pool, and every direct competitor (left out of them). */
  referrals(self: ScoredMember, config: ScoringConfig, top: number): PoolReferrals {
    const best = new TopK<PoolPartner>(top, byScoreThenId);
    const directCompetitors: ScoredMember[] = [];
    this.scan(self, config, (member, score) => {
      if (score === DIRECT_COMPETITOR) directCompetitors.push(member);
      else best.push({ member, score });
    });
    return { best: best.sorted(), directCompetitors };
  }

  /** Whether `member` (of the pool) has a partner in the pool at or above `threshold`; stops at the first. */
  hasPartnerAbove(member: ScoredMember, config: ScoringConfig, threshold: number): boolean {
    const compiledConfig = this.#config(config);
    const me = this.#compile(member);
    for (const other of this.#compiled) {
      if (other.id === me.id) continue;
      const pair = this.#pairs.get(me.trade, other.trade);
      // With overlap 0 the score is an upper bound: most pairs are settled without the word comparison.
      if (scoreCompiledPair(me, other, pair, 0, compiledConfig) < threshold) continue;
      const score = scoreCompiledPair(me, other, pair, competitorOverlap(me, other), compiledConfig);
      if (score !== DIRECT_COMPETITOR && score >= threshold) return true;
    }
    return false;
  }

  #compile(member: ScoredMember): CompiledMember {
    const known = this.#byId.get(member.id);
    return known?.member === member ? known : this.#compiler.compile(member);
  }

  #config(config: ScoringConfig): CompiledConfig {
    let compiled = this.#configs.get(config);
    if (!compiled) this.#configs.set(config, (compiled = compileConfig(config, this.#compiler)));
    return compiled;
  }
}
