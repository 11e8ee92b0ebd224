/**
 * The network report (seed 004: "a group of 20 is 19 ambassadors, if the fit is
 * right"): per member, how many good partners they have, their best partner and
 * their conflicts; per network, the members without a good partner and the trades
 * it lacks that would add the most partner value (whom to recruit).
 */
import { commonLanguage } from '../reasons/reason-writer.ts';
import { EXCHANGE_RATES, type CurrencyCode } from '../money/exchange-rates.ts';
import { commonCurrency } from '../money/format-money.ts';
import type { ReasonLanguage } from '../reasons/reason-phrases.ts';
import type { ScoringContext } from '../criteria/criterion.ts';
import type { ServiceConcept } from '../lexicon/lexicon-schema.ts';
import { findCompetitorPairs, type CompetitorPair } from '../competition/competitor-pairs.ts';
import type { PairScore } from '../scoring/pair-scorer.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { findGoodPartnerships } from './good-partnerships.ts';

export interface MemberSummary {
  readonly id: string;
  readonly name: string;
  readonly mainService: string | null;
  readonly area: string | null;
  readonly goodPartners: number;
  readonly bestPartner: { readonly partner: string; readonly score: number } | null;
  readonly conflicts: readonly { readonly member: string; readonly level: 'direct' | 'partial'; readonly score: number }[];
}

export interface MissingTrade {
  readonly concept: string;
  /** Partner value it would add: the summed strength of its links to current members' services. */
  readonly value: number;
  /** Members who would gain a partner, strongest first. */
  readonly beneficiaries: readonly string[];
}

export interface NetworkReport {
  readonly network: string;
  readonly members: number;
  readonly configVersion: string;
  readonly goodPartnerThreshold: number;
  /** The language most members reply in (English when none has most): what the report's reasons are written in unless asked otherwise. */
  readonly language: ReasonLanguage;
  /** The currency most members live with (EUR when none has most): what the report's amounts are shown in unless asked otherwise (the JSON keeps EUR). */
  readonly currency: CurrencyCode;
  /** Units of `currency` per EUR in the dated rate table (amounts are kept in EUR; a page converts with this). */
  readonly currencyPerEur: number;
  readonly summaries: readonly MemberSummary[];
  /** Good partnerships (both ways above the threshold, not direct competitors). */
  readonly partnerships: readonly PairScore[];
  readonly conflicts: readonly CompetitorPair[];
  readonly withoutGoodPartner: readonly string[];
  readonly missingTrades: readonly MissingTrade[];
}

/** The business area a member works in most (what the report and the web map colour by). */
export function mainArea(member: ScoredMember): string | null {
  return Object.entries(member.vector.areas).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]?.[0] ?? null;
}

export function buildNetworkReport(
  network: string,
  members: readonly ScoredMember[],
  context: ScoringContext,
  config: ScoringConfig,
): NetworkReport {
  const conflicts = findCompetitorPairs(members);
  // In double-loop order: among equally good partners the first one found is the best.
  const partnerships = findGoodPartnerships(members, context, config);
  const good = new Map<string, PairScore[]>(members.map((m) => [m.id, []]));
  for (const pair of partnerships) {
    good.get(pair.self)!.push(pair);
    good.get(pair.other)!.push(pair);
  }
  partnerships.sort((a, b) => b.score - a.score || a.self.localeCompare(b.self) || a.other.localeCompare(b.other));
  const summaries = members.map((m): MemberSummary => {
    const pairs = good.get(m.id)!;
    const best = pairs.reduce<PairScore | null>((x, p) => (!x || p.score > x.score ? p : x), null);
    const area = mainArea(m);
    return {
      id: m.id,
      name: m.name,
      mainService: m.vector.services[0]?.id ?? null,
      area,
      goodPartners: pairs.length,
      bestPartner: best ? { partner: best.self === m.id ? best.other : best.self, score: best.score } : null,
      conflicts: conflicts
        .filter((c) => c.a === m.id || c.b === m.id)
        .map((c) => ({ member: c.a === m.id ? c.b : c.a, level: c.competition.level as 'direct' | 'partial', score: c.competition.score })),
    };
  });
  const currency = commonCurrency(members.map((m) => m.vector.region?.country));
  return {
    network,
    members: members.length,
    configVersion: config.version,
    goodPartnerThreshold: config.goodPartner,
    language: commonLanguage(members.map((m) => m.vector.replyLanguage)),
    currency,
    currencyPerEur: EXCHANGE_RATES.perEur[currency],
    summaries,
    partnerships,
    conflicts,
    withoutGoodPartner: summaries.filter((s) => s.goodPartners === 0).map((s) => s.id),
    missingTrades: findMissingTrades(members, context, summaries),
  };
}

/** The trades no member offers that would add the most partner value, most first (at most 10). */
export function findMissingTrades(members: readonly ScoredMember[], { knowledge }: ScoringContext, summaries: readonly MemberSummary[]): MissingTrade[] {
  const offered = new Set(members.flatMap((m) => m.vector.services.map((s) => s.id)));
  const lonely = new Set(summaries.filter((s) => s.goodPartners < 2).map((s) => s.id));
  const services = knowledge.lexicon.concepts.filter((c): c is ServiceConcept => c.kind === 'service');
  const trades: MissingTrade[] = [];
  for (const candidate of services) {
    if (offered.has(candidate.id)) continue;
    let value = 0;
    const gains: [string, number][] = [];
    for (const member of members) {
      let strength = 0;
      for (const service of member.vector.services) {
        const concept = knowledge.lexicon.service(service.id);
        if (concept?.complements.includes(candidate.id) || candidate.complements.includes(service.id)) {
          strength = Math.max(strength, service.weight);
        }
      }
      if (strength > 0) {
        // A partner matters most to members who have few today.
        const gain = strength * (lonely.has(member.id) ? 1.5 : 1);
        value += gain;
        gains.push([member.id, gain]);
      }
    }
    if (value > 0) {
      gains.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      trades.push({ concept: candidate.id, value: Math.round(value * 100) / 100, beneficiaries: gains.map(([id]) => id) });
    }
  }
  return trades.sort((a, b) => b.value - a.value || a.concept.localeCompare(b.concept)).slice(0, 10);
}
