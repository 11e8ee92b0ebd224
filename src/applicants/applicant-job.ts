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
import { findCompetitorPairs } from '../core/competition/competitor-pairs.ts';
import type { ScoringContext } from '../core/criteria/criterion.ts';
import { assessApplicant, NetworkContext, type BatchRival } from '../core/applicants/applicant-assessment.ts';
import { PartnerfitError } from '../core/errors.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import { parseMemberProfile } from '../core/profile/profile-parser.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { ScoringConfig } from '../core/scoring/scoring-config.ts';
import { vectorizeMember, vectorVersion } from '../core/vectors/member-vectorizer.ts';
import { checkRosterColumns } from '../ingest/ingest-roster.ts';
import { openRecordSource, type InputFormat } from '../ingest/record-source.ts';
import { jobKey, type ApplicantJob, type ApplicantJobStore, type ApplicantRow, type BatchConflict, type RowRejection } from '../storage/applicant-job-store.ts';
import type { MemberReader } from '../storage/member-store.ts';
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
  /** Stops the job between two stored chunks; it can be resumed later. */
  readonly signal?: AbortSignal | undefined;
  readonly readBatchSize?: number;
  readonly scoreChunkSize?: number;
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
  readonly members: MemberReader;
  readonly networks: NetworkStore;
  readonly knowledge: EngineKnowledge;
  readonly config: ScoringConfig;
}

const READ_BATCH = 500;
const SCORE_CHUNK = 200;

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

  const aborted = () => options.signal?.aborted === true;
  if (job.status === 'reading') {
    await readApplicants(job, source, headerWarnings, deps, options);
    if (aborted()) return { job: (await deps.jobs.getJob(job.id))!, start, finished: false };
    await deps.jobs.finishReading(job.id, [...headerWarnings, ...sourceWarnings(source)]);
    job = (await deps.jobs.getJob(job.id))!;
  }
  if (job.status === 'pairing') {
    await pairApplicants(job, deps, options);
    await deps.jobs.setStatus(job.id, 'scoring');
    job = (await deps.jobs.getJob(job.id))!;
  }
  if (job.status === 'scoring') {
    const complete = await scoreApplicants(job, deps, options);
    if (!complete) return { job: (await deps.jobs.getJob(job.id))!, start, finished: false };
    await deps.jobs.setStatus(job.id, 'done');
    job = (await deps.jobs.getJob(job.id))!;
  }
  return { job, start, finished: true };
}

async function readApplicants(
  job: ApplicantJob,
  source: Awaited<ReturnType<typeof openRecordSource>>,
  _headerWarnings: readonly string[],
  deps: ApplicantJobDeps,
  options: ApplicantJobOptions,
): Promise<void> {
  const batchSize = options.readBatchSize ?? READ_BATCH;
  const knownNetworks = new Map<string, boolean>();
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

  const flush = async () => {
    if (parsed.length === 0 && rejections.length === 0 && lastLine === job.readThroughLine) return;
    const members = await deps.members.existingIds(parsed.map((p) => p.profile.id));
    const rows: ApplicantRow[] = [];
    for (const { line, profile } of parsed) {
      if (members.has(profile.id)) {
        rejections.push({ line, field: 'id', message: `"${profile.id}" is already a member's id; an applicant needs an id of their own` });
      } else {
        rows.push({ line, profile, vector: vectorizeMember(profile, deps.knowledge) });
      }
    }
    await deps.jobs.saveReadBatch(job.id, rows, rejections, lastLine, rowsRead);
    parsed = [];
    rejections = [];
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
      if (options.signal?.aborted) return;
    }
  }
  await flush();
  options.onProgress?.({ phase: 'reading', done: source.bytes, total: source.bytes });
}

function sourceWarnings(source: Awaited<ReturnType<typeof openRecordSource>>): string[] {
  const legacy = source.legacyLines();
  if (legacy.length === 0) return [];
  const shown = legacy.slice(0, 10).join(', ') + (legacy.length > 10 ? ` and ${legacy.length - 10} more` : '');
  return [`${legacy.length} line(s) are not UTF-8 and were read as Windows-1252 (Latin-1): line ${shown}`];
}

/** Conflicts among the batch's own applicants, network by network (two applicants for one seat). */
async function pairApplicants(job: ApplicantJob, deps: ApplicantJobDeps, options: ApplicantJobOptions): Promise<void> {
  const networks = await deps.jobs.networksOf(job.id);
  const conflicts: BatchConflict[] = [];
  let done = 0;
  for (const network of networks) {
    const rows = await deps.jobs.rowsOfNetwork(job.id, network);
    const lineOf = new Map<string, number>(rows.map((r) => [r.profile.id, r.line]));
    for (const pair of findCompetitorPairs(rows.map(asScored))) {
      conflicts.push({
        aLine: lineOf.get(pair.a)!,
        bLine: lineOf.get(pair.b)!,
        aId: pair.a,
        bId: pair.b,
        sharedServices: pair.competition.sharedServices,
        level: pair.competition.level as 'direct' | 'partial',
        score: pair.competition.score,
      });
    }
    options.onProgress?.({ phase: 'pairing', done: ++done, total: networks.length });
  }
  await deps.jobs.replaceBatchConflicts(job.id, conflicts);
}

/** Scores the job's remaining applicants; false when stopped by the signal. */
async function scoreApplicants(job: ApplicantJob, deps: ApplicantJobDeps, options: ApplicantJobOptions): Promise<boolean> {
  const context: ScoringContext = { knowledge: deps.knowledge };
  const chunkSize = options.scoreChunkSize ?? SCORE_CHUNK;
  const counts = await deps.jobs.counts(job.id);
  let done = counts.scored;
  let current: NetworkContext | null = null;
  const names = new Map<string, string>();
  options.onProgress?.({ phase: 'scoring', done, total: counts.rows });
  for (;;) {
    if (options.signal?.aborted) return false;
    const rows = await deps.jobs.unscoredRows(job.id, chunkSize);
    if (rows.length === 0) return true;
    const conflicts = await deps.jobs.batchConflictsOf(job.id, rows.map((r) => r.line));
    const results = [];
    for (const row of rows) {
      const network = row.profile.network!;
      if (current?.network !== network) current = await loadNetwork(network, deps, context);
      names.set(row.profile.id, row.profile.name);
      const rivals = rivalsOf(row, conflicts);
      const applicant = asScored(row);
      const result = assessApplicant(applicant, current, await withNames(rivals, deps, job.id, names), context, deps.config);
      results.push({ line: row.line, verdict: result.verdict, result });
    }
    await deps.jobs.saveResults(job.id, results);
    done += rows.length;
    options.onProgress?.({ phase: 'scoring', done, total: counts.rows });
  }
}

async function loadNetwork(network: string, deps: ApplicantJobDeps, context: ScoringContext): Promise<NetworkContext> {
  const info = await deps.networks.getNetwork(network);
  if (!info) throw new PartnerfitError('not-found', `network "${network}" disappeared while the job ran`);
  const version = vectorVersion(deps.knowledge);
  const members: ScoredMember[] = [];
  for await (const stored of deps.members.iterateMembers(network)) {
    members.push({
      id: stored.profile.id,
      network: stored.profile.network,
      name: stored.profile.name,
      // Scoring never writes: a stale vector is rebuilt in memory only.
      vector: stored.vector?.version === version ? stored.vector : vectorizeMember(stored.profile, deps.knowledge),
    });
  }
  return new NetworkContext(network, info.policy, members, context, deps.config);
}

type PendingRival = Omit<BatchRival, 'name'>;

function rivalsOf(row: ApplicantRow, conflicts: readonly BatchConflict[]): PendingRival[] {
  const rivals: PendingRival[] = [];
  for (const c of conflicts) {
    if (c.aLine === row.line) rivals.push({ applicant: c.bId, line: c.bLine, level: c.level, score: c.score, sharedServices: c.sharedServices });
    else if (c.bLine === row.line) rivals.push({ applicant: c.aId, line: c.aLine, level: c.level, score: c.score, sharedServices: c.sharedServices });
  }
  return rivals.sort((a, b) => (a.level === b.level ? 0 : a.level === 'direct' ? -1 : 1) || b.score - a.score || a.line - b.line);
}

async function withNames(rivals: readonly PendingRival[], deps: ApplicantJobDeps, jobId: string, names: Map<string, string>): Promise<BatchRival[]> {
  const result: BatchRival[] = [];
  for (const rival of rivals) {
    let name = names.get(rival.applicant);
    if (name === undefined) {
      name = (await deps.jobs.findApplicant(rival.applicant, jobId))?.profile.name ?? rival.applicant;
      names.set(rival.applicant, name);
    }
    result.push({ ...rival, name });
  }
  return result;
}

function asScored(row: ApplicantRow): ScoredMember {
  return { id: row.profile.id, network: row.profile.network, name: row.profile.name, vector: row.vector };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
