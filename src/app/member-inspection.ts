/**
 * `inspect`: a stored member as the engine understood it, in a shape for people
 * (the CLI's text) and for programs (`--json`).
 */
import type { EngineKnowledge } from '../core/knowledge.ts';
import type { MemberProfile } from '../core/profile/member-profile.ts';
import type { MemberVector, WeightedConcept } from '../core/vectors/member-vector.ts';
import { formatNaceCode } from '../core/codes/nace-code.ts';

export interface InspectedConcept {
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  readonly via: WeightedConcept['via'];
  readonly term: string;
}

export interface MemberInspection {
  readonly id: string;
  readonly name: string;
  readonly company: string | null;
  readonly network: string | null;
  readonly language: { readonly code: string | null; readonly source: string; readonly confidence: number };
  readonly region: { readonly text: string | null; readonly key: string | null; readonly area: string | null };
  readonly nace: string | null;
  readonly areas: Record<string, number>;
  readonly services: readonly InspectedConcept[];
  readonly targetIndustries: readonly InspectedConcept[];
  readonly sizes: readonly string[];
  readonly contacts: {
    readonly roles: readonly InspectedConcept[];
    readonly seniority: Record<string, number>;
    readonly functions: Record<string, number>;
  };
  readonly stages: Record<string, number>;
  readonly dealValue: { readonly amount: number; readonly currency: string; readonly eur: number; readonly currencyInferred: boolean } | null;
  readonly capacity: string | null;
  readonly interests: readonly InspectedConcept[];
  readonly unrecognised: MemberVector['unrecognised'];
  readonly vectors: { readonly version: string; readonly current: boolean };
  readonly updatedAt: string;
}

export function describeMember(
  profile: MemberProfile,
  vector: MemberVector,
  knowledge: EngineKnowledge,
  currentVersion: string,
  updatedAt: Date,
): MemberInspection {
  const language = vector.replyLanguage;
  const concepts = (list: readonly WeightedConcept[]): InspectedConcept[] =>
    list.map((c) => ({ id: c.id, label: knowledge.lexicon.label(c.id, language), weight: c.weight, via: c.via, term: c.term }));
  return {
    id: profile.id,
    name: profile.name,
    company: profile.company,
    network: profile.network,
    language: { code: vector.language, source: vector.languageSource, confidence: vector.languageConfidence },
    region: { text: profile.region, key: vector.region?.key ?? null, area: vector.region?.area ?? null },
    nace: profile.nace ? formatNaceCode(profile.nace) : null,
    areas: { ...vector.areas },
    services: concepts(vector.services),
    targetIndustries: concepts(vector.targetIndustries),
    sizes: [...vector.sizes],
    contacts: { roles: concepts(vector.roles), seniority: { ...vector.seniority }, functions: { ...vector.functions } },
    stages: { ...vector.stages },
    dealValue: profile.avgDealValue
      ? {
          amount: profile.avgDealValue.amount,
          currency: profile.avgDealValue.currency,
          eur: profile.avgDealValue.eur,
          currencyInferred: profile.avgDealValue.currencyInferred,
        }
      : null,
    capacity: vector.capacity,
    interests: concepts(vector.interests),
    unrecognised: vector.unrecognised,
    vectors: { version: vector.version, current: vector.version === currentVersion },
    updatedAt: updatedAt.toISOString(),
  };
}
