/** What the end-to-end benchmarks share: a fresh database of either kind, and a timed run of the real CLI. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/partnerfit.mjs');

export interface BenchDatabase {
  readonly env: NodeJS.ProcessEnv;
  /** For the programmatic API: the directory or the URL. */
  readonly options: { readonly directory?: string; readonly url?: string };
  cleanup(): void;
}

/** A fresh embedded database in a temporary directory, or a fresh database `name` on the PostgreSQL server. */
export async function freshDatabase(kind: string, name: string, postgresUrl: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
    return { env: { ...process.env, PARTNERFIT_DB: dir, DATABASE_URL: '' }, options: { directory: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { env: { ...process.env, DATABASE_URL: url.toString() }, options: { url: url.toString() }, cleanup: () => {} };
}

export interface TimedRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `partnerfit ARGS` under /usr/bin/time: wall time and peak RSS (with `nodeArgs`, e.g. `--cpu-prof`). */
export function timedCli(args: readonly string[], env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): TimedRun {
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, ...nodeArgs, BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const timing = /TIME ([\d.]+) (\d+)/.exec(result.stderr);
  if (!timing) throw new Error(`no timing (${result.status}): ${result.stderr.slice(-2000)}`);
  return { seconds: Number(timing[1]), peakRssMb: Math.round(Number(timing[2]) / 1024), status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function loadAverage(): string {
  return spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 3).join(' ');
}
