/**
 * The exact batch's rows from two source trees in one process, alternated every
 * `--chunk` rows (one thread, no workers): on a shared machine whose speed drifts by
 * tens of percent between runs, two separate runs cannot tell a 5% change, and one
 * process taking turns can. Each tree's modules load separately (different paths).
 * Check the older code out beside this one with `git worktree add /tmp/old <commit>`
 * (and link its node_modules to this one's).
 *
 *   node --import tsx scripts/bench/rows-ab.ts --a /tmp/old --b . [--members 16384] [--chunk 1024] [--rounds 2]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateScoredMembers } from './roster-generator.ts';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    members: { type: 'string', default: '16384' },
    chunk: { type: 'string', default: '1024' },
    rounds: { type: 'string', default: '2' },
  },
});
if (!values.a) throw new Error('--a: the source tree to compare with (a git worktree of the older code)');
const n = Number(values.members);
const chunk = Number(values.chunk);
const knowledge = loadKnowledge();
const members = generateScoredMembers(knowledge, { members: n, networks: Math.max(1, Math.round(n / 40)), seed: 23 });

type RowsOf = (tile: { start: number; end: number }) => unknown[];
async function rowsFrom(tree: string): Promise<RowsOf> {
  const root = path.resolve(tree);
  const { buildExactPartnerIndex } = await import(path.join(root, 'src/core/retrieval/exact-partner-index.ts'));
  const { exactRows } = await import(path.join(root, 'src/batch/exact-rows.ts'));
  const { loadKnowledge: load } = await import(path.join(root, 'src/knowledge/knowledge-files.ts'));
  return exactRows(buildExactPartnerIndex(members, load()), 10);
}
const rows = [await rowsFrom(values.a), await rowsFrom(values.b)];
const total = [0, 0];
for (let round = 0; round < Number(values.rounds); round++) {
  for (let start = 0; start < n; start += chunk) {
    // Which tree goes first alternates from round to round.
    for (const v of round % 2 ? [1, 0] : [0, 1]) {
      const t = performance.now();
      for (let p = start; p < Math.min(n, start + chunk); p += 128) rows[v]!({ start: p, end: Math.min(n, start + chunk, p + 128) });
      total[v]! += performance.now() - t;
    }
  }
}
const rounds = Number(values.rounds);
process.stdout.write(`rows of ${n.toLocaleString('en')} members, ${rounds} rounds: a ${(total[0]! / rounds / 1000).toFixed(2)} s, b ${(total[1]! / rounds / 1000).toFixed(2)} s, b/a ${(total[1]! / total[0]!).toFixed(3)}\n`);
