/**
 * From a parsed profile to a `MemberVector`: detect the language, recognise concepts
 * in services, customer industries, contact titles and interests, and normalise the
 * rest (sizes, stage, deal value, region). Pure and deterministic.
 */
import { businessAreaOfNace } from '../codes/nace-code.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import type { ConceptHit, TextMatch } from '../lexicon/concept-lexicon.ts';
import type { BusinessArea, BusinessFunction, CustomerStage, Seniority } from '../lexicon/lexicon-schema.ts';
import type { MemberProfile } from '../profile/member-profile.ts';
import { detectLanguage } from '../text/language-detector.ts';
import { isTextLanguage, type TextLanguage } from '../text/language.ts';
import { isStopWord } from '../text/stop-words.ts';
import { foldWord, tokenize } from '../text/text-normalizer.ts';
import type { MemberVector, WeightedConcept, Weights } from './member-vector.ts';
import { stagesInText } from './stage-keywords.ts';

import { vectorVersion } from './vector-version.ts';

export { VECTORIZER_VERSION, vectorVersion } from './vector-version.ts';

export function vectorizeMember(profile: MemberProfile, knowledge: EngineKnowledge): MemberVector {
  const { lexicon } = knowledge;
  const ownTrade = profile.industry ? [profile.industry] : [];
  const serviceMatch = lexicon.matchItems(profile.services, 'service');
  const tradeMatch = lexicon.matchItems(ownTrade, 'service');
  const industryMatch = lexicon.matchItems(profile.targetIndustries, 'industry');
  const roleMatch = lexicon.matchItems(profile.contactRoles, 'role');
  const interestMatch = lexicon.matchItems(profile.interests, 'interest');

  const language = resolveLanguage(profile, [serviceMatch, tradeMatch, industryMatch, roleMatch, interestMatch]);

  const services = mergeHits([
    ...rankedHits(serviceMatch.hits, profile.services, 1),
    ...rankedHits(tradeMatch.hits, ownTrade, 0.8),
  ]);
  const roles = mergeHits(rankedHits(roleMatch.hits, profile.contactRoles, 1));

  const areas: Weights<BusinessArea> = {};
  for (const concept of services) {
    const area = lexicon.service(concept.id)?.area;
    if (area) areas[area] = (areas[area] ?? 0) + concept.weight;
  }
  const naceArea = profile.nace ? businessAreaOfNace(profile.nace) : null;
  if (naceArea) areas[naceArea] = (areas[naceArea] ?? 0) + 0.5;

  const seniority: Weights<Seniority> = {};
  const functions: Weights<BusinessFunction> = {};
  for (const concept of roles) {
    const role = lexicon.role(concept.id);
    if (!role) continue;
    seniority[role.seniority] = (seniority[role.seniority] ?? 0) + concept.weight;
    functions[role.function] = (functions[role.function] ?? 0) + concept.weight;
  }
  if (profile.targetCompanySizes.includes('consumer') && roles.length === 0) {
    seniority.household = 1;
    functions.household = 1;
  }

  const stages: Weights<CustomerStage> = {};
  const writtenStages = stagesInText(profile.stage);
  for (const stage of writtenStages) stages[stage] = (stages[stage] ?? 0) + 1;
  if (writtenStages.length === 0) {
    for (const concept of services) {
      const stage = lexicon.service(concept.id)?.stage;
      if (stage) stages[stage] = (stages[stage] ?? 0) + concept.weight;
    }
  }

  const recognisedInterests = new Set(interestMatch.hits.map((h) => h.term));
  return {
    kind: 'member-vector',
    version: vectorVersion(knowledge),
    language: language.code,
    languageSource: language.source,
    languageConfidence: round(language.confidence),
    replyLanguage: language.code && isTextLanguage(language.code) ? language.code : 'en',
    services,
    areas: normalise(areas),
    nace: profile.nace,
    targetIndustries: mergeHits(rankedHits(industryMatch.hits, profile.targetIndustries, 1)),
    sizes: profile.targetCompanySizes,
    roles,
    seniority: normalise(seniority),
    functions: normalise(functions),
    stages: normalise(stages),
    dealValueEur: profile.avgDealValue?.eur ?? null,
    capacity: profile.capacity,
    interests: mergeHits(rankedHits(interestMatch.hits, profile.interests, 1)),
    otherInterests: profile.interests.filter((i) => !recognisedInterests.has(i)).map((i) => foldWord(i.toLowerCase())),
    region: knowledge.regions.resolve(profile.region),
    serviceTerms: [...new Set(profile.services.flatMap(tokenize).filter((t) => !isStopWord(t) && t.length > 2).map(foldWord))],
    serviceWords: lexicon.serviceWords(profile.services),
    unrecognised: {
      services: serviceMatch.unmatched,
      targetIndustries: industryMatch.unmatched,
      contactRoles: roleMatch.unmatched,
    },
  };
}

interface ResolvedLanguage {
  readonly code: string | null;
  readonly source: MemberVector['languageSource'];
  readonly confidence: number;
}

function resolveLanguage(profile: MemberProfile, matches: readonly TextMatch[]): ResolvedLanguage {
  if (profile.language) return { code: profile.language, source: 'roster', confidence: 1 };
  const votes: Partial<Record<TextLanguage, number>> = {};
  for (const match of matches) {
    for (const [language, count] of Object.entries(match.votes) as [TextLanguage, number][]) {
      votes[language] = (votes[language] ?? 0) + count;
    }
  }
  const text = [
    profile.industry, profile.stage, ...profile.services, ...profile.targetIndustries,
    ...profile.contactRoles, ...profile.interests,
  ].filter(Boolean).join('. ');
  // When the lexicon's evidence is overwhelming, the (costly) n-gram detector is not needed.
  const ranked = (Object.entries(votes) as [TextLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 4 && first[1] >= 3 * (second?.[1] ?? 0)) {
    return { code: first[0], source: 'detected', confidence: Math.min(1, (first[1] - (second?.[1] ?? 0)) / first[1]) };
  }
  const guess = detectLanguage(text, votes);
  return guess ? { code: guess.language, source: 'detected', confidence: guess.confidence } : { code: null, source: 'unknown', confidence: 0 };
}

/** Weights hits by the position of their item: members list their main service first. */
function rankedHits(hits: readonly ConceptHit[], items: readonly string[], scale: number): WeightedConcept[] {
  return hits.map((hit) => {
    const position = Math.max(0, items.indexOf(hit.term));
    return { id: hit.conceptId, weight: round(scale * hit.quality / (1 + 0.15 * position)), via: hit.via, term: hit.term };
  });
}

/** One entry per concept, the strongest; sorted by weight, then id, for determinism. */
function mergeHits(concepts: readonly WeightedConcept[]): WeightedConcept[] {
  const best = new Map<string, WeightedConcept>();
  for (const concept of concepts) {
    const previous = best.get(concept.id);
    if (!previous || concept.weight > previous.weight) best.set(concept.id, concept);
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
}

function normalise<K extends string>(weights: Weights<K>): Weights<K> {
  const total = Object.values<number | undefined>(weights).reduce<number>((sum, w) => sum + (w ?? 0), 0);
  if (total <= 0) return {};
  const out: Weights<K> = {};
  for (const key of Object.keys(weights).sort() as K[]) out[key] = round((weights[key] ?? 0) / total);
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
