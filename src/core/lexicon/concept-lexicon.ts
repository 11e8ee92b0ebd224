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
import {
  lexiconSchema,
  type Concept,
  type IndustryConcept,
  type LexiconData,
  type RoleConcept,
  type ServiceConcept,
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
}

const MIN_PREFIX = 5;
const MIN_SUFFIX = 6;
const MIN_COGNATE_LENGTH = 6;
const COGNATE_THRESHOLD = 0.62;

export class ConceptLexicon {
  readonly version: string;
  readonly concepts: readonly Concept[];
  readonly #byId = new Map<string, Concept>();
  /** First folded key of a label → the labels starting with it. */
  readonly #byFirstKey = new Map<string, LabelEntry[]>();
  readonly #cognateIndex = new Map<string, Set<string>>();
  readonly #keyTrigrams = new Map<string, Set<string>>();
  readonly #tokenMemo = new Map<string, readonly TokenCandidate[]>();
  readonly #formsMemo = new Map<string, TokenForms>();
  /** Whole items recur across members ("Steuerberatung", "VD"): their matches are kept, up to a bound. */
  readonly #itemMemo = new Map<string, { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }[]>();

  constructor(data: LexiconData) {
    this.version = data.version;
    this.concepts = data.concepts;
    for (const concept of data.concepts) {
      this.#byId.set(concept.id, concept);
      const merged = new Map<string, { keys: string[]; languages: Set<TextLanguage> }>();
      for (const [language, labels] of Object.entries(concept.labels) as [TextLanguage, string[] | undefined][]) {
        for (const label of labels ?? []) {
          const keys = labelKeys(label, language);
          if (keys.length === 0) continue;
          const id = keys.join(' ');
          const slot = merged.get(id) ?? { keys, languages: new Set<TextLanguage>() };
          slot.languages.add(language);
          merged.set(id, slot);
        }
      }
      for (const { keys, languages } of merged.values()) {
        const entry: LabelEntry = { conceptId: concept.id, kind: concept.kind, languages, keys };
        const first = keys[0]!;
        const list = this.#byFirstKey.get(first) ?? [];
        list.push(entry);
        this.#byFirstKey.set(first, list);
        if (keys.length === 1 && first.length >= MIN_COGNATE_LENGTH - 1) this.#indexCognate(first);
      }
    }
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

  /** The concept's first label in `language` (English when it has none). */
  label(id: string, language: TextLanguage = 'en'): string {
    const concept = this.#byId.get(id);
    if (!concept) return id;
    return concept.labels[language]?.[0] ?? concept.labels.en[0] ?? id;
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
      if (this.#itemMemo.size >= 200_000) this.#itemMemo.clear();
      this.#itemMemo.set(key, found);
    }
    return found;
  }

  /**
   * Concepts in one list item. Where an item names several concepts, the one on its
   * head word counts fully and the others as modifiers (×0.6): "event catering" is
   * catering for events, "DJ till bröllop" a DJ for weddings. The head is the last
   * recognised word before the first stop word that follows a recognised word
   * (English and the Nordic and German compounds put the head last; a preposition
   * ends the head phrase).
   */
  #matchItem(item: string, kind: ConceptKind): { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }[] {
    const words = tokenize(item);
    const tokens: TokenForms[] = [];
    const segmentOf: number[] = [];
    let segment = 0;
    for (const word of words) {
      if (isStopWord(word)) {
        if (tokens.length > 0) segment++;
        continue;
      }
      tokens.push(this.#forms(word));
      segmentOf.push(segment);
    }
    const found: { entry: LabelEntry; quality: number; via: MatchVia; last: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.#candidates(tokens[i]!).filter((c) => c.entry.kind === kind);
      // Among single-word labels, only the longest key that matched this token counts:
      // "lohnbuchhaltung" is payroll, not also bookkeeping.
      const longest = Math.max(0, ...candidates.filter((c) => c.entry.keys.length === 1).map((c) => c.covered));
      for (const candidate of candidates) {
        const { entry } = candidate;
        if (entry.keys.length === 1) {
          if (candidate.covered === longest) found.push({ entry, quality: candidate.quality, via: candidate.via, last: i });
        } else if (followsFrom(tokens, i + 1, entry.keys.slice(1))) {
          found.push({ entry, quality: candidate.quality, via: candidate.via, last: i + entry.keys.length - 1 });
        }
      }
    }
    if (found.length === 0) return [];
    const headSegment = Math.min(...found.map((f) => segmentOf[f.last]!));
    const head = Math.max(...found.filter((f) => segmentOf[f.last] === headSegment).map((f) => f.last));
    const best = new Map<string, { hit: ConceptHit; languages: ReadonlySet<TextLanguage> }>();
    for (const f of found) {
      const quality = f.last === head ? f.quality : Math.round(f.quality * 0.6 * 1000) / 1000;
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
    const add = (key: string, quality: number, via: MatchVia, covered = key.length) => {
      for (const entry of this.#byFirstKey.get(key) ?? []) found.push({ entry, quality, via, covered });
    };
    add(token, 1, 'label');
    // Inflected words: "målare" stems to the label key "mål" in Swedish, "therapy" to "therapi".
    for (const stemmed of forms.stems) add(stemmed, 0.95, 'label', token.length);
    for (let k = token.length - 1; k >= MIN_PREFIX; k--) add(token.slice(0, k), 0.9, 'compound');
    for (let k = token.length - 1; k >= MIN_SUFFIX; k--) add(token.slice(token.length - k), 0.85, 'compound');
    if (found.length === 0 && token.length >= MIN_COGNATE_LENGTH) {
      const cognate = this.#bestCognate(token);
      if (cognate) add(cognate.key, 0.8 * cognate.similarity, 'cognate');
    }
    this.#tokenMemo.set(memoKey, found);
    return found;
  }

  #indexCognate(key: string): void {
    if (this.#keyTrigrams.has(key)) return;
    const grams = wordTrigrams(key);
    this.#keyTrigrams.set(key, grams);
    for (const gram of grams) {
      const keys = this.#cognateIndex.get(gram) ?? new Set<string>();
      keys.add(key);
      this.#cognateIndex.set(gram, keys);
    }
  }

  #bestCognate(token: string): { key: string; similarity: number } | null {
    const grams = wordTrigrams(token);
    const seen = new Set<string>();
    let best: { key: string; similarity: number } | null = null;
    for (const gram of grams) {
      for (const key of this.#cognateIndex.get(gram) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        // A generic word inside a compound label ("rådgivning" in "skatterådgivning") is no cognate.
        if (key.includes(token) || token.includes(key)) continue;
        const similarity = diceSimilarity(grams, this.#keyTrigrams.get(key)!);
        if (similarity >= COGNATE_THRESHOLD && (!best || similarity > best.similarity)) best = { key, similarity };
      }
    }
    return best;
  }
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
