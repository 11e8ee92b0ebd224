/**
 * End to end through the real executable: exit codes, --json shapes of the output
 * contract, progress and errors on stderr, crash safety of ingest.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRITERION_NAMES } from '../../src/core/criteria/criterion.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { writeRoster } from '../../scripts/bench/roster-generator.ts';
import { runCli, runCliAndKill } from '../support/run-cli.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/four-languages.csv', import.meta.url));
const DEMO = fileURLToPath(new URL('../../data/demo/roster.csv', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-e2e-'));
const env = { PARTNERFIT_DB: path.join(work, 'db') };

describe('partnerfit CLI', () => {
  beforeAll(() => {
    const result = runCli(['ingest', DEMO, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('ingest --json prints the ingest contract and exits 0', () => {
    const result = runCli(['ingest', FIXTURE, '--json'], env);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({ accepted: 8, updated: 0, unchanged: 0, rejected: [], warnings: [] });
  });

  it('exits 1 when some rows are rejected, and names line, field and reason', () => {
    const file = path.join(work, 'some-bad.csv');
    writeFileSync(file, 'id,name,services,target_company_sizes\nb1,Bo,rekrytering,small\nb2,Bea,bokföring,gigantic\n');
    const result = runCli(['ingest', file], env);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/line 3, target_company_sizes: "gigantic" is not a company size/);
  });

  it('exits 2 with a one-line reason on unusable input and on usage errors', () => {
    const missing = runCli(['ingest', path.join(work, 'nope.csv')], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^partnerfit: cannot read .*nope\.csv: no such file$/);
    // Checked before the database is opened: a missing file creates no database.
    const untouched = path.join(work, 'never-opened');
    for (const command of ['ingest', 'ingest-activity', 'applicants']) {
      const result = runCli([command, path.join(work, 'nope.csv')], { PARTNERFIT_DB: untouched });
      expect(result.status, command).toBe(2);
      expect(result.stderr, command).toMatch(/cannot read .*nope\.csv: no such file/);
    }
    expect(existsSync(untouched)).toBe(false);
    expect(runCli(['suggest', 'se-001', '--top', 'many'], env).status).toBe(2);
    expect(runCli(['no-such-command'], env).status).toBe(2);
    expect(runCli(['inspect', 'nobody'], env).stderr).toBe('partnerfit: no member with id "nobody" (partnerfit networks lists the networks, partnerfit report --network ID their members with their ids)\n');
    // Ids are case-sensitive; the message names the member a capital letter hid.
    expect(runCli(['suggest', 'SE-001'], env).stderr).toContain('no member with id "SE-001" (did you mean "se-001"? ids are case-sensitive)');
  });

  it('exits 3 with a one-line reason when the embedded database directory cannot be used', () => {
    const notADirectory = path.join(work, 'plain-file');
    writeFileSync(notADirectory, 'x');
    const result = runCli(['inspect', 'se-001'], { PARTNERFIT_DB: path.join(notADirectory, 'db') });
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toMatch(/^partnerfit: cannot use .*plain-file\/db for the embedded database: /);
  });

  it('exits 3 when the database is unreachable', () => {
    const result = runCli(['inspect', 'se-001'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/cannot reach PostgreSQL/);
  });

  it('inspect --json shows what the engine understood', () => {
    const result = runCli(['inspect', 'se-001', '--json'], env);
    expect(result.status).toBe(0);
    const member = JSON.parse(result.stdout);
    expect(member.services.map((s: { id: string }) => s.id)).toContain('svc.recruitment');
    expect(member.vectors.current).toBe(true);
    // The text shows the member's own words beside the engine's name for them.
    expect(runCli(['inspect', 'se-008'], env).stdout).toMatch(/"bostadsförmedling" → fastighetsförmedling \[svc\.real-estate-agent, 1\.00\]/);
  });

  it('suggest --json follows the contract and never suggests a direct competitor', () => {
    const result = runCli(['suggest', 'se-020', '--json', '--top', '5'], env);
    expect(result.status).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view.member).toBe('se-020');
    expect(view.suggestions).toHaveLength(5);
    for (const s of view.suggestions) {
      expect(Object.keys(s.criteria).sort()).toEqual([...CRITERION_NAMES].sort());
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.competitor).not.toBe('direct');
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    expect(view.suggestions.map((s: { partner: string }) => s.partner)).not.toContain('dk-002');
    expect(view.excludedCompetitors).toContain('dk-002');
  });

  it('competitors --json lists the cross-language direct pair of the Øresund club', () => {
    const result = runCli(['competitors', '--network', 'oresund-club', '--json'], env);
    expect(result.status).toBe(0);
    const { pairs } = JSON.parse(result.stdout);
    const direct = pairs.filter((p: { level: string }) => p.level === 'direct').map((p: { a: string; b: string }) => `${p.a}|${p.b}`);
    expect(direct).toContain('dk-001|se-019');
    expect(direct).toContain('dk-002|se-020');
  });

  it("writes the report's and the competitors' reasons in the language most members write in, or the one --lang asks for", () => {
    const danish = JSON.parse(runCli(['competitors', '--network', 'oresund-club', '--json'], env).stdout);
    const pair = danish.pairs.find((p: { a: string; b: string }) => p.a === 'dk-001' && p.b === 'se-019');
    expect(pair.language).toBe('da');
    expect(pair.reasons).toEqual([
      'direkte konkurrenter: begge sælger regnskab til de samme kunder på samme marked',
      'Søren Kjærgaard skriver "bogføring"; Charlotte Nilsson skriver "redovisning"',
    ]);
    // A member reads their own language by default; --lang asks for another.
    const own = JSON.parse(runCli(['suggest', 'se-001', '--json'], env).stdout);
    expect(own.language).toBe('sv');
    expect(own.suggestions[0].reasons.join(' ')).toMatch(/din partner|ni /);
    const english = JSON.parse(runCli(['suggest', 'se-001', '--lang', 'en', '--json'], env).stdout);
    expect(english.language).toBe('en');
    expect(english.suggestions.map((s: { partner: string }) => s.partner)).toEqual(own.suggestions.map((s: { partner: string }) => s.partner));
    expect(english.suggestions[0].reasons.join(' ')).toMatch(/\byou\b/);
    const german = runCli(['competitors', '--network', 'oresund-club', '--lang', 'de'], env).stdout;
    // The text around the reasons is in their language too, scores with its decimal sign.
    expect(german).toMatch(/^\d+ Wettbewerberpaare:$/m);
    expect(german).toMatch(/^  direkt {5}Søren Kjærgaard \(dk-001\) ↔ Charlotte Nilsson \(se-019\)  \(\d,\d\d\)$/m);
    const overflow = runCli(['suggest', 'de-001', '--purpose', 'overflow', '--top', '3'], env).stdout;
    expect(overflow).toMatch(/^Entlastungspartner für de-001 /m);
    expect(overflow).toMatch(/\[direkter Wettbewerber\]/);
    // The direct competitor left out is named, as the partners are.
    expect(runCli(['suggest', 'de-001', '--top', '1'], env).stdout).toContain('wurden weggelassen: Katrin Weiß (de-002); siehe --purpose overflow)');
    expect(german).toContain('Søren Kjærgaard schreibt "bogføring"; Charlotte Nilsson schreibt "redovisning"');
    const swedish = runCli(['report', '--network', 'malmo-bni'], env);
    expect(swedish.status).toBe(0);
    expect(swedish.stdout).toContain('era tjänster kompletterar varandra: du erbjuder rekrytering, din partner ledarskapsutveckling');
    expect(swedish.stdout).toMatch(/Karin Åkesson \(se-001\) +rekrytering /);
    expect(swedish.stdout).toMatch(/^Bästa partnerskapen \(5 av \d+\)\. Motiveringarna riktar sig till den första medlemmen/m);
    expect(swedish.stdout).toMatch(/^Rekrytera härnäst:$/m);
    expect(swedish.stdout).toContain('Ge och ta: Ingen aktivitet är registrerad för nätverket ännu');
    const html = path.join(work, 'report-en.html');
    const json = JSON.parse(runCli(['report', '--network', 'malmo-bni', '--lang', 'en', '--html', html, '--json'], env).stdout);
    expect(json.language).toBe('en');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<ul lang="en"><li>');
    expect(page).toContain('your services go together: you offer recruitment, they offer leadership development');
    expect(page).toContain('</i>money and law</span>');
    expect(page).not.toMatch(/\b1 (competitor pairs|good partnerships)\b/);
    expect(page).toContain('No activity is recorded for this network yet');
    // A language in capitals or with its region is still that language.
    expect(runCli(['competitors', '--network', 'malmo-bni', '--lang', 'DE-de'], env).stdout).toContain('teilweise Wettbewerber: beide bieten SEO an');
    const wrong = runCli(['report', '--network', 'malmo-bni', '--lang', 'fi'], env);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--lang must be one of en, sv, da, de, not "fi"');
    // Commander's own usage errors begin like the tool's other errors.
    const missing = runCli(['report'], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^partnerfit: required option '--network <id>' not specified/);
  });

  it('report writes a self-contained HTML page and policy can be set', () => {
    const html = path.join(work, 'report.html');
    const result = runCli(['report', '--network', 'malmo-bni', '--html', html, '--json'], env);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ network: 'malmo-bni', language: 'sv' });
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<svg/);
    expect(page).not.toMatch(/<script|src="http/);
    // In the language most of the chapter's members write in: the legend names business areas as people
    // read them, and the counts agree with their nouns.
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain('</i>ekonomi och juridik</span>');
    expect(page).toContain('<h2>Medlemmar</h2>');
    expect(page).toMatch(/18 medlemmar · <b>branschexklusivitet \(en plats per bransch\)/);
    // No activity ingested here: a sentence says so instead of an empty ledger.
    expect(page).toContain('Ingen aktivitet är registrerad för nätverket ännu');
    // Partial competitors are drawn orange, direct ones red, and the legend says which is which.
    expect(page).toMatch(/stroke="#e67e22" stroke-width="1\.5" stroke-dasharray/);
    expect(page).toContain('<i style="background:#d62728"></i>direkt</span> <span class="key"><i style="background:#e67e22"></i>delvis</span>');
    // A page that cannot be written is a usage error found before the report is computed.
    const unwritable = runCli(['report', '--network', 'malmo-bni', '--html', path.join(work, 'no-such-folder', 'r.html')], env);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr.trim()).toMatch(/^partnerfit: --html: cannot write \S*r\.html: the folder \S*no-such-folder does not exist$/);
    expect(runCli(['report', '--network', 'malmo-bni', '--html', work], env).stderr).toContain('is a folder; give a file name such as');
    expect(runCli(['policy', '--network', 'frankfurt-pm', 'open', '--json'], env).stdout).toMatch(/"policy": "open"/);
    const networks = JSON.parse(runCli(['networks', '--json'], env).stdout) as { id: string; policy: string; members: number }[];
    expect(networks.find((n) => n.id === 'frankfurt-pm')).toEqual({ id: 'frankfurt-pm', policy: 'open', members: 12 });
    expect(runCli(['networks'], env).stdout).toMatch(/frankfurt-pm +12 members +policy open/);
    expect(runCli(['policy', '--network', 'frankfurt-pm', 'sometimes'], env).status).toBe(2);
    // A mistyped network id: the message names the networks there are, or the one a capital letter hid.
    const capitals = runCli(['report', '--network', 'Malmo-BNI'], env);
    expect(capitals.status).toBe(2);
    expect(capitals.stderr).toContain('no network with id "Malmo-BNI" (did you mean "malmo-bni"? ids are case-sensitive)');
    expect(runCli(['report', '--network', 'malmo'], env).stderr).toContain('no network with id "malmo" (did you mean "malmo-bni"?)');
    // (Other tests here add networks of their own, so only the demo's are asserted.)
    const nowhere = runCli(['competitors', '--network', 'nowhere'], env).stderr;
    expect(nowhere).toMatch(/no network with id "nowhere" \(networks: [^)]+\)/);
    for (const network of ['frankfurt-pm', 'hamburg-unternehmer', 'london-connect', 'malmo-bni', 'oresund-club']) expect(nowhere).toContain(network);
    const version = runCli(['--version'], env);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });

  it('a kill -9 in the middle of an ingest leaves whole members, and a re-run completes the job', async () => {
    const roster = path.join(work, 'big.csv');
    await writeRoster(roster, loadKnowledge(), { members: 20_000, networks: 100, seed: 3 });
    const crashEnv = { PARTNERFIT_DB: path.join(work, 'crash-db') };
    await runCliAndKill(['ingest', roster, '--quiet'], crashEnv, 4000);
    const rerun = runCli(['ingest', roster, '--json', '--quiet'], crashEnv);
    expect(rerun.status).toBe(0);
    const report = JSON.parse(rerun.stdout);
    expect(report.accepted).toBe(20_000);
    expect(report.rejected).toEqual([]);
    // Whatever the first run committed is unchanged now; the rest is new.
    expect(report.unchanged + (report.accepted - report.unchanged - report.updated)).toBe(20_000);
    expect(report.updated).toBe(0);
  }, 180_000);
});
