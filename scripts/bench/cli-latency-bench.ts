/**
 * How long the real `partnerfit` executable takes for the everyday commands on the
 * demo database: start-up (loading the modules, opening the database) is most of it
 * on a chapter-sized network. Ingests the bundled demo roster and ledger into a fresh
 * database (embedded by default), then runs each command `--runs` times and prints
 * the median and the fastest wall time, with the peak RSS of the median run.
 *
 *   node --import tsx scripts/bench/cli-latency-bench.ts [--runs 5] [--database pglite|postgres] [--postgres-url URL]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freshDatabase, loadAverage, ROOT, timedCli, type TimedRun } from './bench-support.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    database: { type: 'string', default: 'pglite' },
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
const database = await freshDatabase(values.database!, 'partnerfit_cli_bench', values['postgres-url']!);
try {
  const demo = (file: string) => path.join(ROOT, 'data/demo', file);
  for (const args of [['ingest', demo('roster.csv')], ['ingest-activity', demo('activity.csv')]]) {
    const run = timedCli(args, database.env);
    if (run.status !== 0) throw new Error(`partnerfit ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-1000)}`);
  }
  const commands = [
    ['--help'],
    ['suggest', 'se-001', '--top', '5'],
    ['suggest', 'se-001', '--top', '5', '--json'],
    ['competitors', '--network', 'malmo-bni'],
    ['report', '--network', 'malmo-bni'],
    ['inspect', 'de-004'],
  ];
  const lines = [`partnerfit commands on the demo database (${values.database}), ${runs} runs each, load ${loadAverage()}`, '', '| command | median | fastest | peak RSS |', '|---|---|---|---|'];
  for (const args of commands) {
    const timed: TimedRun[] = [];
    for (let r = 0; r < runs; r++) {
      const run = timedCli(args, database.env);
      if (run.status !== 0) throw new Error(`partnerfit ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-1000)}`);
      timed.push(run);
    }
    timed.sort((a, b) => a.seconds - b.seconds);
    const median = timed[Math.floor(timed.length / 2)]!;
    lines.push(`| \`partnerfit ${args.join(' ')}\` | ${median.seconds.toFixed(2)} s | ${timed[0]!.seconds.toFixed(2)} s | ${median.peakRssMb} MB |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  database.cleanup();
}
