/**
 * All-pairs top-10 on all five criteria for N members (default 16,384) on two
 * threads: partnerfit's exact batch (the exact partner index per row, this thread and
 * one worker thread), and the
 * embedding batch (TensorFlow.js WASM product, `--candidates` per row scored exactly)
 * with its recall@10 against the exact one; in the same run NumPy + argpartition
 * cosine top-10 of the same N and vector width (the system Python with OpenBLAS) on
 * the same embeddings. Wall time and peak RSS of each, and the load average.
 *
 *   node --import tsx scripts/bench/all-pairs-bench.ts [--members 16384] [--candidates 40] [--skip-embedding]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { allPairsTopK, type AllPairsMode } from '../../src/batch/all-pairs-top-k.ts';
import { createPartnerEmbedder } from '../../src/core/retrieval/partner-embedding.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateScoredMembers } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '16384' },
    candidates: { type: 'string', default: '40' },
    backend: { type: 'string', default: 'wasm' },
    python: { type: 'string', default: '/usr/bin/python3' },
    'skip-embedding': { type: 'boolean', default: false },
  },
});
const n = Number(values.members);
const knowledge = loadKnowledge();
const members = generateScoredMembers(knowledge, { members: n, networks: Math.max(1, Math.round(n / 40)), seed: 23 });
const embedder = createPartnerEmbedder(knowledge);

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function run(mode: AllPairsMode): Promise<{ seconds: number; peakMb: number; rows: string[][]; load: string; workerRows: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const rows: string[][] = new Array(n);
  const loadBefore = load();
  const start = performance.now();
  const { workerRows } = await allPairsTopK(members, {
    top: 10,
    mode,
    candidates: Number(values.candidates),
    threads: 2,
    backend: values.backend as 'auto' | 'wasm' | 'cpu',
    onResult: (index, partners) => (rows[index] = partners.map((p) => p.id)),
  });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  return { seconds, peakMb: Math.round(peakRss / 1048576), rows, load: loadBefore, workerRows };
}

const exact = await run('exact');
const embedding = values['skip-embedding'] ? null : await run('embedding');
let recall = 0;
if (embedding) {
  for (let i = 0; i < n; i++) {
    const found = new Set(embedding.rows[i]);
    const reference = exact.rows[i]!;
    recall += reference.length === 0 ? 1 : reference.filter((id) => found.has(id)).length / reference.length;
  }
  recall /= n;
}

// NumPy on the same item embeddings (same N, same width).
const dir = path.resolve(import.meta.dirname, '../../.bench');
mkdirSync(dir, { recursive: true });
const matrixFile = path.join(dir, `embeddings-${n}.f32`);
const matrix = new Float32Array(n * embedder.dimensions);
members.forEach((m, i) => matrix.set(embedder.item(m.vector), i * embedder.dimensions));
writeFileSync(matrixFile, Buffer.from(matrix.buffer));
const numpyLoad = load();
const numpy = spawnSync('/usr/bin/time', ['-f', 'RSS %M', values.python!, path.join(import.meta.dirname, 'numpy_topk.py'), matrixFile, String(n), String(embedder.dimensions), '10'], { encoding: 'utf8' });
const numpyLine = numpy.stdout.trim().split('\n').pop() ?? '';
const numpyRss = /RSS (\d+)/.exec(numpy.stderr)?.[1];

process.stdout.write(
  [
    `all-pairs top-10, N = ${n.toLocaleString('en')}, width ${embedder.dimensions}, ${exact.rows.filter(Boolean).length} members ranked`,
    `| partnerfit exact (exact partner index, this thread + 1 worker: ${Math.round((100 * exact.workerRows) / n)}% of rows) | ${exact.seconds.toFixed(2)} s | ${exact.peakMb} MB | recall@10 1 (exact) | load ${exact.load} |`,
    embedding
      ? `| partnerfit embedding (tfjs ${values.backend}, 2 worker threads, ${values.candidates} candidates scored exactly) | ${embedding.seconds.toFixed(2)} s | ${embedding.peakMb} MB | recall@10 ${recall.toFixed(3)} | load ${embedding.load} |`
      : '',
    numpy.status === 0
      ? `| NumPy cosine top-10 (argpartition), numpy ${JSON.parse(numpyLine).numpy} | ${JSON.parse(numpyLine).seconds.toFixed(2)} s | ${Math.round(Number(numpyRss) / 1024)} MB | (cosine, not the five criteria) | load ${numpyLoad} |`
      : `| NumPy | failed: ${numpy.stderr.trim().split('\n').slice(-2).join(' ')} |`,
    '(peak RSS: the whole Node process, workers included, sampled every 100 ms)',
    '',
  ].join('\n'),
);
