/**
 * Scoring the applicants of one network: in this thread, or on a pool of worker
 * threads so that both cores score while the main thread reads and writes the
 * database. A task is one network (its members and the applicants to it), so the
 * network's "who has a good partner today" memory is built once per task. The
 * result does not depend on which thread scored it.
 */
import { availableParallelism } from 'node:os';
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import { createWorkerPool } from '../workers/worker-pool.ts';
import { assessApplicant, NetworkContext, type ApplicantResult, type BatchRival, type NetworkPolicy } from '../core/applicants/applicant-assessment.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import { vectorizeMember } from '../core/vectors/member-vectorizer.ts';

/** Members and applicants cross threads with their vectors as JSON text: cheaper to send, parsed where they are scored. */
export interface TaskMember {
  readonly id: string;
  readonly network: string | null;
  readonly name: string;
  readonly vectorJson: string;
}

export interface NetworkTask {
  readonly network: string;
  readonly policy: NetworkPolicy;
  readonly members: readonly TaskMember[];
  readonly applicants: readonly { readonly line: number; readonly applicant: TaskMember; readonly rivals: readonly BatchRival[] }[];
}

export interface ScoredLine {
  readonly line: number;
  readonly result: ApplicantResult;
}

/** A competitor pair among the applicants of one network. */
export interface RivalPair {
  readonly a: string;
  readonly b: string;
  readonly level: 'direct' | 'partial';
  readonly score: number;
  readonly sharedServices: readonly string[];
}

export interface ApplicantScorer {
  /** Understands applicants' profiles (what ingest does for members), on a worker when there are workers. */
  vectorize(profiles: readonly MemberProfile[]): Promise<MemberVector[]>;
  score(task: NetworkTask): Promise<ScoredLine[]>;
  /** Competitor pairs among applicants to one network (two applicants for one seat). */
  pair(applicants: readonly TaskMember[]): Promise<RivalPair[]>;
  close(): Promise<void>;
}

function parseMember(m: TaskMember): ScoredMember {
  return { id: m.id, network: m.network, name: m.name, vector: JSON.parse(m.vectorJson) as MemberVector };
}

export function scoreNetworkTask(task: NetworkTask, knowledge: EngineKnowledge, config: ScoringConfig): ScoredLine[] {
  const context = { knowledge };
  const network = new NetworkContext(task.network, task.policy, task.members.map(parseMember), context, config);
  return task.applicants.map(({ line, applicant, rivals }) => ({ line, result: assessApplicant(parseMember(applicant), network, rivals, context, config) }));
}

export function pairApplicants(applicants: readonly TaskMember[]): RivalPair[] {
  return findCompetitorPairs(applicants.map(parseMember)).map((p) => ({
    a: p.a,
    b: p.b,
    level: p.competition.level as 'direct' | 'partial',
    score: p.competition.score,
    sharedServices: p.competition.sharedServices,
  }));
}

export function inThreadScorer(knowledge: EngineKnowledge, config: ScoringConfig): ApplicantScorer {
  return {
    vectorize: async (profiles) => profiles.map((p) => vectorizeMember(p, knowledge)),
    score: async (task) => scoreNetworkTask(task, knowledge, config),
    pair: async (applicants) => pairApplicants(applicants),
    close: async () => {},
  };
}

/** Worker threads used for large batches: one per core (their start-up, about a second, pays off from a few hundred applicants). */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function workerScorerPool(size: number, config: ScoringConfig): ApplicantScorer {
  const pool = createWorkerPool<null>(new URL('./applicant-worker-entry.mjs', import.meta.url), size, 'an applicant scoring', () => null, { config });
  return {
    vectorize: (profiles) => pool.request<MemberVector[]>({ kind: 'vectorize', profiles }),
    score: (task) => pool.request<ScoredLine[]>({ kind: 'score', task }),
    pair: (applicants) => pool.request<RivalPair[]>({ kind: 'pair', applicants }),
    close: () => pool.close(),
  };
}
