/**
 * Network-wide all-pairs work: for every member, the top-k referral partners among
 * all others, on all five criteria. Rows are processed in tiles by one worker thread
 * per core, never holding an N×N matrix; results stream out through `onResult` as
 * tiles finish. `exact` (default): each row from the exact partner index, the same as
 * scoring every pair. `embedding`: candidates from a tiled embedding product on
 * TensorFlow.js (one WASM backend per worker), scored exactly; approximate.
 */
import { Worker } from 'node:worker_threads';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import { SEED_BUDGET } from '../core/retrieval/exact-partner-index.ts';
import type { BackendChoice } from './tensorflow-backend.ts';

export type AllPairsMode = 'exact' | 'embedding';

export interface AllPairsOptions {
  readonly top?: number;
  readonly mode?: AllPairsMode;
  /** `embedding` mode: candidates per member from the embedding product, scored exactly. */
  readonly candidates?: number;
  /** `exact` mode: members the approximate mode scores first to seed each row's exact search (0: none). */
  readonly seedBudget?: number;
  readonly workers?: number;
  readonly tileRows?: number;
  /** `auto`: tfjs-node's native backend when it installed, else WASM. */
  readonly backend?: BackendChoice;
  readonly onResult?: (index: number, partners: readonly { id: string; score: number }[]) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

export async function allPairsTopK(members: readonly ScoredMember[], options: AllPairsOptions = {}): Promise<void> {
  const workers = options.workers ?? 2;
  const tileRows = options.tileRows ?? (options.mode === 'embedding' ? 512 : 128);
  const tiles: [number, number][] = [];
  for (let start = 0; start < members.length; start += tileRows) tiles.push([start, Math.min(members.length, start + tileRows)]);
  let done = 0;
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./all-pairs-worker-entry.mjs', import.meta.url), {
        workerData: { members, top: options.top ?? 10, mode: options.mode ?? 'exact', candidates: options.candidates ?? 40, seedBudget: options.seedBudget ?? SEED_BUDGET, backend: options.backend ?? 'auto' },
      });
      const next = () => {
        const tile = tiles.shift();
        if (tile) worker.postMessage({ kind: 'tile', start: tile[0], end: tile[1] });
        else worker.postMessage({ kind: 'stop' });
      };
      worker.on('message', (message: { kind: 'ready' } | { kind: 'tile'; start: number; end: number; results: { index: number; partners: { id: string; score: number }[] }[] }) => {
        if (message.kind === 'tile') {
          for (const r of message.results) options.onResult?.(r.index, r.partners);
          done += message.end - message.start;
          options.onProgress?.(done, members.length);
        }
        next();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`all-pairs worker stopped with exit code ${code}`))));
    });
  await Promise.all(Array.from({ length: workers }, run));
}
