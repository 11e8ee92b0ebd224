/**
 * Ingesting a roster: read records, validate each into a profile, understand it
 * (vectorise), and store members in batches. A bad row is reported with its line,
 * field and reason and the batch goes on; a batch is one transaction.
 */
import { createHash } from 'node:crypto';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { ROSTER_FIELDS, REQUIRED_ROSTER_FIELDS, type MemberProfile } from '../core/profile/member-profile.ts';
import { parseMemberProfile } from '../core/profile/profile-parser.ts';
import { PartnerfitError } from '../core/errors.ts';
import type { MemberRecord, MemberWriter, SaveResult } from '../storage/member-store.ts';
import { checkColumns, openRecordSource, type InputFormat, type RecordSource } from './record-source.ts';
import { inThreadVectorizer, workerVectorizer, type Vectorizer } from './vectorizer-pool.ts';

export interface RejectedRow {
  readonly line: number;
  readonly field: string | null;
  readonly message: string;
}

/** The ingest report of the output contract, with `unchanged` added. */
export interface IngestReport {
  /** Rows stored: new members plus updated ones plus unchanged ones. */
  readonly accepted: number;
  /** Rows whose id existed and whose profile changed. */
  readonly updated: number;
  /** Rows whose id existed with exactly this profile: nothing was written. */
  readonly unchanged: number;
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly string[];
}

export interface IngestProgress {
  readonly rows: number;
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

export interface IngestOptions {
  readonly network?: string | undefined;
  readonly format?: InputFormat | undefined;
  readonly batchSize?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Vectorise large files on a worker thread. Pays off when the database works in
   * another process (a PostgreSQL server); the embedded database already keeps the
   * main thread busy, and a worker there only adds memory (measured in docs/benchmarks.md).
   */
  readonly vectorizeInWorker?: boolean;
  /**
   * Only members of this network may be written: a row whose id belongs to a member of
   * another network is rejected instead of moving that member (an API key's scope).
   */
  readonly confineToNetwork?: string | undefined;
}

const DEFAULT_BATCH_SIZE = 500;
/** Files larger than this are vectorised on a worker thread (its start-up costs about a second). */
const WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;
const MAX_BATCHES_IN_FLIGHT = 2;
const KNOWN_COLUMNS = new Set<string>(ROSTER_FIELDS);

export async function ingestRoster(
  file: string,
  store: MemberWriter,
  knowledge: EngineKnowledge,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const source = await openRecordSource(file, { format: options.format });
  const warnings = checkRosterColumns(file, source);

  const vectorizer: Vectorizer =
    options.vectorizeInWorker && source.bytes > WORKER_THRESHOLD_BYTES ? workerVectorizer() : inThreadVectorizer(knowledge);
  try {
    return await ingestRecords(file, source, store, vectorizer, options, warnings);
  } finally {
    await vectorizer.close();
  }
}

/**
 * Refuses a CSV header that cannot hold a roster (no id, name or services column, a
 * column named twice: nothing is read then) and warns about columns it will ignore.
 */
export function checkRosterColumns(file: string, source: RecordSource): string[] {
  return checkColumns(file, source, REQUIRED_ROSTER_FIELDS, KNOWN_COLUMNS);
}

async function ingestRecords(
  file: string,
  source: RecordSource,
  store: MemberWriter,
  vectorizer: Vectorizer,
  options: IngestOptions,
  warnings: string[],
): Promise<IngestReport> {
  const rejected: RejectedRow[] = [];
  const firstLineOfId = new Map<string, number>();
  const unknownKeys = new Set<string>();
  let batch: MemberProfile[] = [];
  let batchLines: number[] = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  let rows = 0;
  let networkOverridden = 0;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  // Up to two batches are written while the next is being read and understood: with a
  // PostgreSQL server, its work and ours overlap. Each batch is its own transaction.
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    let profiles = batch;
    if (options.confineToNetwork) {
      const elsewhere = await store.networksOfMembers(profiles.map((p) => p.id));
      const lines = batchLines;
      profiles = profiles.filter((p, i) => {
        const network = elsewhere.get(p.id);
        if (network === undefined || network === options.confineToNetwork) return true;
        rejected.push({ line: lines[i]!, field: 'id', message: `"${p.id}" is a member of another network; this key may only change members of ${options.confineToNetwork}` });
        return false;
      });
    }
    const saving = vectorizer
      .vectorize(profiles)
      .then((vectors) => store.saveMembers(profiles.map((profile, i): MemberRecord => ({ profile, contentHash: hashProfile(profile), vector: vectors[i]! }))))
      .then((result) => {
      inserted += result.inserted.length;
      updated += result.updated.length;
      unchanged += result.unchanged.length;
    });
    batch = [];
    batchLines = [];
    // Marked as handled here; the failure itself surfaces where the promise is awaited.
    saving.catch(() => {});
    inFlight.push(saving);
    if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await inFlight.shift();
  };

  for await (const item of source.records()) {
    rows++;
    if (item.kind === 'issue') {
      rejected.push({ line: item.line, field: item.field, message: item.message });
    } else {
      const record = item.record;
      if (!source.columns) for (const key of Object.keys(record)) if (!KNOWN_COLUMNS.has(key)) unknownKeys.add(key);
      if (options.network && typeof record.network === 'string' && record.network !== '' && record.network !== options.network) {
        networkOverridden++;
      }
      const parsed = parseMemberProfile(
        options.network ? { ...record, network: options.network } : record,
      );
      if (!parsed.success) {
        for (const issue of parsed.issues) rejected.push({ line: item.line, field: issue.field, message: issue.message });
      } else {
        const profile = parsed.profile;
        const firstLine = firstLineOfId.get(profile.id);
        if (firstLine !== undefined) {
          rejected.push({ line: item.line, field: 'id', message: `duplicate id "${profile.id}": line ${firstLine} has it already; this row was skipped` });
        } else {
          firstLineOfId.set(profile.id, item.line);
          batch.push(profile);
          batchLines.push(item.line);
          if (batch.length >= batchSize) await flush();
        }
      }
    }
    if (rows % 1000 === 0) options.onProgress?.({ rows, bytesRead: source.bytesRead(), bytesTotal: source.bytes });
  }
  await flush();
  await Promise.all(inFlight);
  options.onProgress?.({ rows, bytesRead: source.bytes, bytesTotal: source.bytes });

  const legacy = source.legacyLines();
  if (legacy.length > 0) {
    const shown = legacy.slice(0, 10).join(', ') + (legacy.length > 10 ? ` and ${legacy.length - 10} more` : '');
    warnings.push(`${legacy.length} line(s) are not UTF-8 and were read as Windows-1252 (Latin-1): line ${shown}. Check names with å, ä, ö, æ, ø, ü, ß.`);
  }
  if (unknownKeys.size > 0) warnings.push(`unknown field${unknownKeys.size > 1 ? 's' : ''} ignored: ${[...unknownKeys].join(', ')}`);
  if (networkOverridden > 0) warnings.push(`--network ${options.network} replaced the network column in ${networkOverridden} row(s)`);
  if (rows === 0) warnings.push(`${file} has no data rows`);
  rejected.sort((a, b) => a.line - b.line);
  return { accepted: inserted + updated + unchanged, updated, unchanged, rejected, warnings };
}

/**
 * A hash of a parsed profile. The parser builds every profile with the same key order
 * (nested values too), so its JSON is canonical.
 */
export function hashProfile(profile: MemberProfile): string {
  return createHash('sha256').update(JSON.stringify(profile)).digest('hex').slice(0, 32);
}

/** Stores profiles that were validated elsewhere the way ingest stores rows (admitting applicants). */
export async function storeProfiles(profiles: readonly MemberProfile[], store: MemberWriter, knowledge: EngineKnowledge): Promise<SaveResult> {
  const vectors = await inThreadVectorizer(knowledge).vectorize(profiles);
  return store.saveMembers(profiles.map((profile, i) => ({ profile, contentHash: hashProfile(profile), vector: vectors[i]! })));
}
