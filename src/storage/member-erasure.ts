/**
 * Erasing a member and everything derived from them, as privacy law expects: the
 * profile, its vectors, keys and activity (by foreign-key cascade), applicant rows
 * filed under the same id (an admitted applicant's application), and every mention in
 * stored applicant results (conflicts, partners, reasons naming them). One
 * transaction: all of it goes, or nothing does.
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

export interface Erasure {
  readonly member: boolean;
  readonly applicantRows: number;
  readonly scrubbedResults: number;
}

interface StoredResult {
  conflicts?: { member: string }[];
  batchConflicts?: { applicant: string }[];
  overflowPartners?: { partner: string }[];
  topPartners?: { partner: string }[];
  gainsPartner?: string[];
  reasons?: string[];
}

export async function eraseMember(db: Kysely<DatabaseSchema>, id: string): Promise<Erasure> {
  return db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('members').select('name').where('id', '=', id).executeTakeFirst();
    const deleted = await trx.deleteFrom('members').where('id', '=', id).executeTakeFirst();
    const applicantRows = await trx.deleteFrom('applicant_rows').where('applicant_id', '=', id).executeTakeFirst();
    await trx.deleteFrom('applicant_batch_conflicts').where((eb) => eb.or([eb('a_id', '=', id), eb('b_id', '=', id)])).execute();
    const quoted = JSON.stringify(id);
    const mentioned = await sql<{ job_id: string; line: number; result: string }>`
      select job_id, line, result::text as result from applicant_rows where result is not null and strpos(result::text, ${quoted}) > 0`.execute(trx);
    const name = member?.name;
    for (const row of mentioned.rows) {
      const r = JSON.parse(row.result) as StoredResult;
      const scrubbed: StoredResult = {
        ...r,
        conflicts: r.conflicts?.filter((c) => c.member !== id),
        batchConflicts: r.batchConflicts?.filter((c) => c.applicant !== id),
        overflowPartners: r.overflowPartners?.filter((p) => p.partner !== id),
        topPartners: r.topPartners?.filter((p) => p.partner !== id),
        gainsPartner: r.gainsPartner?.filter((m) => m !== id),
        reasons: r.reasons?.filter((text) => !text.includes(id) && !(name && text.includes(name))),
      };
      await trx
        .updateTable('applicant_rows')
        .set({ result: JSON.stringify(scrubbed) })
        .where('job_id', '=', row.job_id)
        .where('line', '=', row.line)
        .execute();
    }
    return { member: (deleted.numDeletedRows ?? 0n) > 0n, applicantRows: Number(applicantRows.numDeletedRows ?? 0n), scrubbedResults: mentioned.rows.length };
  });
}
