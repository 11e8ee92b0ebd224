/** `partnerfit suggest ID [--top N] [--purpose referral|overflow] [--all-networks] [--lang CODE] [--json]` */
import type { Command } from 'commander';
import type { SuggestionView, SuggestionsView } from '../../app/partner-views.ts';
import { CRITERION_NAMES, CRITERION_SHORT_NAMES } from '../../core/criteria/criterion.ts';
import { PartnerfitError } from '../../core/errors.ts';
import { PURPOSES, type Purpose } from '../../core/ranking/partner-ranker.ts';
import { withPartnerfit } from '../open-app.ts';
import { printJson, printLines } from '../output.ts';
import { parseCurrency, parsePositiveInt, parseReasonLanguage } from '../option-values.ts';

export function registerSuggestCommand(program: Command): void {
  program
    .command('suggest')
    .description('best referral (or overflow) partners for one member, with reasons')
    .argument('<id>', 'member id')
    .option('--top <n>', 'how many partners', '5')
    .option('--purpose <purpose>', `${PURPOSES.join(' or ')}`, 'referral')
    .option('--all-networks', 'look for partners in every network, not only the member\'s own')
    .option('--lang <code>', "the reasons' language: en, sv, da or de (default: the member's own)")
    .option('--currency <code>', "the reasons' amounts in SEK, DKK, EUR, GBP, … (default: the one of the member's country)")
    .option('--json', 'print as JSON')
    .action(async (id: string, flags: { top: string; purpose: string; allNetworks?: boolean; json?: boolean; lang?: string; currency?: string }) => {
      const top = parsePositiveInt(flags.top, '--top');
      const language = parseReasonLanguage(flags.lang);
      const currency = parseCurrency(flags.currency);
      if (!(PURPOSES as readonly string[]).includes(flags.purpose)) {
        throw new PartnerfitError('usage', `--purpose must be ${PURPOSES.join(' or ')}, not "${flags.purpose}"`);
      }
      const view = await withPartnerfit((app) =>
        app.suggest(id, { top, purpose: flags.purpose as Purpose, allNetworks: flags.allNetworks ?? false, ...(language ? { language } : {}), ...(currency ? { currency } : {}) }),
      );
      if (flags.json) printJson(view);
      else printLines(formatSuggestions(view, { networks: flags.allNetworks ?? false }));
    });
}

/** `networks`: name each partner's network (partners from every network were asked for). */
export function formatSuggestions(view: SuggestionsView & { readonly excludedCompetitors?: readonly string[] }, options: { readonly networks?: boolean } = {}): string[] {
  const lines = [`${view.purpose === 'overflow' ? 'Overflow partners' : 'Best referral partners'} for ${view.member} (model ${view.modelVersion}):`];
  if (view.suggestions.length === 0) lines.push('  (none found)');
  else if (view.purpose === 'overflow') lines.push('   (the score: one has work to spare and the other room for it, and how much their customers overlap; the five referral criteria below are shown for comparison)');
  else lines.push('   (criteria: 0 to 1 each for the two of you together, so a side that gains nothing makes it 0; ? where the profiles do not tell)');
  view.suggestions.forEach((s, i) => {
    const criteria = CRITERION_NAMES.map((c) => `${CRITERION_SHORT_NAMES[c]} ${s.criteria[c] === null ? '?' : s.criteria[c]!.toFixed(2)}${c === 'mutualProfit' ? profitBothWays(s) : ''}`).join(' · ');
    lines.push(`${i + 1}. ${s.partnerName} (${s.partner}${options.networks && s.network ? `, ${s.network}` : ''}) — score ${s.score.toFixed(2)}${s.competitor !== 'none' ? ` [${s.competitor} competitor]` : ''}${s.lopsided ? ' [lopsided]' : ''}`);
    lines.push(`   ${criteria}`);
    for (const reason of s.reasons) lines.push(`   - ${reason}`);
  });
  if (view.excludedCompetitors && view.excludedCompetitors.length > 0) {
    lines.push(`(direct competitors are never referral partners and were left out: ${view.excludedCompetitors.join(', ')}; try --purpose overflow)`);
  }
  return lines;
}

/**
 * Mutual profit each way where the two differ (" (you 0.15, they 0.00)"): the pair's
 * value alone would show 0.00 beside a referral the member won.
 */
function profitBothWays(s: SuggestionView): string {
  const { forMember, forPartner } = s.mutualProfitBothWays;
  if (forMember === null || forPartner === null || Math.abs(forMember - forPartner) < 0.05) return '';
  return ` (you ${forMember.toFixed(2)}, they ${forPartner.toFixed(2)})`;
}
