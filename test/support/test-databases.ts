/**
 * The databases every storage test runs on: embedded PGlite (in memory) and a
 * PostgreSQL server. The server is `TEST_DATABASE_URL`, else `DATABASE_URL`, else
 * the local one (postgres://postgres@127.0.0.1:5432/test). Each test gets its own
 * schema on the server, so parallel test files never see each other's rows.
 * With CI=true a missing server fails the run; elsewhere its tests are skipped loudly.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseOptions } from '../../src/storage/database.ts';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly options: DatabaseOptions;
  drop(): Promise<void>;
}

export interface TestDialect {
  readonly name: 'pglite' | 'postgres';
  readonly available: boolean;
  create(): Promise<TestDatabase>;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const reachable = await postgresReachable();
if (!reachable) {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but PostgreSQL at ${POSTGRES_URL} is unreachable: the PostgreSQL storage tests must run in CI`);
  }
  process.stderr.write(`\n*** PostgreSQL at ${POSTGRES_URL} is unreachable: SKIPPING the PostgreSQL storage tests ***\n\n`);
}

export const TEST_DIALECTS: readonly TestDialect[] = [
  {
    name: 'pglite',
    available: true,
    create: async () => ({ options: { directory: 'memory://' }, drop: async () => {} }),
  },
  {
    name: 'postgres',
    available: reachable,
    async create() {
      const schema = `pf_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        options: { url: url.toString() },
        async drop() {
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          await client.query(`drop schema if exists ${schema} cascade`);
          await client.end();
        },
      };
    },
  },
];
