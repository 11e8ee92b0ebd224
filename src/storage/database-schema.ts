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
  /** JSON text of the vector (migration 005). */
  vector: string;
  built_at: Timestamp;
}

export type JobStatus = 'reading' | 'pairing' | 'scoring' | 'done';

export interface ApplicantJobsTable {
  id: string;
  job_key: string;
  file: string;
  network_option: string | null;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  read_through_line: ColumnType<number, number | undefined, number>;
  rows_read: ColumnType<number, number | undefined, number>;
  warnings: JSONColumnType<string[], string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ApplicantRowsTable {
  job_id: string;
  line: number;
  applicant_id: string;
  network_id: string;
  profile: JSONColumnType<MemberProfile>;
  /** JSON text of the vector (migration 005). */
  vector: string;
  verdict: 'accept' | 'review' | 'conflict' | null;
  /** JSON text of the result (migration 005). */
  result: ColumnType<string | null, string | null | undefined, string | null>;
  admitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ApplicantRejectionsTable {
  job_id: string;
  line: number;
  seq: number;
  field: string | null;
  message: string;
}

export interface ApplicantBatchConflictsTable {
  job_id: string;
  a_line: number;
  b_line: number;
  a_id: string;
  b_id: string;
  a_name: string;
  b_name: string;
  shared_services: JSONColumnType<string[]>;
  level: 'direct' | 'partial';
  score: number;
}

export interface ApiKeysTable {
  id: string;
  secret_hash: string;
  role: 'admin' | 'member';
  network_id: string;
  member_id: string | null;
  created_at: Generated<Date>;
}

export interface ActivitiesTable {
  key: string;
  kind: 'meeting' | 'referral';
  from_member: string;
  to_member: string;
  /** Written as `YYYY-MM-DD`; read it as text (`occurred_on::text`), never as a Date. */
  occurred_on: ColumnType<string, string, string>;
  rating: number | null;
  status: 'passed' | 'contacted' | 'won' | 'lost' | null;
  value_amount: number | null;
  value_currency: string | null;
  value_eur: number | null;
  content_hash: string;
  created_at: Generated<Date>;
}

export interface DatabaseSchema {
  networks: NetworksTable;
  members: MembersTable;
  member_vectors: MemberVectorsTable;
  applicant_jobs: ApplicantJobsTable;
  applicant_rows: ApplicantRowsTable;
  applicant_rejections: ApplicantRejectionsTable;
  applicant_batch_conflicts: ApplicantBatchConflictsTable;
  api_keys: ApiKeysTable;
  activities: ActivitiesTable;
}
