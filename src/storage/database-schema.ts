/**
 * The tables as kysely sees them. The migrations in `migrations/` create them; the
 * same migrations run on PGlite and on a PostgreSQL server.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import type { MemberVector } from '../core/vectors/member-vector.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface NetworksTable {
  id: string;
  policy: ColumnType<'exclusive' | 'open', 'exclusive' | 'open' | undefined, 'exclusive' | 'open'>;
  created_at: Generated<Date>;
}

export interface MembersTable {
  id: string;
  network_id: string | null;
  name: string;
  language: string | null;
  profile: JSONColumnType<MemberProfile>;
  content_hash: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MemberVectorsTable {
  member_id: string;
  version: string;
  vector: JSONColumnType<MemberVector>;
  built_at: Timestamp;
}

export interface DatabaseSchema {
  networks: NetworksTable;
  members: MembersTable;
  member_vectors: MemberVectorsTable;
}
