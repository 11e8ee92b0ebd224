/**
 * Activity rows in PostgreSQL. Writes go in batches, one transaction each; a row
 * whose key exists with the same content is left alone (re-ingest counts it as
 * unchanged), one with changed content (the same `id`, a new status) is updated.
 * Reads come in date order, page by page, so a ledger of millions streams.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Activity } from '../core/activity/activity.ts';
import type { DatabaseSchema } from './database-schema.ts';

export interface ActivityRecord {
  readonly key: string;
  readonly contentHash: string;
  readonly activity: Activity;
}

export interface ActivitySaveResult {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** What activity ingest needs. */
export interface ActivityWriter {
  saveActivities(batch: readonly ActivityRecord[]): Promise<ActivitySaveResult>;
  /** The stored members among these ids, with their language (for values without a currency). */
  memberLanguages(ids: readonly string[]): Promise<Map<string, string | null>>;
}

export interface ActivityScope {
  /** Activity in which at least one side is a member of this network. */
  readonly network?: string | undefined;
  /** Activity in which this member is one side. */
  readonly member?: string | undefined;
}

/** What evidence, the ledger, training and evaluation need. */
export interface ActivityReader {
  /** Activity in date order (ties by key), page by page. */
  iterateActivities(scope?: ActivityScope, pageSize?: number): AsyncIterable<Activity>;
  countActivities(scope?: ActivityScope): Promise<number>;
  /** The latest activity date (`YYYY-MM-DD`) in scope, or null. */
  latestDate(scope?: ActivityScope): Promise<string | null>;
}

type Row = {
  key: string;
  kind: 'meeting' | 'referral';
  from_member: string;
  to_member: string;
  date: string;
  rating: number | null;
  status: 'passed' | 'contacted' | 'won' | 'lost' | null;
  value_amount: number | null;
  value_currency: string | null;
  value_eur: number | null;
};

function toActivity(row: Row): Activity {
  const base = { externalId: row.key.startsWith('id:') ? row.key.slice(3) : null, from: row.from_member, to: row.to_member, date: row.date };
  if (row.kind === 'meeting') return { kind: 'meeting', ...base, rating: Number(row.rating) };
  return {
    kind: 'referral',
    ...base,
    status: row.status!,
    valueEur: row.value_eur === null ? null : Number(row.value_eur),
    valueAmount: row.value_amount === null ? null : Number(row.value_amount),
    valueCurrency: row.value_currency,
  };
}

export function createActivityStore(db: Kysely<DatabaseSchema>): ActivityWriter & ActivityReader {
  const filter = (scope: ActivityScope = {}) => {
    const parts = [];
    if (scope.member !== undefined) parts.push(sql`(a.from_member = ${scope.member} or a.to_member = ${scope.member})`);
    if (scope.network !== undefined) {
      parts.push(
        sql`(a.from_member in (select id from members where network_id = ${scope.network}) or a.to_member in (select id from members where network_id = ${scope.network}))`,
      );
    }
    return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
  };
  return {
    async saveActivities(batch) {
      if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
      // One array per column through unnest: eleven parameters instead of eleven per
      // row, which PostgreSQL binds and plans much faster for large batches.
      const column = <T>(pick: (r: ActivityRecord) => T) => batch.map(pick);
      const { rows } = await db.transaction().execute((trx) =>
        sql<{ inserted: boolean }>`
          insert into activities (key, kind, from_member, to_member, occurred_on, rating, status, value_amount, value_currency, value_eur, content_hash)
          select * from unnest(
            ${column((r) => r.key)}::text[], ${column((r) => r.activity.kind)}::text[],
            ${column((r) => r.activity.from)}::text[], ${column((r) => r.activity.to)}::text[],
            ${column((r) => r.activity.date)}::date[],
            ${column((r) => (r.activity.kind === 'meeting' ? r.activity.rating : null))}::real[],
            ${column((r) => (r.activity.kind === 'referral' ? r.activity.status : null))}::text[],
            ${column((r) => (r.activity.kind === 'referral' ? r.activity.valueAmount : null))}::double precision[],
            ${column((r) => (r.activity.kind === 'referral' ? r.activity.valueCurrency : null))}::text[],
            ${column((r) => (r.activity.kind === 'referral' ? r.activity.valueEur : null))}::double precision[],
            ${column((r) => r.contentHash)}::text[])
          on conflict (key) do update set
            kind = excluded.kind, from_member = excluded.from_member, to_member = excluded.to_member,
            occurred_on = excluded.occurred_on, rating = excluded.rating, status = excluded.status,
            value_amount = excluded.value_amount, value_currency = excluded.value_currency,
            value_eur = excluded.value_eur, content_hash = excluded.content_hash
          where activities.content_hash <> excluded.content_hash
          -- xmax = 0 marks a freshly inserted row.
          returning (xmax = 0) as inserted`.execute(trx),
      );
      const inserted = rows.filter((w) => w.inserted).length;
      return { inserted, updated: rows.length - inserted, unchanged: batch.length - rows.length };
    },

    async memberLanguages(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('members').select(['id', 'language']).where('id', 'in', [...new Set(ids)]).execute();
      return new Map(rows.map((r) => [r.id, r.language]));
    },

    async *iterateActivities(scope = {}, pageSize = 50_000) {
      let after: { date: string; key: string } | null = null;
      for (;;) {
        const cursor: RawBuilder<unknown> = after ? sql`(a.occurred_on, a.key) > (${after.date}::date, ${after.key})` : sql`true`;
        const { rows }: { rows: Row[] } = await sql<Row>`
          select a.key, a.kind, a.from_member, a.to_member, a.occurred_on::text as date, a.rating, a.status,
                 a.value_amount, a.value_currency, a.value_eur
          from activities a
          where ${filter(scope)} and ${cursor}
          order by a.occurred_on, a.key
          limit ${pageSize}`.execute(db);
        for (const row of rows) yield toActivity(row);
        if (rows.length < pageSize) return;
        const last: Row = rows[rows.length - 1]!;
        after = { date: last.date, key: last.key };
      }
    },

    async countActivities(scope = {}) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from activities a where ${filter(scope)}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    async latestDate(scope = {}) {
      // Per member, the latest day is one backward step in the (member, date) indexes:
      // milliseconds for a network even when the table holds millions of rows.
      const latestOf = (members: RawBuilder<unknown>) => sql`
        select max(d) from (
          select (select max(a.occurred_on) from activities a where a.from_member = m.id) as d from (${members}) m
          union all
          select (select max(a.occurred_on) from activities a where a.to_member = m.id) from (${members}) m
        ) t`;
      let query: RawBuilder<unknown>;
      if (scope.member !== undefined && scope.network === undefined) query = latestOf(sql`select ${scope.member}::text as id`);
      else if (scope.network !== undefined && scope.member === undefined) query = latestOf(sql`select id from members where network_id = ${scope.network}`);
      else query = sql`select max(a.occurred_on) from activities a where ${filter(scope)}`;
      const { rows } = await sql<{ d: string | null }>`select (${query})::text as d`.execute(db);
      return rows[0]?.d ?? null;
    },
  };
}
