/**
 * `partnerfit applicants FILE [--network ID] [--out FILE.csv|FILE.json] [--json] [--resume JOB] [--fresh]`,
 * `partnerfit applicants admit ID [--job JOB]`, `partnerfit applicants status JOB`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Command } from 'commander';
import { writeApplicantsCsv, writeApplicantsJson } from '../../app/applicant-output.ts';
import type { JobPhase } from '../../applicants/applicant-job.ts';
import type { ApplicantResult } from '../../core/applicants/applicant-assessment.ts';
import { APPLICANT_FRAME } from '../../core/applicants/applicant-phrases.ts';
import { REPORT_PHRASES } from '../../app/report-phrases.ts';
import { fillTemplate, formatScore } from '../../core/reasons/reason-writer.ts';
import { PartnerfitError } from '../../core/errors.ts';
import { EXIT } from '../exit-codes.ts';
import { checkInputFile } from '../../ingest/record-source.ts';
import { withPartnerfit } from '../open-app.ts';
import { note, printJson, printLines } from '../output.ts';
import { createProgress, type ProgressReporter } from '../progress.ts';
import { parseFormat } from './ingest-command.ts';

interface ScoreFlags {
  network?: string;
  out?: string;
  json?: boolean;
  resume?: string;
  fresh?: boolean;
  format?: string;
  quiet?: boolean;
}

/** Applicants printed as text before the rest is left to `--out`. */
const TEXT_LIMIT = 50;

export function registerApplicantsCommand(program: Command): void {
  const applicants = program.command('applicants').description('batch-score applicants (a resumable job), admit them, show a job');
  applicants
    .command('score', { isDefault: true })
    .description('score a file of applicants against the networks they apply to')
    .argument('<file>', 'applicants, in the roster format (CSV, JSON array or JSON Lines)')
    .option('--network <id>', 'the network every applicant of the file applies to')
    .option('--out <file>', 'write all results to FILE.csv or FILE.json')
    .option('--json', 'print the results as JSON')
    .option('--resume <job>', 'continue this job (a re-run of the same command does too)')
    .option('--fresh', 'score again, even if a finished job for this file exists')
    .option('--format <format>', 'input format: csv, json, jsonl (default: from the file)')
    .option('--quiet', 'no progress on stderr')
    .action(scoreCommand);
  applicants
    .command('admit')
    .description('make a scored applicant a member (through the same store ingest uses)')
    .argument('<id>', 'applicant id')
    .option('--job <job>', 'the job that scored them (default: the newest that has them)')
    .option('--json', 'print as JSON')
    .action(async (id: string, flags: { job?: string; json?: boolean }) => {
      const admitted = await withPartnerfit((app) => app.admitApplicant(id, flags.job ? { job: flags.job } : {}));
      if (flags.json) printJson(admitted);
      else {
        printLines([`${admitted.member} is now a member${admitted.network ? ` of ${admitted.network}` : ''} (scored in ${admitted.job}, verdict ${admitted.verdict})`]);
        if (!admitted.changed) note(`note: ${admitted.member} was a member with exactly this profile already`);
      }
    });
  applicants
    .command('status')
    .description('progress of an applicant job')
    .argument('<job>', 'job id')
    .option('--json', 'print as JSON')
    .action(async (jobId: string, flags: { json?: boolean }) => {
      const job = await withPartnerfit((app) => app.applicantJob(jobId));
      if (flags.json) printJson(job);
      else
        printLines([
          `${job.id}: ${job.status}; ${job.file}${job.networkOption ? ` --network ${job.networkOption}` : ''}`,
          `rows read ${job.rowsRead}, applicants ${job.rows}, scored ${job.scored}, rejected lines ${job.rejectedLines}`,
          `started ${job.createdAt.toISOString()}${job.finishedAt ? `, finished ${job.finishedAt.toISOString()}` : ''}`,
        ]);
    });
}

async function scoreCommand(file: string, flags: ScoreFlags): Promise<void> {
  const format = parseFormat(flags.format);
  // A missing or empty file is reported before the database is opened (a second sooner).
  await checkInputFile(file);
  const outFormat = flags.out ? outputFormat(flags.out) : null;
  // Ctrl-C stops between two stored chunks; the job resumes later where it stopped.
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    note('\nstopping after the current chunk (Ctrl-C again to quit at once; nothing stored is lost)…');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await withPartnerfit(async (app) => {
      const bars = new Map<JobPhase, ProgressReporter>();
      const bar = (phase: JobPhase) => {
        let reporter = bars.get(phase);
        if (!reporter) {
          for (const other of bars.values()) other.stop();
          reporter = createProgress(phase === 'reading' ? 'reading applicants' : phase === 'pairing' ? 'comparing applicants' : 'scoring applicants', phase === 'reading' ? 'KB' : 'applicants', flags.quiet);
          bars.set(phase, reporter);
        }
        return reporter;
      };
      let outcome;
      try {
        outcome = await app.scoreApplicants(file, {
          network: flags.network,
          format,
          resume: flags.resume,
          fresh: flags.fresh,
          signal: controller.signal,
          onProgress: (p) =>
            p.phase === 'reading'
              ? bar(p.phase).update(Math.round(p.done / 1024), Math.max(1, Math.round(p.total / 1024)))
              : bar(p.phase).update(p.done, p.total),
        });
      } finally {
        for (const reporter of bars.values()) reporter.stop();
      }
      const { job } = outcome;
      if (outcome.start === 'resumed') note(`resumed job ${job.id}`);
      if (outcome.start === 'finished-before') note(`job ${job.id} finished before (${job.finishedAt?.toISOString()}); showing its results (--fresh scores again)`);
      if (!outcome.finished) {
        note(`stopped: job ${job.id} is ${job.status}; continue with: partnerfit applicants ${file} --resume ${job.id}`);
        process.exitCode = 130;
        return;
      }
      const rejected = await app.applicantRejections(job.id);
      const header = { job: job.id, rejected, warnings: job.warnings };
      if (flags.out) {
        const out = createWriteStream(flags.out);
        const opened = once(out, 'open');
        out.on('error', () => {});
        try {
          await opened;
        } catch (error) {
          throw new PartnerfitError('unusable-input', `cannot write ${flags.out}: ${(error as Error).message}`);
        }
        const count = outFormat === 'csv' ? await writeApplicantsCsv(out, app.applicantResults(job.id)) : await writeApplicantsJson(out, header, app.applicantResults(job.id));
        out.end();
        await once(out, 'finish');
        note(`wrote ${count} applicant${count === 1 ? '' : 's'} to ${flags.out}`);
      }
      if (flags.json) await writeApplicantsJson(process.stdout, header, app.applicantResults(job.id));
      else if (!flags.out || process.stdout.isTTY) await printApplicants(app.applicantResults(job.id), job.id, flags.out);
      for (const r of rejected) note(`line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.message}`);
      for (const w of job.warnings) note(`warning: ${w}`);
      process.exitCode = rejected.length > 0 ? EXIT.rowsRejected : EXIT.done;
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function outputFormat(file: string): 'csv' | 'json' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new PartnerfitError('usage', `--out must name a .csv or .json file, not "${file}"`);
}

async function printApplicants(results: AsyncIterable<ApplicantResult>, jobId: string, out: string | undefined): Promise<void> {
  const counts = { accept: 0, review: 0, conflict: 0 };
  let shown = 0;
  for await (const r of results) {
    counts[r.verdict]++;
    if (shown >= TEXT_LIMIT) continue;
    shown++;
    // Each applicant in the language of their sentences (the applicant's own), numbers with its decimal sign.
    const language = r.language ?? 'en';
    const t = APPLICANT_FRAME[language];
    const level = (l: 'direct' | 'partial') => REPORT_PHRASES[language].levels[l];
    const score = (n: number) => formatScore(n, language);
    const lines = [`${r.id} ${r.name} → ${r.network}: ${fillTemplate(t.heading, { verdict: t.verdicts[r.verdict], fit: score(r.fit), n: String(r.strongPartners) })}`];
    if (r.conflicts.length > 0) lines.push(`  ${t.conflicts}: ${r.conflicts.map((c) => `${c.name} (${c.member}) ${level(c.level)} ${score(c.score)}`).join(', ')}`);
    if (r.batchConflicts.length > 0) lines.push(`  ${t.inBatch}: ${r.batchConflicts.map((c) => `${c.name} (${c.applicant}) ${level(c.level)} ${score(c.score)}`).join(', ')}`);
    if (r.topPartners.length > 0) lines.push(`  ${t.topPartners}: ${r.topPartners.slice(0, 3).map((p) => `${p.name} (${p.partner}) ${score(p.score)}`).join(', ')}`);
    for (const reason of r.reasons) lines.push(`  - ${reason}`);
    printLines(lines);
  }
  const total = counts.accept + counts.review + counts.conflict;
  if (total > shown) printLines([`… ${total - shown} more${out ? ` in ${out}` : '; --out FILE.csv|FILE.json writes them all'}`]);
  printLines([`${jobId}: ${total} applicant${total === 1 ? '' : 's'}: ${counts.accept} accept, ${counts.review} review, ${counts.conflict} conflict`]);
}
