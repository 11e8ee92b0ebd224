/**
 * Scoring a batch of applicants as a job stored in the database, in three phases:
 * reading (rows streamed from the file, validated, understood and stored in batches
 * with a checkpoint), pairing (conflicts among the batch's own applicants, network by
 * network) and scoring (each applicant against the network they apply to, results
 * stored chunk by chunk). A job killed at any point resumes from its checkpoint: no
 * row is read twice into the job, no applicant is scored twice, and the result equals
 * an uninterrupted run's.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { BatchRival } from '../core/applicants/applicant-assessment.ts';
import { PartnerfitError } from '../core/errors.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import { parseMemberProfile } from '../core/profile/profile-parser.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { vectorizeMember, vectorVersion } from '../core/vectors/member-vectorizer.ts';
import { checkRosterColumns } from '../ingest/ingest-roster.ts';
import { openRecordSource, type InputFormat } from '../ingest/record-source.ts';
import { jobKey, type ApplicantJob, type ApplicantJobStore, type ApplicantRow, type BatchConflict, type PendingApplicant, type RowRejection } from '../storage/applicant-job-store.ts';
import type { MemberReader, NetworkMembersReader } from '../storage/member-store.ts';
import { logLiveHeap } from './live-heap-log.ts';
import { defaultWorkerCount, inThreadScorer, workerScorerPool, type ApplicantScorer, type NetworkTask, type TaskMember } from './applicant-scorer.ts';
import type { NetworkStore } from '../storage/network-store.ts';

export type JobPhase = 'reading' | 'pairing' | 'scoring';

export interface JobProgress {
  readonly phase: JobPhase;
  readonly done: number;
  readonly total: number;
}

export interface ApplicantJobOptions {
  /** The network every applicant of the file applies to (else the row's `network`). */
  readonly network?: string | undefined;
  readonly format?: InputFormat | undefined;
  /** Continue this job; the file must be the one it was started with. */
  readonly resume?: string | undefined;
  /** Score again even when a finished job for the same file and options exists. */
  readonly fresh?: boolean | undefined;
  readonly onProgress?: (progress: JobProgress) => void;
  /** Called once the job is known (created, resumed or found finished), before any work. */
  readonly onJob?: (job: ApplicantJob) => void;
  /** Stops the job between two stored chunks; it can be resumed later. */
  readonly signal?: AbortSignal | undefined;
  readonly readBatchSize?: number;
  readonly scoreChunkSize?: number;
  /** Worker threads for scoring; 0 scores in this thread. Default: one per core for batches of 500 or more. */
  readonly workers?: number;
}

export interface ApplicantJobOutcome {
  readonly job: ApplicantJob;
  /** How the job came about: started now, resumed after an interruption, or finished before. */
  readonly start: 'new' | 'resumed' | 'finished-before';
  /** False when the signal stopped it; resume later. */
  readonly finished: boolean;
}

export interface ApplicantJobDeps {
  readonly jobs: ApplicantJobStore;
  readonly members: MemberReader & NetworkMembersReader;
  readonly networks: NetworkStore;
  readonly knowledge: EngineKnowledge;
  readonly config: ScoringConfig;
}

const READ_BATCH = 500;
/** Applicants scored per stored chunk (with the members of their networks: about 10,000 vectors in memory at most). */
const SCORE_CHUNK = 1000;
/** Networks being paired at once in the pairing phase. */
const PAIRING_IN_FLIGHT = 16;
/** Conflicts among applicants stored per write in the pairing phase. */
const CONFLICTS_PER_WRITE = 5000;
const WORKER_THRESHOLD = 500;
/** A file this large holds some 500 applicants or more: read with workers understanding the rows. */
const WORKER_THRESHOLD_BYTES = 150_000;

export async function runApplicantJob(file: string, deps: ApplicantJobDeps, options: ApplicantJobOptions = {}): Promise<ApplicantJobOutcome> {
  const source = await openRecordSource(file, { format: options.format });
  const headerWarnings = checkRosterColumns(file, source);
  const key = jobKey(await hashFile(file), options.network ?? null, [deps.config.version, vectorVersion(deps.knowledge), source.format]);

  let job: ApplicantJob | null;
  let start: ApplicantJobOutcome['start'];
  if (options.resume) {
    job = await deps.jobs.getJob(options.resume);
    if (!job) throw new PartnerfitError('not-found', `no applicant job "${options.resume}"`);
    if (job.key !== key) {
      throw new PartnerfitError(
        'usage',
        `job ${job.id} was started with ${job.file}${job.networkOption ? ` --network ${job.networkOption}` : ''}; ${file} differs from it (content or options), so it cannot continue that job`,
      );
    }
    start = job.status === 'done' ? 'finished-before' : 'resumed';
  } else {
    const latest = await deps.jobs.latestJob(key);
    if (latest && !options.fresh) {
      job = latest;
      start = latest.status === 'done' ? 'finished-before' : 'resumed';
    } else {
      job = await deps.jobs.createJob(key, file, options.network ?? null);
      start = 'new';
    }
  }

  options.onJob?.(job);
  const aborted = () => options.signal?.aborted === true;
  if (job.status === 'done') return { job, start, finished: true };
  // Understanding, pairing and scoring run on worker threads for large batches (the main
  // thread reads and writes the database meanwhile; the event loop stays free).
  const counts = await deps.jobs.counts(job.id);
  const large = job.status === 'reading' ? source.bytes >= WORKER_THRESHOLD_BYTES : counts.rows - counts.scored >= WORKER_THRESHOLD;
  const workers = options.workers ?? (large ? defaultWorkerCount() : 0);
  const scorer = workers > 0 ? workerScorerPool(workers, deps.config) : inThreadScorer(deps.knowledge, deps.config);
  try {
    if (job.status === 'reading') {
      await readApplicants(job, source, headerWarnings, scorer, deps, options);
      if (aborted()) return { job: (await deps.jobs.getJob(job.id))!, start, finished: false };
      await deps.jobs.finishReading(job.id, [...headerWarnings, ...sourceWarnings(source)]);
      job = (await deps.jobs.getJob(job.id))!;
    }
    if (job.status === 'pairing') {
      await findRivals(job, scorer, deps, options);
      await deps.jobs.setStatus(job.id, 'scoring');
      job = (await deps.jobs.getJob(job.id))!;
    }
    if (job.status === 'scoring') {
      const complete = await scoreApplicants(job, scorer, deps, options);
      if (!complete) return { job: (await deps.jobs.getJob(job.id))!, start, finished: false };
      await deps.jobs.setStatus(job.id, 'done');
      job = (await deps.jobs.getJob(job.id))!;
    }
  } finally {
    await scorer.close();
  }
  return { job, start, finished: true };
}

async function readApplicants(
  job: ApplicantJob,
  source: Awaited<ReturnType<typeof openRecordSource>>,
  _headerWarnings: readonly string[],
  scorer: ApplicantScorer,
  deps: ApplicantJobDeps,
  options: ApplicantJobOptions,
): Promise<void> {
  const batchSize = options.readBatchSize ?? READ_BATCH;
  // Networks are looked up in one read, and again only for a name not seen then.
  const knownNetworks = new Map<string, boolean>([...(await deps.networks.policies()).keys()].map((id) => [id, true]));
  const networkExists = async (id: string) => {
    let known = knownNetworks.get(id);
    if (known === undefined) {
      known = (await deps.networks.getNetwork(id)) !== null;
      knownNetworks.set(id, known);
    }
    return known;
  };
  let parsed: { line: number; profile: MemberProfile }[] = [];
  let rejections: RowRejection[] = [];
  let rowsRead = job.rowsRead;
  let lastLine = job.readThroughLine;

  // A batch is understood (vectorised) on a worker while the next is read; batches are
  // stored in order, each with the line it reached, so a resumed job starts after the last stored.
  let stored: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const depth = Math.max(2, defaultWorkerCount());
  const flush = async () => {
    if (parsed.length === 0 && rejections.length === 0 && lastLine === job.readThroughLine) return;
    const batch = parsed;
    const batchRejections = rejections;
    const through = lastLine;
    const read = rowsRead;
    parsed = [];
    rejections = [];
    const vectors = scorer.vectorize(batch.map((p) => p.profile));
    vectors.catch(() => {});
    const previous = stored;
    stored = (async () => {
      await previous;
      const members = await deps.members.existingIds(batch.map((p) => p.profile.id));
      const understood = await vectors;
      const rows: ApplicantRow[] = [];
      batch.forEach(({ line, profile }, i) => {
        if (members.has(profile.id)) {
          batchRejections.push({ line, field: 'id', message: `"${profile.id}" is already a member's id; an applicant needs an id of their own` });
        } else {
          rows.push({ line, profile, vector: understood[i]! });
        }
      });
      await deps.jobs.saveReadBatch(job.id, rows, batchRejections, through, read);
    })();
    // Failures surface where the chain is awaited (below, or at the end).
    stored.catch(() => {});
    inFlight.push(stored);
    if (inFlight.length >= depth) await inFlight.shift();
  };

  for await (const item of source.records()) {
    if (item.line <= job.readThroughLine) continue;
    rowsRead++;
    lastLine = item.line;
    if (item.kind === 'issue') {
      rejections.push({ line: item.line, field: item.field, message: item.message });
    } else {
      const record = options.network ? { ...item.record, network: options.network } : item.record;
      const result = parseMemberProfile(record);
      if (!result.success) {
        for (const issue of result.issues) rejections.push({ line: item.line, field: issue.field, message: issue.message });
      } else if (!result.profile.network) {
        rejections.push({ line: item.line, field: 'network', message: 'an applicant must name the network they apply to (the network column, or --network for the whole file)' });
      } else if (!(await networkExists(result.profile.network))) {
        rejections.push({ line: item.line, field: 'network', message: `no network "${result.profile.network}": ingest its members first, or check the spelling` });
      } else {
        parsed.push({ line: item.line, profile: result.profile });
      }
    }
    if (parsed.length + rejections.length >= batchSize) {
      await flush();
      options.onProgress?.({ phase: 'reading', done: source.bytesRead(), total: source.bytes });
      if (options.signal?.aborted) return await stored;
    }
  }
  await flush();
  await stored;
  options.onProgress?.({ phase: 'reading', done: source.bytes, total: source.bytes });
}

function sourceWarnings(source: Awaited<ReturnType<typeof openRecordSource>>): string[] {
  const legacy = source.legacyLines();
  if (legacy.length === 0) return [];
  const shown = legacy.slice(0, 10).join(', ') + (legacy.length > 10 ? ` and ${legacy.length - 10} more` : '');
  return [`${legacy.length} line(s) are not UTF-8 and were read as Windows-1252 (Latin-1): line ${shown}`];
}

/**
 * Conflicts among the batch's own applicants, network by network (two applicants for
 * one seat), stored as they are found: memory does not grow with the batch.
 * A pairing phase cut short starts over (its conflicts are dropped first); they are
 * read only once the job has moved on to scoring.
 */
async function findRivals(job: ApplicantJob, scorer: ApplicantScorer, deps: ApplicantJobDeps, options: ApplicantJobOptions): Promise<void> {
  const total = (await deps.jobs.counts(job.id)).rows;
  await deps.jobs.clearBatchConflicts(job.id);
  const inFlight: Promise<BatchConflict[]>[] = [];
  let found: BatchConflict[] = [];
  // Stored a few thousand at a time: few transactions, and memory bounded.
  const collect = async (conflicts: BatchConflict[]) => {
    // A loop, not a spread: a large network's conflicts can outnumber a call's arguments.
    for (const conflict of conflicts) found.push(conflict);
    if (found.length >= CONFLICTS_PER_WRITE) {
      const batch = found;
      found = [];
      await deps.jobs.addBatchConflicts(job.id, batch);
    }
  };
  let group: PendingApplicant[] = [];
  let done = 0;
  const pairGroup = async () => {
    if (group.length > 1) {
      const rowOf = new Map<string, PendingApplicant>(group.map((r) => [r.id, r]));
      const paired = scorer.pair(group.map((r) => ({ id: r.id, network: r.network, name: r.name, vectorJson: r.vectorJson }))).then((pairs) =>
        pairs.map((pair) => {
          const a = rowOf.get(pair.a)!;
          const b = rowOf.get(pair.b)!;
          return { aLine: a.line, bLine: b.line, aId: pair.a, bId: pair.b, aName: a.name, bName: b.name, sharedServices: pair.sharedServices, level: pair.level, score: pair.score };
        }),
      );
      // Marked as handled here; a failure surfaces where it is awaited.
      paired.catch(() => {});
      inFlight.push(paired);
      // A few networks in flight keep the workers busy; more would only hold memory.
      if (inFlight.length >= PAIRING_IN_FLIGHT) await collect(await inFlight.shift()!);
    }
    done += group.length;
    group = [];
    options.onProgress?.({ phase: 'pairing', done, total });
  };
  // One pass over the job's rows in network order; one network's applicants at a time go to a worker.
  for await (const row of deps.jobs.iterateRows(job.id)) {
    if (group.length > 0 && group[0]!.network !== row.network) await pairGroup();
    group.push(row);
  }
  await pairGroup();
  for (const paired of inFlight) await collect(await paired);
  await deps.jobs.addBatchConflicts(job.id, found);
}

/** Scores the job's remaining applicants; false when stopped by the signal. */
async function scoreApplicants(job: ApplicantJob, scorer: ApplicantScorer, deps: ApplicantJobDeps, options: ApplicantJobOptions): Promise<boolean> {
  const chunkSize = options.scoreChunkSize ?? SCORE_CHUNK;
  const counts = await deps.jobs.counts(job.id);
  let done = counts.scored;
  options.onProgress?.({ phase: 'scoring', done, total: counts.rows });
  const policies = await deps.networks.policies();
  const version = vectorVersion(deps.knowledge);

  // The next chunk (rows, rivals, members) is read while the workers score this one.
  const fetchChunk = async (after?: { network: string; line: number }): Promise<NetworkTask[]> => {
    const rows = await deps.jobs.unscoredRows(job.id, chunkSize, after);
    if (rows.length === 0) return [];
    const conflicts = await deps.jobs.batchConflictsOf(job.id, rows.map((r) => r.line));
    const networks = [...new Set(rows.map((r) => r.network))];
    for (const network of networks) {
      if (!policies.has(network)) throw new PartnerfitError('not-found', `network "${network}" disappeared while the job ran`);
    }
    const members = new Map<string, TaskMember[]>(networks.map((n) => [n, []]));
    for (const m of await deps.members.membersOfNetworks(networks, version)) {
      members.get(m.network!)!.push({ id: m.id, network: m.network, name: m.name, vectorJson: m.vectorJson ?? (await freshVectorJson(m.id, deps)) });
    }
    return networks.map((network) => ({
      network,
      policy: policies.get(network)!,
      members: members.get(network)!,
      applicants: rows
        .filter((r) => r.network === network)
        .map((r) => ({ line: r.line, applicant: { id: r.id, network: r.network, name: r.name, vectorJson: r.vectorJson }, rivals: rivalsOf(r.line, conflicts) })),
    }));
  };

  // Three chunks in motion: the next read, this one scored, the last one stored (in order).
  let next = fetchChunk();
  let stored: Promise<void> = Promise.resolve();
  for (;;) {
    const tasks = await next;
    if (tasks.length === 0) {
      await stored;
      return true;
    }
    const lastTask = tasks[tasks.length - 1]!;
    const last = lastTask.applicants[lastTask.applicants.length - 1]!;
    next = fetchChunk({ network: lastTask.network, line: last.line });
    // Marked as handled here; a failure surfaces where it is awaited.
    next.catch(() => {});
    const scored = (await Promise.all(tasks.map((t) => scorer.score(t)))).flat();
    await stored;
    stored = (async () => {
      await deps.jobs.saveResults(job.id, scored.map(({ line, result }) => ({ line, verdict: result.verdict, result })));
      const before = done;
      done += scored.length;
      if (Math.floor(done / 10_000) > Math.floor(before / 10_000)) logLiveHeap(`main thread, ${done} scored`);
      options.onProgress?.({ phase: 'scoring', done, total: counts.rows });
    })();
    stored.catch(() => {});
    if (options.signal?.aborted) {
      await stored;
      return false;
    }
  }
}

/** A member whose stored vector is missing or stale: understood again, in memory only (scoring never writes members). */
async function freshVectorJson(id: string, deps: ApplicantJobDeps): Promise<string> {
  const stored = await deps.members.getMember(id);
  if (!stored) throw new PartnerfitError('not-found', `member "${id}" disappeared while the job ran`);
  return JSON.stringify(vectorizeMember(stored.profile, deps.knowledge));
}

function rivalsOf(line: number, conflicts: readonly BatchConflict[]): BatchRival[] {
  const rivals: BatchRival[] = [];
  for (const c of conflicts) {
    if (c.aLine === line) rivals.push({ applicant: c.bId, name: c.bName, line: c.bLine, level: c.level, score: c.score, sharedServices: c.sharedServices });
    else if (c.bLine === line) rivals.push({ applicant: c.aId, name: c.aName, line: c.aLine, level: c.level, score: c.score, sharedServices: c.sharedServices });
  }
  return rivals.sort((a, b) => (a.level === b.level ? 0 : a.level === 'direct' ? -1 : 1) || b.score - a.score || a.line - b.line);
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
