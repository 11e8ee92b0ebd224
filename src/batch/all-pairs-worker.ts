/**
 * One worker of the all-pairs batch: its own TensorFlow.js WASM backend (tfjs-wasm
 * runs single-threaded under Node, so parallelism is one backend per worker thread).
 * For each tile of rows it multiplies the query embeddings with the pre-transposed
 * item embeddings, keeps the best candidates per row with `topk`, and rescores those
 * exactly on the five criteria.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { useBackend, type BackendChoice } from './tensorflow-backend.ts';
import { rankPartners } from '../core/ranking/partner-ranker.ts';
import { createPartnerEmbedder } from '../core/retrieval/partner-embedding.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../core/scoring/scoring-config.ts';
import { loadKnowledge } from '../knowledge/knowledge-files.ts';

interface Job {
  readonly members: ScoredMember[];
  readonly top: number;
  readonly candidates: number;
  readonly backend: BackendChoice;
}

const { members, top, candidates, backend } = workerData as Job;
const knowledge = loadKnowledge();
const embedder = createPartnerEmbedder(knowledge);
const n = members.length;
const d = embedder.dimensions;

const backendInUse = await useBackend(backend);

const queries = new Float32Array(n * d);
const itemsTransposed = new Float32Array(d * n);
members.forEach((m, i) => {
  queries.set(embedder.query(m.vector), i * d);
  const item = embedder.item(m.vector);
  // Pre-transposed (d × n): matMul with transposeB is far slower on this backend.
  for (let j = 0; j < d; j++) itemsTransposed[j * n + i] = item[j]!;
});
const items = tf.tensor2d(itemsTransposed, [d, n]);
const context = { knowledge };
parentPort!.postMessage({ kind: 'ready', backend: backendInUse });

parentPort!.on('message', (message: { kind: 'tile'; start: number; end: number } | { kind: 'stop' }) => {
  if (message.kind === 'stop') {
    items.dispose();
    process.exit(0);
  }
  const { start, end } = message;
  const rows = end - start;
  const indices = tf.tidy(() => {
    const q = tf.tensor2d(queries.subarray(start * d, end * d), [rows, d]);
    // +1: the member itself is usually among its own best matches.
    return tf.topk(tf.matMul(q, items), Math.min(n, candidates + 1)).indices;
  });
  const found = indices.dataSync() as Int32Array;
  indices.dispose();
  const width = Math.min(n, candidates + 1);
  const results: { index: number; partners: { id: string; score: number }[] }[] = [];
  for (let r = 0; r < rows; r++) {
    const self = members[start + r]!;
    const pool: ScoredMember[] = [];
    for (let c = 0; c < width; c++) {
      const other = members[found[r * width + c]!]!;
      if (other !== self) pool.push(other);
    }
    const ranked = rankPartners(self, pool, context, DEFAULT_SCORING_CONFIG, { purpose: 'referral', top });
    results.push({ index: start + r, partners: ranked.map((p) => ({ id: p.pair.other, score: p.score })) });
  }
  parentPort!.postMessage({ kind: 'tile', start, end, results });
});
