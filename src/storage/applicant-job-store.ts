/**
 * Applicant jobs in PostgreSQL. Reading stores a batch of rows, their rejections and
 * the job's checkpoint in one transaction; scoring stores a chunk of results in one
 * transaction. Whatever moment a job is killed, the database holds whole batches and
 * the checkpoint that says where to go on.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';
import type { DatabaseSchema, JobStatus } from './database-schema.ts';

export interface ApplicantJob {
  readonly id: string;
  readonly key: string;
  readonly file: string;
  readonly networkOption: string | null;
  readonly status: JobStatus;
  readonly readThroughLine: number;
  readonly rowsRead: number;
  readonly warnings: readonly string[];
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

export interface ApplicantRow {
  readonly line: number;
  readonly profile: MemberProfile;
  readonly vector: MemberVector;
}

export interface ScoredApplicantRow<R> extends ApplicantRow {
  readonly verdict: 'accept' | 'review' | 'conflict';
  readonly result: R;
  readonly admittedAt: Date | null;
}

/** An applicant waiting to be scored, as scoring needs them. */
export interface PendingApplicant {
  readonly line: number;
  readonly id: string;
  readonly name: string;
  readonly network: string;
  readonly vectorJson: string;
}

export interface RowRejection {
  readonly line: number;
  readonly field: string | null;
  readonly message: string;
}

export interface BatchConflict {
  readonly aLine: number;
  readonly bLine: number;
  readonly aId: string;
  readonly bId: string;
  readonly aName: string;
  readonly bName: string;
  readonly sharedServices: readonly string[];
  readonly level: 'direct' | 'partial';
  readonly score: number;
}

export interface JobCounts {
  readonly rows: number;
  readonly scored: number;
  readonly rejectedLines: number;
}

export interface ApplicantJobStore {
  createJob(key: string, file: string, networkOption: string | null): Promise<ApplicantJob>;
  getJob(id: string): Promise<ApplicantJob | null>;
  /** The newest job for this key, finished or not. */
  latestJob(key: string): Promise<ApplicantJob | null>;
  /** Stores rows and rejections up to `throughLine`; rows whose applicant id the job has already are rejected as duplicates. */
  saveReadBatch(jobId: string, rows: readonly ApplicantRow[], rejections: readonly RowRejection[], throughLine: number, rowsRead: number): Promise<void>;
  finishReading(jobId: string, warnings: readonly string[]): Promise<void>;
  setStatus(jobId: string, status: JobStatus): Promise<void>;
  /** All rows of the job, network by network, in pages: memory stays flat. */
  iterateRows(jobId: string, pageSize?: number): AsyncIterable<PendingApplicant>;
  /** Drops the job's conflicts among applicants (a pairing phase cut short starts over). */
  clearBatchConflicts(jobId: string): Promise<void>;
  /** Adds conflicts among applicants, as the pairing phase finds them (one network at a time). */
  addBatchConflicts(jobId: string, conflicts: readonly BatchConflict[]): Promise<void>;
  batchConflictsOf(jobId: string, lines: readonly number[]): Promise<BatchConflict[]>;
  /** Rows not scored yet, network by network (each network's members are then loaded once), after a (network, line) position. */
  unscoredRows(jobId: string, limit: number, after?: { readonly network: string; readonly line: number }): Promise<PendingApplicant[]>;
  saveResults(jobId: string, results: readonly { line: number; verdict: 'accept' | 'review' | 'conflict'; result: unknown }[]): Promise<void>;
  counts(jobId: string): Promise<JobCounts>;
  /** Scored rows in line order, page by page: memory stays flat however long the batch. */
  iterateResults<R>(jobId: string, pageSize?: number): AsyncIterable<ScoredApplicantRow<R>>;
  /** Fits of the given lines (for comparing rivals for one seat). */
  fitsOf(jobId: string, lines: readonly number[]): Promise<Map<number, { id: string; fit: number }>>;
  rejections(jobId: string): Promise<RowRejection[]>;
  /** The applicant's row in the given job, or in the newest job that has them. */
  findApplicant<R>(applicantId: string, jobId?: string): Promise<(ScoredApplicantRow<R> & { readonly jobId: string }) | null>;
  markAdmitted(jobId: string, line: number): Promise<void>;
}

type JobRow = {
  id: string;
  job_key: string;
  file: string;
  network_option: string | null;
  status: JobStatus;
  read_through_line: number;
  rows_read: number;
  warnings: string[];
  created_at: Date;
  finished_at: Date | null;
};

function toJob(row: JobRow): ApplicantJob {
  return {
    id: row.id,
    key: row.job_key,
    file: row.file,
    networkOption: row.network_option,
    status: row.status,
    readThroughLine: row.read_through_line,
    rowsRead: row.rows_read,
    warnings: row.warnings,
    createdAt: new Date(row.created_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  };
}

const JOB_COLUMNS = ['id', 'job_key', 'file', 'network_option', 'status', 'read_through_line', 'rows_read', 'warnings', 'created_at', 'finished_at'] as const;
const INSERT_CHUNK = 500;

export function createApplicantJobStore(db: Kysely<DatabaseSchema>): ApplicantJobStore {
  return {
    async createJob(key, file, networkOption) {
      // Job ids come from the key, so the same command names the same job everywhere;
      // a second job for one key (after --fresh) gets a suffix.
      const existing = await db.selectFrom('applicant_jobs').select((eb) => eb.fn.countAll<string>().as('n')).where('job_key', '=', key).executeTakeFirstOrThrow();
      const n = Number(existing.n);
      const id = `job-${key.slice(0, 10)}${n > 0 ? `-${n + 1}` : ''}`;
      const row = await db
        .insertInto('applicant_jobs')
        .values({ id, job_key: key, file, network_option: networkOption })
        .returning(JOB_COLUMNS)
        .executeTakeFirstOrThrow();
      return toJob(row as JobRow);
    },

    async getJob(id) {
      const row = await db.selectFrom('applicant_jobs').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toJob(row as JobRow) : null;
    },

    async latestJob(key) {
      const row = await db
        .selectFrom('applicant_jobs')
        .select(JOB_COLUMNS)
        .where('job_key', '=', key)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toJob(row as JobRow) : null;
    },

    async saveReadBatch(jobId, rows, rejections, throughLine, rowsRead) {
      await db.transaction().execute(async (trx) => {
        const stored = new Set<number>();
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          const chunk = rows.slice(i, i + INSERT_CHUNK);
          const written = await trx
            .insertInto('applicant_rows')
            .values(
              chunk.map((r) => ({
                job_id: jobId,
                line: r.line,
                applicant_id: r.profile.id,
                network_id: r.profile.network ?? '',
                profile: JSON.stringify(r.profile),
                vector: JSON.stringify(r.vector),
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .returning('line')
            .execute();
          for (const w of written) stored.add(w.line);
        }
        const all: RowRejection[] = [...rejections];
        const duplicates = rows.filter((r) => !stored.has(r.line));
        if (duplicates.length > 0) {
          const firsts = await trx
            .selectFrom('applicant_rows')
            .select(['applicant_id', 'line'])
            .where('job_id', '=', jobId)
            .where('applicant_id', 'in', duplicates.map((d) => d.profile.id))
            .execute();
          const firstLine = new Map(firsts.map((f) => [f.applicant_id, f.line]));
          for (const d of duplicates) {
            all.push({ line: d.line, field: 'id', message: `duplicate id "${d.profile.id}": line ${firstLine.get(d.profile.id) ?? '?'} has it already; this row was skipped` });
          }
        }
        const seqOfLine = new Map<number, number>();
        const values = all.map((r) => {
          const seq = seqOfLine.get(r.line) ?? 0;
          seqOfLine.set(r.line, seq + 1);
          return { job_id: jobId, line: r.line, seq, field: r.field, message: r.message };
        });
        for (let i = 0; i < values.length; i += INSERT_CHUNK) {
          await trx.insertInto('applicant_rejections').values(values.slice(i, i + INSERT_CHUNK)).onConflict((oc) => oc.doNothing()).execute();
        }
        await trx
          .updateTable('applicant_jobs')
          .set({ read_through_line: throughLine, rows_read: rowsRead, updated_at: new Date() })
          .where('id', '=', jobId)
          .execute();
      });
    },

    async finishReading(jobId, warnings) {
      await db
        .updateTable('applicant_jobs')
        .set({ status: 'pairing', warnings: JSON.stringify(warnings), updated_at: new Date() })
        .where('id', '=', jobId)
        .execute();
    },

    async setStatus(jobId, status) {
      await db
        .updateTable('applicant_jobs')
        .set({ status, updated_at: new Date(), ...(status === 'done' ? { finished_at: new Date() } : {}) })
        .where('id', '=', jobId)
        .execute();
    },

    async clearBatchConflicts(jobId) {
      await db.deleteFrom('applicant_batch_conflicts').where('job_id', '=', jobId).execute();
    },

    async addBatchConflicts(jobId, conflicts) {
      if (conflicts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < conflicts.length; i += INSERT_CHUNK) {
          await trx
            .insertInto('applicant_batch_conflicts')
            .values(conflicts.slice(i, i + INSERT_CHUNK).map((c) => ({ job_id: jobId, a_line: c.aLine, b_line: c.bLine, a_id: c.aId, b_id: c.bId, a_name: c.aName, b_name: c.bName, shared_services: JSON.stringify(c.sharedServices), level: c.level, score: c.score })))
            .execute();
        }
      });
    },

    async batchConflictsOf(jobId, lines) {
      if (lines.length === 0) return [];
      const rows = await db
        .selectFrom('applicant_batch_conflicts')
        .select(['a_line', 'b_line', 'a_id', 'b_id', 'a_name', 'b_name', 'shared_services', 'level', 'score'])
        .where('job_id', '=', jobId)
        .where((eb) => eb.or([eb('a_line', 'in', lines), eb('b_line', 'in', lines)]))
        .execute();
      return rows.map((r) => ({ aLine: r.a_line, bLine: r.b_line, aId: r.a_id, bId: r.b_id, aName: r.a_name, bName: r.b_name, sharedServices: r.shared_services, level: r.level, score: Number(r.score) }));
    },

    async unscoredRows(jobId, limit, after) {
      let query = db
        .selectFrom('applicant_rows')
        .select(['line', 'applicant_id', 'network_id', sql<string>`profile->>'name'`.as('name'), 'vector'])
        .where('job_id', '=', jobId)
        .where('result', 'is', null)
        .orderBy('network_id')
        .orderBy('line')
        .limit(limit);
      if (after) {
        const { network, line } = after;
        query = query.where((eb) => eb.or([eb('network_id', '>', network), eb.and([eb('network_id', '=', network), eb('line', '>', line)])]));
      }
      const rows = await query.execute();
      return rows.map((r) => ({ line: r.line, id: r.applicant_id, name: r.name, network: r.network_id, vectorJson: r.vector }));
    },

    async saveResults(jobId, results) {
      if (results.length === 0) return;
      await db.transaction().execute(async (trx) => {
        // One statement per chunk: update … from (values …), not one round trip per row.
        const rows = sql.join(results.map((r) => sql`(${r.line}::integer, ${r.verdict}::text, ${JSON.stringify(r.result)}::text)`));
        await sql`update applicant_rows as a set verdict = v.verdict, result = v.result
          from (values ${rows}) as v(line, verdict, result)
          where a.job_id = ${jobId} and a.line = v.line`.execute(trx);
        await trx.updateTable('applicant_jobs').set({ updated_at: new Date() }).where('id', '=', jobId).execute();
      });
    },

    async *iterateRows(jobId, pageSize = 1000) {
      let after: { network: string; line: number } | null = null;
      for (;;) {
        let query = db
          .selectFrom('applicant_rows')
          .select(['line', 'applicant_id', 'network_id', sql<string>`profile->>'name'`.as('name'), 'vector'])
          .where('job_id', '=', jobId)
          .orderBy('network_id')
          .orderBy('line')
          .limit(pageSize);
        if (after) {
          const { network, line } = after;
          query = query.where((eb) => eb.or([eb('network_id', '>', network), eb.and([eb('network_id', '=', network), eb('line', '>', line)])]));
        }
        const rows = await query.execute();
        for (const r of rows) yield { line: r.line, id: r.applicant_id, name: r.name, network: r.network_id, vectorJson: r.vector };
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = { network: last.network_id, line: last.line };
      }
    },

    async counts(jobId) {
      const rows = await db
        .selectFrom('applicant_rows')
        .select((eb) => [eb.fn.countAll<string>().as('rows'), eb.fn.count<string>('result').as('scored')])
        .where('job_id', '=', jobId)
        .executeTakeFirstOrThrow();
      const rejected = await db
        .selectFrom('applicant_rejections')
        .select((eb) => eb.fn.count<string>('line').distinct().as('n'))
        .where('job_id', '=', jobId)
        .executeTakeFirstOrThrow();
      return { rows: Number(rows.rows), scored: Number(rows.scored), rejectedLines: Number(rejected.n) };
    },

    async *iterateResults<R>(jobId: string, pageSize = 500): AsyncIterable<ScoredApplicantRow<R>> {
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('applicant_rows')
          .select(['line', 'profile', 'vector', 'verdict', 'result', 'admitted_at'])
          .where('job_id', '=', jobId)
          .where('line', '>', after)
          .where('result', 'is not', null)
          .orderBy('line')
          .limit(pageSize)
          .execute();
        for (const r of rows) {
          yield {
            line: r.line,
            profile: r.profile,
            vector: JSON.parse(r.vector) as MemberVector,
            verdict: r.verdict!,
            result: JSON.parse(r.result!) as R,
            admittedAt: r.admitted_at ? new Date(r.admitted_at) : null,
          };
        }
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.line;
      }
    },

    async fitsOf(jobId, lines) {
      const found = new Map<number, { id: string; fit: number }>();
      if (lines.length === 0) return found;
      const rows = await db
        .selectFrom('applicant_rows')
        .select(['line', 'applicant_id', 'result'])
        .where('job_id', '=', jobId)
        .where('line', 'in', [...new Set(lines)])
        .execute();
      for (const r of rows) {
        const fit = r.result === null ? undefined : (JSON.parse(r.result) as { fit?: number }).fit;
        if (typeof fit === 'number') found.set(r.line, { id: r.applicant_id, fit });
      }
      return found;
    },

    async rejections(jobId) {
      const rows = await db
        .selectFrom('applicant_rejections')
        .select(['line', 'field', 'message'])
        .where('job_id', '=', jobId)
        .orderBy('line')
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({ line: r.line, field: r.field, message: r.message }));
    },

    async findApplicant<R>(applicantId: string, jobId?: string) {
      let query = db
        .selectFrom('applicant_rows')
        .innerJoin('applicant_jobs', 'applicant_jobs.id', 'applicant_rows.job_id')
        .select(['applicant_rows.job_id', 'line', 'profile', 'vector', 'verdict', 'result', 'admitted_at'])
        .where('applicant_id', '=', applicantId)
        .orderBy('applicant_jobs.created_at', 'desc')
        .orderBy('applicant_jobs.id', 'desc')
        .limit(1);
      if (jobId) query = query.where('applicant_rows.job_id', '=', jobId);
      const r = await query.executeTakeFirst();
      if (!r) return null;
      return {
        jobId: r.job_id,
        line: r.line,
        profile: r.profile,
        vector: JSON.parse(r.vector) as MemberVector,
        verdict: r.verdict ?? 'review',
        result: (r.result === null ? null : JSON.parse(r.result)) as R,
        admittedAt: r.admitted_at ? new Date(r.admitted_at) : null,
      };
    },

    async markAdmitted(jobId, line) {
      await db.updateTable('applicant_rows').set({ admitted_at: new Date() }).where('job_id', '=', jobId).where('line', '=', line).execute();
    },
  };
}

/** The key of "the same command": the file's bytes and everything that changes the results. */
export function jobKey(fileHash: string, networkOption: string | null, versions: readonly string[]): string {
  return createHash('sha256').update([fileHash, networkOption ?? '', ...versions].join('\u0000')).digest('hex');
}
