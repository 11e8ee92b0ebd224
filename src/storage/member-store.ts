/**
 * Members and their vectors in PostgreSQL. Writes go in batches, one transaction
 * each: a batch is stored whole or not at all, so a crash mid-file leaves only whole
 * members behind, and re-running the file completes the job.
 */
import { sql, type Kysely } from 'kysely';
import { PartnerfitError } from '../core/errors.ts';
import type { MemberId, MemberProfile } from '../core/profile/member-profile.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';
import type { DatabaseSchema } from './database-schema.ts';

export interface MemberRecord {
  readonly profile: MemberProfile;
  /** A hash of the profile: an unchanged hash means nothing to update. */
  readonly contentHash: string;
  readonly vector: MemberVector;
}

export interface SaveResult {
  readonly inserted: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
}

export interface StoredMember {
  readonly profile: MemberProfile;
  readonly vector: MemberVector | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What ingest needs: write batches of members with their vectors. */
export interface MemberWriter {
  saveMembers(batch: readonly MemberRecord[]): Promise<SaveResult>;
  /** The networks of those ids that are members already. */
  networksOfMembers(ids: readonly string[]): Promise<Map<string, string | null>>;
}

/** What inspect and the scorers need: read members and vectors. */
export interface MemberReader {
  getMember(id: string): Promise<StoredMember | null>;
  /** The error for a member id that is not there, naming the member a differently capitalised id meant. */
  unknown(id: string): Promise<PartnerfitError>;
  countMembers(network?: string): Promise<number>;
  /** Which of these ids are members. */
  existingIds(ids: readonly string[]): Promise<Set<string>>;
  /** All members (of one network), page by page in id order: memory stays bounded. */
  iterateMembers(network?: string, pageSize?: number): AsyncIterable<StoredMember>;
}

/** A member as scoring needs them; the vector stays JSON text until a scorer (maybe on another thread) parses it. */
export interface MemberForScoring {
  readonly id: string;
  readonly network: string | null;
  readonly name: string;
  /** The stored vector as JSON, or null when it is missing or of another version than asked for. */
  readonly vectorJson: string | null;
}

/** What batch scoring needs: whole networks at once, cheaply. */
export interface NetworkMembersReader {
  /** The members of these networks, by network and id. */
  membersOfNetworks(networks: readonly string[], vectorVersion: string): Promise<MemberForScoring[]>;
}

/** What keeps vectors current when the lexicon or vectoriser changes. */
export interface VectorMaintenance {
  /**
   * Brings the planner's row counts up to date after a bulk write. The embedded
   * database has no autovacuum: without this it keeps the estimates of an empty table
   * and scans every member to find one network's.
   */
  refreshStatistics(): Promise<void>;
  /** Profiles whose vector is missing or of another version, at most `limit`, by id after `afterId`. */
  staleProfiles(version: string, limit: number, afterId?: string): Promise<MemberProfile[]>;
  saveVectors(vectors: readonly { memberId: string; vector: MemberVector }[]): Promise<void>;
}

export function createMemberStore(db: Kysely<DatabaseSchema>): MemberWriter & MemberReader & VectorMaintenance & NetworkMembersReader {
  return {
    async saveMembers(batch) {
      if (batch.length === 0) return { inserted: [], updated: [], unchanged: [] };
      return db.transaction().execute(async (trx) => {
        const networks = [...new Set(batch.map((r) => r.profile.network).filter((n): n is NonNullable<typeof n> => n !== null))];
        if (networks.length > 0) {
          await trx
            .insertInto('networks')
            .values(networks.map((id) => ({ id })))
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
        const written = await trx
          .insertInto('members')
          .values(
            batch.map((r) => ({
              id: r.profile.id,
              network_id: r.profile.network,
              name: r.profile.name,
              language: r.vector.language,
              profile: JSON.stringify(r.profile),
              content_hash: r.contentHash,
            })),
          )
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet({
                network_id: (eb) => eb.ref('excluded.network_id'),
                name: (eb) => eb.ref('excluded.name'),
                language: (eb) => eb.ref('excluded.language'),
                profile: (eb) => eb.ref('excluded.profile'),
                content_hash: (eb) => eb.ref('excluded.content_hash'),
                updated_at: sql`now()`,
              })
              .where('members.content_hash', '<>', (eb) => eb.ref('excluded.content_hash')),
          )
          // xmax = 0 marks a freshly inserted row; a row updated in place has the updating transaction there.
          .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted')])
          .execute();
        const writtenIds = new Set(written.map((w) => w.id));
        const changed = batch.filter((r) => writtenIds.has(r.profile.id));
        if (changed.length > 0) {
          await upsertVectors(
            trx,
            changed.map((r) => ({ memberId: r.profile.id, vector: r.vector })),
          );
        }
        return {
          inserted: written.filter((w) => w.inserted).map((w) => w.id),
          updated: written.filter((w) => !w.inserted).map((w) => w.id),
          unchanged: batch.filter((r) => !writtenIds.has(r.profile.id)).map((r) => r.profile.id),
        };
      });
    },

    async getMember(id) {
      const row = await db
        .selectFrom('members')
        .leftJoin('member_vectors', 'member_vectors.member_id', 'members.id')
        .select(['members.profile', 'member_vectors.vector', 'members.created_at', 'members.updated_at'])
        .where('members.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        profile: { ...row.profile, id: row.profile.id as MemberId },
        vector: row.vector === null ? null : (JSON.parse(row.vector) as MemberVector),
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      };
    },

    async unknown(id) {
      const same = await db
        .selectFrom('members')
        .select('id')
        .where(sql<string>`lower(id)`, '=', id.toLowerCase())
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return new PartnerfitError('not-found', `no member with id "${id}"${same ? ` (did you mean "${same.id}"? ids are case-sensitive)` : ''}`);
    },

    async networksOfMembers(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('members').select(['id', 'network_id']).where('id', 'in', [...new Set(ids)]).execute();
      return new Map(rows.map((r) => [r.id, r.network_id]));
    },

    async existingIds(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('members').select('id').where('id', 'in', [...new Set(ids)]).execute();
      return new Set(rows.map((r) => r.id));
    },

    async countMembers(network) {
      let query = db.selectFrom('members').select((eb) => eb.fn.countAll<string>().as('count'));
      if (network) query = query.where('network_id', '=', network);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async *iterateMembers(network, pageSize = 1000) {
      let after: string | null = null;
      for (;;) {
        let query = db
          .selectFrom('members')
          // The vector by its key (as in membersOfNetworks): no scan of every stored vector for one network.
          .select((eb) => [
            'members.id',
            'members.profile',
            eb.selectFrom('member_vectors').select('member_vectors.vector').whereRef('member_vectors.member_id', '=', 'members.id').as('vector'),
            'members.created_at',
            'members.updated_at',
          ])
          .orderBy('members.id')
          .limit(pageSize);
        if (network) query = query.where('members.network_id', '=', network);
        if (after !== null) query = query.where('members.id', '>', after);
        const rows = await query.execute();
        for (const row of rows) {
          yield { profile: row.profile, vector: row.vector === null ? null : (JSON.parse(row.vector) as MemberVector), createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) };
        }
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    async membersOfNetworks(networks, version) {
      if (networks.length === 0) return [];
      // The vector's JSON text as stored (null when missing or of another version), parsed where it is scored (on a worker); each by its key (scalar subqueries): a join lets the planner scan and hash
      // every stored vector for a few networks' worth (seconds at 100,000 members).
      const rows = await db
        .selectFrom('members')
        .select((eb) => [
          'members.id',
          'members.network_id',
          'members.name',
          eb
            .selectFrom('member_vectors')
            .select('member_vectors.vector')
            .whereRef('member_vectors.member_id', '=', 'members.id')
            .where('member_vectors.version', '=', version)
            .as('vector'),
        ])
        .where('members.network_id', 'in', [...networks])
        .orderBy('members.network_id')
        .orderBy('members.id')
        .execute();
      return rows.map((r) => ({ id: r.id, network: r.network_id, name: r.name, vectorJson: r.vector }));
    },

    async refreshStatistics() {
      await sql`analyze networks, members, member_vectors`.execute(db);
    },

    async staleProfiles(version, limit, afterId) {
      let query = db
        .selectFrom('members')
        .leftJoin('member_vectors', 'member_vectors.member_id', 'members.id')
        .select('members.profile')
        .where((eb) => eb.or([eb('member_vectors.version', 'is', null), eb('member_vectors.version', '<>', version)]))
        .orderBy('members.id')
        .limit(limit);
      if (afterId !== undefined) query = query.where('members.id', '>', afterId);
      const rows = await query.execute();
      return rows.map((r) => r.profile);
    },

    async saveVectors(vectors) {
      if (vectors.length === 0) return;
      await db.transaction().execute((trx) => upsertVectors(trx, vectors));
    },
  };
}

async function upsertVectors(
  db: Kysely<DatabaseSchema>,
  vectors: readonly { memberId: string; vector: MemberVector }[],
): Promise<void> {
  await db
    .insertInto('member_vectors')
    .values(vectors.map((v) => ({ member_id: v.memberId, version: v.vector.version, vector: JSON.stringify(v.vector) })))
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({
        version: (eb) => eb.ref('excluded.version'),
        vector: (eb) => eb.ref('excluded.vector'),
        built_at: sql`now()`,
      }),
    )
    .execute();
}
