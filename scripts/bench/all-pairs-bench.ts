/**
 * All-pairs top-10 on all five criteria for N members (default 16,384): partnerfit's
 * tiled batch (embedding product on TensorFlow.js WASM in two worker threads, exact
 * rescoring of the best candidates), and in the same run NumPy + argpartition cosine
 * top-10 of the same N and vector width (the system Python with OpenBLAS), both on
 * the same embeddings. Wall time and peak RSS of each.
 *
 *   node --import tsx scripts/bench/all-pairs-bench.ts [--members 16384] [--candidates 40]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allPairsTopK } from '../../src/batch/all-pairs-top-k.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { createPartnerEmbedder } from '../../src/core/retrieval/partner-embedding.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateRosterRecords } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '16384' },
    candidates: { type: 'string', default: '40' },
    backend: { type: 'string', default: 'wasm' },
    python: { type: 'string', default: '/usr/bin/python3' },
  },
});
const n = Number(values.members);
const knowledge = loadKnowledge();
const members: ScoredMember[] = [];
for (const record of generateRosterRecords(knowledge, { members: n, networks: Math.max(1, Math.round(n / 40)), seed: 23 })) {
  const parsed = parseMemberProfile(record);
  if (parsed.success) members.push({ id: parsed.profile.id, network: parsed.profile.network, name: parsed.profile.name, vector: vectorizeMember(parsed.profile, knowledge) });
}
const embedder = createPartnerEmbedder(knowledge);

const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
let results = 0;
const start = performance.now();
await allPairsTopK(members, {
  top: 10,
  candidates: Number(values.candidates),
  workers: 2,
  backend: values.backend as 'auto' | 'wasm' | 'cpu',
  onResult: () => results++,
});
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);

// NumPy on the same item embeddings (same N, same width).
const dir = path.resolve(import.meta.dirname, '../../.bench');
mkdirSync(dir, { recursive: true });
const matrixFile = path.join(dir, `embeddings-${n}.f32`);
const matrix = new Float32Array(n * embedder.dimensions);
members.forEach((m, i) => matrix.set(embedder.item(m.vector), i * embedder.dimensions));
writeFileSync(matrixFile, Buffer.from(matrix.buffer));
const numpy = spawnSync('/usr/bin/time', ['-f', 'RSS %M', values.python!, path.join(import.meta.dirname, 'numpy_topk.py'), matrixFile, String(n), String(embedder.dimensions), '10'], { encoding: 'utf8' });
const numpyLine = numpy.stdout.trim().split('\n').pop() ?? '';
const numpyRss = /RSS (\d+)/.exec(numpy.stderr)?.[1];

process.stdout.write(
  [
    `all-pairs top-10, N = ${n.toLocaleString('en')}, width ${embedder.dimensions}, ${results} members ranked`,
    `| partnerfit (tfjs ${values.backend}, 2 workers, ${values.candidates} candidates rescored on five criteria) | ${seconds.toFixed(2)} s | peak RSS ${Math.round(peakRss / 1048576)} MB (main thread's process, workers included) |`,
    numpy.status === 0
      ? `| NumPy cosine top-10 (argpartition) | ${JSON.parse(numpyLine).seconds.toFixed(2)} s | peak RSS ${Math.round(Number(numpyRss) / 1024)} MB | numpy ${JSON.parse(numpyLine).numpy} |`
      : `| NumPy | failed: ${numpy.stderr.trim().split('\n').slice(-2).join(' ')} |`,
    '',
  ].join('\n'),
);
