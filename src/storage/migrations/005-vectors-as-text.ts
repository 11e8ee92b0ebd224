/**
 * Member vectors, applicant vectors and applicant results are stored as JSON text,
 * not jsonb: they are only ever written and read whole, never queried inside, and
 * turning jsonb back into text costs about three times the read itself (measured on
 * PGlite: 5,000 vectors of ~1.5 KB, 336 ms as jsonb::text against 100 ms as text).
 * Scoring reads them by the hundred thousand. Text also keeps the vector's keys in
 * the order the vectoriser wrote them, so a vector read back is the one written.
 */
import { sql, type Kysely } from 'kysely';

const COLUMNS = [
  ['member_vectors', 'vector'],
  ['applicant_rows', 'vector'],
  ['applicant_rows', 'result'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text using ${sql.ref(column)}::text`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type jsonb using ${sql.ref(column)}::jsonb`.execute(db);
  }
}
