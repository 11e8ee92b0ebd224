/** `partnerfit train [--network ID] [--seed N] [--period-days N] [--epochs N] [--json]` */
import type { Command } from 'commander';
import type { TrainReport } from '../../app/activity-jobs.ts';
import { PAIR_FEATURE_NAMES } from '../../core/learning/pair-model.ts';
import { unknownNetwork } from '../../storage/network-store.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';
import { parsePositiveInt } from '../option-values.ts';

export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('learn from the stored activity which pairs close business (TensorFlow.js logistic regression); writes models/<network or all>/')
    .option('--network <id>', 'train on one network (default: all networks, one model)')
    .option('--seed <n>', 'random seed', '7')
    .option('--period-days <n>', 'length of a ledger period in days', '30')
    .option('--epochs <n>', 'training epochs (default: 40, fewer on large ledgers)')
    .option('--json', 'print as JSON')
    .action(async (flags: { network?: string; seed: string; periodDays: string; epochs?: string; json?: boolean }) => {
      const report = await withPartnerfit(async (app) => {
        const networks = (await app.networks()).map((n) => n.id);
        if (flags.network && !networks.includes(flags.network)) throw unknownNetwork(flags.network, networks);
        return app.train({
          network: flags.network,
          seed: parsePositiveInt(flags.seed, '--seed'),
          periodDays: parsePositiveInt(flags.periodDays, '--period-days'),
          ...(flags.epochs === undefined ? {} : { epochs: parsePositiveInt(flags.epochs, '--epochs') }),
          onProgress: (message) => note(`train: ${message}`),
        });
      });
      if (flags.json) printJson(report);
      else printLines(formatTrainReport(report));
    });
}

export function formatTrainReport(r: TrainReport): string[] {
  const m = r.metrics;
  return [
    `trained model ${r.version} for ${r.network ?? 'all networks'} on ${r.rows} activity rows (${r.examples} examples, backend ${m.backend}, ${m.seconds} s)`,
    `  validation (periods ${m.validationPeriods[0]}–${m.validationPeriods[1] - 1}, not seen by the measured fit): AUC ${m.validationAuc ?? 'n/a'}, log loss ${m.validationLogLoss ?? 'n/a'}`,
    `  training data hash ${r.trainingDataHash.slice(0, 16)}…; saved to ${r.folder}`,
    `  features: ${PAIR_FEATURE_NAMES.length} (the five criteria, their confidence, meeting and referral evidence)`,
    '  suggest now uses this model for the network and names its version with every answer',
  ];
}
