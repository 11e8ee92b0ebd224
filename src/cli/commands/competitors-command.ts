/** `partnerfit competitors [--network ID] [--member ID] [--all-networks] [--lang CODE] [--json]` */
import type { Command } from 'commander';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';
import { parseReasonLanguage } from '../option-values.ts';
import { REPORT_PHRASES } from '../../app/report-phrases.ts';
import { fillTemplate, formatScore } from '../../core/reasons/reason-writer.ts';
import type { ReasonLanguage } from '../../core/reasons/reason-phrases.ts';

export function registerCompetitorsCommand(program: Command): void {
  program
    .command('competitors')
    .description('competitor pairs (direct and partial), across languages')
    .option('--network <id>', 'only this network')
    .option('--member <id>', 'only pairs with this member')
    .option('--all-networks', 'also pairs of members in different networks')
    .option('--lang <code>', "the reasons' language: en, sv, da or de (default: the one most members of the network write in)")
    .option('--json', 'print as JSON')
    .action(async (flags: { network?: string; member?: string; allNetworks?: boolean; json?: boolean; lang?: string }) => {
      const language = parseReasonLanguage(flags.lang);
      const { result, names } = await withPartnerfit(async (app) => {
        const result = await app.competitors({ network: flags.network, member: flags.member, allNetworks: flags.allNetworks ?? false, language });
        // The text names each member (the JSON keeps to ids, as its contract says).
        const names = new Map<string, string>();
        if (!flags.json) {
          for (const id of new Set(result.pairs.flatMap((p) => [p.a, p.b]))) names.set(id, (await app.memberProfile(id)).profile.name);
        }
        return { result, names };
      });
      if (flags.json) {
        printJson(result);
        return;
      }
      const who = (id: string) => `${names.get(id) ?? id} (${id})`;
      // Each pair in the language of its reasons; the count in theirs when all pairs share one.
      const languages = new Set(result.pairs.map((p) => p.language));
      const heading: ReasonLanguage = language ?? (languages.size === 1 ? [...languages][0]! : 'en');
      const lines = [`${fillTemplate(REPORT_PHRASES[heading].competitorPairs, { n: String(result.pairs.length) })}:`];
      for (const p of result.pairs) {
        const levels = REPORT_PHRASES[p.language].levels;
        const width = Math.max(levels.direct.length, levels.partial.length);
        lines.push(`  ${levels[p.level].padEnd(width)}  ${who(p.a)} ↔ ${who(p.b)}  (${formatScore(p.score, p.language)})`);
        for (const reason of p.reasons) lines.push(`          - ${reason}`);
      }
      printLines(lines);
    });
}
