/** `partnerfit ingest FILE [--network ID] [--format csv|json|jsonl] [--json]` */
import type { Command } from 'commander';
import { PartnerfitError } from '../../core/errors.ts';
import type { IngestReport } from '../../ingest/ingest-roster.ts';
import { checkInputFile, INPUT_FORMATS, type InputFormat } from '../../ingest/record-source.ts';
import { EXIT } from '../exit-codes.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';
import { createProgress } from '../progress.ts';

interface IngestFlags {
  network?: string;
  format?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('store or update members from a roster (CSV, JSON array or JSON Lines)')
    .argument('<file>', 'the roster file')
    .option('--network <id>', 'network (chapter) id for every row of the file')
    .option('--format <format>', `input format: ${INPUT_FORMATS.join(', ')} (default: from the file)`)
    .option('--json', 'print the report as JSON')
    .option('--quiet', 'no progress on stderr')
    .action(async (file: string, flags: IngestFlags) => {
      const format = parseFormat(flags.format);
      // A missing or empty file is reported before the database is opened (a second sooner).
      await checkInputFile(file);
      const report = await withPartnerfit(async (app) => {
        const progress = createProgress('ingest', 'KB', flags.quiet);
        try {
          return await app.ingest(file, {
            network: flags.network,
            format,
            onProgress: (p) => progress.update(Math.round(p.bytesRead / 1024), Math.max(1, Math.round(p.bytesTotal / 1024))),
          });
        } finally {
          progress.stop();
        }
      });
      if (flags.json) printJson(report);
      else printIngestReport(report);
      process.exitCode = report.rejected.length > 0 ? EXIT.rowsRejected : EXIT.done;
    });
}

export function parseFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  if (!(INPUT_FORMATS as readonly string[]).includes(value)) {
    throw new PartnerfitError('usage', `--format must be one of ${INPUT_FORMATS.join(', ')}, not "${value}"`);
  }
  return value as InputFormat;
}

export function printIngestReport(report: IngestReport): void {
  const created = report.accepted - report.updated - report.unchanged;
  printLines([
    `accepted ${report.accepted} member(s): ${created} new, ${report.updated} updated, ${report.unchanged} unchanged`,
    ...(report.rejected.length > 0 ? [`rejected ${report.rejected.length} row issue(s):`] : []),
    ...report.rejected.map((r) => `  line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.message}`),
  ]);
  for (const warning of report.warnings) note(`warning: ${warning}`);
}
