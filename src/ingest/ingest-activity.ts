/**
 * Ingesting activity (one-to-ones and referrals): read records, validate each,
 * check both members exist, and store in batches of 2,000, one transaction each. A bad
 * row is reported with its line, field and reason and the file goes on. Each row is
 * keyed by its `id` column when present, otherwise by a hash of its content, so the
 * same row ingested twice (in one file or across runs) is stored and counted once.
 */
import { hash } from 'node:crypto';
import { ACTIVITY_FIELDS, REQUIRED_ACTIVITY_FIELDS, dateOfDay, dayNumber, type Activity } from '../core/activity/activity.ts';
import { parseActivity } from '../core/activity/activity-parser.ts';
import { PartnerfitError } from '../core/errors.ts';
import { isTextLanguage } from '../core/text/language.ts';
import type { ActivityRecord, ActivityWriter } from '../storage/activity-store.ts';
import type { IngestProgress, IngestReport, RejectedRow } from './ingest-roster.ts';
import { checkColumns, openRecordSource, type InputFormat, type SourceItem } from './record-source.ts';

export interface ActivityIngestOptions {
  readonly format?: InputFormat | undefined;
  readonly batchSize?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Today (`YYYY-MM-DD`); later dates are rejected. Default: the clock's day, plus one for time zones. */
  readonly today?: string;
}

/**
 * Rows per transaction. Larger than the roster's 500: activity rows are small and keyed,
 * so a crash still leaves whole batches and re-running the file completes the job, and
 * 2,000 per round trip is what brings a million rows near a minute on PostgreSQL.
 */
const DEFAULT_BATCH_SIZE = 2000;
const MAX_BATCHES_IN_FLIGHT = 3;
const KNOWN_COLUMNS = new Set<string>(ACTIVITY_FIELDS);
/** Member ids whose existence (and language) is remembered across batches. */
const MEMBER_CACHE_LIMIT = 200_000;

type Pending = { readonly line: number; readonly record: Record<string, unknown> };

export async function ingestActivity(file: string, store: ActivityWriter, options: ActivityIngestOptions = {}): Promise<IngestReport> {
  const source = await openRecordSource(file, { format: options.format, csvReader: 'lines' });
  const warnings = checkColumns(file, source, REQUIRED_ACTIVITY_FIELDS, KNOWN_COLUMNS);
  const latestDate = options.today ?? dateOfDay(dayNumber(new Date().toISOString().slice(0, 10)) + 1);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const rejected: RejectedRow[] = [];
  const members = new Map<string, string | null>();
  const seenHashKeys = new Set<string>();
  const seenIds = new Map<string, number>();
  const unknownKeys = new Set<string>();
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  let duplicates = 0;
  let rows = 0;
  let pending: Pending[] = [];

  const prepare = async (batch: readonly Pending[]): Promise<ActivityRecord[]> => {
    const ids = new Set<string>();
    for (const { record } of batch) for (const f of ['from', 'to'] as const) if (typeof record[f] === 'string' && !members.has((record[f] as string).trim())) ids.add((record[f] as string).trim());
    if (ids.size > 0) {
      if (members.size > MEMBER_CACHE_LIMIT) members.clear();
      const found = await store.memberLanguages([...ids]);
      for (const [id, language] of found) members.set(id, language);
    }
    const records: ActivityRecord[] = [];
    for (const { line, record } of batch) {
      const toLanguage = typeof record.to === 'string' ? members.get(record.to.trim()) : undefined;
      const parsed = parseActivity(record, { currencyLanguage: toLanguage && isTextLanguage(toLanguage) ? toLanguage : null, latestDate });
      if (!parsed.success) {
        for (const issue of parsed.issues) rejected.push({ line, field: issue.field, message: issue.message });
        continue;
      }
      const activity = parsed.activity;
      const missing = (['from', 'to'] as const).filter((f) => !members.has(activity[f]));
      if (missing.length > 0) {
        for (const f of missing) rejected.push({ line, field: f, message: `no member with id "${activity[f]}" (ingest the roster first)` });
        continue;
      }
      const contentHash = hashActivity(activity);
      if (activity.externalId !== null) {
        const first = seenIds.get(activity.externalId);
        if (first !== undefined) {
          rejected.push({ line, field: 'id', message: `duplicate id "${activity.externalId}": line ${first} has it already; this row was skipped` });
          continue;
        }
        seenIds.set(activity.externalId, line);
        records.push({ key: `id:${activity.externalId}`, contentHash, activity });
      } else {
        const key = `h:${contentHash}`;
        // The same row twice in one file is one meeting or referral: stored and counted once.
        if (seenHashKeys.has(key)) {
          duplicates++;
          continue;
        }
        seenHashKeys.add(key);
        records.push({ key, contentHash, activity });
      }
    }
    return records;
  };

  // Batches are validated in file order (the member cache and duplicate checks need
  // that); up to two are written while the next is read.
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const records = await prepare(pending);
    pending = [];
    const saving = store.saveActivities(records).then((result) => {
      inserted += result.inserted;
      updated += result.updated;
      unchanged += result.unchanged;
    });
    saving.catch(() => {});
    inFlight.push(saving);
    if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await inFlight.shift();
  };

  for await (const item of source.records() as AsyncIterable<SourceItem>) {
    rows++;
    if (item.kind === 'issue') rejected.push({ line: item.line, field: item.field, message: item.message });
    else {
      if (!source.columns) for (const k of Object.keys(item.record)) if (!KNOWN_COLUMNS.has(k)) unknownKeys.add(k);
      pending.push({ line: item.line, record: item.record });
      if (pending.length >= batchSize) await flush();
    }
    if (rows % 5000 === 0) options.onProgress?.({ rows, bytesRead: source.bytesRead(), bytesTotal: source.bytes });
  }
  await flush();
  await Promise.all(inFlight);
  options.onProgress?.({ rows, bytesRead: source.bytes, bytesTotal: source.bytes });

  if (duplicates > 0) warnings.push(`${duplicates} row(s) repeat an earlier row of the file exactly; each was stored once`);
  if (unknownKeys.size > 0) warnings.push(`unknown field${unknownKeys.size > 1 ? 's' : ''} ignored: ${[...unknownKeys].join(', ')}`);
  const legacy = source.legacyLines();
  if (legacy.length > 0) warnings.push(`${legacy.length} line(s) are not UTF-8 and were read as Windows-1252 (Latin-1)`);
  if (rows === 0) warnings.push(`${file} has no data rows`);
  rejected.sort((a, b) => a.line - b.line);
  return { accepted: inserted + updated + unchanged + duplicates, updated, unchanged: unchanged + duplicates, rejected, warnings };
}

/**
 * A hash of a parsed activity's content (not its id): the fields joined with a
 * separator no id or value contains. Never change it: stored keys depend on it.
 */
export function hashActivity(activity: Activity): string {
  const fields =
    activity.kind === 'meeting'
      ? ['meeting', activity.from, activity.to, activity.date, activity.rating]
      : ['referral', activity.from, activity.to, activity.date, activity.status, activity.valueAmount ?? '', activity.valueCurrency ?? ''];
  // The one-shot crypto.hash is ~3× faster than createHash for short inputs.
  return hash('sha256', fields.join('\u0000')).slice(0, 32);
}
