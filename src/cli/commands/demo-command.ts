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

export const DEMO_ROSTER = fileURLToPath(new URL('../../../data/demo/roster.csv', import.meta.url));

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('ingest the bundled demo network and show what partnerfit finds in it')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }) => {
      await withPartnerfit(async (app) => {
        note(`partnerfit demo — database: ${app.database.kind} (${app.database.location})`);
        const report = await app.ingest(DEMO_ROSTER);
        const overview = await app.overview();
        if (flags.json) {
          printJson({ ingest: report, ...overview });
          return;
        }
        printIngestReport(report);
        printLines(formatOverview(overview));
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
