/** `partnerfit report --network ID [--json] [--html FILE] [--quiet-days N] [--lang CODE] [--currency CODE]` */
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PartnerfitError } from '../../core/errors.ts';
import type { Command } from 'commander';
import { renderReportHtml } from '../../app/report-html.ts';
import type { NetworkReportWithPolicy } from '../../app/scoring-jobs.ts';
import type { EngineKnowledge } from '../../core/knowledge.ts';
import { withPartnerfit } from '../open-app.ts';
import { formatTable, note, printJson, printLines } from '../output.ts';
import { parseCurrency, parsePositiveInt, parseReasonLanguage } from '../option-values.ts';
import { fillTemplate, formatScore, NUMBER_LOCALE, writeReasons } from '../../core/reasons/reason-writer.ts';
import { ledgerFlagWords, ledgerNames, REPORT_PHRASES, reportDate } from '../../app/report-phrases.ts';
import type { ReasonLanguage } from '../../core/reasons/reason-phrases.ts';
import { ledgerTotals, type LedgerTotals, type NetworkLedger } from '../../core/activity/network-ledger.ts';
import { EXCHANGE_RATES, type CurrencyCode } from '../../core/money/exchange-rates.ts';
import { formatMoney } from '../../core/money/format-money.ts';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('the network report: partners per member, conflicts, trades to recruit')
    .requiredOption('--network <id>', 'network id')
    .option('--json', 'print as JSON')
    .option('--html <file>', 'also write a self-contained HTML report with the partner graph')
    .option('--quiet-days <n>', 'a member without activity for this many days has gone quiet', '90')
    .option('--lang <code>', "the reasons' language: en, sv, da or de (default: the one most members write in)")
    .option('--currency <code>', 'the currency amounts are shown in: SEK, DKK, EUR, GBP, … (default: the one most members live with)')
    .action(async (flags: { network: string; json?: boolean; html?: string; quietDays: string; lang?: string; currency?: string }) => {
      const quietDays = parsePositiveInt(flags.quietDays, '--quiet-days');
      const language = parseReasonLanguage(flags.lang);
      const currency = parseCurrency(flags.currency);
      await withPartnerfit(async (app) => {
        // A page that cannot be written is the user's to fix, and is found before the report is computed.
        if (flags.html) checkWritable(flags.html);
        const report = await app.report(flags.network, { quietDays });
        if (flags.html) {
          writeHtml(flags.html, renderReportHtml(report, app.knowledge, language ?? report.language, currency ?? report.currency));
          note(`wrote ${flags.html}`);
        }
        // The JSON says which language and currency the text and page were written in (its own amounts stay in EUR).
        if (flags.json) printJson({ ...report, ...(language ? { language } : {}), ...(currency ? { currency, currencyPerEur: EXCHANGE_RATES.perEur[currency] } : {}) });
        else printLines(formatReport(report, app.knowledge, language ?? report.language, currency ?? report.currency));
      });
    });
}

/** Whether `file` can be written: its folder exists and may be written to, and it is not a folder itself. */
function checkWritable(file: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!existsSync(folder)) throw new PartnerfitError('usage', `--html: cannot write ${file}: the folder ${folder} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new PartnerfitError('usage', `--html: ${file} is a folder; give a file name such as ${path.join(file, 'report.html')}`);
  try {
    accessSync(existsSync(file) ? file : folder, constants.W_OK);
  } catch {
    throw new PartnerfitError('usage', `--html: cannot write ${file}: permission denied`);
  }
}

function writeHtml(file: string, html: string): void {
  try {
    writeFileSync(file, html);
  } catch (error) {
    throw new PartnerfitError('usage', `--html: cannot write ${file}: ${(error as Error).message}`);
  }
}

/**
 * The report as text, in `language` throughout (report-phrases.ts): its headings and
 * columns, trades, the reasons of the best partnerships, scores and amounts.
 */
export function formatReport(report: NetworkReportWithPolicy, knowledge: EngineKnowledge, language: ReasonLanguage = report.language, currency: CurrencyCode = report.currency): string[] {
  const t = REPORT_PHRASES[language];
  const label = (id: string | null) => (id ? knowledge.lexicon.label(id, language) : t.unrecognisedTrade);
  const score = (n: number) => formatScore(n, language);
  const names = new Map(report.summaries.map((s) => [s.id, s.name]));
  const name = (id: string) => names.get(id) ?? id;
  const named = (ids: readonly string[]) => ids.map((id) => `${name(id)} (${id})`).join(', ') || t.none;
  const lines = [
    `${fillTemplate(t.heading, { network: report.network })}: ${[
      fillTemplate(t.members, { n: String(report.members) }),
      t.policies[report.policy],
      fillTemplate(t.partnerships, { n: String(report.partnerships.length), threshold: report.goodPartnerThreshold.toLocaleString(NUMBER_LOCALE[language]) }),
    ].join(' · ')}`,
    '',
  ];
  const summaries = [...report.summaries].sort((a, b) => b.goodPartners - a.goodPartners || a.id.localeCompare(b.id));
  lines.push(
    ...formatTable(
      t.memberColumns,
      summaries.map((s) => [
        `${s.name} (${s.id})`.slice(0, 30),
        label(s.mainService).slice(0, 26),
        String(s.goodPartners),
        s.bestPartner ? `${name(s.bestPartner.partner).slice(0, 24)} ${score(s.bestPartner.score)}` : '-',
        s.conflicts.map((c) => `${c.member} (${t.levels[c.level]})`).join(', ') || '-',
      ]),
      [false, false, true],
    ),
  );
  const shown = report.partnerships.slice(0, 5);
  lines.push('', `${fillTemplate(t.bestPairsHeading, { shown: String(shown.length), n: String(report.partnerships.length) })}. ${t.pairsNote}`);
  for (const p of shown) {
    lines.push(`  ${score(p.score)}  ${name(p.self)} (${p.self}${ledgerMark(report, p.self, language)}) + ${name(p.other)} (${p.other}${ledgerMark(report, p.other, language)})`);
    for (const reason of writeReasons(p.facts, language, knowledge, 3, { currency })) lines.push(`          - ${reason}`);
  }
  lines.push('', fillTemplate(t.withoutPartner, { members: named(report.withoutGoodPartner) }));
  const conflicts = [fillTemplate(t.competitorPairs, { n: String(report.conflicts.length) }), t.policies[report.policy]];
  if (report.policy === 'open' && report.conflicts.length > 0) conflicts.push(t.openPolicyNote);
  lines.push('', `${conflicts.join(' · ')}:`);
  const levelWidth = Math.max(t.levels.direct.length, t.levels.partial.length);
  for (const c of report.conflicts) {
    lines.push(`  ${t.levels[c.competition.level as 'direct' | 'partial'].padEnd(levelWidth)}  ${name(c.a)} (${c.a}) ↔ ${name(c.b)} (${c.b}) ${score(c.competition.score)}  ${c.competition.sharedServices.map((x) => label(x)).join(', ')}`.trimEnd());
  }
  lines.push('', `${t.recruitHeading}:`);
  for (const m of report.missingTrades.slice(0, 5)) {
    lines.push(`  ${label(m.concept)} — ${fillTemplate(t.recruitItem, { value: score(m.value), members: m.beneficiaries.slice(0, 6).map(name).join(', ') })}`);
  }
  if (report.missingTrades.length === 0) lines.push(`  ${t.noMissingTrade}`);
  if (report.ledger && report.ledger.activities > 0) lines.push('', ...formatLedger(report.ledger, knowledge, { language, currency }));
  else lines.push('', `${t.ledgerHeading}: ${fillTemplate(t.noActivity, { command: 'partnerfit ingest-activity FILE' })}`);
  return lines;
}

/**
 * What the ledger says against a member of a partnership (", free rider", ", quiet since
 * 2026-06-18", in `language`), so that a pair with a member who only takes, or has gone
 * quiet, is not taken at face value; "" when nothing.
 */
export function ledgerMark(report: NetworkReportWithPolicy, id: string, language: ReasonLanguage = report.language): string {
  const member = report.ledger?.members.find((m) => m.id === id);
  return member ? ledgerFlagWords(member, language).map((f) => `, ${f.text}`).join('') : '';
}

/** The give/take ledger: per member, then free riders, inactive members and the flow between trades, in `language` (default English) and `currency` (default EUR). */
export function formatLedger(ledger: NetworkLedger, knowledge: EngineKnowledge, options: { readonly top?: number; readonly language?: ReasonLanguage; readonly currency?: CurrencyCode } = {}): string[] {
  const language = options.language ?? 'en';
  const t = REPORT_PHRASES[language];
  const label = (id: string) => (id === 'unknown' ? t.unrecognisedTrade : knowledge.lexicon.label(id, language));
  const eur = (value: number) => formatMoney(value, language, options.currency);
  const members = [...ledger.members].sort((a, b) => b.valueGivenEur - a.valueGivenEur || a.id.localeCompare(b.id));
  const c = t.ledgerColumns;
  // Over all members, also when only the first `top` are listed.
  const totalsRow = (sum: LedgerTotals) => [
    fillTemplate(t.ledgerTotal, { n: String(sum.members) }),
    String(sum.given),
    String(sum.givenWon),
    eur(sum.valueGivenEur),
    String(sum.received),
    String(sum.receivedWon),
    eur(sum.valueReceivedEur),
    '',
  ];
  const lines = [
    `${t.ledgerHeading}: ${fillTemplate(t.ledgerSummary, { n: String(ledger.activities), asOf: ledger.asOf ? reportDate(ledger.asOf, language) : '-', days: String(ledger.quietDays) })}`,
    ...formatTable(
      [c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[9]],
      (options.top ? members.slice(0, options.top) : members).map((m) => [
        `${m.name} (${m.id})`.slice(0, 30),
        String(m.given),
        String(m.givenWon),
        eur(m.valueGivenEur),
        String(m.received),
        String(m.receivedWon),
        eur(m.valueReceivedEur),
        ledgerFlagWords(m, language).map((f) => f.text).join(', ') || '-',
      ]).concat([totalsRow(ledgerTotals(ledger))]),
      [false, true, true, true, true, true, true, false],
    ),
    fillTemplate(t.freeRiders, { members: ledgerNames(ledger, ledger.freeRiders, language) }),
    fillTemplate(t.goneQuiet, { members: ledgerNames(ledger, ledger.goneQuiet, language) }),
    `${t.flowHeading}:`,
  ];
  for (const f of ledger.tradeFlow.slice(0, options.top ?? 8)) {
    lines.push(`  ${label(f.from)} → ${label(f.to)}: ${fillTemplate(t.flowItem, { n: String(f.referrals), won: String(f.won), value: eur(f.valueEur) })}`);
  }
  if (ledger.tradeFlow.length === 0) lines.push(`  ${t.noReferrals}`);
  return lines;
}
