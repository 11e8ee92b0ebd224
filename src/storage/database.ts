/**
 * Opens the database: a PostgreSQL server when a `postgres://` URL is given
 * (`DATABASE_URL`), otherwise the embedded PGlite database in a directory
 * (`PARTNERFIT_DB`, default `./.partnerfit`). Migrations run on open, the same on
 * both. The embedded directory is locked while open, because two processes writing
 * one PGlite directory would corrupt it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PartnerfitError } from '../core/errors.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { PgliteDialect } from './dialect/pglite/pglite-driver.ts';
import { migrationProvider } from './migrations/index.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database {
  readonly db: Kysely<DatabaseSchema>;
  readonly kind: DatabaseKind;
  /** Where the data lives: the server URL without password, or the directory. */
  readonly location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…`; wins over `directory`. */
  readonly url?: string | undefined;
  /** Directory of the embedded database; `memory://` for a throw-away one. */
  readonly directory?: string | undefined;
  /** The embedded database's buffer pool (`shared_buffers`, e.g. `32MB`; default `PGLITE_SHARED_BUFFERS`). */
  readonly sharedBuffers?: string | undefined;
}

/**
 * The embedded database's default buffer pool. PGlite sets up the whole pool every time
 * it starts, about 6 ms a megabyte here: PostgreSQL's 128MB made every command wait
 * 1.5 s before its first query. Pages beyond the pool come from the operating system's
 * file cache.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** Reads the options from the environment, as the CLI and the server do. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return { url: env.DATABASE_URL || undefined, directory: env.PARTNERFIT_DB || '.partnerfit', sharedBuffers: env.PARTNERFIT_PGLITE_SHARED_BUFFERS || undefined };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.url ? await openPostgres(options.url) : await openPglite(options.directory ?? '.partnerfit', options.sharedBuffers ?? PGLITE_SHARED_BUFFERS);
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new PartnerfitError('usage', `DATABASE_URL must start with postgres:// (got "${redact(url)}")`);
  }
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end();
    throw new PartnerfitError('database', `cannot reach PostgreSQL at ${redact(url)}: ${(cause as Error).message}`, { cause });
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', location: redact(url), close: () => db.destroy() };
}

async function openPglite(directory: string, sharedBuffers: string): Promise<Database> {
  // PGlite starts with sizes from PostgreSQL's least (128kB) up to 1GB; 2GB is past its memory.
  const size = /^([1-9]\d{0,9})(kB|MB|GB)$/.exec(sharedBuffers);
  const kilobytes = size ? Number(size[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[size[2] as 'kB' | 'MB' | 'GB'] : NaN;
  if (!(kilobytes >= 128 && kilobytes <= 1024 * 1024)) {
    throw new PartnerfitError('usage', `PARTNERFIT_PGLITE_SHARED_BUFFERS must be a size from 128kB to 1GB, such as 32MB (got "${sharedBuffers}")`);
  }
  const inMemory = directory.startsWith('memory://');
  let releaseLock: () => void;
  try {
    releaseLock = inMemory ? () => {} : lockDirectory(directory);
  } catch (cause) {
    if (cause instanceof PartnerfitError) throw cause;
    throw new PartnerfitError('database', `cannot use ${directory} for the embedded database: ${(cause as Error).message}`, { cause });
  }
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? directory : path.resolve(directory), {
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
    });
  } catch (cause) {
    releaseLock();
    throw new PartnerfitError('database', `cannot open the embedded database in ${directory}: ${(cause as Error).message}`, { cause });
  }
  const db = new Kysely<DatabaseSchema>({ dialect: new PgliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    location: inMemory ? directory : path.resolve(directory),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        releaseLock();
      }
    },
  };
}

/** Takes `<dir>/partnerfit.lock`; a lock left by a dead process is taken over. */
function lockDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const lockFile = path.join(directory, 'partnerfit.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new PartnerfitError(
          'database',
          `the embedded database in ${directory} is in use by process ${owner}; stop it, or set PARTNERFIT_DB to another directory`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new PartnerfitError('database', `cannot lock the embedded database in ${directory}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function migrate(db: Kysely<DatabaseSchema>): Promise<void> {
  // Name the schema: kysely looks for its bookkeeping tables in every schema, so a
  // partnerfit database in another schema of the same server would hide ours.
  const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: 'partnerfit_migrations',
    migrationLockTableName: 'partnerfit_migrations_lock',
    migrationTableSchema: current.rows[0]?.schema ?? 'public',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new PartnerfitError('database', `migration ${failed} failed: ${(error as Error).message}`, { cause: error });
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Applied and known migrations (readiness: the database answers and is up to date). */
export async function migrationState(db: Kysely<DatabaseSchema>): Promise<{ readonly applied: number; readonly known: number }> {
  const applied = await sql<{ n: string }>`select count(*) as n from partnerfit_migrations`.execute(db);
  return { applied: Number(applied.rows[0]?.n ?? 0), known: Object.keys(await migrationProvider.getMigrations()).length };
}
