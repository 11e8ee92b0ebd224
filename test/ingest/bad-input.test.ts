/**
 * Bad input gets a clear error naming the row, field and reason; good rows are kept;
 * a file that cannot be used changes nothing. One test per case the ingest issue lists.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createPartnerfit, type Partnerfit } from '../../src/app/partnerfit.ts';
import { PartnerfitError } from '../../src/core/errors.ts';

const HEADER = 'id,name,company,network,language,region,industry,nace,services,target_industries,target_company_sizes,contact_roles,stage,avg_deal_value,capacity,interests';
const GOOD_1 = 'g1,Anna Åkesson,,net,sv,Malmö,,,rekrytering,,small,VD,,45000 SEK,,';
const GOOD_2 = 'g2,Søren Kjær,,net,da,København,,,bogføring,,micro,ejer,,12000 DKK,,';
const dir = mkdtempSync(path.join(tmpdir(), 'partnerfit-bad-input-'));
let counter = 0;

function file(content: string | Buffer, extension = 'csv'): string {
  const name = path.join(dir, `case-${++counter}.${extension}`);
  writeFileSync(name, content);
  return name;
}

let app: Partnerfit;
beforeEach(async () => {
  await app?.close();
  app = await createPartnerfit({ directory: 'memory://' });
});
afterAll(async () => app?.close());

async function expectUnusable(input: string, pattern: RegExp): Promise<void> {
  const error = await app.ingest(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PartnerfitError);
  expect((error as PartnerfitError).code).toBe('unusable-input');
  expect((error as Error).message).toMatch(pattern);
  expect(await app.countMembers()).toBe(0);
}

describe('files that cannot be used change nothing', () => {
  it('missing file', () => expectUnusable(path.join(dir, 'nope.csv'), /no such file/));
  it('empty file', () => expectUnusable(file(''), /is empty/));
  it('header without id', () => expectUnusable(file(`name,services\nA,rekrytering\n`), /no "id" column/));
  it('header without name and services', () => expectUnusable(file(`id,company\n1,X\n`), /no "name", "services" column/));
  it('binary garbage', () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    return expectUnusable(file(garbage), /binary file/);
  });
  it('JSON that is not an array of objects', () => expectUnusable(file('{"id": "a", "name": "A", "services": "x"}\n{', 'json'), /not a JSON array/));
  it('a header that names a column twice', () => expectUnusable(file(`id,name,services,services\n1,A,x,y\n`), /names "services" more than once/));
});

describe('bad rows are reported, good rows are kept', () => {
  async function ingestRows(rows: string[], extension = 'csv') {
    const report = await app.ingest(file([HEADER, GOOD_1, ...rows, GOOD_2].join('\n') + '\n', extension));
    expect(await app.countMembers()).toBe(2);
    return report;
  }

  it('unknown columns: warned about and ignored', async () => {
    const report = await app.ingest(file(`id,name,services,shoe_size\nx1,A,rekrytering,44\n`));
    expect(report.accepted).toBe(1);
    expect(report.rejected).toEqual([]);
    expect(report.warnings.join()).toMatch(/unknown column ignored: shoe_size/);
  });

  it('duplicate ids in one file: the first is kept, the second rejected', async () => {
    const report = await ingestRows(['g1,Other Name,,net,sv,,,,golf,,,,,,,']);
    expect(report.rejected).toEqual([{ line: 3, field: 'id', message: expect.stringMatching(/duplicate id "g1": line 2/) }]);
    expect((await app.inspect('g1')).name).toBe('Anna Åkesson');
  });

  it('a wrong size band', async () => {
    const report = await ingestRows(['b1,B,,net,sv,,,,rekrytering,,huge,,,,,']);
    expect(report.rejected).toEqual([{ line: 3, field: 'target_company_sizes', message: expect.stringMatching(/"huge" is not a company size/) }]);
  });

  it('an unparseable deal value and an unknown currency', async () => {
    const report = await ingestRows(['b1,B,,net,sv,,,,rekrytering,,,,,lots of money,,', 'b2,C,,net,sv,,,,rekrytering,,,,,100 XYZ,,']);
    expect(report.rejected).toEqual([
      { line: 3, field: 'avg_deal_value', message: expect.stringMatching(/not an amount/) },
      { line: 4, field: 'avg_deal_value', message: expect.stringMatching(/unknown currency "XYZ"/) },
    ]);
  });

  it('a negative or zero deal value', async () => {
    const report = await ingestRows(['b1,B,,net,sv,,,,rekrytering,,,,,-5000 SEK,,', 'b2,C,,net,sv,,,,rekrytering,,,,,0,,']);
    expect(report.rejected).toEqual([
      { line: 3, field: 'avg_deal_value', message: expect.stringMatching(/must be positive/) },
      { line: 4, field: 'avg_deal_value', message: expect.stringMatching(/greater than 0/) },
    ]);
  });

  it('an invalid NACE code', async () => {
    const report = await ingestRows(['b1,B,,net,sv,,,34.10,rekrytering,,,,,,,', 'b2,C,,net,sv,,,hello,rekrytering,,,,,,,']);
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[3, 'nace'], [4, 'nace']]);
    expect(report.rejected[0]?.message).toMatch(/division 34 does not exist/);
  });

  it('a 1 MB field', async () => {
    const report = await ingestRows([`b1,B,,net,sv,,,,${'x'.repeat(1024 * 1024)},,,,,,,`]);
    expect(report.rejected).toEqual([{ line: 3, field: 'services', message: expect.stringMatching(/1,048,576 characters long; the limit is 10,000/) }]);
  });

  it('missing required values', async () => {
    const report = await ingestRows(['b1,,,net,sv,,,,rekrytering,,,,,,,', ',Nobody,,net,sv,,,,golf,,,,,,,', 'b3,Nina,,net,sv,,,,,,,,,,,']);
    expect(report.rejected).toEqual([
      { line: 3, field: 'name', message: 'name is required but empty' },
      { line: 4, field: 'id', message: 'id is required but empty' },
      { line: 5, field: 'services', message: 'services is required but empty' },
    ]);
  });

  it('a truncated last line (unclosed quote)', async () => {
    const report = await app.ingest(file(`${HEADER}\n${GOOD_1}\n${GOOD_2}\nt1,"Truncated Person,,net,sv,,,,rekry`));
    expect(await app.countMembers()).toBe(2);
    expect(report.rejected).toHaveLength(1);
    expect(report.rejected[0]?.message).toMatch(/never closed|truncated/);
  });

  it('a truncated last line (too few fields)', async () => {
    const report = await app.ingest(file(`${HEADER}\n${GOOD_1}\n${GOOD_2}\nt1,Cut Off,,net`));
    expect(await app.countMembers()).toBe(2);
    expect(report.rejected).toEqual([{ line: 4, field: null, message: expect.stringMatching(/expected 16 fields.*found 4.*truncated/) }]);
  });

  it('JSON array elements that are not objects, and a truncated JSON array', async () => {
    const json = `[\n {"id": "j1", "name": "Jens", "services": ["bogføring"]},\n 42,\n {"id": "j2", "name": "Jana", "services": "Steuerberatung"},\n {"id": "j3", "name": "Cut`;
    const report = await app.ingest(file(json, 'json'));
    expect(await app.countMembers()).toBe(2);
    expect(report.rejected).toEqual([
      { line: 3, field: null, message: 'expected an object, found a number' },
      { line: 5, field: null, message: expect.stringMatching(/truncated/) },
    ]);
  });

  it('JSON Lines with a broken line', async () => {
    const jsonl = `{"id": "l1", "name": "Lena", "services": "redovisning"}\nnot json\n{"id": "l2", "name": "Lars", "services": "rekrytering", "target_company_sizes": ["small", "medium"]}\n`;
    const report = await app.ingest(file(jsonl, 'jsonl'));
    expect(report.accepted).toBe(2);
    expect(report.rejected).toEqual([{ line: 2, field: null, message: expect.stringMatching(/not valid JSON/) }]);
  });
});

describe('encodings and delimiters', () => {
  const rows = ['id;name;services;region', 'e1;Åsa Åkesson;redovisning;Malmö', 'e2;Jürgen Schröder;Steuerberatung;Köln', 'e3;Søren Ærø;bogføring;København'];

  it('reads a Windows-1252 (Latin-1) export with ; delimiters and warns about the encoding', async () => {
    const report = await app.ingest(file(iconv.encode(rows.join('\r\n') + '\r\n', 'win1252')));
    expect(report.accepted).toBe(3);
    expect(report.warnings.join()).toMatch(/Windows-1252/);
    expect((await app.inspect('e1')).name).toBe('Åsa Åkesson');
    expect((await app.inspect('e2')).name).toBe('Jürgen Schröder');
    expect((await app.inspect('e3')).name).toBe('Søren Ærø');
  });

  it('reads a UTF-8 file with one pasted Latin-1 row without corrupting the UTF-8 rows', async () => {
    const content = Buffer.concat([
      Buffer.from('id;name;services;region\ne1;Åsa Åkesson;redovisning;Malmö\n', 'utf8'),
      iconv.encode('e2;Jürgen Schröder;Steuerberatung;Köln\n', 'win1252'),
      Buffer.from('e3;Søren Ærø;bogføring;København\n', 'utf8'),
    ]);
    const report = await app.ingest(file(content));
    expect(report.accepted).toBe(3);
    expect(report.warnings.join()).toMatch(/1 line\(s\) are not UTF-8 .*line 3\b/);
    expect((await app.inspect('e1')).name).toBe('Åsa Åkesson');
    expect((await app.inspect('e2')).name).toBe('Jürgen Schröder');
    expect((await app.inspect('e3')).name).toBe('Søren Ærø');
  });

  it('reads UTF-8 with a BOM and tab delimiters', async () => {
    const tsv = '\uFEFF' + rows.map((r) => r.replaceAll(';', '\t')).join('\n');
    const report = await app.ingest(file(tsv, 'tsv'));
    expect(report.accepted).toBe(3);
    expect(report.warnings).toEqual([]);
    expect((await app.inspect('e3')).name).toBe('Søren Ærø');
  });

  it('reads UTF-16 (Excel "Unicode text")', async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rows.map((r) => r.replaceAll(';', '\t')).join('\r\n'), 'utf16le')]);
    const report = await app.ingest(file(content, 'txt'));
    expect(report.accepted).toBe(3);
    expect((await app.inspect('e2')).name).toBe('Jürgen Schröder');
  });

  it('reads quoted fields with delimiters and newlines inside', async () => {
    const csv = `id,name,services,company\nq1,"Berg, Anna","rekrytering;bemanning","Berg ""&"" Co\nAB"\n`;
    const report = await app.ingest(file(csv));
    expect(report.accepted).toBe(1);
    const anna = await app.inspect('q1');
    expect(anna.name).toBe('Berg, Anna');
    expect(anna.company).toBe('Berg "&" Co\nAB');
  });
});
