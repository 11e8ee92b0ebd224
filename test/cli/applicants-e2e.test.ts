/**
 * `partnerfit applicants` through the real executable: the contract's JSON shape, CSV
 * output, exit codes, and a batch killed with SIGKILL three times whose resumed output
 * equals an uninterrupted run's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { writeRoster } from '../../scripts/bench/roster-generator.ts';
import { BIN, runCli, runCliAndKill } from '../support/run-cli.ts';

const DEMO = fileURLToPath(new URL('../../data/demo/roster.csv', import.meta.url));
const APPLICANTS = fileURLToPath(new URL('../../data/demo/applicants.csv', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-applicants-e2e-'));
const env = { PARTNERFIT_DB: path.join(work, 'db') };

describe('partnerfit applicants', () => {
  beforeAll(() => {
    expect(runCli(['ingest', DEMO, '--quiet'], env).status).toBe(0);
  }, 240_000);

  it('prints the applicants contract with --json, writes CSV with --out, and shows the job', () => {
    const result = runCli(['applicants', APPLICANTS, '--json', '--quiet'], env);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.job).toMatch(/^job-[0-9a-f]{10}$/);
    expect(output.rejected).toEqual([]);
    expect(output.applicants).toHaveLength(10);
    for (const a of output.applicants) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'fit', 'verdict', 'conflicts', 'topPartners', 'reasons']));
      expect(['accept', 'review', 'conflict']).toContain(a.verdict);
      for (const c of a.conflicts) expect(c).toMatchObject({ member: expect.any(String), level: expect.stringMatching(/^(direct|partial)$/), score: expect.any(Number) });
      for (const p of a.topPartners) expect(p).toMatchObject({ partner: expect.any(String), score: expect.any(Number) });
      expect(a.reasons.length).toBeGreaterThan(0);
    }
    expect(output.applicants.find((a: { id: string }) => a.id === 'app-002').verdict).toBe('conflict');
    expect(output.applicants.map((a: { language: string }) => a.language)).toContain('sv');

    // The text: each applicant in the language of their sentences, the frame and the numbers too.
    const text = runCli(['applicants', APPLICANTS, '--quiet'], env).stdout;
    expect(text).toMatch(/^app-002 William Hartley → london-connect: CONFLICT \(fit 0\.\d\d, \d strong partners?\)$/m);
    expect(text).toMatch(/^app-005 .* → malmo-bni: GODKÄNN \(matchning 0,\d\d, \d+ starka? partner\)$/m);
    expect(text).toMatch(/^  i den här omgången: .* \(app-010\) direkt 0,\d\d$/m);
    expect(text).not.toContain('partner(s)');

    const csv = path.join(work, 'verdicts.csv');
    const written = runCli(['applicants', APPLICANTS, '--out', csv], env);
    expect(written.status).toBe(0);
    expect(written.stderr).toMatch(/finished before/);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,name,network,verdict,fit,conflicts,batch_conflicts,strong_partners,top_partners,gains_partner,fills_trades,reasons');
    expect(lines).toHaveLength(11);
    expect(lines.find((l) => l.startsWith('app-009'))).toMatch(/,review,.*app-010:direct/);

    const status = runCli(['applicants', 'status', output.job, '--json'], env);
    expect(JSON.parse(status.stdout)).toMatchObject({ id: output.job, status: 'done', rows: 10, scored: 10 });
    expect(runCli(['applicants', APPLICANTS, '--out', path.join(work, 'x.txt')], env).status).toBe(2);
    expect(runCli(['applicants', 'status', 'job-none'], env).status).toBe(2);
  }, 240_000);

  it('exits 1 and names line, field and reason when rows are rejected; admits an applicant', () => {
    const file = path.join(work, 'mixed.csv');
    writeFileSync(file, 'id,name,network,services\nnew-1,Sara Lund,malmo-bni,rörmokare\nnew-2,Per Ek,malmo-bni,\n');
    const result = runCli(['applicants', file, '--quiet'], env);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/new-1 Sara Lund → malmo-bni/);
    expect(result.stderr).toMatch(/line 3, services: /);
    const admitted = runCli(['applicants', 'admit', 'new-1', '--json'], env);
    expect(admitted.status).toBe(0);
    expect(JSON.parse(admitted.stdout)).toMatchObject({ member: 'new-1', network: 'malmo-bni' });
    expect(runCli(['inspect', 'new-1', '--json'], env).status).toBe(0);
  }, 240_000);

  it('a batch killed with SIGKILL three times resumes to the same output as an uninterrupted run', async () => {
    const knowledge = loadKnowledge();
    const roster = path.join(work, 'roster.csv');
    const batch = path.join(work, 'batch.csv');
    await writeRoster(roster, knowledge, { members: 1200, networks: 30, seed: 21 });
    await writeRoster(batch, knowledge, { members: 2500, networks: 30, seed: 22, idPrefix: 'app' });
    const straightEnv = { PARTNERFIT_DB: path.join(work, 'straight-db') };
    const crashEnv = { PARTNERFIT_DB: path.join(work, 'crash-db') };
    for (const e of [straightEnv, crashEnv]) expect(runCli(['ingest', roster, '--quiet'], e).status).toBe(0);

    const straightOut = path.join(work, 'straight.json');
    const started = Date.now();
    expect(runCli(['applicants', batch, '--out', straightOut, '--quiet'], straightEnv).status).toBe(0);
    const duration = Date.now() - started;

    for (const fraction of [0.35, 0.55, 0.75]) await runCliAndKill(['applicants', batch, '--quiet'], crashEnv, Math.round(duration * fraction));
    const crashedOut = path.join(work, 'crashed.json');
    const resumed = runCli(['applicants', batch, '--out', crashedOut], crashEnv);
    expect(resumed.status).toBe(0);
    expect(readFileSync(crashedOut, 'utf8')).toBe(readFileSync(straightOut, 'utf8'));
    const job = JSON.parse(readFileSync(crashedOut, 'utf8')).job;
    expect(JSON.parse(runCli(['applicants', 'status', job, '--json'], crashEnv).stdout)).toMatchObject({ rows: 2500, scored: 2500, status: 'done' });
    // Ctrl-C (SIGINT) stops between two stored chunks and says how to go on.
    const interrupted = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'applicants', batch, '--fresh', '--quiet'], { env: { ...process.env, DATABASE_URL: '', ...crashEnv } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // Early in the run (it is alone on the machine now, and may be faster than the measured one was).
      setTimeout(() => child.kill('SIGINT'), Math.round(duration * 0.3));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/stopped: job job-[0-9a-f]{10}-2 is (reading|pairing|scoring); continue with: partnerfit applicants .* --resume job-/);
  }, 600_000);
});
