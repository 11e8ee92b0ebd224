/**
 * Activity end to end through the real executable: ingest-activity's exit codes and
 * report, train writing models/, suggest naming the model's version, eval --json,
 * the ledger in report.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACTIVITY, DEMO_ROSTER } from '../../src/cli/commands/demo-command.ts';
import { runCli } from '../support/run-cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'partnerfit-activity-e2e-'));
const env = { PARTNERFIT_DB: path.join(work, 'db'), PARTNERFIT_MODELS: path.join(work, 'models') };

describe('partnerfit activity commands', () => {
  beforeAll(() => {
    expect(runCli(['ingest', DEMO_ROSTER, '--quiet'], env).status).toBe(0);
  }, 300_000);

  it('ingest-activity stores the demo ledger (exit 0), then reports bad rows with exit 1', () => {
    const ok = runCli(['ingest-activity', DEMO_ACTIVITY, '--json', '--quiet'], env);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ accepted: 2878, updated: 0, rejected: [] });
    const bad = path.join(work, 'bad.csv');
    writeFileSync(bad, 'kind,from,to,date,rating,status,value\nmeeting,se-001,se-002,2026-05-01,9,,\nmeeting,se-001,nobody,2026-05-01,3,,\n');
    const result = runCli(['ingest-activity', bad, '--json', '--quiet'], env);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).rejected).toEqual([
      { line: 2, field: 'rating', message: 'rating must be a number from 1 to 5, not "9"' },
      { line: 3, field: 'to', message: 'no member with id "nobody" (ingest the roster first)' },
    ]);
    expect(runCli(['ingest-activity', path.join(work, 'missing.csv')], env).status).toBe(2);
  }, 300_000);

  it('train writes a model that suggest then uses; eval compares rankers; report shows the ledger', () => {
    const trained = runCli(['train', '--network', 'malmo-bni', '--json'], env);
    expect(trained.status).toBe(0);
    const model = JSON.parse(trained.stdout);
    expect(model.version).toMatch(/^logistic-[0-9a-f]{12}$/);
    expect(existsSync(path.join(work, 'models', 'malmo-bni', 'partnerfit-model.json'))).toBe(true);
    const suggest = JSON.parse(runCli(['suggest', 'se-001', '--top', '17', '--json'], env).stdout);
    expect(suggest.modelVersion).toBe(model.version);
    // Mutual profit both ways: a partner who passed se-001 a won referral, and got none back, shows
    // the pair's 0.00 beside what each side gains, in the text and in the JSON.
    const uneven = suggest.suggestions.find((x: { mutualProfitBothWays: { forMember: number; forPartner: number } }) => x.mutualProfitBothWays.forPartner === 0 && x.mutualProfitBothWays.forMember > 0);
    expect(uneven?.criteria.mutualProfit).toBe(0);
    expect(runCli(['suggest', 'se-001', '--top', '17', '--lang', 'en'], env).stdout).toMatch(/ · profit 0\.00 \(you 0\.[1-9]\d, they 0\.00\)/);
    // In the member's language by default, the frame and the numbers too.
    const swedish = runCli(['suggest', 'se-001', '--top', '17'], env).stdout;
    expect(swedish).toMatch(/^Bästa rekommendationspartner för se-001 \(modell logistic-[0-9a-f]{12}\):$/m);
    expect(swedish).toMatch(/ · nytta 0,00 \(du 0,[1-9]\d, din partner 0,00\)/);
    expect(swedish).toMatch(/^1\. .* — poäng 0,\d\d/m);
    expect(runCli(['train', '--network', 'nowhere'], env).status).toBe(2);

    const evaluated = runCli(['eval', '--network', 'malmo-bni', '--json'], env);
    expect(evaluated.status).toBe(0);
    const report = JSON.parse(evaluated.stdout);
    expect(Object.keys(report.replay.rankers).sort()).toEqual(['default', 'model', 'tfidf']);

    const text = runCli(['report', '--network', 'malmo-bni', '--quiet-days', '60'], env);
    expect(text.status).toBe(0);
    // In the network's language (Swedish here), the ledger's heading, columns and flags too.
    expect(text.stdout).toMatch(/^Ge och ta: \d+ aktiviteter \(möten och rekommendationer\) till och med 2026-\d\d-\d\d; inaktiv: ingen aktivitet under 60 dagar fram till dess$/m);
    expect(text.stdout).toMatch(/^medlem +lämnade +blev affär +värde +mottagna +blev affär +värde +markering$/m);
    expect(text.stdout).toMatch(/^Fripassagerare: Lena Sjöberg \(se-007\)$/m);
    expect(text.stdout).toMatch(/^Inaktiva: .*\(se-012\)/m);
    expect(text.stdout).toMatch(/^Oskar Lundgren \(se-012\) .* inaktiv \(senast aktiv 2026-\d\d-\d\d\)$/m);
    // A partnership with a member who only takes is marked as such where it is listed.
    expect(text.stdout).toMatch(/\+ Lena Sjöberg \(se-007, fripassagerare\)/);
    const english = runCli(['report', '--network', 'malmo-bni', '--quiet-days', '60', '--lang', 'en'], env).stdout;
    expect(english).toMatch(/^Free riders: Lena Sjöberg \(se-007\)$/m);
    expect(english).toMatch(/\+ Lena Sjöberg \(se-007, free rider\)/);
    // Danish and German write dates day first, and group thousands with a point.
    const danish = runCli(['report', '--network', 'malmo-bni', '--quiet-days', '60', '--lang', 'da'], env).stdout;
    expect(danish).toMatch(/^Oskar Lundgren \(se-012\) .* inaktiv \(sidst aktiv \d\d\.\d\d\.2026\)$/m);
    expect(danish).toMatch(/ \d{1,3}\.\d{3}\u00a0SEK /);
    // One day is a day, not "1 dage".
    expect(runCli(['report', '--network', 'malmo-bni', '--quiet-days', '1', '--lang', 'da'], env).stdout).toMatch(/; inaktiv: ingen aktivitet i 1 dag op til da$/m);
    // Amounts in the currency most members live with (kronor for this chapter), or the one asked for.
    expect(text.stdout).toMatch(/ \d{1,3}\u202f\d{3}\u00a0SEK /);
    expect(text.stdout).not.toContain('EUR');
    const euros = runCli(['report', '--network', 'malmo-bni', '--quiet-days', '60', '--currency', 'eur', '--json'], env);
    expect(JSON.parse(euros.stdout)).toMatchObject({ currency: 'EUR', currencyPerEur: 1 });
    expect(JSON.parse(runCli(['report', '--network', 'malmo-bni', '--json'], env).stdout)).toMatchObject({ currency: 'SEK', currencyPerEur: 11 });
    expect(runCli(['report', '--network', 'malmo-bni', '--currency', 'eur'], env).stdout).toMatch(/ \d{1,3}\u202f\d{3}\u00a0EUR /);
    const kronor = runCli(['report', '--network', 'malmo-bni', '--currency', 'kr'], env);
    expect(kronor.status).toBe(2);
    expect(kronor.stderr).toContain('--currency must be one of EUR, SEK, DKK');
    expect(suggest.currency).toBe('SEK');
    expect(suggest.suggestions.flatMap((x: { reasons: string[] }) => x.reasons).join(' ')).toMatch(/\d\u00a0SEK\)/);
    // The HTML report carries the same ledger: its table, and the free rider and quiet member by name,
    // in the network's language (Swedish here) or the one asked for.
    const html = path.join(work, 'report.html');
    expect(runCli(['report', '--network', 'malmo-bni', '--quiet-days', '60', '--html', html, '--json'], env).status).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Ge och ta</h2>');
    expect(page).toMatch(/Fripassagerare: [^<]*\(se-007\)/);
    expect(page).toMatch(/Inaktiva: [^<]*\(se-012\)/);
    expect(page).toContain('Lena Sjöberg <small>(<span class="direct">fripassagerare</span>)</small>');
    expect(runCli(['report', '--network', 'malmo-bni', '--quiet-days', '60', '--html', html, '--lang', 'de'], env).status).toBe(0);
    const german = readFileSync(html, 'utf8');
    expect(german).toContain('<h2>Geben und Nehmen</h2>');
    expect(german).toMatch(/Gibt keine Empfehlungen weiter: [^<]*\(se-007\)/);
    expect(page).toMatch(/<small>se-007<\/small><\/td>(<td class="n">\d+<\/td>){2}<td class="n">[\d\u202f]+\u00a0SEK<\/td>/);
  }, 600_000);
});
