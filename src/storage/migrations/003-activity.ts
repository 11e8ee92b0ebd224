/**
 * Activity: one-to-one meetings and referrals between members. Each row is keyed by
 * the file's own `id` when it has one, else by a hash of its content, so ingesting a
 * row twice stores it once. Both member references cascade: erasing a member erases
 * everything recorded about them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('meeting', 'referral')`))
    .addColumn('from_member', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('to_member', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('rating', 'real', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('status', 'text', (c) => c.check(sql`status in ('passed', 'contacted', 'won', 'lost')`))
    .addColumn('value_amount', 'double precision')
    .addColumn('value_currency', 'text')
    .addColumn('value_eur', 'double precision')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('activities_kind_fields', sql`(kind = 'meeting' and rating is not null and status is null) or (kind = 'referral' and status is not null and rating is null)`)
    .execute();
  await db.schema.createIndex('activities_from_idx').on('activities').columns(['from_member', 'occurred_on']).execute();
  await db.schema.createIndex('activities_to_idx').on('activities').columns(['to_member', 'occurred_on']).execute();
  await db.schema.createIndex('activities_date_idx').on('activities').columns(['occurred_on', 'key']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activities').execute();
}
