/**
 * Stop words per language: the function words that carry no trade meaning in a
 * profile ("för", "og", "und", "for", "the"). Short lists on purpose: profile text is
 * terse, and every real word there matters.
 */
import type { TextLanguage } from './language.ts';

const LISTS: Record<TextLanguage, readonly string[]> = {
  sv: ['och', 'i', 'att', 'det', 'som', 'en', 'ett', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'de', 'om', 'vi', 'har', 'inte', 'från', 'eller', 'samt', 'alla', 'åt', 'hos', 'när', 'ska', 'sig', 'vår', 'våra', 'er', 'du', 'man', 'där', 'inom', 'mot', 'under', 'efter'],
  da: ['og', 'i', 'at', 'det', 'som', 'en', 'et', 'på', 'er', 'af', 'for', 'med', 'til', 'den', 'de', 'om', 'vi', 'har', 'ikke', 'fra', 'eller', 'samt', 'alle', 'hos', 'når', 'skal', 'sig', 'vores', 'jeres', 'du', 'man', 'hvor', 'inden', 'mod', 'under', 'efter'],
  de: ['und', 'in', 'im', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'für', 'mit', 'von', 'vom', 'zu', 'zum', 'zur', 'auf', 'an', 'am', 'bei', 'ist', 'sind', 'wir', 'sie', 'oder', 'sowie', 'aus', 'nach', 'über', 'unter', 'alle', 'ihr', 'ihre', 'unsere', 'wenn'],
  en: ['and', 'in', 'the', 'a', 'an', 'of', 'for', 'with', 'to', 'on', 'at', 'by', 'is', 'are', 'we', 'our', 'you', 'your', 'or', 'from', 'as', 'all', 'their', 'when', 'who', 'that', 'this', 'into', 'after', 'under'],
  no: ['og', 'i', 'at', 'det', 'som', 'en', 'et', 'på', 'er', 'av', 'for', 'med', 'til', 'den', 'de', 'om', 'vi', 'har', 'ikke', 'fra', 'eller', 'samt', 'alle', 'hos', 'når', 'skal', 'seg', 'vår', 'våre', 'du', 'man', 'hvor', 'innen', 'mot', 'under', 'etter'],
};

const SETS = Object.fromEntries(
  Object.entries(LISTS).map(([language, words]) => [language, new Set(words)]),
) as unknown as Record<TextLanguage, ReadonlySet<string>>;

/** Every language's stop words together: used when a field's language is uncertain. */
const ALL = new Set(Object.values(LISTS).flat());

export function isStopWord(token: string, language?: TextLanguage): boolean {
  return language ? SETS[language].has(token) : ALL.has(token);
}
