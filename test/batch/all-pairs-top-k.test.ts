/**
 * The network-wide all-pairs batch on its worker threads: the exact mode gives every
 * member the same best partners, scores and order as `rankPartners` over all members
 * (whichever thread computed the row); the embedding mode's rows are real partners with their
 * exact scores, best first.
 */
import { describe, expect, it } from 'vitest';
import { allPairsTopK } from '../../src/batch/all-pairs-top-k.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { generatedMembers, knowledge } from '../support/demo-members.ts';

const members = generatedMembers(700, { networks: 18, seed: 31 });
const context = { knowledge };

async function rows(options: Parameters<typeof allPairsTopK>[1]): Promise<{ id: string; score: number }[][]> {
  const out: { id: string; score: number }[][] = new Array(members.length);
  let progress = 0;
  await allPairsTopK(members, { ...options, onResult: (index, partners) => (out[index] = [...partners]), onProgress: (done) => (progress = done) });
  expect(progress).toBe(members.length);
  return out;
}

describe('all-pairs top-k', () => {
  it('exact mode: every row as rankPartners over all members, on the calling thread, on workers, or both', async () => {
    const alone = await rows({ top: 5, mode: 'exact', threads: 1, tileRows: 64 });
    const workers = await rows({ top: 5, mode: 'exact', threads: 2, tileRows: 64, onCallingThread: false });
    expect(workers).toEqual(alone);
    // Beside workers: here the calling thread is usually done before they have started (they are then stopped unused).
    const beside = await rows({ top: 5, mode: 'exact', threads: 3, tileRows: 4 });
    expect(beside).toEqual(alone);
    // A slow reader of the results holds the calling thread back: the worker starts in time to compute
    // rows from the snapshot of the calling thread's index.
    const slow: { id: string; score: number }[][] = new Array(members.length);
    const summary = await allPairsTopK(members, {
      top: 5,
      threads: 2,
      tileRows: 4,
      onResult: (index, partners) => {
        slow[index] = [...partners];
        const until = performance.now() + 4;
        while (performance.now() < until);
      },
    });
    expect(summary.workerRows).toBeGreaterThan(0);
    expect(slow).toEqual(alone);
    for (let i = 0; i < members.length; i += 7) {
      const expected = rankPartners(members[i]!, members, context, DEFAULT_SCORING_CONFIG, { purpose: 'referral', top: 5 }).map((r) => ({ id: r.pair.other, score: r.score }));
      expect(alone[i], members[i]!.id).toEqual(expected);
    }
  }, 120_000);

  it('rejects when a result cannot be taken (and stops its workers)', async () => {
    await expect(
      allPairsTopK(members, {
        top: 5,
        threads: 2,
        tileRows: 8,
        onResult: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
  }, 60_000);

  it('embedding mode: real partners with their exact scores, best first', async () => {
    const found = await rows({ top: 5, mode: 'embedding', threads: 1, candidates: 40, backend: 'wasm' });
    const byId = new Map(members.map((m) => [m.id, m]));
    for (let i = 0; i < members.length; i += 11) {
      const row = found[i]!;
      expect(row.length).toBeGreaterThan(0);
      expect(row.map((p) => p.score)).toEqual([...row.map((p) => p.score)].sort((a, b) => b - a));
      for (const partner of row.slice(0, 2)) {
        expect(partner.id).not.toBe(members[i]!.id);
        const exact = rankPartners(members[i]!, [byId.get(partner.id)!], context, DEFAULT_SCORING_CONFIG, { purpose: 'referral', top: 1 });
        expect(exact[0]?.score).toBe(partner.score);
      }
    }
  }, 120_000);
});
