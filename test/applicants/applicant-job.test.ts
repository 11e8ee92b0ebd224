/**
 * Applicant batches as jobs, on embedded PGlite and on a PostgreSQL server: verdicts
 * on the demo network's hand-written applicants (four languages), bad rows, the
 * network's policy, admitting, and resuming a stopped job with the same result.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPartnerfit, type Partnerfit } from '../../src/app/partnerfit.ts';
import type { ApplicantResult } from '../../src/core/applicants/applicant-assessment.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { ROSTER_HEADER, writeRoster } from '../../scripts/bench/roster-generator.ts';
import { TEST_DIALECTS, type TestDatabase } from '../support/test-databases.ts';

const ROSTER = fileURLToPath(new URL('../../data/demo/roster.csv', import.meta.url));
const APPLICANTS = fileURLToPath(new URL('../../data/demo/applicants.csv', import.meta.url));
const knowledge = loadKnowledge();

async function collect(app: Partnerfit, jobId: string): Promise<ApplicantResult[]> {
  const all: ApplicantResult[] = [];
  for await (const r of app.applicantResults(jobId)) all.push(r);
  return all;
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'partnerfit-applicants-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

for (const dialect of TEST_DIALECTS) {
  describe.skipIf(!dialect.available)(`applicant jobs on ${dialect.name}`, () => {
    let testDb: TestDatabase;
    let database: Database;
    let app: Partnerfit;

    beforeEach(async () => {
      testDb = await dialect.create();
      database = await openDatabase(testDb.options);
      app = await createPartnerfit({ database, knowledge });
      await app.ingest(ROSTER);
    });
    afterEach(async () => {
      await app?.close();
      await database?.close();
      await testDb?.drop();
    });

    it('scores the demo applicants: conflicts across languages, two applicants for one seat, accepts — and changes no member', async () => {
      const before = await sql<{ id: string; content_hash: string; updated_at: Date; version: string; built_at: Date }>`
        select m.id, m.content_hash, m.updated_at, v.version, v.built_at from members m join member_vectors v on v.member_id = m.id order by m.id`.execute(database.db);
      const outcome = await app.scoreApplicants(APPLICANTS);
      expect(outcome).toMatchObject({ start: 'new', finished: true });
      const results = await collect(app, outcome.job.id);
      const byId = new Map(results.map((r) => [r.id, r]));
      expect(results.map((r) => r.id)).toEqual(['app-001', 'app-002', 'app-003', 'app-004', 'app-005', 'app-006', 'app-007', 'app-008', 'app-009', 'app-010']);

      // Danish IT-sikkerhed against Swedish cybersäkerhet, in the Øresund club.
      expect(byId.get('app-001')!.verdict).toBe('conflict');
      expect(byId.get('app-001')!.conflicts[0]).toMatchObject({ member: 'se-021', level: 'direct' });
      expect(byId.get('app-001')!.reasons[0]).toMatch(/se-021.*har allerede denne plads/);
      expect(byId.get('app-002')!.verdict).toBe('conflict');
      expect(byId.get('app-002')!.conflicts[0]).toMatchObject({ member: 'uk-010', level: 'direct' });
      expect(byId.get('app-002')!.topPartners.map((p) => p.partner)).toContain('uk-011');
      // Partial overlaps go to the committee: a content marketer next to a copywriter, data protection next to IT security.
      for (const [id, member] of [['app-003', 'uk-008'], ['app-004', 'de-008']] as const) {
        expect(byId.get(id)!.verdict, id).toBe('review');
        expect(byId.get(id)!.conflicts, id).toEqual([expect.objectContaining({ member, level: 'partial' })]);
      }
      // Two plumbers for one seat in a chapter without one: both go to review, with who fits better.
      for (const [id, rival] of [['app-009', 'app-010'], ['app-010', 'app-009']] as const) {
        const r = byId.get(id)!;
        expect(r.conflicts).toEqual([]);
        expect(r.batchConflicts[0]).toMatchObject({ applicant: rival, level: 'direct' });
        expect(r.verdict).toBe('review');
        expect(r.reasons.some((s) => s.includes(rival) && /passar nätverket/.test(s))).toBe(true);
      }
      // No conflict, good fit: accepted, with what they add, in their own language.
      for (const id of ['app-005', 'app-006', 'app-007', 'app-008']) {
        expect(byId.get(id)!.verdict, id).toBe('accept');
        expect(byId.get(id)!.conflicts, id).toEqual([]);
        expect(byId.get(id)!.strongPartners, id).toBeGreaterThan(0);
      }
      expect(byId.get('app-005')!.fillsTrades).toContain('svc.payroll');
      expect(byId.get('app-005')!.topPartners.slice(0, 3).map((p) => p.partner)).toEqual(expect.arrayContaining(['se-001', 'se-003']));
      expect(byId.get('app-007')!.reasons.join(' ')).toMatch(/Branche, die dem Netzwerk fehlt/);
      // Scores in the reasons are written with the language's decimal sign.
      expect(byId.get('app-005')!.reasons.join(' ')).toMatch(/bäst [^(]+\(se-\d+, 0,\d\d\)/);
      expect(byId.get('app-002')!.reasons.join(' ')).toMatch(/best [^(]+\(uk-\d+, 0\.\d\d\)/);
      for (const r of results) {
        expect(r.fit).toBeGreaterThanOrEqual(0);
        expect(r.fit).toBeLessThanOrEqual(1);
        expect(r.topPartners.every((p) => !r.conflicts.some((c) => c.member === p.partner && c.level === 'direct'))).toBe(true);
      }

      const after = await sql`select m.id, m.content_hash, m.updated_at, v.version, v.built_at from members m join member_vectors v on v.member_id = m.id order by m.id`.execute(database.db);
      expect(after.rows).toEqual(before.rows);
      expect(await app.countMembers()).toBe(72);
    });

    it('reports bad rows with line, field and reason, and scores the good ones', async () => {
      const file = path.join(work, `bad-${dialect.name}.csv`);
      writeFileSync(
        file,
        [
          'id,name,network,language,services,avg_deal_value',
          'ok-1,Karl Lind,malmo-bni,sv,rörmokare;badrumsrenovering,',
          'bad-1,Nina Holm,malmo-bni,sv,,',
          'bad-2,Ole Berg,no-such-network,da,revision,',
          'se-004,Copy Of A Member,malmo-bni,sv,redovisning,',
          'ok-1,Karl Again,malmo-bni,sv,elektriker,',
          'bad-3,Eva Stål,malmo-bni,sv,måleri,lots of money',
          'bad-4,No Network,,en,plumbing,',
        ].join('\n'),
      );
      const outcome = await app.scoreApplicants(file);
      const rejected = await app.applicantRejections(outcome.job.id);
      expect(rejected).toEqual([
        { line: 3, field: 'services', message: expect.any(String) },
        { line: 4, field: 'network', message: expect.stringContaining('no network "no-such-network"') },
        { line: 5, field: 'id', message: expect.stringContaining('already a member') },
        { line: 6, field: 'id', message: expect.stringContaining('duplicate id "ok-1": line 2') },
        { line: 7, field: 'avg_deal_value', message: expect.any(String) },
        { line: 8, field: 'network', message: expect.stringContaining('must name the network') },
      ]);
      const results = await collect(app, outcome.job.id);
      expect(results.map((r) => r.id)).toEqual(['ok-1']);
    });

    it('follows the network policy: in an open network a same-trade applicant is an overflow partner, not a conflict', async () => {
      await app.setPolicy('london-connect', 'open');
      const outcome = await app.scoreApplicants(APPLICANTS, { network: 'london-connect' });
      const byId = new Map((await collect(app, outcome.job.id)).map((r) => [r.id, r]));
      const agent = byId.get('app-002')!;
      expect(agent.policy).toBe('open');
      expect(agent.verdict).not.toBe('conflict');
      expect(agent.overflowPartners.map((p) => p.partner)).toContain('uk-010');
    });

    it('admits an applicant as a member through the store ingest uses; a re-run shows the finished job, --fresh scores again', async () => {
      const first = await app.scoreApplicants(APPLICANTS);
      const again = await app.scoreApplicants(APPLICANTS);
      expect(again).toMatchObject({ start: 'finished-before', job: { id: first.job.id } });
      const admitted = await app.admitApplicant('app-005');
      expect(admitted).toMatchObject({ member: 'app-005', network: 'malmo-bni', job: first.job.id, verdict: 'accept', changed: true });
      expect(await app.countMembers('malmo-bni')).toBe(19);
      const suggestions = await app.suggest('app-005', { top: 3 });
      expect(suggestions.suggestions.map((s) => s.partner)).toContain('se-001');
      await expect(app.admitApplicant('nobody')).rejects.toThrow(/no applicant "nobody"/);
      const fresh = await app.scoreApplicants(APPLICANTS, { fresh: true });
      expect(fresh.job.id).toBe(`${first.job.id}-2`);
      // app-005 is a member now: the fresh job refuses the row instead of scoring a member as an applicant.
      expect((await app.applicantRejections(fresh.job.id)).map((r) => r.line)).toEqual([6]);
    });

    it('a job stopped in every phase resumes where it stopped and ends with the same result as an uninterrupted run', async () => {
      const roster = path.join(work, `gen-roster-${dialect.name}.csv`);
      const applicants = path.join(work, `gen-applicants-${dialect.name}.csv`);
      await writeRoster(roster, knowledge, { members: 600, networks: 12, seed: 5 });
      await writeRoster(applicants, knowledge, { members: 700, networks: 12, seed: 6, idPrefix: 'app' });
      await app.ingest(roster);

      const straight = await app.scoreApplicants(applicants, { readBatchSize: 50, scoreChunkSize: 25 });
      const expected = await collect(app, straight.job.id);
      expect(expected.length).toBe(700);

      // The same file again as a new job, stopped three times: while reading, while scoring, and once more.
      let stops = 0;
      let progressEvents = 0;
      const stopAt = [3, 9, 20];
      let outcome = null;
      let resumeId: string | undefined;
      for (let attempt = 0; attempt < 10; attempt++) {
        const controller = new AbortController();
        outcome = await app.scoreApplicants(applicants, {
          readBatchSize: 50,
          scoreChunkSize: 25,
          ...(resumeId ? { resume: resumeId } : { fresh: true }),
          signal: controller.signal,
          onProgress: () => {
            progressEvents++;
            if (stops < stopAt.length && progressEvents >= stopAt[stops]!) {
              stops++;
              controller.abort();
            }
          },
        });
        resumeId = outcome.job.id;
        if (outcome.finished) break;
      }
      expect(stops).toBe(3);
      expect(outcome!.finished).toBe(true);
      expect(outcome!.start).toBe('resumed');
      const resumed = await collect(app, outcome!.job.id);
      expect(resumed).toEqual(expected);
      const counts = await app.applicantJob(outcome!.job.id);
      expect(counts).toMatchObject({ status: 'done', rows: 700, scored: 700 });
    }, 120_000);
  });
}

describe('applicant files that cannot be used', () => {
  it('refuses a header without services and a job id that does not exist', async () => {
    const app = await createPartnerfit({ directory: 'memory://', knowledge });
    try {
      await app.ingest(ROSTER);
      const file = path.join(work, 'no-services.csv');
      writeFileSync(file, 'id,name,network\nx-1,Someone,malmo-bni\n');
      await expect(app.scoreApplicants(file)).rejects.toThrow(/no "services" column/);
      await expect(app.scoreApplicants(APPLICANTS, { resume: 'job-nope' })).rejects.toThrow(/no applicant job "job-nope"/);
      const other = path.join(work, 'other.csv');
      writeFileSync(other, `${ROSTER_HEADER}\n`);
      const started = await app.scoreApplicants(APPLICANTS);
      await expect(app.scoreApplicants(other, { resume: started.job.id })).rejects.toThrow(/differs from it/);
    } finally {
      await app.close();
    }
  });
});
