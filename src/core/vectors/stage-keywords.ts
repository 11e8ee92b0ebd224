/**
 * Reading the free-text `stage` field ("när företaget växer och ska anställa",
 * "nach der Gründung", "when they buy a home") onto the customer stages. Word stems
 * in four languages, folded; a stem matches the start of a word.
 */
import type { CustomerStage } from '../lexicon/lexicon-schema.ts';
import { foldWord, tokenize } from '../text/text-normalizer.ts';

const STAGE_STEMS: Record<CustomerStage, readonly string[]> = {
  start: ['start', 'nystart', 'grund', 'grunder', 'etabl', 'founding', 'found', 'launch', 'opstart', 'uppstart', 'neugrund', 'existenzgrund'],
  grow: ['vax', 'vaxer', 'tillvaxt', 'vaekst', 'wachs', 'wachstum', 'grow', 'expan', 'skal', 'scale', 'expansion'],
  hire: ['anstall', 'rekryt', 'ansaet', 'rekrut', 'einstell', 'hire', 'hiring', 'recruit', 'bemann', 'personalbedarf'],
  develop: ['utveckl', 'udvikl', 'entwickl', 'develop', 'training', 'utbild', 'uddan', 'weiterbild', 'kompetens', 'kompetenz', 'ledarskap', 'ledelse', 'fuhrung'],
  operate: ['drift', 'lopande', 'lobende', 'betrieb', 'laufend', 'daily', 'dagligt', 'daglig', 'alltag', 'ongoing', 'running', 'bokslut', 'regnskab', 'jahresabschluss', 'maintenance', 'underhall', 'vedligehold', 'wartung'],
  move: ['flytt', 'flyt', 'umzug', 'umzieh', 'move', 'moving', 'relocat', 'kop', 'kob', 'kauf', 'buy', 'purchase', 'renover', 'renovier', 'bygg', 'byg', 'bau', 'build'],
  transfer: ['generationsskifte', 'generationsskift', 'nachfolge', 'succession', 'exit', 'forsalj', 'salg', 'verkauf', 'sale', 'selling', 'overlat', 'overdrag', 'ubergabe', 'pension', 'ruhestand', 'retire'],
};

/** Stages named in the text, each with weight 1; empty when none is recognised. */
export function stagesInText(text: string | null): CustomerStage[] {
  if (!text) return [];
  const words = tokenize(text).map(foldWord);
  const found: CustomerStage[] = [];
  for (const [stage, stems] of Object.entries(STAGE_STEMS) as [CustomerStage, readonly string[]][]) {
    if (words.some((word) => stems.some((stem) => word.startsWith(stem)))) found.push(stage);
  }
  return found;
}
