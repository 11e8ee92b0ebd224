/** `partnerfit eval [--network ID] [--k N] [--period-days N] [--held-out N] [--json]` */
import type { Command } from 'commander';
import type { EvalReport } from '../../app/activity-jobs.ts';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';
import { parsePositiveInt } from '../option-values.ts';

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('replay the stored ledger in time order: P@k, NDCG@k, MRR of default weights, a trained model and TF-IDF; speed-dating AUCs when ../shared/data is there')
    .option('--network <id>', 'one network (default: all)')
    .option('--k <n>', 'cut-off for P@k and NDCG@k', '5')
    .option('--period-days <n>', 'length of a period in days', '30')
    .option('--held-out <n>', 'periods held out at the end (default: a quarter)')
    .option('--json', 'print as JSON')
    .action(async (flags: { network?: string; k: string; periodDays: string; heldOut?: string; json?: boolean }) => {
      const report = await withPartnerfit((app) =>
        app.evaluate({
          network: flags.network,
          k: parsePositiveInt(flags.k, '--k'),
          periodDays: parsePositiveInt(flags.periodDays, '--period-days'),
          heldOutPeriods: flags.heldOut === undefined ? undefined : parsePositiveInt(flags.heldOut, '--held-out'),
        }),
      );
      if (flags.json) printJson(report);
      else printLines(formatEvalReport(report));
    });
}

export function formatEvalReport(r: EvalReport): string[] {
  const { replay } = r;
  const lines = [
    `ledger replay on ${r.network ?? 'all networks'}: ${r.rows} rows, ${replay.periods} periods of ${r.periodDays} days, the last ${replay.heldOutPeriods} held out; ${replay.queries} member-periods with closed business`,
    `ranker    P@${replay.k}     NDCG@${replay.k}  MRR`,
  ];
  for (const [name, s] of Object.entries(replay.rankers)) {
    lines.push(`${name.padEnd(9)} ${s.precisionAtK.toFixed(3).padEnd(7)} ${s.ndcgAtK.toFixed(3).padEnd(7)} ${s.mrr.toFixed(3)}`);
  }
  lines.push(`(model ${r.replayModel.version}: trained on periods before the held-out ones; validation AUC ${r.replayModel.metrics.validationAuc ?? 'n/a'})`);
  if (r.speedDating) {
    const sd = r.speedDating;
    lines.push('', `speed dating (${sd.pairs} pairs, ${sd.matches} matches): AUC of combining both sides' "like" ratings`);
    for (const [rule, value] of Object.entries(sd.auc)) lines.push(`  ${rule.padEnd(11)} ${value.toFixed(4)}${rule === sd.best ? '  ← best' : ''}`);
  } else lines.push('', 'speed dating: ../shared/data/speed-dating not found, skipped');
  return lines;
}
