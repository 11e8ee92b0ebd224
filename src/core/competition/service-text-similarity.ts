/**
 * How alike two members' services are, word by word, across languages. Both sides
 * come as weighted vocabulary words (`MemberVector.serviceWords`): words the general
 * vocabulary knows are equal across languages ("Backwaren" and "bageriprodukter"
 * are both `=bakery`); unknown words are paired with their closest word on the other
 * side by character trigrams ("läskedrycker" ~ "læskedrikke", "reparation" ~
 * "repair"). The pairings are averaged both ways, by weight (a soft, weighted Dice).
 * Activities gate the result: a furniture maker and a furniture shop, or a car
 * repairer and a car maker, do different work with the same things.
 */
import type { WeightedWord } from '../lexicon/business-vocabulary.ts';
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
/** Trigram sets by word id, made when a word is first compared (a word meets many others). */
const trigrams: (Set<string> | undefined)[] = [];
const similarityCache = new Map<number, number>();
const MAX_WORDS = 1 << 20;
/** Activities that go together: trade covers both wholesale and retail. */
const COMPATIBLE_ACTIVITIES: Record<string, readonly string[]> = { '~trade': ['~wholesale', '~retail'], '~wholesale': ['~trade'], '~retail': ['~trade'] };
/** How much alike things count when the two do different things with them. */
const OTHER_ACTIVITY = 0.25;

function intern(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    if (words.length >= MAX_WORDS) {
      wordIds.clear();
      words.length = 0;
      trigrams.length = 0;
      similarityCache.clear();
    }
    id = words.length;
    words.push(word);
    wordIds.set(word, id);
  }
  return id;
}

interface Content {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly activities: readonly string[];
}

const contentCache = new WeakMap<readonly WeightedWord[], Content>();

function content(list: readonly WeightedWord[]): Content {
  let found = contentCache.get(list);
  if (!found) {
    const kept = list.filter(({ word, weight }) => weight > 0 && !word.startsWith('~') && (word.startsWith('=') || (word.length >= 3 && !GENERIC.has(word))));
    found = {
      ids: Int32Array.from(kept.map((w) => intern(w.word))),
      weights: Float64Array.from(kept.map((w) => w.weight)),
      activities: list.filter((w) => w.word.startsWith('~')).map((w) => w.word),
    };
    contentCache.set(list, found);
  }
  return found;
}

function wordSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  const key = a < b ? a * MAX_WORDS + b : b * MAX_WORDS + a;
  let value = similarityCache.get(key);
  if (value === undefined) {
    value = computeWordSimilarity(a, b);
    if (similarityCache.size > 2_000_000) similarityCache.clear();
    similarityCache.set(key, value);
  }
  return value;
}

function computeWordSimilarity(a: number, b: number): number {
  // Two different words of the vocabulary are different things.
  if (words[a]!.startsWith('=') && words[b]!.startsWith('=')) return 0;
  const d = diceSimilarity(trigramsOf(a), trigramsOf(b));
  return d >= SIMILAR ? d : 0;
}

function trigramsOf(id: number): Set<string> {
  return (trigrams[id] ??= wordTrigrams(words[id]!.replace(/^=/, '')));
}

function activitiesMatch(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.includes(x) || (COMPATIBLE_ACTIVITIES[x] ?? []).some((y) => b.includes(y)));
}

export interface TextSimilarity {
  /** Weighted soft Dice in [0, 1]; 0 when either side has no content word. */
  readonly similarity: number;
  /** Words of the first side that the other side has too (vocabulary words without their marker). */
  readonly sharedWords: readonly string[];
}

export function serviceTextSimilarity(wordsA: readonly WeightedWord[], wordsB: readonly WeightedWord[]): TextSimilarity {
  const a = content(wordsA);
  const b = content(wordsB);
  if (a.ids.length === 0 || b.ids.length === 0) return { similarity: 0, sharedWords: [] };
  let sum = 0;
  let total = 0;
  const sharedWords: string[] = [];
  for (let i = 0; i < a.ids.length; i++) {
    let best = 0;
    for (const y of b.ids) best = Math.max(best, wordSimilarity(a.ids[i]!, y));
    sum += a.weights[i]! * best;
    total += a.weights[i]!;
    if (best >= 0.85 && a.weights[i]! >= 0.5) sharedWords.push(words[a.ids[i]!]!.replace(/^=/, ''));
  }
  for (let j = 0; j < b.ids.length; j++) {
    let best = 0;
    for (const x of a.ids) best = Math.max(best, wordSimilarity(x, b.ids[j]!));
    sum += b.weights[j]! * best;
    total += b.weights[j]!;
  }
  const similarity = (sum / total) * (activitiesMatch(a.activities, b.activities) ? 1 : OTHER_ACTIVITY);
  return { similarity, sharedWords };
}
