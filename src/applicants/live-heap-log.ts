/**
 * Live heap on stderr, for showing that a batch's memory does not grow with its
 * length: with `PARTNERFIT_HEAP_LOG=1` and node's `--expose-gc`, a full collection
 * and then the heap in use (what is still reachable), on the main thread every
 * 10,000 applicants scored and on each worker every 25 networks. Peak RSS alone
 * mixes that with garbage the collector has not reclaimed yet, which a longer run
 * lets pile up further. Off (no collection, no output) otherwise.
 * scripts/bench/applicants-bench.ts `--heap` reads these lines.
 */
const enabled = process.env.PARTNERFIT_HEAP_LOG === '1';

export function logLiveHeap(where: string): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!enabled || !collect) return;
  collect();
  const { heapUsed, rss } = process.memoryUsage();
  process.stderr.write(`live heap ${where}: ${Math.round(heapUsed / 1048576)} MB (process RSS ${Math.round(rss / 1048576)} MB)\n`);
}
