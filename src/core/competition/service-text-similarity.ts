/**
 * How alike two members' service texts are, word by word, across languages: each
 * content word is paired with its closest word on the other side by character
 * trigrams ("läskedrycker" ~ "læskedrikke", "textilier" ~ "tekstiler",
 * "reparation" ~ "repair"), and the pairings are averaged both ways (a soft Dice).
 * Generic activity words ("tillverkning", "Herstellung", "handel", "services") are
 * left out: they say what kind of activity, not which trade.
 */
import { diceSimilarity, wordTrigrams } from '../text/char-ngrams.ts';

const GENERIC = new Set([
  'tillverkning', 'framstallning', 'fremstilling', 'herstellung', 'manufacture', 'manufacturing', 'production', 'produktion',
  'handel', 'partihandel', 'detaljhandel', 'einzelhandel', 'grosshandel', 'engroshandel', 'detailhandel', 'wholesale', 'retail',
  'sale', 'verksamhet', 'virksomhed', 'taetigkeit', 'tatigkeit', 'activities', 'activity', 'service', 'services', 'tjanster',
  'tjenester', 'ydelser', 'dienstleistungen', 'other', 'andra', 'annan', 'annat', 'ovrig', 'ovriga', 'ovrigt', 'andre', 'anden',
  'andet', 'sonstige', 'sonstiger', 'sonstigen', 'sonstiges', 'nec', 'ian', 'ang', 'mfl', 'mv', 'specialiserad', 'specialised',
  'specialized', 'specialiseret', 'non', 'ikke', 'ohne', 'without', 'products', 'produkter', 'produkte', 'varor', 'varer', 'waren',
]);

const SIMILAR = 0.45;
const gramCache = new Map<string, Set<string>>();

function grams(word: string): Set<string> {
  let g = gramCache.get(word);
  if (!g) {
    g = wordTrigrams(word);
    if (gramCache.size > 100_000) gramCache.clear();
    gramCache.set(word, g);
  }
  return g;
}

function contentWords(terms: readonly string[]): string[] {
  return terms.filter((t) => t.length >= 3 && !GENERIC.has(t) && !/^\d+$/.test(t));
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  // A shared stem of five letters is the same word inflected or compounded.
  if (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return 0.85;
  const d = diceSimilarity(grams(a), grams(b));
  return d >= SIMILAR ? d : 0;
}

/** Soft Dice over content words, in [0, 1]; 0 when either side has none. */
export function serviceTextSimilarity(termsA: readonly string[], termsB: readonly string[]): number {
  const a = contentWords(termsA);
  const b = contentWords(termsB);
  if (a.length === 0 || b.length === 0) return 0;
  const best = (word: string, others: readonly string[]) => Math.max(...others.map((o) => wordSimilarity(word, o)));
  const sum = a.reduce((s, w) => s + best(w, b), 0) + b.reduce((s, w) => s + best(w, a), 0);
  return sum / (a.length + b.length);
}
