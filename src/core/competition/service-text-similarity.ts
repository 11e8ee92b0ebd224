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
import { diceSimilarity, fnv1a, wordTrigrams } from '../text/char-ngrams.ts';

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
/**
 * Per word id: its trigrams hashed into 64 bits (two halves) and their count, made
 * when the word is interned. Two words whose bits do not meet share no trigram, and a
 * count too unequal caps the Dice below `SIMILAR`: both are 0 without a set compared.
 */
const gramBitsLow: number[] = [];
const gramBitsHigh: number[] = [];
const gramCounts: number[] = [];
const inVocabulary: boolean[] = [];
const similarityCache = new Map<number, number>();
/** Word ids are below this (pair keys are `a * MAX_WORDS + b`). */
const MAX_WORDS = 1 << 20;
/** Beyond this many words, or cached pairs, the tables start over: memory stays bounded on any batch. */
const WORD_LIMIT = 200_000;
const PAIR_LIMIT = 500_000;
/** Bumped when the word table starts over: word lists turned into ids before then are turned again. */
let generation = 0;
/** Activities that go together: trade covers both wholesale and retail. */
const COMPATIBLE_ACTIVITIES: Record<string, readonly string[]> = { '~trade': ['~wholesale', '~retail'], '~wholesale': ['~trade'], '~retail': ['~trade'] };
/** How much alike things count when the two do different things with them. */
const OTHER_ACTIVITY = 0.25;

function intern(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    if (words.length >= WORD_LIMIT) {
      generation++;
      wordIds.clear();
      words.length = 0;
      trigrams.length = 0;
      gramBitsLow.length = 0;
      gramBitsHigh.length = 0;
      gramCounts.length = 0;
      inVocabulary.length = 0;
      similarityCache.clear();
    }
    id = words.length;
    words.push(word);
    wordIds.set(word, id);
    const grams = trigramsOf(id);
    let low = 0;
    let high = 0;
    for (const gram of grams) {
      const bit = fnv1a(gram) & 63;
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
    gramBitsLow.push(low);
    gramBitsHigh.push(high);
    gramCounts.push(grams.size);
    inVocabulary.push(word.startsWith('='));
  }
  return id;
}

/**
 * What a word list compares with: its content words' ids and weights, and its
 * activities. Kept per list (a WeakMap), and small: plain arrays, and one shared empty
 * list of activities, rather than two typed arrays and two arrays each. A suggestion
 * among a million members meets lists it has not seen, and what it keeps of them
 * survives young-generation collections, which copy it.
 */
interface Content {
  readonly generation: number;
  readonly ids: readonly number[];
  readonly weights: readonly number[];
  readonly activities: readonly string[];
}

const NO_ACTIVITIES: readonly string[] = Object.freeze([]);
const contentCache = new WeakMap<readonly WeightedWord[], Content>();

function content(list: readonly WeightedWord[]): Content {
  let found = contentCache.get(list);
  if (!found || found.generation !== generation) {
    const kept = list.filter(({ word, weight }) => weight > 0 && !word.startsWith('~') && (word.startsWith('=') || (word.length >= 3 && !GENERIC.has(word))));
    const before = generation;
    let ids = kept.map((w) => intern(w.word));
    // Interning started the table over midway: once more, all in the new table.
    if (generation !== before) ids = kept.map((w) => intern(w.word));
    const activities = list.some((w) => w.word.startsWith('~')) ? list.filter((w) => w.word.startsWith('~')).map((w) => w.word) : NO_ACTIVITIES;
    found = { generation, ids, weights: kept.map((w) => w.weight), activities };
    contentCache.set(list, found);
  }
  return found;
}

function wordSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  // Two different words of the vocabulary are different things.
  if (inVocabulary[a]! && inVocabulary[b]!) return 0;
  // No trigram in common, or too unequal in length for a Dice of SIMILAR: 0, as the sets would say.
  if ((gramBitsLow[a]! & gramBitsLow[b]!) === 0 && (gramBitsHigh[a]! & gramBitsHigh[b]!) === 0) return 0;
  const na = gramCounts[a]!;
  const nb = gramCounts[b]!;
  if ((2 * Math.min(na, nb)) / (na + nb) < SIMILAR) return 0;
  const key = a < b ? a * MAX_WORDS + b : b * MAX_WORDS + a;
  let value = similarityCache.get(key);
  if (value === undefined) {
    const d = diceSimilarity(trigramsOf(a), trigramsOf(b));
    value = d >= SIMILAR ? d : 0;
    if (similarityCache.size >= PAIR_LIMIT) similarityCache.clear();
    similarityCache.set(key, value);
  }
  return value;
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
  let a = content(wordsA);
  const b = content(wordsB);
  // b's words started the table over: a's ids are of the old one.
  if (a.generation !== generation) a = content(wordsA);
  if (a.ids.length === 0 || b.ids.length === 0) return { similarity: 0, sharedWords: [] };
  // Each word's best match on the other side, both ways, from one pass over the word pairs.
  const rowBest = scratch(0, a.ids.length);
  const columnBest = scratch(1, b.ids.length);
  for (let i = 0; i < a.ids.length; i++) {
    const x = a.ids[i]!;
    let best = 0;
    for (let j = 0; j < b.ids.length; j++) {
      const s = wordSimilarity(x, b.ids[j]!);
      if (s > best) best = s;
      if (s > columnBest[j]!) columnBest[j] = s;
    }
    rowBest[i] = best;
  }
  let sum = 0;
  let total = 0;
  const sharedWords: string[] = [];
  for (let i = 0; i < a.ids.length; i++) {
    sum += a.weights[i]! * rowBest[i]!;
    total += a.weights[i]!;
    if (rowBest[i]! >= 0.85 && a.weights[i]! >= 0.5) sharedWords.push(words[a.ids[i]!]!.replace(/^=/, ''));
  }
  for (let j = 0; j < b.ids.length; j++) {
    sum += b.weights[j]! * columnBest[j]!;
    total += b.weights[j]!;
  }
  const similarity = (sum / total) * (activitiesMatch(a.activities, b.activities) ? 1 : OTHER_ACTIVITY);
  return { similarity, sharedWords };
}

/** Two zeroed scratch rows of at least `length` (a pair's word lists are short; no allocation per pair). */
const scratchRows: Float64Array[] = [new Float64Array(16), new Float64Array(16)];
function scratch(which: 0 | 1, length: number): Float64Array {
  if (scratchRows[which]!.length < length) scratchRows[which] = new Float64Array(length * 2);
  const row = scratchRows[which]!;
  row.fill(0, 0, length);
  return row;
}
