/**
 * The HTTP API end to end: the real server on a free port, keys made with the CLI,
 * members in, suggestions, an applicant job, a member erased and gone everywhere;
 * the OpenAPI document validates; auth, validation, size limits, logs, SIGTERM.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERION_NAMES } from '../../src/core/criteria/criterion.ts';
import { SuggestionsResponse } from '../../src/http/api-schemas.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateRosterRows, ROSTER_HEADER } from '../../scripts/bench/roster-generator.ts';
import { BIN, runCli } from '../support/run-cli.ts';
import { startServer, type ServerProcess } from '../support/run-server.ts';

const DEMO = fileURLToPath(new URL('../../data/demo/roster.csv', import.meta.url));
const APPLICANTS = fileURLToPath(new URL('../../data/demo/applicants.csv', import.meta.url));
const ACTIVITY = fileURLToPath(new URL('../../data/demo/activity.csv', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-http-'));
const env = { PARTNERFIT_DB: path.join(work, 'db') };

let server: ServerProcess;
/** Servers started under a shell the test kills (see serveUnderShell). */
const adopted: number[] = [];
const keys: Record<string, string> = {};

function keyFor(args: string[]): string {
  const result = runCli(['keys', 'create', ...args, '--json'], env);
  expect(result.status, result.stderr).toBe(0);
  const created = JSON.parse(result.stdout);
  expect(created.key).toMatch(/^pf_[0-9a-f]{12}_/);
  return created.key as string;
}

async function call(method: string, url: string, options: { key?: string; body?: string; type?: string } = {}) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...(options.type ? { 'content-type': options.type } : {}) },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text, headers: response.headers };
}

/**
 * A POST that announces a body over the limit and waits for the answer before sending
 * it: the server answers 413 from the Content-Length and closes the connection, so a
 * client still writing the body (as fetch does) can get EPIPE instead of the answer.
 */
function announceHugeBody(url: string, key: string, length: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv', 'content-length': String(length) },
    });
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, text });
        request.destroy();
      });
    });
    request.on('error', reject);
    request.flushHeaders();
  });
}

describe('partnerfit serve', () => {
  beforeAll(async () => {
    expect(runCli(['ingest', DEMO, '--quiet'], env).status).toBe(0);
    expect(runCli(['ingest-activity', ACTIVITY, '--quiet'], env).status).toBe(0);
    keys.admin = keyFor(['--role', 'admin', '--network', 'malmo-bni']);
    keys.otherAdmin = keyFor(['--role', 'admin', '--network', 'london-connect']);
    keys.member = keyFor(['--role', 'member', '--network', 'malmo-bni', '--member', 'se-001']);
    keys.erased = keyFor(['--role', 'member', '--network', 'malmo-bni', '--member', 'se-003']);
    expect(runCli(['keys', 'create', '--role', 'member', '--network', 'malmo-bni', '--member', 'uk-001'], env).status).toBe(2);
    server = await startServer(['--body-limit', '1'], env);
    // Six CLI runs, each opening the embedded database: minutes when the 2 shared cores are busy.
  }, 300_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop();
    // A server under a killed shell that failed to stop on its own must not outlive the tests.
    for (const pid of adopted) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
  });

  it('is healthy and ready, and its OpenAPI 3.1 document validates', async () => {
    const health = await call('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', database: 'pglite', migrations: { applied: expect.any(Number) } });
    expect(health.json.migrations.applied).toBe(health.json.migrations.known);
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(doc.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.json.openapi).toBe('3.1.0');
    for (const p of ['/me', '/concepts', '/networks/{id}/members', '/applicants/{id}/admit', '/members/{id}/suggestions', '/networks/{id}/policy', '/applicants', '/jobs/{id}', '/members']) expect(Object.keys(doc.json.paths)).toContain(p);
  });

  it('answers 401 without a key or with an unknown one, 403 outside the key’s scope', async () => {
    expect((await call('GET', '/members/se-001/suggestions')).status).toBe(401);
    expect((await call('GET', '/members/se-001/suggestions', { key: 'pf_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(401);
    expect((await call('GET', '/members/se-001', { key: keys.otherAdmin })).status).toBe(403);
    expect((await call('GET', '/members/se-003/suggestions', { key: keys.member })).status).toBe(403);
    expect((await call('GET', '/networks/malmo-bni/report', { key: keys.member })).status).toBe(403);
    expect((await call('GET', '/members/se-001/suggestions?allNetworks=true', { key: keys.admin })).status).toBe(403);
    const denied = await call('GET', '/networks/malmo-bni/competitors', { key: keys.otherAdmin });
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({ error: expect.stringContaining('malmo-bni'), requestId: expect.any(String) });
    expect((await call('GET', '/me')).status).toBe(401);
    expect((await call('GET', '/me', { key: keys.admin })).json).toEqual({ role: 'admin', network: 'malmo-bni', member: null });
    expect((await call('GET', '/me', { key: keys.member })).json).toEqual({ role: 'member', network: 'malmo-bni', member: 'se-001' });
  });

  it('serves suggestions, competitors, the report and the policy in the contract shapes', async () => {
    const own = await call('GET', '/members/se-001/suggestions?top=3', { key: keys.member });
    expect(own.status).toBe(200);
    expect(own.json.member).toBe('se-001');
    expect(own.json.suggestions).toHaveLength(3);
    // The shape /openapi.json documents, every field of it.
    expect(SuggestionsResponse.strict().safeParse({ ...own.json, suggestions: [] }).success).toBe(true);
    for (const s of own.json.suggestions) expect(SuggestionsResponse.shape.suggestions.element.strict().parse(s)).toEqual(s);
    // Amounts in the member's country's currency unless another is asked for; an unknown one is a 400.
    expect(own.json.currency).toBe('SEK');
    expect((await call('GET', '/members/se-001/suggestions?top=3&currency=eur', { key: keys.member })).json.currency).toBe('EUR');
    const badCurrency = await call('GET', '/members/se-001/suggestions?currency=kr', { key: keys.member });
    expect(badCurrency.status).toBe(400);
    expect(badCurrency.text).toContain('not a currency of the rate table');
    for (const s of own.json.suggestions) {
      expect(Object.keys(s.criteria).sort()).toEqual([...CRITERION_NAMES].sort());
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    expect((await call('GET', '/members/se-001', { key: keys.member })).json.profile.name).toBeTypeOf('string');
    // The admin sees the ledger behind a suggestion; the member's own key sees no one else's ratings or referrals.
    const adminView = await call('GET', '/members/se-001/suggestions?top=5', { key: keys.admin });
    const memberView = await call('GET', '/members/se-001/suggestions?top=5', { key: keys.member });
    expect(adminView.text).toMatch(/enskilda möten|rekommendationer/);
    expect(memberView.text).not.toMatch(/enskilda möten|rekommendationer/);
    expect(memberView.json.suggestions.map((s: { partner: string }) => s.partner)).toEqual(adminView.json.suggestions.map((s: { partner: string }) => s.partner));
    const competitors = await call('GET', '/networks/malmo-bni/competitors', { key: keys.admin });
    expect(competitors.status).toBe(200);
    expect(competitors.json.pairs.map((p: { a: string; b: string }) => `${p.a}/${p.b}`)).toContain('se-012/se-013');
    // Reasons in the language most members write in, or the one asked for; an unknown one is a 400.
    expect(competitors.json.pairs.every((p: { language: string }) => p.language === 'sv')).toBe(true);
    expect(competitors.text).toContain('konkurrenter');
    const suggestionsInGerman = await call('GET', '/members/se-001/suggestions?top=3&lang=de', { key: keys.admin });
    expect(suggestionsInGerman.json.language).toBe('de');
    expect(suggestionsInGerman.text).toMatch(/Ihr Partner|Sie beide/);
    const german = await call('GET', '/networks/malmo-bni/competitors?lang=de', { key: keys.admin });
    expect(german.json.pairs[0].language).toBe('de');
    expect(german.text).toContain('Wettbewerber');
    expect((await call('GET', '/networks/malmo-bni/competitors?lang=fi', { key: keys.admin })).status).toBe(400);
    const report = await call('GET', '/networks/malmo-bni/report', { key: keys.admin });
    expect(report.json).toMatchObject({ network: 'malmo-bni', members: 18, policy: 'exclusive', language: 'sv' });
    const roster = await call('GET', '/networks/malmo-bni/members', { key: keys.admin });
    expect(roster.json).toMatchObject({ network: 'malmo-bni', policy: 'exclusive' });
    expect(roster.json.members).toHaveLength(18);
    const karin = roster.json.members.find((m: { id: string }) => m.id === 'se-001');
    const karinInReport = report.json.summaries.find((m: { id: string }) => m.id === 'se-001');
    expect(karin).toEqual({ id: 'se-001', name: karinInReport.name, mainService: karinInReport.mainService, area: karinInReport.area });
    expect((await call('GET', '/networks/malmo-bni/members', { key: keys.otherAdmin })).status).toBe(403);
    const concepts = await call('GET', '/concepts', { key: keys.member });
    expect(concepts.json.areas).toContain(karin.area);
    expect(concepts.json.concepts.find((c: { id: string }) => c.id === karin.mainService).labels).toMatchObject({ en: expect.any(String), sv: expect.any(String) });
    const policy = await call('PUT', '/networks/malmo-bni/policy', { key: keys.admin, type: 'application/json', body: '{"policy":"open"}' });
    expect(policy.json).toMatchObject({ id: 'malmo-bni', policy: 'open' });
    expect((await call('GET', '/networks/malmo-bni/report', { key: keys.admin })).json.policy).toBe('open');
    await call('PUT', '/networks/malmo-bni/policy', { key: keys.admin, type: 'application/json', body: '{"policy":"exclusive"}' });
  });

  it('validates input (400 with the issues), refuses unknown ids (404), content types (415) and large bodies (413), never with a stack trace', async () => {
    const bad = await call('GET', '/members/se-001/suggestions?top=abc&purpose=gossip', { key: keys.admin });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.purpose', 'query.top']);
    const policy = await call('PUT', '/networks/malmo-bni/policy', { key: keys.admin, type: 'application/json', body: '{"policy":"sometimes"}' });
    expect(policy.status).toBe(400);
    expect(policy.json.issues[0].path).toBe('body.policy');
    expect((await call('PUT', '/networks/malmo-bni/policy', { key: keys.admin, type: 'application/json', body: '{not json' })).status).toBe(400);
    expect((await call('GET', '/members/nobody', { key: keys.admin })).status).toBe(404);
    expect((await call('GET', '/no/such/route')).status).toBe(404);
    expect((await call('POST', '/members', { key: keys.admin, type: 'text/plain', body: 'hello' })).status).toBe(415);
    const huge = await announceHugeBody('/members', keys.admin!, 1_800_000);
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).error).toBe('the request body is too large');
    for (const r of [bad, policy, huge]) expect(r.text).not.toMatch(/\n\s+at /);
  });

  it('takes members in with the per-row report, scores applicants (directly and as a job), and erases a member everywhere', async () => {
    const ingest = await call('POST', '/members', {
      key: keys.admin,
      type: 'text/csv',
      body: 'id,name,services,target_company_sizes\nse-100,Nora Vik,rörmokare;VVS,consumer\nse-101,Ivar Sten,,small\nuk-001,Hijack Attempt,accounting,small\n',
    });
    expect(ingest.status).toBe(200);
    expect(ingest.json.accepted).toBe(1);
    expect(ingest.json.rejected).toEqual([
      { line: 3, field: 'services', message: expect.any(String) },
      { line: 4, field: 'id', message: expect.stringContaining('another network') },
    ]);

    const malmoApplicants = readFileSync(APPLICANTS, 'utf8')
      .split('\n')
      .filter((line, i) => i === 0 || line.includes(',malmo-bni,'))
      .join('\n');
    const direct = await call('POST', '/applicants', { key: keys.admin, type: 'text/csv', body: malmoApplicants });
    expect(direct.status).toBe(200);
    expect(direct.json.applicants.map((a: { id: string }) => a.id)).toEqual(['app-005', 'app-006', 'app-009', 'app-010']);
    expect(direct.json.applicants.find((a: { id: string }) => a.id === 'app-009').batchConflicts[0].applicant).toBe('app-010');

    // Admitting: only the job's network admin, only with the job, then a member like any other.
    const admitUrl = `/applicants/app-006/admit?job=${direct.json.job}`;
    expect((await call('POST', '/applicants/app-006/admit', { key: keys.admin })).status).toBe(400);
    expect((await call('POST', admitUrl, { key: keys.otherAdmin })).status).toBe(403);
    expect((await call('POST', admitUrl, { key: keys.member })).status).toBe(403);
    expect((await call('POST', `/applicants/nobody/admit?job=${direct.json.job}`, { key: keys.admin })).status).toBe(404);
    const admitted = await call('POST', admitUrl, { key: keys.admin });
    expect(admitted.status).toBe(200);
    expect(admitted.json).toEqual({ member: 'app-006', network: 'malmo-bni', job: direct.json.job, changed: true, verdict: 'accept' });
    expect((await call('GET', '/members/app-006', { key: keys.admin })).json.profile.network).toBe('malmo-bni');
    expect((await call('POST', admitUrl, { key: keys.admin })).json.changed).toBe(false);

    const knowledge = loadKnowledge();
    const rows = [...generateRosterRows(knowledge, { members: 400, networks: 1, seed: 9, idPrefix: 'big' })];
    const big = await call('POST', '/applicants', { key: keys.admin, type: 'text/csv', body: [ROSTER_HEADER, ...rows].join('\n') });
    expect(big.status).toBe(202);
    expect(big.json.location).toBe(`/jobs/${big.json.job}`);
    let job;
    for (let i = 0; i < 240; i++) {
      job = await call('GET', big.json.location, { key: keys.admin });
      expect(job.status).toBe(200);
      if (job.json.status === 'done' || job.json.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(job!.json).toMatchObject({ status: 'done', network: 'malmo-bni', rows: 400, scored: 400 });
    expect(job!.json.result.applicants).toHaveLength(400);
    expect((await call('GET', `/jobs/${big.json.job}`, { key: keys.otherAdmin })).status).toBe(403);

    // Erase se-003: profile, vectors, key, mentions in results; suggestions and reports no longer see them.
    const before = await call('GET', `/jobs/${direct.json.job}`, { key: keys.admin });
    expect(before.text).toContain('se-003');
    const erased = await call('DELETE', '/members/se-003', { key: keys.admin });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ erased: 'se-003', member: true });
    expect((await call('GET', '/members/se-003', { key: keys.admin })).status).toBe(404);
    expect((await call('GET', '/members/se-003/suggestions', { key: keys.erased })).status).toBe(401);
    expect((await call('GET', '/members/se-001/suggestions?top=20', { key: keys.member })).text).not.toContain('se-003');
    expect((await call('GET', '/networks/malmo-bni/report', { key: keys.admin })).text).not.toContain('se-003');
    expect((await call('GET', '/networks/malmo-bni/competitors', { key: keys.admin })).text).not.toContain('se-003');
    expect((await call('GET', `/jobs/${direct.json.job}`, { key: keys.admin })).text).not.toContain('se-003');
    expect((await call('DELETE', '/members/se-003', { key: keys.admin })).status).toBe(404);
  }, 240_000);

  it('logs one structured line per request with its id, and drains in-flight requests on SIGTERM', async () => {
    const response = await call('GET', '/health');
    const id = response.headers.get('x-request-id');
    expect(id).toBeTruthy();
    await new Promise((r) => setTimeout(r, 200));
    const line = server.logs.map((l) => JSON.parse(l)).find((l) => l.reqId === id && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', url: '/health', status: 200 });

    const inFlight = call('GET', '/networks/malmo-bni/report', { key: keys.admin });
    await new Promise((r) => setTimeout(r, 20));
    const code = await server.stop();
    expect((await inFlight).status).toBe(200);
    expect(code).toBe(0);
    expect(server.notes.join('\n')).toMatch(/SIGTERM: finishing requests in flight/);
  });

  /**
   * The server as `npx partnerfit serve` starts it: npm (here a shell standing in for it) runs it through
   * a shell, with npm_command set. The shell passes no signal on; the test kills it outright.
   */
  const serveUnderShell = () => {
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" serve --port 0 --log-level silent & echo $!; wait`], {
      env: { ...process.env, DATABASE_URL: '', ...env, npm_command: 'exec' },
    });
    const seen = { out: '', notes: '' };
    shell.stdout.on('data', (d: Buffer) => (seen.out += d.toString()));
    shell.stderr.on('data', (d: Buffer) => (seen.notes += d.toString()));
    const until = async (done: () => boolean, what: string, limitMs: number) => {
      for (const start = Date.now(); !done(); ) {
        if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}: ${seen.notes}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const pid = () => Number(seen.out.trim());
    shell.stdout.once('data', () => adopted.push(pid()));
    // Gone, or a zombie waiting for the process that adopted it to collect its exit status.
    const alive = () => {
      try {
        process.kill(pid(), 0);
      } catch {
        return false;
      }
      const stat = existsSync(`/proc/${pid()}/stat`) ? readFileSync(`/proc/${pid()}/stat`, 'utf8') : '';
      return !/^\d+ \(.*\) Z/.test(stat);
    };
    const stopsOnItsOwn = async () => {
      await until(() => /npm, which started the server, has exited: finishing requests in flight, then stopping/.test(seen.notes), 'the server to notice', 60_000);
      await until(() => !alive(), 'the server to stop', 60_000);
    };
    return { shell, seen, until, pid, alive, stopsOnItsOwn };
  };

  it('started by npm, stops when npm is gone (npm runs it under a shell that passes no signal on)', async () => {
    const served = serveUnderShell();
    // Starting takes long on a loaded machine (the other server of this file allows 180 s too).
    await served.until(() => /partnerfit serving|^partnerfit: /m.test(served.seen.notes), 'the server to start', 240_000);
    expect(served.seen.notes).toMatch(/partnerfit serving/);
    expect(served.alive()).toBe(true);
    served.shell.kill('SIGKILL');
    await served.stopsOnItsOwn();
  }, 400_000);

  it('started by npm, stops when npm is gone before it has finished starting', async () => {
    // The server is adopted while it starts; it must still know whom it was started by (once, it read
    // its parent only after start-up, and ran on when npm went in that moment).
    const served = serveUnderShell();
    // Killed once the server has had 0.3 s of CPU: Node's own start takes a tenth of that, then the
    // executable reads its parent; start-up up to "partnerfit serving" takes several seconds of CPU.
    const cpuSeconds = () => {
      const stat = existsSync(`/proc/${served.pid()}/stat`) ? readFileSync(`/proc/${served.pid()}/stat`, 'utf8') : '';
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
    };
    await served.until(() => served.pid() > 0 && cpuSeconds() >= 0.3, 'the server to begin starting', 60_000);
    served.shell.kill('SIGKILL');
    expect(served.seen.notes).not.toMatch(/partnerfit serving/);
    await served.until(() => /partnerfit serving|^partnerfit: /m.test(served.seen.notes), 'the server to start', 240_000);
    expect(served.seen.notes).toMatch(/partnerfit serving/);
    await served.stopsOnItsOwn();
  }, 400_000);
});
