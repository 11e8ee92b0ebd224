/**
 * Per-language stemming: `natural`'s Snowball-style stemmers for Swedish, German,
 * English and Norwegian, `@orama/stemmers` for Danish. The stemmer modules are
 * imported one by one because `natural`'s index pulls in storage adapters that
 * print to stdout on load.
 */
import { createRequire } from 'node:module';
import { stemmer as danishStemmer } from '@orama/stemmers/danish';
import type { TextLanguage } from './language.ts';

interface NaturalStemmer {
  stem(token: string): string;
}

const require = createRequire(import.meta.url);
const load = (name: string): NaturalStemmer => require(`natural/lib/natural/stemmers/${name}`) as NaturalStemmer;

const swedish = load('porter_stemmer_sv');
const german = load('porter_stemmer_de');
const english = load('porter_stemmer');
const norwegian = load('porter_stemmer_no');

const STEMMERS: Record<TextLanguage, (token: string) => string> = {
  sv: (t) => swedish.stem(t),
  de: (t) => german.stem(t),
  en: (t) => english.stem(t),
  no: (t) => norwegian.stem(t),
  da: (t) => danishStemmer(t),
};

/** Stems one lower-cased token in the given language; digits and short tokens stay as they are. */
export function stem(token: string, language: TextLanguage): string {
  if (token.length < 4 || /\d/.test(token)) return token;
  const stemmed = STEMMERS[language](token);
  return stemmed.length >= 3 ? stemmed : token;
}
