/**
 * Reading the free-text `stage` field ("när företaget växer och ska anställa",
 * "nach der Gründung", "when they buy a home") onto the customer stages. Word stems
 * in four languages, folded; a stem matches the start of a word, a stem ending in `$`
 * the whole word (Danish "skal" is "shall", not "skalere"), and two stems with a space
 * two words in a row ("starts up", but not "starts thinking").
 */
import type { CustomerStage } from '../lexicon/lexicon-schema.ts';
import { foldWord, tokenize } from '../text/text-normalizer.ts';

const STAGE_STEMS: Record<CustomerStage, readonly string[]> = {
  start: ['start$', 'starta', 'startar$', 'starter$', 'start up', 'starts up', 'starting up', 'startup', 'nystart', 'uppstart', 'opstart', 'grund', 'grunder', 'etabl', 'founding', 'found', 'launch', 'neugrund', 'existenzgrund', 'bolagsbild', 'bildas$', 'stiftes$', 'stiftelse', 'incorporat'],
  grow: ['vax', 'vaxer', 'vuxit', 'tillvaxt', 'vaekst', 'vokse', 'wachs', 'wachstum', 'grow', 'outgrow', 'expan', 'skalera', 'skalere', 'skalier', 'scale', 'scaling', 'expansion'],
  hire: ['anstall', 'rekryt', 'ansaet', 'rekrut', 'einstell', 'eingestellt', 'hire', 'hiring', 'recruit', 'bemann', 'personalbedarf', 'on staff'],
  develop: ['utveckl', 'udvikl', 'entwickl', 'develop', 'training', 'utbild', 'uddan', 'weiterbild', 'kompetens', 'kompetenz', 'ledarskap', 'ledelse', 'fuhrung'],
  operate: ['drift', 'lopande', 'lobende', 'betrieb', 'laufend', 'daily', 'dagligt', 'daglig', 'alltag', 'ongoing', 'running', 'bokslut', 'regnskab', 'jahresabschluss', 'maintenance', 'underhall', 'vedligehold', 'wartung'],
  move: ['flytt', 'flyt', 'inflytt', 'umzug', 'umzieh', 'einzug', 'move', 'moving', 'relocat', 'kop$', 'kopa', 'kope', 'kopt', 'kob$', 'kobe', 'kober', 'kobt', 'kauf', 'gekauft', 'buy', 'purchase', 'renover', 'renovier', 'nybygg', 'nybyg', 'neubau', 'hausbau', 'ombygg', 'tillbygg', 'bygga om', 'byggas om', 'bygga till', 'byggas till', 'bygglov', 'byggetilladelse', 'baugenehmigung'],
  transfer: ['generationsskifte', 'generationsskift', 'agarskift', 'ejerskift', 'nachfolge', 'succession', 'exit', 'overlat', 'overdrag', 'ubergabe', 'pensionering', 'pensioner', 'ruhestand', 'retire'],
};

/**
 * Words that begin like a stage word but name something else: a developer, a head
 * ("Kopf"), the growing-into-a-role of a new manager.
 */
const NOT_STAGE = ['entwickler', 'utvecklare', 'udvikler', 'developer', 'kopf', 'hineinwachs', 'vaxa in', 'vokse ind', 'grow into', 'founder'];

/** Selling: a business (a sale or succession), or a home when the text speaks of one or of moving. */
const SALE_STEMS = ['forsalj', 'salg', 'verkauf', 'verkauft', 'sale', 'sell up', 'sells up', 'selling up'];
const HOME_STEMS = ['bostad', 'hem$', 'hemmet', 'villa', 'lagenhet', 'hushall', 'visning', 'bolig', 'hjem', 'lejlighed', 'husstand', 'haus', 'wohnung', 'immobili', 'eigentumswohnung', 'home', 'house', 'flat$', 'household', 'property'];

/** A stem matches the start of a word, or with a final `$` the whole word; two stems with a space, two words in a row. */
const matches = (stem: string, words: readonly string[], i: number): boolean => {
  const space = stem.indexOf(' ');
  if (space >= 0) return i + 1 < words.length && matches(stem.slice(0, space), words, i) && matches(stem.slice(space + 1), words, i + 1);
  return stem.endsWith('$') ? words[i] === stem.slice(0, -1) : words[i]!.startsWith(stem);
};

/** Stages named in the text, each with weight 1; empty when none is recognised. */
export function stagesInText(text: string | null): CustomerStage[] {
  if (!text) return [];
  const folded = tokenize(text).map(foldWord);
  // Words (and two-word phrases) that only look like stage words are dropped first.
  const dropped = new Set<number>();
  folded.forEach((_, i) => {
    for (const not of NOT_STAGE) {
      if (!matches(not, folded, i)) continue;
      dropped.add(i);
      if (not.includes(' ')) dropped.add(i + 1);
    }
  });
  const words = folded.filter((_, i) => !dropped.has(i));
  const has = (stems: readonly string[]) => words.some((_, i) => stems.some((stem) => matches(stem, words, i)));
  const found = new Set<CustomerStage>();
  for (const [stage, stems] of Object.entries(STAGE_STEMS) as [CustomerStage, readonly string[]][]) if (has(stems)) found.add(stage);
  if (has(SALE_STEMS)) found.add(has(HOME_STEMS) || found.has('move') ? 'move' : 'transfer');
  return (Object.keys(STAGE_STEMS) as CustomerStage[]).filter((stage) => found.has(stage));
}
