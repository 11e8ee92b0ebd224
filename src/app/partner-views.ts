/**
 * The output shapes of the contract (PRODUCT.md): suggestions, competitor pairs.
 * Fields may be added, never renamed or removed.
 */
import type { CriterionScores } from '../core/scoring/pair-scorer.ts';
import type { CompetitorPair } from '../core/competition/competitor-pairs.ts';
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { RankedPartner, Purpose } from '../core/ranking/partner-ranker.ts';
import { reasonLanguage, writeCompetitorWords, writeReasons } from '../core/reasons/reason-writer.ts';
import type { ReasonLanguage } from '../core/reasons/reason-phrases.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import type { CurrencyCode } from '../core/money/exchange-rates.ts';
import { currencyOfCountry } from '../core/money/format-money.ts';

export interface SuggestionView {
  readonly partner: string;
  readonly partnerName: string;
  readonly network: string | null;
  readonly score: number;
  readonly criteria: CriterionScores;
  readonly confidence: Readonly<Record<keyof CriterionScores, number>>;
  readonly competitor: 'none' | 'partial' | 'direct';
  /** What the partnership is worth to the member and to the partner (one-sided scores). */
  readonly forMember: number;
  readonly forPartner: number;
  /** Mutual profit each way (null = unknown): `criteria.mutualProfit` is 0 when either side gains nothing. */
  readonly mutualProfitBothWays: { readonly forMember: number | null; readonly forPartner: number | null };
  readonly lopsided: boolean;
  readonly reasons: readonly string[];
}

export interface SuggestionsView {
  readonly member: string;
  readonly purpose: Purpose;
  readonly modelVersion: string;
  /** The language the reasons are written in: the one asked for, else the member's. */
  readonly language: ReasonLanguage;
  /** The currency of the reasons' amounts: the one asked for, else the one of the member's country. */
  readonly currency: CurrencyCode;
  readonly suggestions: readonly SuggestionView[];
}

export function suggestionsView(
  self: ScoredMember,
  ranked: readonly RankedPartner[],
  partners: ReadonlyMap<string, ScoredMember>,
  purpose: Purpose,
  modelVersion: string,
  knowledge: EngineKnowledge,
  language: ReasonLanguage = reasonLanguage(self.vector.replyLanguage),
  currency: CurrencyCode = currencyOfCountry(self.vector.region?.country),
): SuggestionsView {
  return {
    member: self.id,
    language,
    currency,
    purpose,
    modelVersion,
    suggestions: ranked.map(({ pair, score, facts }) => {
      const partner = partners.get(pair.other);
      return {
        partner: pair.other,
        partnerName: partner?.name ?? pair.other,
        network: partner?.network ?? null,
        score,
        criteria: pair.criteria,
        confidence: pair.confidence,
        competitor: pair.competition.level,
        forMember: pair.forSelf,
        forPartner: pair.forOther,
        mutualProfitBothWays: { forMember: pair.mutualProfitBothWays.forSelf, forPartner: pair.mutualProfitBothWays.forOther },
        lopsided: pair.lopsided,
        reasons: writeReasons(facts, language, knowledge, 6, { currency }),
      };
    }),
  };
}

export interface CompetitorPairView {
  readonly a: string;
  readonly b: string;
  readonly level: 'direct' | 'partial';
  readonly score: number;
  readonly sharedServices: readonly string[];
  /** The language the reasons are written in. */
  readonly language: ReasonLanguage;
  readonly reasons: readonly string[];
}

export function competitorPairView(
  pair: CompetitorPair,
  members: ReadonlyMap<string, ScoredMember>,
  knowledge: EngineKnowledge,
  language: ReasonLanguage,
): CompetitorPairView {
  const a = members.get(pair.a);
  const b = members.get(pair.b);
  // For whoever looks at the pair (an organiser): "both offer …", not "you both offer …".
  const reasons = writeReasons(pair.competition.facts, language, knowledge, 6, { about: 'pair' });
  if (a && b) {
    // One concept per service item, but an item can name two shared concepts: each item once.
    const terms = (m: ScoredMember) => [...new Set(m.vector.services.filter((s) => pair.competition.sharedServices.includes(s.id)).map((s) => s.term))];
    const ta = terms(a);
    const tb = terms(b);
    if (ta.length > 0 && tb.length > 0) reasons.push(writeCompetitorWords({ name: a.name, terms: ta }, { name: b.name, terms: tb }, language));
  }
  return {
    a: pair.a,
    b: pair.b,
    level: pair.competition.level as 'direct' | 'partial',
    score: pair.competition.score,
    sharedServices: pair.competition.sharedServices,
    language,
    reasons,
  };
}
