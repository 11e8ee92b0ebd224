/**
 * Replaying a ledger in time order to measure rankings: for every held-out period,
 * each member who closed business in it gets their partners ranked with only what
 * was known before the period began (evidence from earlier activity); precision@k,
 * NDCG@k and MRR are measured against the partners they actually closed business
 * with. Rankers are plain functions, so the default weights, a trained model and
 * the TF-IDF baseline are compared on exactly the same queries.
 */
import type { Activity } from '../activity/activity.ts';
import { EvidenceAccumulator, DEFAULT_EVIDENCE_OPTIONS, type EvidenceOptions } from '../activity/pair-evidence.ts';
import type { ScoringContext } from '../criteria/criterion.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import { ledgerPeriods } from '../learning/ledger-periods.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import { ndcgAtK, precisionAtK, reciprocalRank } from './ranking-metrics.ts';

export interface ReplayRanker {
  readonly name: string;
  /** Candidate ids, best first (candidates never include self). */
  rank(self: ScoredMember, candidates: readonly ScoredMember[], context: ScoringContext): readonly string[];
}

export interface ReplayOptions {
  readonly periodDays: number;
  /** The first held-out period; earlier periods only feed evidence. */
  readonly fromPeriod: number;
  readonly k: number;
  readonly evidence?: EvidenceOptions;
}

export interface RankerScores {
  readonly precisionAtK: number;
  readonly ndcgAtK: number;
  readonly mrr: number;
}

export interface ReplayResult {
  readonly periods: number;
  readonly heldOutPeriods: number;
  /** Member-periods evaluated (members who closed business in a held-out period). */
  readonly queries: number;
  readonly k: number;
  readonly rankers: Readonly<Record<string, RankerScores>>;
}

export function replayLedger(
  members: readonly ScoredMember[],
  activities: readonly Activity[],
  knowledge: EngineKnowledge,
  rankers: readonly ReplayRanker[],
  options: ReplayOptions,
): ReplayResult {
  const byId = new Map(members.map((m) => [m.id, m]));
  const byNetwork = new Map<string, ScoredMember[]>();
  for (const m of members) {
    const list = byNetwork.get(m.network ?? '') ?? [];
    list.push(m);
    byNetwork.set(m.network ?? '', list);
  }
  const periods = ledgerPeriods(activities, options.periodDays);
  const accumulator = new EvidenceAccumulator(options.evidence ?? DEFAULT_EVIDENCE_OPTIONS);
  const sums = new Map(rankers.map((r) => [r.name, { precisionAtK: 0, ndcgAtK: 0, mrr: 0 }]));
  let queries = 0;
  for (const period of periods) {
    if (period.index >= options.fromPeriod) {
      const context: ScoringContext = { knowledge, activity: accumulator.view(period.startDay) };
      for (const [id, partners] of [...period.closed].sort((a, b) => a[0].localeCompare(b[0]))) {
        const self = byId.get(id);
        if (!self) continue;
        const candidates = (byNetwork.get(self.network ?? '') ?? []).filter((m) => m.id !== id);
        const relevant = new Set([...partners].filter((p) => candidates.some((c) => c.id === p)));
        if (relevant.size === 0) continue;
        queries++;
        for (const ranker of rankers) {
          const ranked = ranker.rank(self, candidates, context);
          const s = sums.get(ranker.name)!;
          s.precisionAtK += precisionAtK(ranked, relevant, options.k);
          s.ndcgAtK += ndcgAtK(ranked, relevant, options.k);
          s.mrr += reciprocalRank(ranked, relevant);
        }
      }
    }
    accumulator.addAll(period.activities);
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const results: Record<string, RankerScores> = {};
  for (const [name, s] of sums) {
    results[name] = queries > 0 ? { precisionAtK: round(s.precisionAtK / queries), ndcgAtK: round(s.ndcgAtK / queries), mrr: round(s.mrr / queries) } : { precisionAtK: 0, ndcgAtK: 0, mrr: 0 };
  }
  return { periods: periods.length, heldOutPeriods: Math.max(0, periods.length - options.fromPeriod), queries, k: options.k, rankers: results };
}
