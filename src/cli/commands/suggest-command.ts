/** `partnerfit suggest ID [--top N] [--purpose referral|overflow] [--all-networks] [--lang CODE] [--json]` */
import type { Command } from 'commander';
import type { SuggestionView, SuggestionsView } from '../../app/partner-views.ts';
import { CRITERION_NAMES } from '../../core/criteria/criterion.ts';
import { REPORT_PHRASES } from '../../app/report-phrases.ts';
import { SUGGESTION_PHRASES } from '../../app/suggestion-phrases.ts';
import { fillTemplate, formatScore } from '../../core/reasons/reason-writer.ts';
import type { ReasonLanguage } from '../../core/reasons/reason-phrases.ts';
import { PartnerfitError } from '../../core/errors.ts';
import { PURPOSES, type Purpose } from '../../core/ranking/partner-ranker.ts';
import type { Partnerfit } from '../../app/partnerfit.ts';
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
      const { view, names } = await withPartnerfit(async (app) => {
        const view = await app.suggest(id, { top, purpose: flags.purpose as Purpose, allNetworks: flags.allNetworks ?? false, ...(language ? { language } : {}), ...(currency ? { currency } : {}) });
        return { view, names: flags.json ? new Map<string, string>() : await namesOf(app, view.excludedCompetitors ?? []) };
      });
      if (flags.json) printJson(view);
      else printLines(formatSuggestions(view, { networks: flags.allNetworks ?? false, names }));
    });
}

/**
 * The suggestions as text, in the language their reasons are written in (the member's,
 * or `--lang`): headings, criterion names, scores with that language's decimal sign.
 * `networks`: name each partner's network (partners from every network were asked for).
 */
export function formatSuggestions(
  view: SuggestionsView & { readonly excludedCompetitors?: readonly string[] },
  options: { readonly networks?: boolean; readonly names?: ReadonlyMap<string, string> } = {},
): string[] {
  const language = view.language;
  const t = SUGGESTION_PHRASES[language];
  const words = REPORT_PHRASES[language];
  const score = (n: number) => formatScore(n, language);
  const lines = [fillTemplate(view.purpose === 'overflow' ? t.overflowHeading : t.referralHeading, { member: view.member, model: view.modelVersion })];
  if (view.suggestions.length === 0) lines.push(`   ${view.purpose === 'overflow' ? t.noneOverflow : t.none}`);
  else lines.push(`   ${view.purpose === 'overflow' ? t.overflowNote : t.referralNote}`);
  view.suggestions.forEach((s, i) => {
    const criteria = CRITERION_NAMES.map((c) => `${words.criteria[c]} ${s.criteria[c] === null ? '?' : score(s.criteria[c]!)}${c === 'mutualProfit' ? profitBothWays(s, language) : ''}`).join(' · ');
    const marks = [s.competitor !== 'none' ? t.competitor[s.competitor] : '', s.lopsided ? t.lopsided : ''].filter(Boolean).map((m) => ` [${m}]`).join('');
    lines.push(`${i + 1}. ${s.partnerName} (${s.partner}${options.networks && s.network ? `, ${s.network}` : ''}) — ${t.score} ${score(s.score)}${marks}`);
    lines.push(`   ${criteria}`);
    for (const reason of s.reasons) lines.push(`   - ${reason}`);
  });
  if (view.excludedCompetitors && view.excludedCompetitors.length > 0) lines.push(fillTemplate(t.excluded, { members: view.excludedCompetitors.map((x) => (options.names?.has(x) ? `${options.names.get(x)} (${x})` : x)).join(', ') }));
  return lines;
}

/**
 * Mutual profit each way where the two differ (" (you 0.15, they 0.00)"): the pair's
 * value alone would show 0.00 beside a referral the member won.
 */
function profitBothWays(s: SuggestionView, language: ReasonLanguage): string {
  const { forMember, forPartner } = s.mutualProfitBothWays;
  if (forMember === null || forPartner === null || Math.abs(forMember - forPartner) < 0.05) return '';
  return ` (${fillTemplate(SUGGESTION_PHRASES[language].bothWays, { mine: formatScore(forMember, language), theirs: formatScore(forPartner, language) })})`;
}

/** The names of members given by id (the direct competitors left out), for the text. */
export async function namesOf(app: Partnerfit, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await app.memberProfile(id)).profile.name);
  return names;
}
