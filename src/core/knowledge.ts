/**
 * Everything the engine knows that is not in a member's profile: the concept lexicon
 * (trades, customer industries, job titles, interests in four languages) and the
 * region gazetteer. Built once from data and passed to the core; the core never
 * reads files itself.
 */
import { ConceptLexicon, createConceptLexicon } from './lexicon/concept-lexicon.ts';
import { gazetteerSchema, RegionGazetteer } from './lexicon/region-gazetteer.ts';
import { lexiconSchema, type LexiconData } from './lexicon/lexicon-schema.ts';

export interface EngineKnowledge {
  readonly lexicon: ConceptLexicon;
  readonly regions: RegionGazetteer;
}

/** Builds the knowledge from parsed JSON documents: lexicon parts (merged) and the gazetteer. */
export function createKnowledge(lexiconParts: readonly unknown[], gazetteer: unknown): EngineKnowledge {
  const parts: LexiconData[] = lexiconParts.map((part, index) => {
    const parsed = lexiconSchema.safeParse(part);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`lexicon part ${index + 1}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  });
  const merged = {
    version: parts.map((p) => p.version).join('.'),
    concepts: parts.flatMap((p) => p.concepts),
  };
  const regions = gazetteerSchema.parse(gazetteer);
  return { lexicon: createConceptLexicon(merged), regions: new RegionGazetteer(regions) };
}
