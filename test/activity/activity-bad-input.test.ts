/**
 * Bad activity rows are rejected one by one with line, field and reason; good rows
 * are stored; a file that cannot be used changes nothing; the same row ingested twice
 * counts once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerfit, type Partnerfit } from '../../src/app/partnerfit.ts';
import { parseActivity } from '../../src/core/activity/activity-parser.ts';
import { PartnerfitError } from '../../src/core/errors.ts';

const ROSTER = [
  'id,name,network,language,services',
  'a1,Anna Åkesson,net,sv,rekrytering',
  'a2,Søren Kjær,net,da,bogføring',
  'a3,Jens Weber,net,de,Steuerberatung',
].join('\n');
const HEADER = 'kind,from,to,date,rating,status,value';
const dir = mkdtempSync(path.join(tmpdir(), 'partnerfit-activity-input-'));
let counter = 0;
function file(content: string, extension = 'csv'): string {
  const name = path.join(dir, `case-${++counter}.${extension}`);
  writeFileSync(name, content);
  return name;
}

let app: Partnerfit;
beforeAll(async () => {
  app = await createPartnerfit({ directory: 'memory://' });
  await app.ingest(file(ROSTER));
});
afterAll(async () => app?.close());

describe('parseActivity', () => {
  it('reads a meeting and a referral with a currency from the receiving member', () => {
    expect(parseActivity({ kind: 'meeting', from: 'a1', to: 'a2', date: '2026-03-01', rating: '4' })).toMatchObject({ success: true, activity: { kind: 'meeting', rating: 4 } });
    const referral = parseActivity({ kind: 'Referral', from: 'a1', to: 'a2', date: '2026-03-01T10:00:00Z', status: 'WON', value: '10 000' }, { currencyLanguage: 'da' });
    expect(referral).toMatchObject({ success: true, activity: { kind: 'referral', status: 'won', date: '2026-03-01', valueCurrency: 'DKK', valueAmount: 10000 } });
  });

  it('names every wrong field', () => {
    const result = parseActivity({ kind: 'meeting', from: 'a1', to: 'a1', date: '2026-02-30', rating: '7', status: 'won' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((i) => i.field).sort()).toEqual(['date', 'rating', 'status', 'to']);
    expect(parseActivity({ kind: 'call', from: 'a1', to: 'a2', date: '2026-01-01' })).toMatchObject({ success: false, issues: [{ field: 'kind' }] });
    expect(parseActivity({ kind: 'referral', from: 'a1', to: 'a2', date: '2026-01-01', status: 'won', value: '-5 EUR' })).toMatchObject({ success: false, issues: [{ field: 'value' }] });
    expect(parseActivity({ kind: 'referral', from: 'a1', to: 'a2', date: '2026-01-01' })).toMatchObject({ success: false, issues: [{ field: 'status', code: 'missing' }] });
    expect(parseActivity({ kind: 'meeting', from: 'a1', to: 'a2', date: '2099-01-01', rating: 3 }, { latestDate: '2026-11-24' })).toMatchObject({ success: false, issues: [{ field: 'date' }] });
  });
});

describe('ingest-activity with bad rows', () => {
  it('rejects bad rows and unknown members per row and stores the rest', async () => {
    const before = await app.countActivities();
    const report = await app.ingestActivity(
      file(
        [
          HEADER,
          'meeting,a1,a2,2026-01-10,5,,', // line 2: good
          'meeting,a1,zz-9,2026-01-10,4,,', // line 3: unknown member
          'referral,a2,a1,2026-01-12,,maybe,', // line 4: bad status
          'meeting,a2,a1,not-a-date,4,,', // line 5: bad date
          'referral,a2,a1,2026-01-15,,won,25000 SEK', // line 6: good
          'meeting,a3,a3,2026-01-10,3,,', // line 7: self
          '"meeting,a1', // line 8: broken quote
        ].join('\n'),
      ),
    );
    expect(report.accepted).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual(
      expect.arrayContaining([[3, 'to'], [4, 'status'], [5, 'date'], [7, 'to']]),
    );
    expect(report.rejected.find((r) => r.line === 3)?.message).toMatch(/no member with id "zz-9"/);
    expect(report.rejected.some((r) => r.line === 8)).toBe(true);
    expect(await app.countActivities()).toBe(before + 2);
  });

  it('reads quoted CSV fields (delimiters, doubled quotes, line breaks) on the right lines', async () => {
    const report = await app.ingestActivity(
      file([`id,${HEADER}`, '"q-1",referral,a1,a2,2026-04-01,,won,"1,500 EUR"', '"q-""2",meeting,a2,a3,2026-04-02,4,,', '"q-3\nstill q-3",meeting,a3,a2,2026-04-03,9,,', 'q-4,meeting,a3,a1,2026-04-04,2,,'].join('\n')),
    );
    expect(report.accepted).toBe(3);
    expect(report.rejected).toEqual([{ line: 4, field: 'rating', message: 'rating must be a number from 1 to 5, not "9"' }]);
  });

  it('refuses a file without the required columns and stores nothing', async () => {
    const before = await app.countActivities();
    const error = await app.ingestActivity(file('kind,from,when\nmeeting,a1,2026-01-01\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnerfitError);
    expect((error as PartnerfitError).code).toBe('unusable-input');
    expect((error as Error).message).toMatch(/"to", "date"/);
    expect(await app.countActivities()).toBe(before);
  });

  it('counts the same row once: twice in one file, and again on re-ingest', async () => {
    const content = [HEADER, 'meeting,a1,a3,2026-02-01,4,,', 'meeting,a1,a3,2026-02-01,4,,', 'referral,a3,a1,2026-02-03,,lost,'].join('\n');
    const before = await app.countActivities();
    const first = await app.ingestActivity(file(content));
    expect(first).toMatchObject({ accepted: 3, updated: 0, unchanged: 1, rejected: [] });
    expect(first.warnings.join()).toMatch(/stored once/);
    const again = await app.ingestActivity(file(content));
    expect(again).toMatchObject({ accepted: 3, updated: 0, unchanged: 3 });
    expect(await app.countActivities()).toBe(before + 2);
  });

  it('updates a row with the same id (a referral that was won later) and reads JSON Lines', async () => {
    const before = await app.countActivities();
    await app.ingestActivity(file('{"id":"r-1","kind":"referral","from":"a1","to":"a2","date":"2026-03-01","status":"passed"}\n', 'jsonl'));
    const won = await app.ingestActivity(file('{"id":"r-1","kind":"referral","from":"a1","to":"a2","date":"2026-03-01","status":"won","value":"9000 DKK"}\n', 'jsonl'));
    expect(won).toMatchObject({ accepted: 1, updated: 1, unchanged: 0 });
    expect(await app.countActivities()).toBe(before + 1);
    const dup = await app.ingestActivity(file([`id,${HEADER}`, 'x-1,meeting,a1,a2,2026-03-02,3,,', 'x-1,meeting,a1,a2,2026-03-03,5,,'].join('\n')));
    expect(dup.rejected).toEqual([{ line: 3, field: 'id', message: expect.stringMatching(/duplicate id "x-1": line 2/) }]);
  });
});
