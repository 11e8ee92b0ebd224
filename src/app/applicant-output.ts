/**
 * The applicants output of the contract (PRODUCT.md), streamed from the stored job:
 * JSON (`{"job", "applicants": [...], "rejected", "warnings"}`) or CSV, one applicant
 * at a time, so a batch of any length is written in flat memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { compareRivals, type ApplicantResult } from '../core/applicants/applicant-assessment.ts';
import type { ApplicantJobStore, RowRejection } from '../storage/applicant-job-store.ts';

/** Results in line order, with rivals for one seat compared (both fits are known once the job is done). */
export async function* applicantResults(jobs: ApplicantJobStore, jobId: string, pageSize = 500): AsyncIterable<ApplicantResult> {
  let page: { result: ApplicantResult; language: string | null }[] = [];
  const emit = async function* () {
    const rivalLines = page.flatMap((p) => p.result.batchConflicts.filter((r) => r.level === 'direct').map((r) => r.line));
    const fits = await jobs.fitsOf(jobId, rivalLines);
    const byId = new Map([...fits.values()].map((f) => [f.id, f.fit]));
    for (const p of page) yield compareRivals(p.result, byId, p.language);
    page = [];
  };
  for await (const row of jobs.iterateResults<ApplicantResult>(jobId, pageSize)) {
    page.push({ result: row.result, language: row.vector.replyLanguage });
    if (page.length >= pageSize) yield* emit();
  }
  yield* emit();
}

export interface ApplicantsHeader {
  readonly job: string;
  readonly rejected: readonly RowRejection[];
  readonly warnings: readonly string[];
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export async function writeApplicantsJson(out: Writable, header: ApplicantsHeader, results: AsyncIterable<ApplicantResult>, pretty = true): Promise<number> {
  const indent = pretty ? 2 : 0;
  const item = (value: unknown) => (pretty ? JSON.stringify(value, null, indent).replace(/\n/g, '\n    ') : JSON.stringify(value));
  await write(out, `{${pretty ? '\n  ' : ''}"job": ${JSON.stringify(header.job)},${pretty ? '\n  ' : ''}"applicants": [`);
  let n = 0;
  for await (const result of results) {
    await write(out, `${n === 0 ? '' : ','}${pretty ? '\n    ' : ''}${item(result)}`);
    n++;
  }
  await write(
    out,
    `${n > 0 && pretty ? '\n  ' : ''}],${pretty ? '\n  ' : ''}"rejected": ${pretty ? JSON.stringify(header.rejected, null, indent).replace(/\n/g, '\n  ') : JSON.stringify(header.rejected)},${pretty ? '\n  ' : ''}"warnings": ${JSON.stringify(header.warnings)}${pretty ? '\n' : ''}}\n`,
  );
  return n;
}

export const APPLICANT_CSV_COLUMNS = [
  'id',
  'name',
  'network',
  'verdict',
  'fit',
  'conflicts',
  'batch_conflicts',
  'strong_partners',
  'top_partners',
  'gains_partner',
  'fills_trades',
  'reasons',
] as const;

export async function writeApplicantsCsv(out: Writable, results: AsyncIterable<ApplicantResult>): Promise<number> {
  await write(out, `${APPLICANT_CSV_COLUMNS.join(',')}\n`);
  let n = 0;
  for await (const r of results) {
    const cells = [
      r.id,
      r.name,
      r.network,
      r.verdict,
      r.fit.toFixed(3),
      r.conflicts.map((c) => `${c.member}:${c.level}:${c.score}`).join(';'),
      r.batchConflicts.map((c) => `${c.applicant}:${c.level}:${c.score}`).join(';'),
      String(r.strongPartners),
      r.topPartners.map((p) => `${p.partner}:${p.score}`).join(';'),
      r.gainsPartner.join(';'),
      r.fillsTrades.join(';'),
      r.reasons.join(' | '),
    ];
    await write(out, `${cells.map(csvCell).join(',')}\n`);
    n++;
  }
  return n;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
