/**
 * Assessing one applicant against the network they apply to: who already holds the
 * seat (conflicts), who in the same batch wants it too (rivals), how many strong
 * partners they would have, which members would gain a partner they lack today, and
 * which missing trade they would fill. The verdict follows the network's policy.
 * Pure: members and their vectors are read, never changed.
 */
import { detectCompetition, PARTIAL_OVERLAP, type Competition } from '../competition/competitor-detector.ts';
import type { ScoringContext } from '../criteria/criterion.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import { byScoreThenId, CompiledPool, DIRECT_COMPETITOR, type PoolPartner } from '../ranking/compiled-pool.ts';
import { rankCandidate, compareRanked, type RankedPartner } from '../ranking/partner-ranker.ts';
import { TopK } from '../ranking/top-k.ts';
import { formatScore, reasonLanguage, writeReasons } from '../reasons/reason-writer.ts';
import { currencyOfCountry } from '../money/format-money.ts';
import { CONJUNCTION, type ReasonLanguage } from '../reasons/reason-phrases.ts';
import { scorePair } from '../scoring/pair-scorer.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { APPLICANT_PHRASES, fillPhrase } from './applicant-phrases.ts';

export type Verdict = 'accept' | 'review' | 'conflict';
export type NetworkPolicy = 'exclusive' | 'open';

/** Fit at or above this, with no conflict, is an `accept`; below, a `review`. */
export const ACCEPT_FIT = 0.5;
/** Top partners shown per applicant; the fit is the mean of the best `FIT_PARTNERS` scores. */
const TOP_PARTNERS = 5;
const FIT_PARTNERS = 3;

export interface MemberConflict {
  readonly member: string;
  readonly name: string;
  readonly level: 'direct' | 'partial';
  readonly score: number;
  readonly sharedServices: readonly string[];
  /** Service words both write, when no shared concept names the overlap. */
  readonly sharedTerms: readonly string[];
}

export interface BatchRival {
  readonly applicant: string;
  readonly name: string;
  readonly line: number;
  readonly level: 'direct' | 'partial';
  readonly score: number;
  readonly sharedServices: readonly string[];
}

/** What is stored per applicant and returned (the `applicants` contract plus added fields). */
export interface ApplicantResult {
  readonly id: string;
  readonly name: string;
  readonly network: string;
  readonly policy: NetworkPolicy;
  readonly fit: number;
  readonly verdict: Verdict;
  readonly conflicts: readonly MemberConflict[];
  readonly batchConflicts: readonly BatchRival[];
  /** Under an `open` policy: members of the same trade, partners for overflow work. */
  readonly overflowPartners: readonly { readonly partner: string; readonly score: number }[];
  readonly strongPartners: number;
  readonly topPartners: readonly { readonly partner: string; readonly name: string; readonly score: number; readonly reasons: readonly string[] }[];
  /** Members without a good partner today for whom the applicant would be one. */
  readonly gainsPartner: readonly string[];
  /** Service concepts no member offers that complement members' services (the report's missing trades). */
  readonly fillsTrades: readonly string[];
  readonly reasons: readonly string[];
  /** The language the reasons are written in: the applicant's (English for others). */
  readonly language: ReasonLanguage;
  readonly configVersion: string;
}

/**
 * The network as an applicant meets it. Its members are compiled once for exact
 * scoring (`CompiledPool`: the full scorer's scores at a few µs a pair) when no
 * activity evidence or trained model is involved. Whether a member has a good partner
 * today is found lazily (scanning stops at the first good partner) and remembered: a
 * batch asks about the same members again and again.
 */
export class NetworkContext {
  readonly offered: ReadonlySet<string>;
  /** Null when the full scorer is needed (evidence or a trained model). */
  readonly pool: CompiledPool | null;
  private readonly hasPartner = new Map<string, boolean>();

  constructor(
    readonly network: string,
    readonly policy: NetworkPolicy,
    readonly members: readonly ScoredMember[],
    private readonly context: ScoringContext,
    private readonly config: ScoringConfig,
    /** `compiled: false` scores every pair with the full scorer (what the compiled pool must equal; tests compare the two). */
    options: { readonly compiled?: boolean } = {},
  ) {
    this.offered = new Set(members.flatMap((m) => m.vector.services.map((s) => s.id)));
    this.pool = options.compiled !== false && CompiledPool.usable(context, config) ? new CompiledPool(members, context.knowledge) : null;
  }

  hasGoodPartner(member: ScoredMember): boolean {
    let known = this.hasPartner.get(member.id);
    if (known === undefined) {
      known = this.pool
        ? this.pool.hasPartnerAbove(member, this.config, this.config.goodPartner)
        : this.members.some((other) => {
            if (other.id === member.id) return false;
            const pair = scorePair(member, other, this.context, this.config);
            return pair.competition.level !== 'direct' && pair.score >= this.config.goodPartner;
          });
      this.hasPartner.set(member.id, known);
    }
    return known;
  }
}

/** The applicant against every member: conflicts, every partner's score, and the best few with their reasons. */
interface MemberScan {
  readonly conflicts: MemberConflict[];
  readonly overflowPartners: { partner: string; score: number }[];
  /** The best `TOP_PARTNERS`, best first, scored by the full scorer (for their reasons). */
  readonly ranked: RankedPartner[];
  /** Members the applicant would be a good partner for, in member order. */
  readonly strong: { member: ScoredMember; score: number }[];
}

function scanMembers(applicant: ScoredMember, network: NetworkContext, context: ScoringContext, config: ScoringConfig): MemberScan {
  const conflicts: MemberConflict[] = [];
  const overflowPartners: { partner: string; score: number }[] = [];
  const strong: { member: ScoredMember; score: number }[] = [];
  const addConflict = (member: ScoredMember, competition: Competition) => {
    conflicts.push(conflictWith(member, competition));
    if (network.policy === 'open' && competition.level === 'direct') overflowPartners.push({ partner: member.id, score: competition.score });
  };
  if (network.pool) {
    const best = new TopK<PoolPartner>(TOP_PARTNERS, byScoreThenId);
    network.pool.scan(applicant, config, (member, score, overlap) => {
      // A competitor level other than none needs at least the partial overlap; only those need the detector's evidence.
      if (overlap >= PARTIAL_OVERLAP) addConflict(member, detectCompetition(applicant, member));
      if (score === DIRECT_COMPETITOR) return;
      best.push({ member, score });
      if (score >= config.goodPartner) strong.push({ member, score });
    });
    // The best few again with the full scorer, for their reasons (the same scores).
    const ranked = best.sorted().map((p) => rankCandidate(applicant, p.member, context, config, 'referral')!);
    return { conflicts, overflowPartners, ranked, strong };
  }
  const ranked: RankedPartner[] = [];
  for (const member of network.members) {
    if (member.id === applicant.id) continue;
    const candidate = rankCandidate(applicant, member, context, config, 'referral');
    const competition = candidate?.pair.competition ?? scorePair(applicant, member, context, config).competition;
    if (competition.level !== 'none') addConflict(member, competition);
    if (!candidate) continue;
    ranked.push(candidate);
    if (candidate.score >= config.goodPartner) strong.push({ member, score: candidate.score });
  }
  ranked.sort((a, b) => compareRanked(b, a));
  return { conflicts, overflowPartners, ranked: ranked.slice(0, TOP_PARTNERS), strong };
}

export function assessApplicant(
  applicant: ScoredMember,
  network: NetworkContext,
  rivals: readonly BatchRival[],
  context: ScoringContext,
  config: ScoringConfig,
): ApplicantResult {
  const { knowledge } = context;
  const lang = reasonLanguage(applicant.vector.replyLanguage);
  const phrases = APPLICANT_PHRASES[lang];
  const { conflicts, overflowPartners, ranked, strong } = scanMembers(applicant, network, context, config);
  conflicts.sort((a, b) => (a.level === b.level ? 0 : a.level === 'direct' ? -1 : 1) || b.score - a.score || a.member.localeCompare(b.member));
  const best = ranked.slice(0, FIT_PARTNERS);
  const fit = round(best.reduce((sum, r) => sum + r.score, 0) / FIT_PARTNERS);
  const gainsPartner = strong.filter((s) => !network.hasGoodPartner(s.member)).map((s) => s.member.id).sort();
  const fillsTrades = missingTradesFilled(applicant, network, knowledge);

  const directConflict = conflicts.some((c) => c.level === 'direct');
  const partialConflict = conflicts.some((c) => c.level === 'partial');
  const directRival = rivals.some((r) => r.level === 'direct');
  let verdict: Verdict;
  if (network.policy === 'exclusive' && directConflict) verdict = 'conflict';
  else if (network.policy === 'exclusive' && (partialConflict || directRival)) verdict = 'review';
  else verdict = fit >= ACCEPT_FIT ? 'accept' : 'review';

  const names = new Map(network.members.map((m) => [m.id, m.name]));
  const serviceList = (ids: readonly string[], terms: readonly string[]) => {
    const named = ids.length > 0 ? ids.slice(0, 3).map((id) => knowledge.lexicon.label(id, lang)) : terms.slice(0, 3).map((t) => `"${t}"`);
    return joinList(named, lang) || '…';
  };
  const reasons: string[] = [];
  for (const c of conflicts.slice(0, 3)) {
    const template = c.level === 'direct' ? (network.policy === 'open' ? phrases['overflow-peer'] : phrases['conflict-direct']) : phrases['conflict-partial'];
    reasons.push(fillPhrase(template, { name: c.name, id: c.member, services: serviceList(c.sharedServices, c.sharedTerms) }));
  }
  for (const r of rivals.slice(0, 3)) {
    reasons.push(fillPhrase(r.level === 'direct' ? phrases['rival-direct'] : phrases['rival-partial'], { name: r.name, id: r.applicant, services: serviceList(r.sharedServices, []) }));
  }
  if (strong.length > 0) {
    const top = ranked[0]!;
    reasons.push(fillPhrase(phrases[strong.length === 1 ? 'strong-partner' : 'strong-partners'], { count: strong.length, name: names.get(top.pair.other) ?? top.pair.other, id: top.pair.other, score: formatScore(top.score, lang) }));
  } else {
    reasons.push(fillPhrase(phrases['no-strong-partner'], { score: formatScore(ranked[0]?.score ?? 0, lang) }));
  }
  if (gainsPartner.length > 0) {
    const shown = gainsPartner.slice(0, 4).map((id) => `${names.get(id) ?? id} (${id})`);
    reasons.push(fillPhrase(phrases['gains-partner'], { names: joinList(shown, lang) + (gainsPartner.length > 4 ? ` +${gainsPartner.length - 4}` : '') }));
  }
  if (fillsTrades.length > 0) {
    reasons.push(fillPhrase(phrases['fills-trade'], { trades: joinList(fillsTrades.map((id) => knowledge.lexicon.label(id, lang)), lang) }));
  }

  return {
    id: applicant.id,
    name: applicant.name,
    network: network.network,
    policy: network.policy,
    fit,
    verdict,
    conflicts,
    batchConflicts: rivals,
    overflowPartners,
    strongPartners: strong.length,
    topPartners: ranked.slice(0, TOP_PARTNERS).map((r) => ({
      partner: r.pair.other,
      name: names.get(r.pair.other) ?? r.pair.other,
      score: r.score,
      reasons: writeReasons(r.facts, lang, knowledge, 3, { currency: currencyOfCountry(applicant.vector.region?.country) }),
    })),
    gainsPartner,
    fillsTrades,
    reasons,
    language: lang,
    configVersion: config.version,
  };
}

/**
 * Once every applicant of a batch is scored, rivals for one seat can be compared: the
 * sentence saying who fits better is added then (it needs both fits).
 */
export function compareRivals(result: ApplicantResult, rivalFits: ReadonlyMap<string, number>, language: string | null): ApplicantResult {
  const lang = reasonLanguage(language);
  const phrases = APPLICANT_PHRASES[lang];
  const extra: string[] = [];
  for (const rival of result.batchConflicts) {
    if (rival.level !== 'direct') continue;
    const other = rivalFits.get(rival.applicant);
    if (other === undefined) continue;
    const key = result.fit > other ? 'rival-fits-better' : result.fit < other ? 'rival-fits-worse' : 'rival-fits-equal';
    extra.push(fillPhrase(phrases[key], { id: `${rival.name} (${rival.applicant})`, fit: formatScore(result.fit, lang), other: formatScore(other, lang) }));
  }
  // Results stored before the language was recorded get it here, from the row kept beside them.
  return { ...result, language: lang, reasons: extra.length === 0 ? result.reasons : [...result.reasons, ...extra] };
}

function conflictWith(member: ScoredMember, competition: Competition): MemberConflict {
  return {
    member: member.id,
    name: member.name,
    level: competition.level as 'direct' | 'partial',
    score: competition.score,
    sharedServices: competition.sharedServices,
    sharedTerms: competition.sharedTerms,
  };
}

/** Same rule as the network report's missing trades: offered by no member, complementing some member's services. */
function missingTradesFilled(applicant: ScoredMember, network: NetworkContext, knowledge: EngineKnowledge): string[] {
  const filled: string[] = [];
  for (const service of applicant.vector.services) {
    if (network.offered.has(service.id)) continue;
    const concept = knowledge.lexicon.service(service.id);
    if (!concept) continue;
    const complements = network.members.some((m) =>
      m.vector.services.some((s) => concept.complements.includes(s.id) || (knowledge.lexicon.service(s.id)?.complements.includes(concept.id) ?? false)),
    );
    if (complements) filled.push(service.id);
  }
  return filled;
}

function joinList(items: readonly string[], lang: keyof typeof CONJUNCTION): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${CONJUNCTION[lang]} ${items[items.length - 1]}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
