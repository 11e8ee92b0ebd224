/**
 * Network-wide all-pairs work: for every member, the top-k referral partners among
 * all others, on all five criteria. Rows are processed in tiles, never holding an
 * N×N matrix; every thread claims the next tile from one shared counter, and results
 * stream out through `onResult` as tiles finish. `exact` (default): each row from the
 * exact partner index, the same as scoring every pair; the calling thread builds the
 * index and works from then on, while the worker threads load their modules and
 * restore a snapshot of that index (about a second at 16,384 members), so on a small
 * network it is done before they are and they are stopped unused. `embedding`: candidates from a
 * tiled embedding product on TensorFlow.js (one WASM backend per worker thread),
 * scored exactly; approximate.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { buildExactPartnerIndex } from '../core/retrieval/exact-partner-index.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import type { WorkerInput } from './all-pairs-worker.ts';
import { exactRows, type Row, type Tile } from './exact-rows.ts';
import { shipMembers } from './shipped-members.ts';
import type { BackendChoice } from './tensorflow-backend.ts';

export type AllPairsMode = 'exact' | 'embedding';

export interface AllPairsOptions {
  readonly top?: number;
  readonly mode?: AllPairsMode;
  /** `embedding` mode: candidates per member from the embedding product, scored exactly. */
  readonly candidates?: number;
  /**
   * Threads computing rows (default 2, one per core here): in the exact mode the
   * calling thread and `threads - 1` worker threads; in the embedding mode, or with
   * `onCallingThread` false, `threads` worker threads (each loads TensorFlow.js in the
   * embedding mode).
   */
  readonly threads?: number;
  /**
   * Exact mode: compute rows on the calling thread too (default true). False keeps its
   * event loop free (a server answering requests meanwhile) at the cost of waiting for
   * the workers to start.
   */
  readonly onCallingThread?: boolean;
  readonly tileRows?: number;
  /** `auto`: tfjs-node's native backend when it installed, else WASM. */
  readonly backend?: BackendChoice;
  readonly onResult?: (index: number, partners: readonly { id: string; score: number }[]) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

type TileResult = Tile & { readonly results: Row[] };

/** What a finished batch reports besides its rows. */
export interface AllPairsSummary {
  /** Rows computed on worker threads (the rest on the calling thread). */
  readonly workerRows: number;
}

export async function allPairsTopK(members: readonly ScoredMember[], options: AllPairsOptions = {}): Promise<AllPairsSummary> {
  const mode = options.mode ?? 'exact';
  const threads = Math.max(1, options.threads ?? 2);
  const top = options.top ?? 10;
  const tileRows = options.tileRows ?? (mode === 'embedding' ? 512 : 128);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const onCallingThread = mode === 'exact' && options.onCallingThread !== false;
  let done = 0;
  let workerRows = 0;
  let failure: Error | null = null;
  let finished: () => void = () => {};
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const deliver = ({ start, end, results }: TileResult) => {
    for (const r of results) options.onResult?.(r.index, r.partners);
    done += end - start;
    options.onProgress?.(done, members.length);
    if (done === members.length) finished();
  };
  const fail = (error: Error) => {
    failure ??= error;
    finished();
  };
  if (members.length === 0) finished();

  const workers = Array.from({ length: onCallingThread ? threads - 1 : threads }, () => {
    const worker = new Worker(new URL('./all-pairs-worker-entry.mjs', import.meta.url), {
      workerData: { top, mode, candidates: options.candidates ?? 40, backend: options.backend ?? 'auto', claim, tileRows, restore: onCallingThread },
    });
    worker.on('message', (tile: TileResult) => {
      workerRows += tile.end - tile.start;
      deliver(tile);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && done < members.length) fail(new Error(`all-pairs worker stopped with exit code ${code}`));
    });
    return worker;
  });
  const post = (input: WorkerInput) => {
    for (const worker of workers) worker.postMessage(input);
  };
  try {
    // The members follow as a message (`shipped-members.ts`), not as workerData: the worker then loads
    // its modules and the knowledge while the message is made, instead of only after it. A worker that
    // restores this thread's index reads only their ids and services. Here, inside the try, a copy that
    // fails still stops the workers.
    if (workers.length > 0) post({ members: onCallingThread ? shipMembers(members, 'services') : shipMembers(members, 'whole') });
    if (onCallingThread) {
      // The exact mode beside workers: this thread builds the index, and the workers restore a snapshot
      // of it (typed arrays; a member's services are parsed when a search reads them). At 16,384 members
      // a worker then computes rows from about 1.0 s on (this thread from about 0.66 s); building its own
      // index from the members' JSON (parsing 23 MB of text, compiling) it started at 1.9–2.45 s.
      const index = buildExactPartnerIndex(members, loadKnowledge());
      if (workers.length > 0) post({ snapshot: index.snapshot() });
      const rowsOf = exactRows(index, top);
      for (let tile = Atomics.add(claim, 0, 1); tile * tileRows < members.length && !failure; tile = Atomics.add(claim, 0, 1)) {
        const start = tile * tileRows;
        const end = Math.min(members.length, start + tileRows);
        deliver({ start, end, results: rowsOf({ start, end }) });
        // Lets the workers' finished tiles in between two tiles here.
        await nextTurn();
      }
    }
    // Every tile is claimed; wait for those still being computed.
    await allDone;
  } finally {
    // Stops the workers: one that has not started yet would only find nothing left to do, and after
    // an error here (or in a callback) the others would go on computing rows nobody reads.
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (failure) throw failure;
  return { workerRows };
}
