/**
 * Vectorising on a worker thread, with the same result as in-thread vectorising.
 * Used by ingest for large files; small files do not pay the worker's start-up.
 */
import { Worker } from 'node:worker_threads';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';
import { vectorizeMember } from '../core/vectors/member-vectorizer.ts';

export interface Vectorizer {
  vectorize(profiles: readonly MemberProfile[]): Promise<MemberVector[]>;
  close(): Promise<void>;
}

export function inThreadVectorizer(knowledge: EngineKnowledge): Vectorizer {
  return {
    vectorize: async (profiles) => profiles.map((p) => vectorizeMember(p, knowledge)),
    close: async () => {},
  };
}

export function workerVectorizer(): Vectorizer {
  const worker = new Worker(new URL('./vectorize-worker-entry.mjs', import.meta.url));
  const pending = new Map<number, { resolve: (v: MemberVector[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  worker.on('message', (message: { id: number; vectors?: MemberVector[]; error?: string }) => {
    const slot = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) slot?.reject(new Error(`vectorising failed: ${message.error}`));
    else slot?.resolve(message.vectors!);
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const slot of pending.values()) slot.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (code !== 0) failAll(new Error(`the vectorise worker stopped (exit code ${code})`));
  });
  return {
    vectorize(profiles) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, profiles });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
