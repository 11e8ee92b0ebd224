/**
 * The concept lexicon at run time: an index over every label of every concept, in
 * every language, and the matcher that maps a piece of profile text onto concepts.
 *
 * Matching works on folded stems, so inflections, compounds and cognates meet:
 * - a label stem equal to a token, or the head of a compound token
 *   ("redovisning" in "redovisningsbyrå"), or its tail ("buchhaltung" in
 *   "Finanzbuchhaltung");
 * - failing that, a cognate by character trigrams ("rekruttering" ~ "rekrytering").
 * Matching a token is memoised: profile vocabularies are small even when networks
 * are large.
 */
import { stem } from '../text/stemmer.ts';
import { foldWord, tokenize } from '../text/text-normalizer.ts';
import { isStopWord } from '../text/stop-words.ts';
import { diceSimilarity, wordTrigrams } from '../text/char-ngrams.ts';
import { TEXT_LANGUAGES, type TextLanguage } from '../text/language.ts';
import { BusinessVocabulary, type WeightedWord } from './business-vocabulary.ts';
import {
  lexiconSchema,
  type Concept,
  type IndustryConcept,
  type LexiconData,
  type RoleConcept,
  type ServiceConcept,
  type WordConcept,
} from './lexicon-schema.ts';

export type ConceptKind = Concept['kind'];
export type MatchVia = 'label' | 'compound' | 'cognate';

export interface ConceptHit {
  readonly conceptId: string;
  /** How sure the match is, in (0, 1]. */
  readonly quality: number;
  readonly via: MatchVia;
  /** The text the concept was found in. */
  readonly term: string;
}

export interface TextMatch {
  readonly hits: readonly ConceptHit[];
  /** Items (list entries) in which no concept was recognised. */
  readonly unmatched: readonly string[];
  /** Per language, how many matched labels were written in it. */
  readonly votes: Partial<Record<TextLanguage, number>>;
}

interface LabelEntry {
  readonly conceptId: string;
  readonly kind: ConceptKind;
  readonly languages: ReadonlySet<TextLanguage>;
  /** Folded stems of the label's words. */
  readonly keys: readonly string[];
}

interface TokenCandidate {
  readonly entry: LabelEntry;
  readonly quality: number;
  readonly via: MatchVia;
  /** Characters of the token the key covered: longer wins. */
  readonly covered: number;
  /** The key is the front of a compound whose tail is another word ("Umzugs|reinigung"). */
  readonly modifier: boolean;
}

/** Memo tables start over beyond this many entries: memory stays bounded however many profiles are read. */
const MEMO_LIMIT = 200_000;
const MIN_PREFIX = 5;
const MIN_SUFFIX = 6;
/**
 * Shortest front of a compound whose tail is a label: shorter fronts are prefixes
 * that make another word ("An|forderung" is a requirement, not a claim; "be", "er",
 * "um", "av", "ut", "re", "un").
 */
const MIN_FRONT = 3;
/** Shortest known word that makes the rest of a compound its tail. */
const MIN_TAIL = 4;
const MIN_COGNATE_LENGTH = 6;
const COGNATE_THRESHOLD = 0.62;
/** Weight of a concept that modifies the head of its phrase or compound. */
const MODIFIER = 0.6;
/** Weight factor of a concept named after a purpose preposition: the customer or occasion. */
const PURPOSE = 0.35;
/** Prepositions after which a service item names its customer, occasion or place. */
const PURPOSE_WORDS = new Set([
  'för', 'åt', 'till', 'om', 'på', 'hos', 'mot', 'for', 'til', 'mod', 'für', 'zu', 'zum', 'zur', 'über', 'bei', 'gegen', 'to', 'about', 'at', 'on', 'against',
]);
/**
 * Compound tails that name the kind of firm, not a trade: "rekryterings|byrå",
 * "Umzugs|firma". A concept at the front of such a compound is its head.
 */
const GENERIC_TAILS = new Set([
  'byra', 'firma', 'foretag', 'foretaget', 'bolag', 'tjanst', 'tjanster', 'service', 'konsult', 'konsulter', 'radgivning', 'hjalp', 'stod',
  'bureau', 'virksomhed', 'ydelser', 'ydelse', 'konsulent', 'hjaelp', 'selskab', 'beratung', 'berater', 'beraterin', 'buro', 'unternehmen',
  'betrieb', 'agentur', 'dienst', 'dienste', 'dienstleistung', 'dienstleistungen', 'leistungen', 'agency', 'company', 'services', 'partner',
  'support', 'losungen', 'losning', 'losninger', 'arbeit', 'arbeiten', 'arbete', 'arbeten', 'arbejde',
]);

export class ConceptLexicon {
  readonly version: string;
  readonly concepts: readonly Concept[];
  readonly #byId = new Map<string, Concept>();
  /** The label index and the vocabulary, built when text is first matched: scoring alone never needs them. */
  #text: TextIndex | null = null;
  readonly #tokenMemo = new Map<string, readonly TokenCandidate[]>();
  readonly #formsMemo = new Map<string, TokenForms>();
  /** Whole items recur across members ("Steuerberatung", "VD"): their matches are kept, up to a bound. */
  readonly #itemMemo = new Map<string, { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }[]>();

  constructor(data: LexiconData) {
    this.version = data.version;
    this.concepts = data.concepts;
    for (const concept of data.concepts) if (concept.kind !== 'word') this.#byId.set(concept.id, concept);
  }

  /** The general vocabulary of products, materials and activities. */
  get vocabulary(): BusinessVocabulary {
    return this.#textIndex().vocabulary;
  }

  #textIndex(): TextIndex {
    return (this.#text ??= new TextIndex(this.concepts));
  }

  get(id: string): Concept | undefined {
    return this.#byId.get(id);
  }

  service(id: string): ServiceConcept | undefined {
    const concept = this.#byId.get(id);
    return concept?.kind === 'service' ? concept : undefined;
  }

  industry(id: string): IndustryConcept | undefined {
    const concept = this.#byId.get(id);
    return concept?.kind === 'industry' ? concept : undefined;
  }

  role(id: string): RoleConcept | undefined {
    const concept = this.#byId.get(id);
    return concept?.kind === 'role' ? concept : undefined;
  }

  /** What the concept is called in `language`: its name there, else its first label (English when it has none). */
  label(id: string, language: TextLanguage = 'en'): string {
    const concept = this.#byId.get(id);
    if (!concept) return id;
    return (language !== 'no' ? concept.names?.[language] : undefined) ?? concept.labels[language]?.[0] ?? concept.labels.en[0] ?? id;
  }

  /** The weighted vocabulary words of service items, for comparing services word by word across languages. */
  serviceWords(items: readonly string[]): WeightedWord[] {
    return this.vocabulary.serviceWords(items);
  }

  /** Recognises concepts of one kind in a list of items (the entries of a list field). */
  matchItems(items: readonly string[], kind: ConceptKind): TextMatch {
    const hits: ConceptHit[] = [];
    const unmatched: string[] = [];
    const votes: Partial<Record<TextLanguage, number>> = {};
    for (const item of items) {
      const found = this.#memoisedItem(item, kind);
      if (found.length === 0) unmatched.push(item);
      for (const { hit, languages } of found) {
        hits.push(hit);
        if (hit.via !== 'cognate' && languages.size < 3) {
          for (const language of languages) votes[language] = (votes[language] ?? 0) + 1;
        }
      }
    }
    return { hits, unmatched, votes };
  }

  #memoisedItem(item: string, kind: ConceptKind): { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }[] {
    const key = `${kind}\u0000${item}`;
    let found = this.#itemMemo.get(key);
    if (!found) {
      found = this.#matchItem(item, kind);
      if (this.#itemMemo.size >= MEMO_LIMIT) this.#itemMemo.clear();
      this.#itemMemo.set(key, found);
    }
    return found;
  }

  /**
   * Concepts in one list item, weighted by the part they play in it:
   * - the head of a phrase counts fully; other concepts in the phrase are modifiers
   *   (×0.6): "event catering" is catering for events. English and the Nordic and
   *   German compounds put the head last, so the head is the last recognised word of
   *   each coordinated phrase ("foto och video": both), and inside a compound the
   *   tail: "Umzugsreinigung" is cleaning, "Architekturfotografie" photography;
   * - what follows a purpose preposition ("för", "til", "für", "for", "on" …) names
   *   the customer or the occasion, not the service: a service there does not count
   *   ("bostadsfoto för mäklare" is photography for estate agents, not estate agency),
   *   an industry or contact role counts ×0.35.
   */
  #matchItem(item: string, kind: ConceptKind): { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }[] {
    const tokens: TokenForms[] = [];
    /** Phrase number of each token: a new phrase starts after any stop word. */
    const phraseOf: number[] = [];
    /** Whether the token follows a purpose preposition. */
    const purposeOf: boolean[] = [];
    let phrase = 0;
    let purpose = false;
    for (const chunk of item.split(/\s+/)) {
      const words = tokenize(chunk);
      for (const word of words) {
        if (isStopWord(word)) {
          if (tokens.length > 0) {
            phrase++;
            // A preposition inside a hyphenated word ("buy-to-let mortgages") names no customer.
            if (PURPOSE_WORDS.has(word) && words.length === 1) purpose = true;
          }
          continue;
        }
        tokens.push(this.#forms(word));
        phraseOf.push(phrase);
        purposeOf.push(purpose);
      }
    }
    const found: { entry: LabelEntry; quality: number; via: MatchVia; first: number; last: number; modifier: boolean }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.#candidates(tokens[i]!).filter((c) => c.entry.kind === kind);
      // Among single-word labels on one token, the longest key that is not a mere
      // modifier of the compound counts: "lohnbuchhaltung" is payroll, not also
      // bookkeeping. The front of a compound whose tail is a trade names what that
      // trade works on, not a second trade ("Umzugsreinigung" is cleaning, not also
      // removals; "Architekturfotografie" photography): it counts, weakly, only when
      // the tail is no trade the lexicon knows.
      const single = candidates.filter((c) => c.entry.keys.length === 1);
      const longest = Math.max(0, ...single.filter((c) => !c.modifier).map((c) => c.covered));
      const heads = new Set(single.filter((c) => !c.modifier && c.covered === longest).map((c) => c.entry.conceptId));
      for (const candidate of candidates) {
        const { entry } = candidate;
        if (entry.keys.length === 1) {
          if (heads.has(entry.conceptId) ? candidate.covered === longest : candidate.modifier && heads.size === 0) {
            found.push({ entry, quality: candidate.quality, via: candidate.via, first: i, last: i, modifier: !heads.has(entry.conceptId) });
          }
        } else if (followsFrom(tokens, i + 1, entry.keys.slice(1))) {
          found.push({ entry, quality: candidate.quality, via: candidate.via, first: i, last: i + entry.keys.length - 1, modifier: false });
        }
      }
    }
    if (found.length === 0) return [];
    // A label of several words beats the single words it spans: "current accounts" is banking,
    // "förvaltning av webbplatser" web work, not property management.
    const claimed = new Set<number>();
    for (const f of found) if (f.entry.keys.length > 1) for (let t = f.first; t <= f.last; t++) claimed.add(t);
    const kept = found.filter((f) => f.entry.keys.length > 1 || !claimed.has(f.last));
    const headOfPhrase = new Map<number, number>();
    for (const f of kept) if (!f.modifier) headOfPhrase.set(phraseOf[f.last]!, Math.max(headOfPhrase.get(phraseOf[f.last]!) ?? -1, f.last));
    const best = new Map<string, { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }>();
    for (const f of kept) {
      let factor = !f.modifier && headOfPhrase.get(phraseOf[f.last]!) === f.last ? 1 : MODIFIER;
      if (purposeOf[f.last]) {
        // A trade named after "för", "für", "for" … is the customer ("bostadsfoto för mäklare"), never a second service.
        if (kind === 'service') continue;
        factor *= PURPOSE;
      }
      const quality = Math.round(f.quality * factor * 1000) / 1000;
      const previous = best.get(f.entry.conceptId);
      if (previous && previous.hit.quality >= quality) continue;
      best.set(f.entry.conceptId, { hit: { conceptId: f.entry.conceptId, quality, via: f.via, term: item }, languages: f.entry.languages });
    }
    return [...best.values()];
  }

  /** A token's folded form and its folded stems in every language (memoised). */
  #forms(raw: string): TokenForms {
    let forms = this.#formsMemo.get(raw);
    if (!forms) {
      const folded = foldWord(raw);
      const stems = new Set(TEXT_LANGUAGES.map((language) => foldWord(stem(raw, language))));
      stems.delete(folded);
      forms = { folded, stems };
      if (this.#formsMemo.size >= MEMO_LIMIT) this.#formsMemo.clear();
      this.#formsMemo.set(raw, forms);
    }
    return forms;
  }

  /** Label keys a token matches: exact, by stem, compound head, compound tail, or cognate. */
  #candidates(forms: TokenForms): readonly TokenCandidate[] {
    const token = forms.folded;
    const memoKey = forms.stems.size > 0 ? `${token}|${[...forms.stems].join('|')}` : token;
    const memo = this.#tokenMemo.get(memoKey);
    if (memo) return memo;
    const found: TokenCandidate[] = [];
    const text = this.#textIndex();
    const add = (key: string, quality: number, via: MatchVia, covered = key.length, modifier = false, index = text.byFirstKey) => {
      for (const entry of index.get(key) ?? []) found.push({ entry, quality, via, covered, modifier });
    };
    add(token, 1, 'label');
    // Inflected words: "målare" stems to the label key "mål" in Swedish, "therapy" to "therapi".
    for (const stemmed of forms.stems) add(stemmed, 0.95, 'label', token.length);
    for (let k = token.length - 1; k >= MIN_PREFIX; k--) add(token.slice(0, k), 0.9, 'compound', k, this.#hasContentTail(token, k), text.bySliceKey);
    for (let k = token.length - MIN_FRONT; k >= MIN_SUFFIX; k--) add(token.slice(token.length - k), 0.85, 'compound', k, false, text.bySliceKey);
    if (found.length === 0 && token.length >= MIN_COGNATE_LENGTH) {
      const cognate = this.#bestCognate(token);
      if (cognate) add(cognate.key, 0.8 * cognate.similarity, 'cognate');
    }
    if (this.#tokenMemo.size >= MEMO_LIMIT) this.#tokenMemo.clear();
    this.#tokenMemo.set(memoKey, found);
    return found;
  }

  /**
   * Whether the token, from about `from` on, ends in a known word that is not a
   * generic firm word: then what comes before is that word's modifier.
   */
  #hasContentTail(token: string, from: number): boolean {
    const { contentWords, vocabulary } = this.#textIndex();
    for (let j = Math.max(1, from - 2); j <= token.length - MIN_TAIL; j++) {
      let tail = token.slice(j);
      if (j === from && (tail.startsWith('s') || tail.startsWith('e')) && tail.length > MIN_TAIL) tail = tail.slice(1);
      for (const form of inflectionless(tail)) {
        if (form.length < MIN_TAIL || GENERIC_TAILS.has(form) || GENERIC_TAILS.has(tail) || vocabulary.isGenericWord(form)) continue;
        if (contentWords.has(form) || vocabulary.isContentWord(form)) return true;
      }
    }
    return false;
  }

  #bestCognate(token: string): { key: string; similarity: number } | null {
    const { cognateIndex, keyTrigrams } = this.#textIndex();
    const grams = wordTrigrams(token);
    const seen = new Set<string>();
    let best: { key: string; similarity: number } | null = null;
    for (const gram of grams) {
      for (const key of cognateIndex.get(gram) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        // A generic word inside a compound label ("rådgivning" in "skatterådgivning") is no cognate.
        if (key.includes(token) || token.includes(key)) continue;
        // Cognates share their first letter and their ending: "rekruttering" ~
        // "rekrytering", but not "villaförsäljning" ~ "bilförsäljning" (another
        // front of a compound) or "Marken" ~ "marketing".
        if (key[0] !== token[0] || key.slice(-2) !== token.slice(-2)) continue;
        const similarity = diceSimilarity(grams, keyTrigrams.get(key)!);
        if (similarity >= COGNATE_THRESHOLD && (!best || similarity > best.similarity)) best = { key, similarity };
      }
    }
    return best;
  }
}

/** Every label of every concept, folded and stemmed, for matching text; and the business vocabulary. */
class TextIndex {
  readonly vocabulary: BusinessVocabulary;
  /** First folded key of a label → the labels starting with it. */
  readonly byFirstKey = new Map<string, LabelEntry[]>();
  /**
   * The same, under the label's first word unstemmed (and its stem where stemming cut
   * little), for compound fronts and tails: an over-cut stem ("festm" of "festmat")
   * must not match the front of "festmöbler".
   */
  readonly bySliceKey = new Map<string, LabelEntry[]>();
  readonly cognateIndex = new Map<string, Set<string>>();
  readonly keyTrigrams = new Map<string, Set<string>>();
  /** Folded single words that name something (any concept's one-word keys): known compound tails. */
  readonly contentWords = new Set<string>();

  constructor(concepts: readonly Concept[]) {
    this.vocabulary = new BusinessVocabulary(concepts.filter((c): c is WordConcept => c.kind === 'word'));
    for (const concept of concepts) {
      if (concept.kind === 'word') continue;
      const merged = new Map<string, { keys: string[]; words: Set<string>; languages: Set<TextLanguage> }>();
      for (const [language, labels] of Object.entries(concept.labels) as [TextLanguage, string[] | undefined][]) {
        for (const label of labels ?? []) {
          const keys = labelKeys(label, language);
          if (keys.length === 0) continue;
          const id = keys.join(' ');
          const slot = merged.get(id) ?? { keys, words: new Set<string>(), languages: new Set<TextLanguage>() };
          slot.languages.add(language);
          const word = labelWords(label, language)[0];
          if (word) slot.words.add(word);
          merged.set(id, slot);
        }
      }
      for (const { keys, words, languages } of merged.values()) {
        const entry: LabelEntry = { conceptId: concept.id, kind: concept.kind, languages, keys };
        const first = keys[0]!;
        const list = this.byFirstKey.get(first) ?? [];
        list.push(entry);
        this.byFirstKey.set(first, list);
        const sliceKeys = new Set([...words].filter((w) => w !== first));
        for (const word of words) if (first.length >= word.length - 1 && word.startsWith(first)) sliceKeys.add(first);
        for (const key of sliceKeys) {
          const slices = this.bySliceKey.get(key) ?? [];
          slices.push(entry);
          this.bySliceKey.set(key, slices);
          if (keys.length === 1 && key.length >= MIN_TAIL) this.contentWords.add(key);
        }
        if (keys.length === 1 && first.length >= MIN_COGNATE_LENGTH - 1) this.#indexCognate(first);
      }
    }
  }

  #indexCognate(key: string): void {
    if (this.keyTrigrams.has(key)) return;
    const grams = wordTrigrams(key);
    this.keyTrigrams.set(key, grams);
    for (const gram of grams) {
      const keys = this.cognateIndex.get(gram) ?? new Set<string>();
      keys.add(key);
      this.cognateIndex.set(gram, keys);
    }
  }
}

/** A word and its forms without a common plural or definite ending ("möbler" → "möbl"). */
function inflectionless(word: string): string[] {
  const forms = [word];
  for (const ending of ['erne', 'arna', 'orna', 'er', 'ar', 'or', 'en', 'et', 'na', 'e', 's', 'n']) {
    if (word.length - ending.length >= MIN_TAIL && word.endsWith(ending)) forms.push(word.slice(0, -ending.length));
  }
  return forms;
}

/** Folded (unstemmed) words of a label, stop words dropped. */
function labelWords(label: string, language: TextLanguage): string[] {
  return tokenize(label)
    .filter((t) => !isStopWord(t, language))
    .map(foldWord);
}

/** Folded stems of a label's words, stop words dropped. */
function labelKeys(label: string, language: TextLanguage): string[] {
  return tokenize(label)
    .filter((t) => !isStopWord(t, language))
    .map((t) => foldWord(stem(t, language)));
}

interface TokenForms {
  readonly folded: string;
  /** Folded stems in the languages where stemming changed the word. */
  readonly stems: ReadonlySet<string>;
}

/** Whether `tokens` from `start` on begin with words that start with (or stem to) `keys`, in order. */
function followsFrom(tokens: readonly TokenForms[], start: number, keys: readonly string[]): boolean {
  return keys.every((key, j) => {
    const token = tokens[start + j];
    if (token === undefined) return false;
    return token.folded === key || token.stems.has(key) || (key.length >= 3 && token.folded.startsWith(key));
  });
}

/** Validates lexicon data and builds the matcher; throws a readable error on a broken file. */
export function createConceptLexicon(data: unknown): ConceptLexicon {
  const parsed = lexiconSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`invalid lexicon: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'unknown problem'}`);
  }
  return new ConceptLexicon(parsed.data);
}
