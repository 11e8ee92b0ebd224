/**
 * Quality on the labelled evaluation network (data/eval): competitor precision and
 * recall, partner precision@3, NDCG@5, direct competitors in top-3, for partnerfit
 * and for a plain TF-IDF cosine baseline over all profile text.
 *
 *   node --import tsx scripts/eval/evaluate-network.ts [--json]
 *
 * Only labelled pairs count for competitor detection (unlabelled pairs are skipped,
 * as data/eval/README.md asks). Partner precision@3 counts an unlabelled pair in a
 * top-3 as a miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { detectCompetition } from '../../src/core/competition/competitor-detector.ts';
import { addOutcome, emptyConfusion, ndcgAtK, precisionAtK, precisionRecallF1 } from '../../src/core/evaluation/ranking-metrics.ts';
import { profileText, sparseCosine, tfidfVectors } from '../../src/core/evaluation/tfidf-baseline.ts';
import type { MemberProfile } from '../../src/core/profile/member-profile.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { rankPartners } from '../../src/core/ranking/partner-ranker.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { COMBINATION_RULES, DEFAULT_SCORING_CONFIG } from '../../src/core/scoring/scoring-config.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, dir: { type: 'string', default: 'data/eval' } } });
const root = path.resolve(import.meta.dirname, '../..');
const dir = path.resolve(root, values.dir!);
const knowledge = loadKnowledge();

const rows = parse(readFileSync(path.join(dir, 'network.csv')), { columns: true }) as Record<string, string>[];
const profiles = new Map<string, MemberProfile>();
for (const row of rows) {
  const parsed = parseMemberProfile(row);
  if (!parsed.success) throw new Error(`${row.id}: ${JSON.stringify(parsed.issues)}`);
  profiles.set(parsed.profile.id, parsed.profile);
}
const members: ScoredMember[] = [...profiles.values()].map((p) => ({ id: p.id, network: p.network, name: p.name, vector: vectorizeMember(p, knowledge) }));
const byId = new Map(members.map((m) => [m.id, m]));
type Label = 'partner' | 'competitor' | 'partial-competitor' | 'none';
const labels = new Map<string, Label>();
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
for (const row of parse(readFileSync(path.join(dir, 'labels.csv')), { columns: true }) as { a: string; b: string; label: Label }[]) {
  labels.set(key(row.a, row.b), row.label);
}

// --- competitor detection on labelled pairs
const anyCompetitor = emptyConfusion();
const directCompetitor = emptyConfusion();
const baselineCompetitor = emptyConfusion();
const tfidf = tfidfVectors(new Map([...profiles].map(([id, p]) => [id, profileText(p)])));
const BASELINE_THRESHOLD = 0.35;
const errors: string[] = [];
for (const [pair, label] of labels) {
  const [a, b] = pair.split('|') as [string, string];
  const competition = detectCompetition(byId.get(a)!, byId.get(b)!);
  const actualAny = label === 'competitor' || label === 'partial-competitor';
  addOutcome(anyCompetitor, competition.level !== 'none', actualAny);
  addOutcome(directCompetitor, competition.level === 'direct', label === 'competitor');
  addOutcome(baselineCompetitor, sparseCosine(tfidf.get(a)!, tfidf.get(b)!) >= BASELINE_THRESHOLD, actualAny);
  if ((competition.level !== 'none') !== actualAny) errors.push(`${pair}: labelled ${label}, detected ${competition.level} (overlap ${competition.overlap})`);
}

// --- partner ranking within each network
const partnersOf = new Map<string, Set<string>>();
const competitorsOf = new Map<string, Set<string>>();
for (const [pair, label] of labels) {
  const [a, b] = pair.split('|') as [string, string];
  const target = label === 'partner' ? partnersOf : label === 'competitor' ? competitorsOf : null;
  if (!target) continue;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const set = target.get(x) ?? new Set<string>();
    set.add(y);
    target.set(x, set);
  }
}
const context = { knowledge };
let p3 = 0;
let ndcg = 0;
let competitorInTop3 = 0;
let baseP3 = 0;
let baseNdcg = 0;
let baseCompetitorInTop3 = 0;
let evaluated = 0;
for (const self of members) {
  const relevant = partnersOf.get(self.id) ?? new Set<string>();
  if (relevant.size === 0) continue;
  evaluated++;
  const peers = members.filter((m) => m.network === self.network && m.id !== self.id);
  const ranked = rankPartners(self, peers, context, DEFAULT_SCORING_CONFIG, { purpose: 'referral', top: 10 }).map((r) => r.pair.other);
  p3 += precisionAtK(ranked, relevant, 3);
  ndcg += ndcgAtK(ranked, relevant, 5);
  if (ranked.slice(0, 3).some((id) => competitorsOf.get(self.id)?.has(id))) competitorInTop3++;
  const baseline = peers
    .map((m) => ({ id: m.id, score: sparseCosine(tfidf.get(self.id)!, tfidf.get(m.id)!) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .map((x) => x.id);
  baseP3 += precisionAtK(baseline, relevant, 3);
  baseNdcg += ndcgAtK(baseline, relevant, 5);
  if (baseline.slice(0, 3).some((id) => competitorsOf.get(self.id)?.has(id))) baseCompetitorInTop3++;
}

// The reciprocal combination rules compared on the same labels.
const byRule: Record<string, { precisionAt3: number; ndcgAt5: number }> = {};
for (const combination of COMBINATION_RULES) {
  const config = { ...DEFAULT_SCORING_CONFIG, combination };
  let p = 0;
  let n = 0;
  for (const self of members) {
    const relevant = partnersOf.get(self.id);
    if (!relevant) continue;
    const peers = members.filter((m) => m.network === self.network && m.id !== self.id);
    const ranked = rankPartners(self, peers, context, config, { purpose: 'referral', top: 10 }).map((r) => r.pair.other);
    p += precisionAtK(ranked, relevant, 3);
    n += ndcgAtK(ranked, relevant, 5);
  }
  byRule[combination] = { precisionAt3: Math.round((p / evaluated) * 1000) / 1000, ndcgAt5: Math.round((n / evaluated) * 1000) / 1000 };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const result = {
  members: members.length,
  labelledPairs: labels.size,
  competitors: {
    anyLevel: { ...mapRound(precisionRecallF1(anyCompetitor)), ...anyCompetitor },
    directOnly: mapRound(precisionRecallF1(directCompetitor)),
    baselineTfidf: { threshold: BASELINE_THRESHOLD, ...mapRound(precisionRecallF1(baselineCompetitor)) },
  },
  partners: {
    membersEvaluated: evaluated,
    partnerfit: { precisionAt3: round(p3 / evaluated), ndcgAt5: round(ndcg / evaluated), membersWithLabelledCompetitorInTop3: competitorInTop3 },
    baselineTfidf: { precisionAt3: round(baseP3 / evaluated), ndcgAt5: round(baseNdcg / evaluated), membersWithLabelledCompetitorInTop3: baseCompetitorInTop3 },
    byCombinationRule: byRule,
  },
  competitorErrors: errors,
};
function mapRound<T extends Record<string, number>>(x: T): T {
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)])) as T;
}
process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatText());

function formatText(): string {
  const c = result.competitors;
  const p = result.partners;
  return [
    `evaluation network: ${result.members} members, ${result.labelledPairs} labelled pairs`,
    `competitors (direct or partial): precision ${c.anyLevel.precision}, recall ${c.anyLevel.recall}, F1 ${c.anyLevel.f1}`,
    `direct competitors only:         precision ${c.directOnly.precision}, recall ${c.directOnly.recall}, F1 ${c.directOnly.f1}`,
    `TF-IDF baseline (cos ≥ ${BASELINE_THRESHOLD}):      precision ${c.baselineTfidf.precision}, recall ${c.baselineTfidf.recall}, F1 ${c.baselineTfidf.f1}`,
    `partners (${p.membersEvaluated} members): partnerfit P@3 ${p.partnerfit.precisionAt3}, NDCG@5 ${p.partnerfit.ndcgAt5}, members with a labelled competitor in top-3: ${p.partnerfit.membersWithLabelledCompetitorInTop3}`,
    `                    TF-IDF     P@3 ${p.baselineTfidf.precisionAt3}, NDCG@5 ${p.baselineTfidf.ndcgAt5}, members with a labelled competitor in top-3: ${p.baselineTfidf.membersWithLabelledCompetitorInTop3}`,
    `combination rules: ${Object.entries(byRule).map(([rule, m]) => `${rule} P@3 ${m.precisionAt3} NDCG@5 ${m.ndcgAt5}`).join('; ')}`,
    '',
    `competitor errors (${errors.length}):`,
    ...errors.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
