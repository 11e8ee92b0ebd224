/**
 * Where the CPU-heavy part of a scoring job runs: in this thread (the CLI: one job per
 * process), or on a pool of worker threads (the HTTP server: the event loop stays free
 * while a suggestion, a report or a competitor scan is computed). The members a job
 * scores are a *scope* (one network, or all) at a *generation*: the programmatic API
 * bumps the generation on every write, and a worker keeps a copy of a scope until its
 * generation is old. Both engines run the same pure functions, so their answers are
 * the same.
 */
import type { ReasonLanguage } from '../core/reasons/reason-phrases.ts';
import type { CurrencyCode } from '../core/money/exchange-rates.ts';
import { availableParallelism } from 'node:os';
import { findCompetitorPairs, type CompetitorPair } from '../core/competition/competitor-pairs.ts';
import { detectCompetition, DIRECT_OVERLAP, serviceOverlapValue } from '../core/competition/competitor-detector.ts';
import type { ActivityEvidence } from '../core/activity/pair-evidence.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { CompiledPool } from '../core/ranking/compiled-pool.ts';
import { rankPartners, type Purpose, type RankedPartner } from '../core/ranking/partner-ranker.ts';
import { buildNetworkReport, type NetworkReport } from '../core/report/network-report.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { createWorkerPool } from '../workers/worker-pool.ts';
import { suggestionsView, type SuggestionsView } from './partner-views.ts';

export interface Scope {
  /** A network id, or `*` for all members. */
  readonly key: string;
  readonly generation: number;
  readonly members: readonly ScoredMember[];
}

export interface SuggestionTask {
  readonly self: ScoredMember;
  readonly purpose: Purpose;
  readonly top: number;
  /** Candidates already narrowed (an ANN stage for huge pools); default: the whole scope. */
  readonly candidateIds?: readonly string[];
  /** For the member's own eyes (an HTTP member key): reasons leave out what partners rated or referred. */
  readonly withoutPartnersActivity?: boolean;
  /** The reasons' language (default: the member's own). */
  readonly language?: ReasonLanguage;
  /** The currency of the reasons' amounts (default: the one of the member's country). */
  readonly currency?: CurrencyCode;
}

/** Facts that tell one member what another did: their meeting ratings, their referrals and values. */
const PARTNERS_ACTIVITY = new Set(['one-to-ones', 'referral-record']);

export type SuggestionsResult = SuggestionsView & { readonly excludedCompetitors: readonly string[] };

export interface ScoringEngine {
  suggestions(scope: Scope, task: SuggestionTask): Promise<SuggestionsResult>;
  competitorPairs(scope: Scope, onlyMember?: string): Promise<CompetitorPair[]>;
  networkReport(scope: Scope, network: string): Promise<NetworkReport>;
  close(): Promise<void>;
}

/** A scope's members by id, and compiled for the exact fast ranking: made once per scope object (a scope is never changed). */
const prepared = new WeakMap<Scope, { readonly byId: ReadonlyMap<string, ScoredMember>; pool?: CompiledPool }>();
function prepare(scope: Scope) {
  let entry = prepared.get(scope);
  if (!entry) prepared.set(scope, (entry = { byId: new Map(scope.members.map((m) => [m.id, m])) }));
  return entry;
}

/** The pure computations, shared by both engines. */
export function computeSuggestions(scope: Scope, task: SuggestionTask, knowledge: EngineKnowledge, config: ScoringConfig, activity?: ActivityEvidence): SuggestionsResult {
  const scopeData = prepare(scope);
  const byId = scopeData.byId;
  const context = { knowledge, activity };
  const rank = { purpose: task.purpose, top: task.top };
  let ranked: RankedPartner[];
  let excluded: string[];
  if (task.purpose === 'referral' && !task.candidateIds && CompiledPool.usable(context, config)) {
    // Every member ranked by the compiled scorer (the full scorer's scores); the best few
    // scored again in full for their reasons. Direct competitors are left out and named.
    scopeData.pool ??= new CompiledPool(scope.members, knowledge);
    const found = scopeData.pool.referrals(task.self, config, task.top);
    ranked = rankPartners(task.self, found.best.map((p) => p.member), context, config, rank);
    excluded = found.directCompetitors.map((m) => m.id);
  } else {
    const pool = task.candidateIds ? task.candidateIds.map((id) => byId.get(id)).filter((m): m is ScoredMember => m !== undefined) : scope.members;
    ranked = rankPartners(task.self, pool, context, config, rank);
    // Direct competitors are never referral partners; say who was left out.
    excluded =
      task.purpose === 'referral'
        ? // Direct needs at least the direct overlap: the cheap overlap rules out nearly every member first.
          pool.filter((m) => m.id !== task.self.id && serviceOverlapValue(task.self, m) >= DIRECT_OVERLAP && detectCompetition(task.self, m).level === 'direct').map((m) => m.id)
        : [];
  }
  if (task.withoutPartnersActivity) ranked = ranked.map((r) => ({ ...r, facts: r.facts.filter((f) => !PARTNERS_ACTIVITY.has(f.key)) }));
  return { ...suggestionsView(task.self, ranked, byId, task.purpose, config.version, knowledge, task.language, task.currency), excludedCompetitors: excluded };
}

export function inThreadEngine(knowledge: EngineKnowledge, config: () => ScoringConfig): ScoringEngine {
  return {
    suggestions: async (scope, task) => computeSuggestions(scope, task, knowledge, config()),
    competitorPairs: async (scope, onlyMember) => findCompetitorPairs(scope.members, onlyMember),
    networkReport: async (scope, network) => buildNetworkReport(network, scope.members, { knowledge }, config()),
    close: async () => {},
  };
}

/** A job for a worker, on a scope it was sent before. */
export type EngineTask =
  | { readonly kind: 'suggestions'; readonly scopeKey: string; readonly generation: number; readonly task: SuggestionTask; readonly config: ScoringConfig }
  | { readonly kind: 'competitors'; readonly scopeKey: string; readonly generation: number; readonly onlyMember?: string }
  | { readonly kind: 'report'; readonly scopeKey: string; readonly generation: number; readonly network: string; readonly config: ScoringConfig };
export type EngineRequest = { readonly kind: 'scope'; readonly scope: Scope } | EngineTask;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Drops the least recently added scopes until those left hold at most `maxMembers` (`keep` stays). */
export function trimScopes(scopes: Map<string, { readonly members: readonly unknown[] }>, maxMembers: number, keep: string): void {
  let held = 0;
  for (const s of scopes.values()) held += s.members.length;
  for (const [key, s] of scopes) {
    if (held <= maxMembers) return;
    if (key === keep) continue;
    scopes.delete(key);
    held -= s.members.length;
  }
}

/** A worker's answer when it no longer holds the scope (it keeps a bounded number); the scope is sent again. */
export const MISSING_SCOPE = 'missing scope';

export function defaultScoringThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Worker threads, each with its own copy of the scopes it was sent (sent once per
 * scope and generation). Tasks go to the least busy worker.
 */
export function workerEngine(threads: number, config: () => ScoringConfig): ScoringEngine {
  const pool = createWorkerPool<Map<string, number>>(new URL('./scoring-worker-entry.mjs', import.meta.url), threads, 'a scoring', () => new Map());
  const send = <T>(scope: Scope, request: DistributiveOmit<EngineTask, 'scopeKey' | 'generation'>, resend = false): Promise<T> =>
    pool.request<T>({ ...request, scopeKey: scope.key, generation: scope.generation }, (worker) => {
      if (resend || worker.state.get(scope.key) !== scope.generation) {
        worker.post({ kind: 'scope', scope } satisfies EngineRequest);
        worker.state.set(scope.key, scope.generation);
      }
    });
  const run = async <T>(scope: Scope, request: DistributiveOmit<EngineTask, 'scopeKey' | 'generation'>): Promise<T> => {
    try {
      return await send<T>(scope, request);
    } catch (error) {
      if (!(error as Error).message.startsWith(MISSING_SCOPE)) throw error;
      // The worker let the scope go to make room: send it again, once.
      return send<T>(scope, request, true);
    }
  };
  return {
    suggestions: (scope, task) => run(scope, { kind: 'suggestions', task, config: config() }),
    competitorPairs: (scope, onlyMember) => run(scope, { kind: 'competitors', ...(onlyMember ? { onlyMember } : {}) }),
    networkReport: (scope, network) => run(scope, { kind: 'report', network, config: config() }),
    close: () => pool.close(),
  };
}
