/**
 * `partnerfit demo` (what `npm start` runs): ingests the bundled demo network into
 * the database (embedded by default) and shows what the engine understood.
 */
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { RosterOverview } from '../../app/roster-overview.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';
import { printIngestReport } from './ingest-command.ts';
import { printActivityReport } from './ingest-activity-command.ts';
import { ledgerMark } from './report-command.ts';
import { formatSuggestions, namesOf } from './suggest-command.ts';
import { writeReasons } from '../../core/reasons/reason-writer.ts';
import { formatMoney } from '../../core/money/format-money.ts';

export const DEMO_ROSTER = fileURLToPath(new URL('../../../data/demo/roster.csv', import.meta.url));
export const DEMO_ACTIVITY = fileURLToPath(new URL('../../../data/demo/activity.csv', import.meta.url));
export const DEMO_APPLICANTS = fileURLToPath(new URL('../../../data/demo/applicants.csv', import.meta.url));

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled demo network and show what partnerfit finds in it')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }) => {
      await withPartnerfit(async (app) => {
        note(`partnerfit demo — database: ${app.database.kind} (${app.database.location})`);
        const report = await app.ingest(DEMO_ROSTER);
        const activityReport = await app.ingestActivity(DEMO_ACTIVITY);
        const overview = await app.overview();
        const networks = await app.networks();
        const reports = [];
        for (const network of networks) reports.push(await app.report(network.id));
        const competitors = await app.competitors();
        const applicantJob = await app.scoreApplicants(DEMO_APPLICANTS);
        const applicants = [];
        for await (const result of app.applicantResults(applicantJob.job.id)) applicants.push(result);
        if (flags.json) {
          printJson({ ingest: report, ingestActivity: activityReport, overview, reports, competitors, applicants: { job: applicantJob.job.id, applicants } });
          return;
        }
        printIngestReport(report);
        printActivityReport(activityReport);
        printLines(formatOverview(overview));
        printLines(['', '== Best partnerships per network (reasons in the language most members write in, written to the first member of each pair)']);
        for (const r of reports) {
          const name = (id: string) => r.summaries.find((s) => s.id === id)?.name ?? id;
          printLines([`${r.network} (${r.members} members, policy ${r.policy}):`]);
          for (const p of r.partnerships.slice(0, 3)) {
            const reasons = writeReasons(p.facts, r.language, app.knowledge, 2, { currency: r.currency });
            printLines([`  ${p.score.toFixed(2)}  ${name(p.self)} (${p.self}${ledgerMark(r, p.self)}) + ${name(p.other)} (${p.other}${ledgerMark(r, p.other)}): ${reasons.join('; ')}`]);
          }
          if (r.missingTrades[0]) printLines([`  recruit next: ${r.missingTrades.slice(0, 3).map((t) => app.knowledge.lexicon.label(t.concept, r.language)).join(', ')}`]);
        }
        printLines(['', '== Give/take ledger (data/demo/activity.csv, generated: it shows the machinery, not real behaviour)']);
        for (const r of reports) {
          if (!r.ledger) continue;
          const l = r.ledger;
          const top = [...l.members].sort((a, b) => b.valueGivenEur - a.valueGivenEur)[0];
          const flow = l.tradeFlow[0];
          const label = (id: string) => (id === 'unknown' ? 'unrecognised trade' : app.knowledge.lexicon.label(id, r.language));
          printLines([
            `${r.network}: top giver ${top ? `${top.name} (${top.id}, ${top.given} given, ${formatMoney(top.valueGivenEur, 'en', r.currency)} closed by others)` : '-'}; free riders: ${l.freeRiders.join(', ') || 'none'}; gone quiet: ${l.goneQuiet.join(', ') || 'none'}${flow ? `; strongest flow ${label(flow.from)} → ${label(flow.to)}` : ''}`,
          ]);
        }
        const direct = competitors.pairs.filter((p) => p.level === 'direct');
        printLines(['', `== Competitor conflicts: ${direct.length} direct, ${competitors.pairs.length - direct.length} partial`]);
        for (const p of direct) printLines([`  ${p.a} ↔ ${p.b}: ${p.reasons.join('; ')}`]);
        const example = reports[0]?.summaries[0]?.id;
        if (example) {
          const view = await app.suggest(example, { top: 3 });
          printLines(['', `== Suggestions for ${example}`, ...formatSuggestions(view, { names: await namesOf(app, view.excludedCompetitors) })]);
        }
        printLines(['', `== Applicants (data/demo/applicants.csv, job ${applicantJob.job.id})`]);
        for (const a of applicants) {
          const conflict = a.conflicts[0] ? `; ${a.conflicts[0].level} conflict with ${a.conflicts[0].member}` : a.batchConflicts[0] ? `; competes with ${a.batchConflicts[0].applicant} for one seat` : '';
          printLines([`  ${a.id} → ${a.network}: ${a.verdict} (fit ${a.fit.toFixed(2)}${conflict})`]);
        }
        printLines([
          '',
          'Try: npx partnerfit suggest <id> · partnerfit networks · partnerfit competitors · partnerfit report --network <id> --html report.html · partnerfit applicants data/demo/applicants.csv · partnerfit train · partnerfit eval',
        ]);
      });
    });
}

function formatOverview(overview: RosterOverview): string[] {
  const languages = Object.entries(overview.languages)
    .sort((a, b) => b[1].roster + b[1].detected - (a[1].roster + a[1].detected))
    .map(([code, n]) => `${code} ${n.roster + n.detected}${n.detected > 0 ? ` (${n.detected} detected)` : ''}`);
  const { recognised, total } = overview.servicesRecognised;
  return [
    '',
    `${overview.members} members in ${Object.keys(overview.networks).length} networks: ${Object.entries(overview.networks).map(([n, c]) => `${n} ${c}`).join(', ')}`,
    `languages: ${languages.join(', ')}`,
    `services recognised: ${recognised} of ${total} entries (${total ? Math.round((100 * recognised) / total) : 0}%)`,
    '',
    'the same trade, written in different languages:',
    ...overview.multilingualTrades.slice(0, 8).map(
      (t) => `  ${t.label}: ${t.members.map((m) => `${m.id} "${m.term}" (${m.language ?? '?'})`).join(', ')}`,
    ),
  ];
}
