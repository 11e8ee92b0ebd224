/** `partnerfit report --network ID [--json] [--html FILE]` */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderReportHtml } from '../../app/report-html.ts';
import type { NetworkReportWithPolicy } from '../../app/scoring-jobs.ts';
import type { EngineKnowledge } from '../../core/knowledge.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';
import { parsePositiveInt, parseReasonLanguage } from '../option-values.ts';
import { writeReasons } from '../../core/reasons/reason-writer.ts';
import type { ReasonLanguage } from '../../core/reasons/reason-phrases.ts';
import type { NetworkLedger } from '../../core/activity/network-ledger.ts';
import { formatEur } from '../../core/money/format-eur.ts';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('the network report: partners per member, conflicts, trades to recruit')
    .requiredOption('--network <id>', 'network id')
    .option('--json', 'print as JSON')
    .option('--html <file>', 'also write a self-contained HTML report with the partner graph')
    .option('--quiet-days <n>', 'a member without activity for this many days has gone quiet', '90')
    .option('--lang <code>', "the reasons' language: en, sv, da or de (default: the one most members write in)")
    .action(async (flags: { network: string; json?: boolean; html?: string; quietDays: string; lang?: string }) => {
      const quietDays = parsePositiveInt(flags.quietDays, '--quiet-days');
      const language = parseReasonLanguage(flags.lang);
      await withPartnerfit(async (app) => {
        const report = await app.report(flags.network, { quietDays });
        if (flags.html) {
          writeFileSync(flags.html, renderReportHtml(report, app.knowledge, language ?? report.language));
          note(`wrote ${flags.html}`);
        }
        // The JSON says which language the text and page were written in.
        if (flags.json) printJson(language ? { ...report, language } : report);
        else printLines(formatReport(report, app.knowledge, language ?? report.language));
      });
    });
}

/** The report as text; trades and the reasons of the best partnerships in `language`. */
export function formatReport(report: NetworkReportWithPolicy, knowledge: EngineKnowledge, language: ReasonLanguage = report.language): string[] {
  const label = (id: string | null) => (id ? knowledge.lexicon.label(id, language) : 'unrecognised trade');
  const lines = [
    `Network ${report.network}: ${report.members} members, policy ${report.policy}, good partner = score ≥ ${report.goodPartnerThreshold}`,
    '',
    'member                         trade                      good partners  best partner            conflicts',
  ];
  for (const s of [...report.summaries].sort((a, b) => b.goodPartners - a.goodPartners || a.id.localeCompare(b.id))) {
    lines.push(
      `${`${s.name} (${s.id})`.slice(0, 30).padEnd(31)}${label(s.mainService).slice(0, 26).padEnd(27)}${String(s.goodPartners).padStart(13)}  ${(s.bestPartner ? `${s.bestPartner.partner} ${s.bestPartner.score.toFixed(2)}` : '-').padEnd(24)}${s.conflicts.map((c) => `${c.member} (${c.level})`).join(', ') || '-'}`,
    );
  }
  const name = (id: string) => report.summaries.find((s) => s.id === id)?.name ?? id;
  lines.push('', `best partnerships (of ${report.partnerships.length}; the reasons are written to the first member of each pair):`);
  for (const p of report.partnerships.slice(0, 5)) {
    lines.push(`  ${p.score.toFixed(2)}  ${name(p.self)} (${p.self}${ledgerMark(report, p.self)}) + ${name(p.other)} (${p.other}${ledgerMark(report, p.other)})`);
    for (const reason of writeReasons(p.facts, language, knowledge, 3)) lines.push(`          - ${reason}`);
  }
  lines.push('', `members without a good partner: ${report.withoutGoodPartner.join(', ') || 'none'}`);
  const conflictWord = report.policy === 'open' ? 'peers of one trade (allowed by the open policy; overflow partners)' : 'conflicts (exclusive policy: one seat per trade)';
  lines.push('', `${conflictWord}: ${report.conflicts.length}`);
  for (const c of report.conflicts) lines.push(`  ${c.competition.level.padEnd(7)} ${c.a} ↔ ${c.b} (${c.competition.score.toFixed(2)}) ${c.competition.sharedServices.map((x) => label(x)).join(', ')}`);
  lines.push('', 'trades to recruit (most partner value for current members):');
  for (const t of report.missingTrades.slice(0, 5)) lines.push(`  ${label(t.concept)} — value ${t.value}, partner for ${t.beneficiaries.slice(0, 6).join(', ')}`);
  if (report.ledger) lines.push('', ...formatLedger(report.ledger, knowledge, { language }));
  else lines.push('', 'give/take ledger: no activity recorded (partnerfit ingest-activity FILE)');
  return lines;
}


/**
 * What the ledger says against a member of a partnership (", free rider", ", quiet since
 * 2026-06-18"), so that a pair with a member who only takes, or has gone quiet, is not
 * taken at face value; "" when nothing.
 */
export function ledgerMark(report: NetworkReportWithPolicy, id: string): string {
  const member = report.ledger?.members.find((m) => m.id === id);
  if (!member) return '';
  return [member.freeRider ? ', free rider' : '', member.goneQuiet ? `, quiet since ${member.lastActivity ?? 'ever'}` : ''].join('');
}

/** The give/take ledger: per member, then free riders, quiet members and the flow between trades (trades named in `language`, default English). */
export function formatLedger(ledger: NetworkLedger, knowledge: EngineKnowledge, options: { readonly top?: number; readonly language?: ReasonLanguage } = {}): string[] {
  const label = (id: string) => (id === 'unknown' ? 'unrecognised trade' : knowledge.lexicon.label(id, options.language ?? 'en'));
  const lines = [
    `give/take ledger (${ledger.activities} activity rows, as of ${ledger.asOf ?? '-'}; quiet = nothing for ${ledger.quietDays} days)`,
    'member                         given  won  value given      received  won  value received   flags',
  ];
  const members = [...ledger.members].sort((a, b) => b.valueGivenEur - a.valueGivenEur || a.id.localeCompare(b.id));
  for (const m of options.top ? members.slice(0, options.top) : members) {
    const flags = [m.freeRider ? 'free rider' : '', m.goneQuiet ? `quiet since ${m.lastActivity ?? 'ever'}` : ''].filter(Boolean).join(', ');
    lines.push(
      `${`${m.name} (${m.id})`.slice(0, 30).padEnd(31)}${String(m.given).padStart(5)}  ${String(m.givenWon).padStart(3)}  ${formatEur(m.valueGivenEur).padStart(13)}  ${String(m.received).padStart(8)}  ${String(m.receivedWon).padStart(3)}  ${formatEur(m.valueReceivedEur).padStart(14)}   ${flags || '-'}`,
    );
  }
  lines.push(`free riders (take, never give): ${ledger.freeRiders.join(', ') || 'none'}`);
  lines.push(`gone quiet: ${ledger.goneQuiet.join(', ') || 'none'}`);
  lines.push('referral flow between trades (won value):');
  for (const f of ledger.tradeFlow.slice(0, options.top ?? 8)) lines.push(`  ${label(f.from)} → ${label(f.to)}: ${f.referrals} referral${f.referrals === 1 ? '' : 's'}, ${f.won} won, ${formatEur(f.valueEur)}`);
  return lines;
}
