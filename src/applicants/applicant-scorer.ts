/**
 * Scoring the applicants of one network: in this thread, or on a pool of worker
 * threads so that both cores score while the main thread reads and writes the
 * database. A task is one network (its members and the applicants to it), so the
 * network's "who has a good partner today" memory is built once per task. The
 * result does not depend on which thread scored it.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assessApplicant, NetworkContext, type ApplicantResult, type BatchRival, type NetworkPolicy } from '../core/applicants/applicant-assessment.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';

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

export interface ApplicantScorer {
  score(task: NetworkTask): Promise<ScoredLine[]>;
  close(): Promise<void>;
}

export function scoreNetworkTask(task: NetworkTask, knowledge: EngineKnowledge, config: ScoringConfig): ScoredLine[] {
  const parse = (m: TaskMember): ScoredMember => ({ id: m.id, network: m.network, name: m.name, vector: JSON.parse(m.vectorJson) as MemberVector });
  const context = { knowledge };
  const network = new NetworkContext(task.network, task.policy, task.members.map(parse), context, config);
  return task.applicants.map(({ line, applicant, rivals }) => ({ line, result: assessApplicant(parse(applicant), network, rivals, context, config) }));
}

export function inThreadScorer(knowledge: EngineKnowledge, config: ScoringConfig): ApplicantScorer {
  return {
    score: async (task) => scoreNetworkTask(task, knowledge, config),
    close: async () => {},
  };
}

/** Worker threads used for large batches: one per core (their start-up, about a second, pays off from a few hundred applicants). */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export function workerScorerPool(size: number, config: ScoringConfig): ApplicantScorer {
  interface Slot {
    readonly worker: Worker;
    busy: number;
  }
  const pending = new Map<number, { resolve: (r: ScoredLine[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./applicant-worker-entry.mjs', import.meta.url), { workerData: { config } });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (message: { id: number; results?: ScoredLine[]; error?: string }) => {
      slot.busy--;
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) p?.reject(new Error(`scoring applicants failed: ${message.error}`));
      else p?.resolve(message.results!);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`an applicant scoring worker stopped (exit code ${code})`));
    });
    return slot;
  });
  return {
    score(task) {
      if (failure) return Promise.reject(failure);
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy++;
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, task });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
