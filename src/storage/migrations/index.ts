/**
 * The ordered list of migrations, bundled in code (no directory scanning) so the
 * same list runs everywhere. Append; never edit a migration that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as members from './001-members.ts';
import * as applicantJobs from './002-applicant-jobs.ts';
import * as activity from './003-activity.ts';
import * as apiKeys from './004-api-keys.ts';
import * as vectorsAsText from './005-vectors-as-text.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-members': members,
  '002-applicant-jobs': applicantJobs,
  '003-activity': activity,
  '004-api-keys': apiKeys,
  '005-vectors-as-text': vectorsAsText,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
