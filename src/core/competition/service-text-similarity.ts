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

/** Words are interned to small integers, so pair similarities are cached under a number. */
const wordIds = new Map<string, number>();
const words: string[] = [];
const similarityCache = new Map<number, number>();
const contentCache = new WeakMap<readonly string[], Int32Array>();
const MAX_WORDS = 1 << 20;

function intern(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    if (words.length >= MAX_WORDS) {
      wordIds.clear();
      words.length = 0;
      similarityCache.clear();
    }
    id = words.length;
    words.push(word);
    wordIds.set(word, id);
  }
  return id;
}

function contentWords(terms: readonly string[]): Int32Array {
  let ids = contentCache.get(terms);
  if (!ids) {
    ids = Int32Array.from(terms.filter((t) => t.length >= 3 && !GENERIC.has(t) && !/^\d+$/.test(t)).map(intern));
    contentCache.set(terms, ids);
  }
  return ids;
}

function wordSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  const key = a < b ? a * MAX_WORDS + b : b * MAX_WORDS + a;
  let value = similarityCache.get(key);
  if (value === undefined) {
    value = computeWordSimilarity(words[a]!, words[b]!);
    if (similarityCache.size > 2_000_000) similarityCache.clear();
    similarityCache.set(key, value);
  }
  return value;
}

function computeWordSimilarity(a: string, b: string): number {
  // A shared stem of five letters is the same word inflected or compounded.
  if (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return 0.85;
  const d = diceSimilarity(wordTrigrams(a), wordTrigrams(b));
  return d >= SIMILAR ? d : 0;
}

/** Soft Dice over content words, in [0, 1]; 0 when either side has none. */
export function serviceTextSimilarity(termsA: readonly string[], termsB: readonly string[]): number {
  const a = contentWords(termsA);
  const b = contentWords(termsB);
  if (a.length === 0 || b.length === 0) return 0;
  let sum = 0;
  for (const x of a) {
    let best = 0;
    for (const y of b) best = Math.max(best, wordSimilarity(x, y));
    sum += best;
  }
  for (const y of b) {
    let best = 0;
    for (const x of a) best = Math.max(best, wordSimilarity(x, y));
    sum += best;
  }
  return sum / (a.length + b.length);
}
