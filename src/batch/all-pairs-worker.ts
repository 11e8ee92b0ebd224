/**
 * One worker of the all-pairs batch. `exact` (the default): each row's best partners
 * from the exact partner index (`exact-rows.ts`), the same as `rankPartners` over
 * every member; the index is restored from the calling thread's snapshot, or built
 * from the members when the calling thread computes no rows.
 * `embedding`: its own TensorFlow.js WASM backend (tfjs-wasm runs single-threaded
 * under Node, so parallelism is one backend per worker thread) multiplies each tile's
 * query embeddings with the pre-transposed item embeddings, keeps the best candidates
 * per row with `topk`, and scores those exactly (compiled scorer); faster per row but
 * approximate (recall measured by scripts/bench/all-pairs-bench.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BackendChoice } from './tensorflow-backend.ts';
import { CandidateRescorer } from '../core/retrieval/best-partners.ts';
import { buildExactPartnerIndex, restoreExactPartnerIndex, type ExactIndexSnapshot } from '../core/retrieval/exact-partner-index.ts';
import { createPartnerEmbedder } from '../core/retrieval/partner-embedding.ts';
import { MemberCompiler } from '../core/scoring/compiled-member.ts';
import { compileConfig } from '../core/scoring/compiled-pair-scorer.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../core/scoring/scoring-config.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';
import type { AllPairsMode } from './all-pairs-top-k.ts';
import { exactRows, type Row, type Tile } from './exact-rows.ts';
import { receiveMembers, type ShippedMembers } from './shipped-members.ts';

interface Job {
  readonly top: number;
  readonly candidates: number;
  readonly backend: BackendChoice;
  readonly mode: AllPairsMode;
  /** The next tile to claim (shared by every thread of the batch), and rows per tile. */
  readonly claim: Int32Array;
  readonly tileRows: number;
  /** Exact mode beside the calling thread: a snapshot of its index follows the members, to restore instead of building one. */
  readonly restore: boolean;
}

/**
 * What the calling thread sends (see all-pairs-top-k.ts): the members
 * (`shipped-members.ts`; only their ids and services when the job says `restore`),
 * then, when it does, a snapshot of the index it built from them.
 */
export type WorkerInput = { readonly members: ShippedMembers } | { readonly snapshot: ExactIndexSnapshot };

const { top, candidates, backend, mode, claim, tileRows, restore } = workerData as Job;
const knowledge = loadKnowledge();
const inbox = messages();
const first = await inbox.next();
if (!('members' in first)) throw new Error('an all-pairs worker was sent an index snapshot before the members');
const shipped = first.members;
let rowsOf: (tile: Tile) => Row[];
if (restore) {
  const second = await inbox.next();
  if (!('snapshot' in second)) throw new Error('an all-pairs worker was sent the members twice instead of the index snapshot');
  rowsOf = exactRows(restoreExactPartnerIndex(second.snapshot, receiveMembers(shipped), knowledge), top);
} else {
  if (shipped.part !== 'whole') throw new Error('an all-pairs worker that builds its own index needs the whole members, not only their services');
  const members = receiveMembers(shipped);
  rowsOf = mode === 'exact' ? exactRows(buildExactPartnerIndex(members, knowledge), top) : await embeddingRows(members);
}
inbox.close();
// Tiles are claimed from the shared counter, so no thread waits for another to hand out work; the
// worker ends (exit code 0) when none is left.
const count = shipped.start.length;
for (let tile = Atomics.add(claim, 0, 1); tile * tileRows < count; tile = Atomics.add(claim, 0, 1)) {
  const start = tile * tileRows;
  const end = Math.min(count, start + tileRows);
  parentPort!.postMessage({ start, end, results: rowsOf({ start, end }) });
}

/** The messages from the calling thread in order, none lost between two reads; `close` lets the worker end. */
function messages(): { next(): Promise<WorkerInput>; close(): void } {
  const waiting: WorkerInput[] = [];
  let wake: (() => void) | null = null;
  const listener = (message: WorkerInput) => {
    waiting.push(message);
    wake?.();
  };
  parentPort!.on('message', listener);
  return {
    async next() {
      while (waiting.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return waiting.shift()!;
    },
    close: () => void parentPort!.off('message', listener),
  };
}

async function embeddingRows(members: readonly ScoredMember[]): Promise<(tile: Tile) => Row[]> {
  // TensorFlow.js only for this mode: loading it takes a second or more per worker.
  const tf = await import('@tensorflow/tfjs');
  const { useBackend } = await import('./tensorflow-backend.ts');
  const embedder = createPartnerEmbedder(knowledge);
  const n = members.length;
  const d = embedder.dimensions;
  await useBackend(backend);
  const queries = new Float32Array(n * d);
  const itemsTransposed = new Float32Array(d * n);
  members.forEach((m, i) => {
    queries.set(embedder.query(m.vector), i * d);
    const item = embedder.item(m.vector);
    // Pre-transposed (d × n): matMul with transposeB is far slower on this backend.
    for (let j = 0; j < d; j++) itemsTransposed[j * n + i] = item[j]!;
  });
  const items = tf.tensor2d(itemsTransposed, [d, n]);
  const compiler = new MemberCompiler(knowledge);
  const compiled = members.map((m) => compiler.compile(m));
  const config = compileConfig(DEFAULT_SCORING_CONFIG, compiler);
  const rescorer = new CandidateRescorer(knowledge);
  return ({ start, end }) => {
    const rows = end - start;
    const width = Math.min(n, candidates + 1);
    const indices = tf.tidy(() => {
      const q = tf.tensor2d(queries.subarray(start * d, end * d), [rows, d]);
      // +1: the member itself is usually among its own best matches.
      return tf.topk(tf.matMul(q, items), width).indices;
    });
    const found = indices.dataSync() as Int32Array;
    indices.dispose();
    const results: Row[] = [];
    for (let r = 0; r < rows; r++) {
      const pool = Array.from(found.subarray(r * width, (r + 1) * width), (j) => compiled[j]!);
      const best = rescorer.best(compiled[start + r]!, pool, top, config);
      results.push({ index: start + r, partners: best.map(([score, m]) => ({ id: m.id, score })) });
    }
    return results;
  };
}
