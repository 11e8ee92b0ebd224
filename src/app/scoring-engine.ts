/**
 * Where the CPU-heavy part of a scoring job runs: in this thread (the CLI: one job per
 * process), or on a pool of worker threads (the HTTP server: the event loop stays free
 * while a suggestion, a report or a competitor scan is computed). The members a job
 * scores are a *scope* (one network, or all) at a *generation*: the programmatic API
 * bumps the generation on every write, and a worker keeps a copy of a scope until its
 * generation is old. Both engines run the same pure functions, so their answers are
 * the same.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { findCompetitorPairs, type CompetitorPair } from '../core/competition/competitor-pairs.ts';
import { detectCompetition } from '../core/competition/competitor-detector.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { rankPartners, type Purpose } from '../core/ranking/partner-ranker.ts';
import { buildNetworkReport, type NetworkReport } from '../core/report/network-report.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
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
}

export type SuggestionsResult = SuggestionsView & { readonly excludedCompetitors: readonly string[] };

export interface ScoringEngine {
  suggestions(scope: Scope, task: SuggestionTask): Promise<SuggestionsResult>;
  competitorPairs(scope: Scope, onlyMember?: string): Promise<CompetitorPair[]>;
  networkReport(scope: Scope, network: string): Promise<NetworkReport>;
  close(): Promise<void>;
}

/** The pure computations, shared by both engines. */
export function computeSuggestions(scope: Scope, task: SuggestionTask, knowledge: EngineKnowledge, config: ScoringConfig): SuggestionsResult {
  const byId = new Map(scope.members.map((m) => [m.id, m]));
  const pool = task.candidateIds ? task.candidateIds.map((id) => byId.get(id)).filter((m): m is ScoredMember => m !== undefined) : scope.members;
  const context = { knowledge };
  const ranked = rankPartners(task.self, pool, context, config, { purpose: task.purpose, top: task.top });
  // Direct competitors are never referral partners; say who was left out.
  const excluded =
    task.purpose === 'referral' ? pool.filter((m) => m.id !== task.self.id && detectCompetition(task.self, m).level === 'direct').map((m) => m.id) : [];
  return { ...suggestionsView(task.self, ranked, byId, task.purpose, config.version, knowledge), excludedCompetitors: excluded };
}

export function inThreadEngine(knowledge: EngineKnowledge, config: () => ScoringConfig): ScoringEngine {
  return {
    suggestions: async (scope, task) => computeSuggestions(scope, task, knowledge, config()),
    competitorPairs: async (scope, onlyMember) => findCompetitorPairs(scope.members, onlyMember),
    networkReport: async (scope, network) => buildNetworkReport(network, scope.members, { knowledge }, config()),
    close: async () => {},
  };
}

export type EngineRequest =
  | { readonly kind: 'scope'; readonly scope: Scope }
  | { readonly kind: 'suggestions'; readonly id: number; readonly scopeKey: string; readonly generation: number; readonly task: SuggestionTask; readonly config: ScoringConfig }
  | { readonly kind: 'competitors'; readonly id: number; readonly scopeKey: string; readonly generation: number; readonly onlyMember?: string }
  | { readonly kind: 'report'; readonly id: number; readonly scopeKey: string; readonly generation: number; readonly network: string; readonly config: ScoringConfig };

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
  interface Slot {
    readonly worker: Worker;
    busy: number;
    readonly scopes: Map<string, number>;
  }
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const slots: Slot[] = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./scoring-worker-entry.mjs', import.meta.url));
    const slot: Slot = { worker, busy: 0, scopes: new Map() };
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      slot.busy--;
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) p?.reject(new Error(message.error));
      else p?.resolve(message.value);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`a scoring worker stopped (exit code ${code})`));
    });
    // Workers must not keep a finished process alive.
    worker.unref();
    return slot;
  });
  const run = async <T>(scope: Scope, request: (id: number) => EngineRequest): Promise<T> => {
    try {
      return await send<T>(scope, request);
    } catch (error) {
      if (!(error as Error).message.startsWith(MISSING_SCOPE)) throw error;
      // The worker let the scope go to make room: send it again, once.
      for (const slot of slots) slot.scopes.delete(scope.key);
      return send<T>(scope, request);
    }
  };
  const send = <T>(scope: Scope, request: (id: number) => EngineRequest): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (slot.scopes.get(scope.key) !== scope.generation) {
      slot.worker.postMessage({ kind: 'scope', scope } satisfies EngineRequest);
      slot.scopes.set(scope.key, scope.generation);
    }
    const id = next++;
    slot.busy++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      slot.worker.postMessage(request(id));
    });
  };
  return {
    suggestions: (scope, task) => run(scope, (id) => ({ kind: 'suggestions', id, scopeKey: scope.key, generation: scope.generation, task, config: config() })),
    competitorPairs: (scope, onlyMember) =>
      run(scope, (id) => ({ kind: 'competitors', id, scopeKey: scope.key, generation: scope.generation, ...(onlyMember ? { onlyMember } : {}) })),
    networkReport: (scope, network) => run(scope, (id) => ({ kind: 'report', id, scopeKey: scope.key, generation: scope.generation, network, config: config() })),
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
