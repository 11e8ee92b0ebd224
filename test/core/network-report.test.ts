/**
 * The network report scores all pairs with the compiled scorer and only the
 * partnerships it returns with `scorePair`; its answer must be the one scoring every
 * pair with `scorePair` gives (the reference below, the report's original loop), deep
 * equal: on the demo network and a generated one, with several configs, with activity
 * evidence (which the compiled scorer does not read) and with a trained model (which
 * it cannot apply).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../src/core/activity/activity.ts';
import { parseActivity } from '../../src/core/activity/activity-parser.ts';
import { generateLedger } from '../../src/core/activity/ledger-generator.ts';
import { buildActivityEvidence } from '../../src/core/activity/pair-evidence.ts';
import { findCompetitorPairs } from '../../src/core/competition/competitor-pairs.ts';
import type { ScoringContext } from '../../src/core/criteria/criterion.ts';
import type { PairModel } from '../../src/core/learning/pair-model.ts';
import { buildNetworkReport, findMissingTrades, mainArea, type MemberSummary, type NetworkReport } from '../../src/core/report/network-report.ts';
import { commonLanguage } from '../../src/core/reasons/reason-writer.ts';
import { commonCurrency } from '../../src/core/money/format-money.ts';
import { EXCHANGE_RATES } from '../../src/core/money/exchange-rates.ts';
import { scorePair, type PairScore } from '../../src/core/scoring/pair-scorer.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../src/core/scoring/scoring-config.ts';
import { demoMembers, generatedMembers, knowledge, membersFromCsv } from '../support/demo-members.ts';

/** The report as it was computed before the compiled scorer: `scorePair` on every pair. */
function referenceReport(network: string, members: readonly ScoredMember[], context: ScoringContext, config: ScoringConfig): NetworkReport {
  const conflicts = findCompetitorPairs(members);
  const partnerships: PairScore[] = [];
  const good = new Map<string, PairScore[]>(members.map((m) => [m.id, []]));
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const pair = scorePair(members[i]!, members[j]!, context, config);
      if (pair.competition.level === 'direct' || pair.score < config.goodPartner) continue;
      partnerships.push(pair);
      good.get(pair.self)!.push(pair);
      good.get(pair.other)!.push(pair);
    }
  }
  partnerships.sort((a, b) => b.score - a.score || a.self.localeCompare(b.self) || a.other.localeCompare(b.other));
  const summaries = members.map((m): MemberSummary => {
    const pairs = good.get(m.id)!;
    const best = pairs.reduce<PairScore | null>((x, p) => (!x || p.score > x.score ? p : x), null);
    return {
      id: m.id,
      name: m.name,
      mainService: m.vector.services[0]?.id ?? null,
      area: mainArea(m),
      goodPartners: pairs.length,
      bestPartner: best ? { partner: best.self === m.id ? best.other : best.self, score: best.score } : null,
      conflicts: conflicts
        .filter((c) => c.a === m.id || c.b === m.id)
        .map((c) => ({ member: c.a === m.id ? c.b : c.a, level: c.competition.level as 'direct' | 'partial', score: c.competition.score })),
    };
  });
  return {
    network,
    members: members.length,
    configVersion: config.version,
    goodPartnerThreshold: config.goodPartner,
    language: commonLanguage(members.map((m) => m.vector.replyLanguage)),
    currency: commonCurrency(members.map((m) => m.vector.region?.country)),
    currencyPerEur: EXCHANGE_RATES.perEur[commonCurrency(members.map((m) => m.vector.region?.country))],
    summaries,
    partnerships,
    conflicts,
    withoutGoodPartner: summaries.filter((s) => s.goodPartners === 0).map((s) => s.id),
    missingTrades: findMissingTrades(members, context, summaries),
  };
}

function demoActivity(): Activity[] {
  const file = fileURLToPath(new URL('../../data/demo/activity.csv', import.meta.url));
  const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  return rows.map((row) => {
    const parsed = parseActivity(row);
    if (!parsed.success) throw new Error(JSON.stringify(parsed));
    return parsed.activity;
  });
}

/** Generated activity for a generated network (the demo ledger's generator), parsed as ingest would. */
function generatedActivity(members: readonly ScoredMember[]): Activity[] {
  const rows = generateLedger(members, { knowledge }, { seed: 11, start: '2025-01-01', months: 4, meetingsPerMember: 1, freeRiders: [members[0]!.id] });
  return rows.map((row) => {
    const parsed = parseActivity({ ...row });
    if (!parsed.success) throw new Error(JSON.stringify(parsed));
    return parsed.activity;
  });
}

const configs: ScoringConfig[] = [
  DEFAULT_SCORING_CONFIG,
  // Many more partnerships, and many ties among them (best partners are chosen among equals).
  { ...DEFAULT_SCORING_CONFIG, version: 'test-low-threshold', goodPartner: 0.4 },
  { ...DEFAULT_SCORING_CONFIG, version: 'test-geometric', combination: 'geometric', goodPartner: 0.5, weights: { chemistry: 0.4, complementarity: 0.1, sharedCustomers: 0.1, sharedContacts: 0.3, mutualProfit: 0.1 } },
];

/** A trained model stand-in that ranks by chemistry alone: not the weights the compiled scorer applies. */
const chemistryModel: PairModel = { version: 'test-model', oneSided: (results) => results.chemistry.score ?? 0.3 };

const demo = demoMembers();
const malmo = demo.filter((m) => m.network === 'malmo-bni');
const federation = generatedMembers(300, { networks: 1, seed: 17, idPrefix: 'gen' });

describe('the network report scored with the compiled scorer', () => {
  it.each([
    ['the demo network, all members', demo],
    ['one demo chapter', malmo],
    ['a generated network of 300', federation],
  ])('equals the all-pairs reference on %s, for every config', (_, members) => {
    const context = { knowledge };
    for (const config of configs) {
      const report = buildNetworkReport('n', members, context, config);
      expect(report, config.version).toEqual(referenceReport('n', members, context, config));
      expect(report.partnerships.length, config.version).toBeGreaterThan(0);
    }
  });

  it('equals the reference with the demo ledger as activity evidence (pairs that met are scored in full)', () => {
    const context = { knowledge, activity: buildActivityEvidence(demoActivity()) };
    for (const config of configs) {
      const report = buildNetworkReport('n', demo, context, config);
      expect(report, config.version).toEqual(referenceReport('n', demo, context, config));
    }
    // The evidence matters: without it the report would differ.
    expect(buildNetworkReport('n', demo, context, DEFAULT_SCORING_CONFIG)).not.toEqual(buildNetworkReport('n', demo, { knowledge }, DEFAULT_SCORING_CONFIG));
  });

  it('equals the reference on a generated network with generated activity', () => {
    const members = federation.slice(0, 200);
    const context = { knowledge, activity: buildActivityEvidence(generatedActivity(members)) };
    const config = configs[1]!;
    const report = buildNetworkReport('n', members, context, config);
    expect(report).toEqual(referenceReport('n', members, context, config));
    expect(report).not.toEqual(buildNetworkReport('n', members, { knowledge }, config));
  });

  it('equals the reference with a trained model, which replaces the weights for every pair', () => {
    const context = { knowledge };
    const config = { ...DEFAULT_SCORING_CONFIG, version: 'test-model', goodPartner: 0.5, model: chemistryModel };
    const report = buildNetworkReport('n', demo, context, config);
    expect(report).toEqual(referenceReport('n', demo, context, config));
    expect(report.partnerships.map((p) => [p.self, p.other])).not.toEqual(
      buildNetworkReport('n', demo, context, { ...config, model: undefined }).partnerships.map((p) => [p.self, p.other]),
    );
  });
});

describe('the report as text and HTML', () => {
  it('names a member whose services the lexicon did not recognise as such, not with a bare mark', async () => {
    const { formatReport } = await import('../../src/cli/commands/report-command.ts');
    const { renderReportHtml } = await import('../../src/app/report-html.ts');
    const members = membersFromCsv('../../data/eval/network.csv').filter((m) => m.network === 'eval-skane');
    const unrecognised = members.filter((m) => m.vector.services.length === 0);
    expect(unrecognised.length).toBeGreaterThan(0);
    const report = { ...buildNetworkReport('eval-skane', members, { knowledge }, DEFAULT_SCORING_CONFIG), policy: 'exclusive' as const };
    const lines = formatReport(report, knowledge, 'en');
    for (const m of unrecognised) expect(lines.find((l) => l.includes(`(${m.id})`)), m.id).toMatch(/unrecognised trade/);
    // The text report is in the network's language by default, its frame as well as its trades.
    const swedish = formatReport(report, knowledge);
    expect(swedish[0]).toMatch(/^Nätverket eval-skane: \d+ medlemmar · branschexklusivitet/);
    expect(swedish[2]).toMatch(/^medlem +bransch +antal bra partner +bästa partner +konflikter$/);
    for (const m of unrecognised) expect(swedish.find((l) => l.includes(`(${m.id})`)), m.id).toMatch(/okänd bransch/);
    expect(renderReportHtml(report, knowledge, 'en')).toContain(`${unrecognised[0]!.name} (${unrecognised[0]!.id}) — unrecognised trade;`);
    // The page is in the language most members write in unless asked otherwise: Swedish for this network.
    expect(report.language).toBe('sv');
    expect(renderReportHtml(report, knowledge)).toContain(`${unrecognised[0]!.name} (${unrecognised[0]!.id}) — okänd bransch;`);
    // The partner graph labels members by name (ids are in the tooltips): organisers know names.
    const page = renderReportHtml(report, knowledge);
    const labels = [...page.matchAll(/dominant-baseline="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toHaveLength(report.members);
    for (const s of report.summaries) expect(labels).toContain(s.name.length <= 20 ? s.name : `${s.name.slice(0, 19).trimEnd()}…`);
  });
});
