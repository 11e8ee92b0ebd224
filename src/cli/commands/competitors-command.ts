/** `partnerfit competitors [--network ID] [--member ID] [--json]` */
import type { Command } from 'commander';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';

export function registerCompetitorsCommand(program: Command): void {
  program
    .command('competitors')
    .description('competitor pairs (direct and partial), across languages')
    .option('--network <id>', 'only this network')
    .option('--member <id>', 'only pairs with this member')
    .option('--all-networks', 'also pairs of members in different networks')
    .option('--json', 'print as JSON')
    .action(async (flags: { network?: string; member?: string; allNetworks?: boolean; json?: boolean }) => {
      const result = await withPartnerfit((app) =>
        app.competitors({ network: flags.network, member: flags.member, allNetworks: flags.allNetworks ?? false }),
      );
      if (flags.json) {
        printJson(result);
        return;
      }
      const lines = [`${result.pairs.length} competitor pair(s):`];
      for (const p of result.pairs) {
        lines.push(`  ${p.level.padEnd(7)} ${p.a} ↔ ${p.b}  (${p.score.toFixed(2)})`);
        for (const reason of p.reasons) lines.push(`          - ${reason}`);
      }
      printLines(lines);
    });
}
