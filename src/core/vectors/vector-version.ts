/**
 * The version stamped on every member vector: the vectoriser's own version and the
 * versions of the knowledge and rates it read. A stored vector with another stamp is
 * rebuilt. Apart from the vectoriser, so that code which only checks the stamp (every
 * command scoring stored vectors) does not load what reading profiles needs.
 */
import type { EngineKnowledge } from '../knowledge.ts';
import { EXCHANGE_RATES } from '../money/exchange-rates.ts';

/** Bump when the vectoriser's output changes meaning; stored vectors are then rebuilt. */
export const VECTORIZER_VERSION = 'v5';

export function vectorVersion(knowledge: EngineKnowledge): string {
  return `${VECTORIZER_VERSION}+lex${knowledge.lexicon.version}+geo${knowledge.regions.version}+fx${EXCHANGE_RATES.date}`;
}
