/**
 * Activity turns into evidence: meeting ratings move chemistry (both must like it,
 * older meetings count less), the referral ledger moves mutual profit both ways and
 * flags lopsided pairs, unknown stays unknown; a member's suggestions change when
 * activity arrives; the ledger flags free riders and quiet members.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerfit, type Partnerfit } from '../../src/app/partnerfit.ts';
import type { Activity } from '../../src/core/activity/activity.ts';
import { buildNetworkLedger, ledgerTotals } from '../../src/core/activity/network-ledger.ts';
import { REPORT_PHRASES } from '../../src/app/report-phrases.ts';
import { formatLedger } from '../../src/cli/commands/report-command.ts';
import type { ReasonLanguage } from '../../src/core/reasons/reason-phrases.ts';
import { renderReportHtml } from '../../src/app/report-html.ts';
import { formatMoney } from '../../src/core/money/format-money.ts';
import { buildActivityEvidence } from '../../src/core/activity/pair-evidence.ts';
import { chemistryCriterion } from '../../src/core/criteria/chemistry-criterion.ts';
import { mutualProfitCriterion } from '../../src/core/criteria/mutual-profit-criterion.ts';
import { scorePair } from '../../src/core/scoring/pair-scorer.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEMO_ROSTER } from '../../src/cli/commands/demo-command.ts';

const meeting = (from: string, to: string, date: string, rating: number): Activity => ({ kind: 'meeting', externalId: null, from, to, date, rating });
const referral = (from: string, to: string, date: string, status: 'won' | 'lost' | 'passed', valueEur: number | null = null): Activity => ({
  kind: 'referral', externalId: null, from, to, date, status, valueEur, valueAmount: valueEur, valueCurrency: valueEur === null ? null : 'EUR',
});

let app: Partnerfit;
let members: Map<string, ScoredMember>;
const dir = mkdtempSync(path.join(tmpdir(), 'partnerfit-activity-'));
beforeAll(async () => {
  app = await createPartnerfit({ directory: 'memory://', modelsDirectory: path.join(dir, 'models') });
  await app.ingest(DEMO_ROSTER);
  members = new Map((await app.scoredMembers()).map((m) => [m.id, m]));
});
afterAll(async () => app?.close());
const m = (id: string) => members.get(id)!;

describe('chemistry from one-to-ones', () => {
  it('both sides rating high raises chemistry and its confidence above the profile prior', () => {
    const context = { knowledge: app.knowledge };
    const prior = chemistryCriterion.evaluate(m('se-001'), m('se-002'), context);
    const liked = buildActivityEvidence([meeting('se-001', 'se-002', '2026-01-10', 5), meeting('se-002', 'se-001', '2026-01-10', 5), meeting('se-001', 'se-002', '2026-03-10', 5)]);
    const after = chemistryCriterion.evaluate(m('se-001'), m('se-002'), { ...context, activity: liked });
    expect(after.score!).toBeGreaterThan(prior.score!);
    expect(after.confidence).toBeGreaterThan(prior.confidence);
    expect(after.facts[0]).toMatchObject({ key: 'one-to-ones', meetings: 3, mine: 5, theirs: 5 });
  });

  it('one side disliking it keeps chemistry low (both must like it), and older meetings count less', () => {
    const context = { knowledge: app.knowledge };
    const oneSided = buildActivityEvidence([meeting('se-001', 'se-002', '2026-01-10', 5), meeting('se-002', 'se-001', '2026-01-10', 1)]);
    const mixed = chemistryCriterion.evaluate(m('se-001'), m('se-002'), { ...context, activity: oneSided });
    expect(mixed.score!).toBeLessThan(0.3);
    const recent = buildActivityEvidence([meeting('se-001', 'se-002', '2026-01-10', 5), meeting('se-002', 'se-001', '2026-01-10', 5)], { halfLifeDays: 365 }, 20_000);
    const old = buildActivityEvidence([meeting('se-001', 'se-002', '2020-01-10', 5), meeting('se-002', 'se-001', '2020-01-10', 5)], { halfLifeDays: 365 }, 20_000 + 0);
    const fresh = chemistryCriterion.evaluate(m('se-001'), m('se-002'), { ...context, activity: recent });
    const stale = chemistryCriterion.evaluate(m('se-001'), m('se-002'), { ...context, activity: old });
    expect(fresh.confidence).toBeGreaterThan(stale.confidence);
  });

  it('stays unknown without interests and without meetings, whatever else happened', () => {
    const blank: ScoredMember = { ...m('se-001'), id: 'x-1', vector: { ...m('se-001').vector, interests: [], otherInterests: [] } };
    const activity = buildActivityEvidence([referral('se-002', 'x-1', '2026-01-01', 'won', 1000)]);
    expect(chemistryCriterion.evaluate(blank, m('se-002'), { knowledge: app.knowledge, activity }).score).toBeNull();
  });
});

describe('mutual profit from the referral ledger', () => {
  it('won referrals both ways raise both sides; one-way flow makes the pair lopsided', () => {
    const context = { knowledge: app.knowledge };
    const both = buildActivityEvidence([
      referral('se-001', 'se-002', '2026-01-10', 'won', 8000),
      referral('se-002', 'se-001', '2026-02-10', 'won', 9000),
      referral('se-002', 'se-001', '2026-03-10', 'won', 7000),
      referral('se-001', 'se-002', '2026-03-12', 'won', 6000),
    ]);
    const prior = mutualProfitCriterion.evaluate(m('se-001'), m('se-002'), context);
    const mine = mutualProfitCriterion.evaluate(m('se-001'), m('se-002'), { ...context, activity: both });
    expect(mine.confidence).toBeGreaterThan(prior.confidence);
    expect(mine.facts[0]).toMatchObject({ key: 'referral-record', received: 2, won: 2, valueEur: 16000, given: 2 });
    expect(scorePair(m('se-001'), m('se-002'), { ...context, activity: both }, DEFAULT_SCORING_CONFIG).lopsided).toBe(false);

    const oneWay = buildActivityEvidence(['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10'].map((d) => referral('se-001', 'se-002', d, 'won', 8000)));
    const pair = scorePair(m('se-001'), m('se-002'), { ...context, activity: oneWay }, DEFAULT_SCORING_CONFIG);
    expect(pair.lopsided).toBe(true);
    expect(pair.facts).toContainEqual({ key: 'lopsided', favours: 'them' });
    // Both ways are reported, so that a pair's low mutual profit can be told apart from a member's own gain.
    const { forSelf, forOther } = pair.mutualProfitBothWays;
    expect(forSelf).toBe(mutualProfitCriterion.evaluate(m('se-001'), m('se-002'), { ...context, activity: oneWay }).score);
    expect(forOther).toBe(mutualProfitCriterion.evaluate(m('se-002'), m('se-001'), { ...context, activity: oneWay }).score);
    expect(forOther!).toBeGreaterThan(forSelf! + 0.3);
    expect(pair.criteria.mutualProfit).toBeLessThan(forOther!);
  });
});

describe('suggestions when activity arrives', () => {
  it('chemistry and mutual profit move a partner up the member\'s list', async () => {
    const before = await app.suggest('se-001', { top: 17 });
    const low = before.suggestions[before.suggestions.length - 3]!;
    const target = low.partner;
    const rows = ['kind,from,to,date,rating,status,value'];
    for (const month of ['01', '02', '03', '04', '05', '06']) {
      rows.push(`meeting,se-001,${target},2026-${month}-05,5,,`, `meeting,${target},se-001,2026-${month}-05,5,,`);
      rows.push(`referral,se-001,${target},2026-${month}-12,,won,60000 SEK`, `referral,${target},se-001,2026-${month}-15,,won,90000 SEK`);
    }
    const csv = path.join(dir, 'activity.csv');
    writeFileSync(csv, rows.join('\n'));
    expect((await app.ingestActivity(csv)).rejected).toEqual([]);
    const after = await app.suggest('se-001', { top: 17 });
    const moved = after.suggestions.find((s) => s.partner === target)!;
    const rankBefore = before.suggestions.findIndex((s) => s.partner === target);
    const rankAfter = after.suggestions.findIndex((s) => s.partner === target);
    // From near the bottom into the top five (the default weights give chemistry and profit 0.15 each).
    expect(rankBefore - rankAfter).toBeGreaterThanOrEqual(5);
    expect(rankAfter).toBeLessThan(5);
    expect(moved.score).toBeGreaterThan(low.score);
    expect(moved.criteria.chemistry!).toBeGreaterThan(low.criteria.chemistry ?? 0);
    expect(moved.criteria.mutualProfit!).toBeGreaterThan(low.criteria.mutualProfit ?? 0);
    expect(moved.confidence.chemistry).toBeGreaterThan(low.confidence.chemistry);
    expect(moved.reasons.join(' ')).toMatch(/enskilda möten|rekommendationer/);
    expect(after.modelVersion).toBe(DEFAULT_SCORING_CONFIG.version);
  });
});

describe('the give/take ledger', () => {
  it('flags free riders (take, never give) and members gone quiet', () => {
    const network = [m('se-001'), m('se-002'), m('se-003'), m('se-004')];
    const rows: Activity[] = [
      referral('se-001', 'se-003', '2026-01-10', 'won', 5000),
      referral('se-002', 'se-003', '2026-02-10', 'won', 7000),
      referral('se-001', 'se-002', '2026-06-10', 'lost'),
      referral('se-002', 'se-001', '2026-06-20', 'won', 1000),
      meeting('se-003', 'se-001', '2026-06-25', 4),
      meeting('se-004', 'se-001', '2026-01-02', 4),
    ];
    const ledger = buildNetworkLedger(network, rows, { quietDays: 90, freeRiderMinReceived: 2 });
    expect(ledger.freeRiders).toEqual(['se-003']);
    expect(ledger.goneQuiet).toEqual(['se-004']);
    const taker = ledger.members.find((l) => l.id === 'se-003')!;
    expect(taker).toMatchObject({ given: 0, received: 2, receivedWon: 2, valueReceivedEur: 12000, freeRider: true, goneQuiet: false });
    expect(ledger.members.find((l) => l.id === 'se-001')).toMatchObject({ given: 2, givenWon: 1, valueGivenEur: 5000, freeRider: false });
    expect(buildNetworkLedger(network, rows, { quietDays: 200, freeRiderMinReceived: 2 }).goneQuiet).toEqual([]);
    expect(ledger.tradeFlow.length).toBeGreaterThan(0);
    expect(ledger.tradeFlow.reduce((s, f) => s + f.referrals, 0)).toBe(4);
  });

  it('totals every column over all members, in the text and the HTML report, in each language', () => {
    const network = [m('se-001'), m('se-002'), m('se-003'), m('de-001')];
    const rows: Activity[] = [
      referral('se-001', 'se-003', '2026-01-10', 'won', 5000),
      referral('se-002', 'se-003', '2026-02-10', 'won', 7000),
      referral('se-001', 'se-002', '2026-06-10', 'lost'),
      referral('de-001', 'se-001', '2026-06-20', 'won', 1000),
      meeting('se-003', 'se-001', '2026-06-25', 4),
      meeting('de-001', 'se-001', '2026-01-02', 4),
    ];
    const ledger = buildNetworkLedger(network, rows, { quietDays: 90, freeRiderMinReceived: 2 });
    // Every referral is between two members here: what is given is what is received.
    expect(ledgerTotals(ledger)).toEqual({ members: 4, given: 4, givenWon: 3, valueGivenEur: 13000, received: 4, receivedWon: 3, valueReceivedEur: 13000, meetings: 2 });
    const totalLine = (language: ReasonLanguage) => formatLedger(ledger, app.knowledge, { language, currency: 'EUR', top: 2 }).find((line) => line.startsWith(REPORT_PHRASES[language].ledgerTotal.replace('{n}', '4')));
    // Only two members listed (top 2), and still the totals of all four.
    expect(totalLine('en')).toMatch(/^all 4 members +4 +3 +13,000\sEUR +4 +3 +13,000\sEUR *$/);
    expect(totalLine('sv')).toMatch(/^alla 4 medlemmar +4 +3 +13\s000\sEUR +4 +3 +13\s000\sEUR *$/);
    expect(totalLine('da')).toMatch(/^alle 4 medlemmer +4 +3 +13\.000\sEUR +4 +3 +13\.000\sEUR *$/);
    expect(totalLine('de')).toMatch(/^Alle 4 Mitglieder +4 +3 +13\.000\sEUR +4 +3 +13\.000\sEUR *$/);
  });

  it('the report carries the demo ledger with its designated free riders and quiet members', async () => {
    const { DEMO_ACTIVITY } = await import('../../src/cli/commands/demo-command.ts');
    const fresh = await createPartnerfit({ directory: 'memory://', modelsDirectory: path.join(dir, 'models') });
    try {
      await fresh.ingest(DEMO_ROSTER);
      await fresh.ingestActivity(DEMO_ACTIVITY);
      const report = await fresh.report('malmo-bni');
      expect(report.ledger?.freeRiders).toContain('se-007');
      expect(report.ledger?.goneQuiet).toContain('se-012');
      expect(report.ledger?.members.find((l) => l.id === 'se-007')?.given).toBe(0);
      // The HTML ledger ends in a row of totals over all members, in the report's language.
      const totals = ledgerTotals(report.ledger!);
      expect(totals.given).toBeGreaterThan(0);
      const html = renderReportHtml(report, fresh.knowledge, 'de', 'EUR');
      const foot = /<tfoot><tr>(.*?)<\/tr><\/tfoot>/.exec(html)?.[1] ?? '';
      const cells = [...foot.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]);
      expect(cells.slice(0, 8)).toEqual([
        `Alle ${totals.members} Mitglieder`,
        String(totals.given),
        String(totals.givenWon),
        formatMoney(totals.valueGivenEur, 'de', 'EUR'),
        String(totals.received),
        String(totals.receivedWon),
        formatMoney(totals.valueReceivedEur, 'de', 'EUR'),
        String(totals.meetings),
      ]);
    } finally {
      await fresh.close();
    }
  });
});
