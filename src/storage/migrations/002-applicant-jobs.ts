/**
 * Applicant batches as jobs: the job, its rows (the parsed applicant with its vector
 * and, once scored, the result), the rows it rejected, and the conflicts among the
 * batch's own applicants. Every row is written in the transaction that advances the
 * job's checkpoint, so a job killed at any moment resumes where it stopped.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applicant_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What identifies "the same command": the file's content, --network, scoring and vector versions.
    .addColumn('job_key', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('network_option', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('reading').check(sql`status in ('reading', 'pairing', 'scoring', 'done')`))
    // Last source line whose row (or rejection) is stored: reading resumes after it.
    .addColumn('read_through_line', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('applicant_jobs_key_idx').on('applicant_jobs').column('job_key').execute();
  await db.schema
    .createTable('applicant_rows')
    .addColumn('job_id', 'text', (c) => c.notNull().references('applicant_jobs.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('applicant_id', 'text', (c) => c.notNull())
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('profile', 'jsonb', (c) => c.notNull())
    .addColumn('vector', 'jsonb', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.check(sql`verdict in ('accept', 'review', 'conflict')`))
    .addColumn('result', 'jsonb')
    .addColumn('admitted_at', 'timestamptz')
    .addPrimaryKeyConstraint('applicant_rows_pk', ['job_id', 'line'])
    .addUniqueConstraint('applicant_rows_id_unique', ['job_id', 'applicant_id'])
    .execute();
  await db.schema.createIndex('applicant_rows_network_idx').on('applicant_rows').columns(['job_id', 'network_id', 'line']).execute();
  await db.schema.createIndex('applicant_rows_applicant_idx').on('applicant_rows').column('applicant_id').execute();
  await db.schema
    .createTable('applicant_rejections')
    .addColumn('job_id', 'text', (c) => c.notNull().references('applicant_jobs.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('applicant_rejections_pk', ['job_id', 'line', 'seq'])
    .execute();
  await db.schema
    .createTable('applicant_batch_conflicts')
    .addColumn('job_id', 'text', (c) => c.notNull().references('applicant_jobs.id').onDelete('cascade'))
    .addColumn('a_line', 'integer', (c) => c.notNull())
    .addColumn('b_line', 'integer', (c) => c.notNull())
    .addColumn('a_id', 'text', (c) => c.notNull())
    .addColumn('b_id', 'text', (c) => c.notNull())
    .addColumn('a_name', 'text', (c) => c.notNull())
    .addColumn('b_name', 'text', (c) => c.notNull())
    .addColumn('shared_services', 'jsonb', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('direct', 'partial')`))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('applicant_batch_conflicts_pk', ['job_id', 'a_line', 'b_line'])
    .execute();
  await db.schema.createIndex('applicant_batch_conflicts_b_idx').on('applicant_batch_conflicts').columns(['job_id', 'b_line']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('applicant_batch_conflicts').execute();
  await db.schema.dropTable('applicant_rejections').execute();
  await db.schema.dropTable('applicant_rows').execute();
  await db.schema.dropTable('applicant_jobs').execute();
}
