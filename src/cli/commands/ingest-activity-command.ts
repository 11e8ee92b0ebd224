/** `partnerfit ingest-activity FILE [--format csv|json|jsonl] [--json] [--quiet]` */
import type { Command } from 'commander';
import type { IngestReport } from '../../ingest/ingest-roster.ts';
import { checkInputFile, INPUT_FORMATS } from '../../ingest/record-source.ts';
import { EXIT } from '../exit-codes.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';
import { createProgress } from '../progress.ts';
import { parseFormat } from './ingest-command.ts';

export function registerIngestActivityCommand(program: Command): void {
  program
    .command('ingest-activity')
    .description('store one-to-one meetings and referrals (CSV or JSON Lines: kind, from, to, date, rating | status, value)')
    .argument('<file>', 'the activity file')
    .option('--format <format>', `input format: ${INPUT_FORMATS.join(', ')} (default: from the file)`)
    .option('--json', 'print the report as JSON')
    .option('--quiet', 'no progress on stderr')
    .action(async (file: string, flags: { format?: string; json?: boolean; quiet?: boolean }) => {
      const format = parseFormat(flags.format);
      // A missing or empty file is reported before the database is opened (a second sooner).
      await checkInputFile(file);
      const report = await withPartnerfit(async (app) => {
        const progress = createProgress('ingest-activity', 'KB', flags.quiet);
        try {
          return await app.ingestActivity(file, {
            format,
            onProgress: (p) => progress.update(Math.round(p.bytesRead / 1024), Math.max(1, Math.round(p.bytesTotal / 1024))),
          });
        } finally {
          progress.stop();
        }
      });
      if (flags.json) printJson(report);
      else printActivityReport(report);
      process.exitCode = report.rejected.length > 0 ? EXIT.rowsRejected : EXIT.done;
    });
}

export function printActivityReport(report: IngestReport): void {
  const created = report.accepted - report.updated - report.unchanged;
  printLines([
    `accepted ${report.accepted} activity row(s): ${created} new, ${report.updated} updated, ${report.unchanged} unchanged`,
    ...(report.rejected.length > 0 ? [`rejected ${report.rejected.length} row issue(s):`] : []),
    ...report.rejected.slice(0, 50).map((r) => `  line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.message}`),
    ...(report.rejected.length > 50 ? [`  … and ${report.rejected.length - 50} more (--json lists all)`] : []),
  ]);
  for (const warning of report.warnings) note(`warning: ${warning}`);
}
