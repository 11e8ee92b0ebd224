/**
 * The general business vocabulary at run time: turns a member's service items into
 * weighted words that are the same across languages. "Herstellung von Backwaren",
 * "tillverkning av bageriprodukter", "fremstilling af bagerivarer" and "manufacture
 * of bakery products" all become the activity `~manufacture` and the thing
 * `=bakery`.
 *
 * - Compounds are split at known words, the head last: "verktygsmaskiner" is
 *   machines (head) of tools (modifier), "Seilerwaren" rope goods.
 * - The head of a phrase weighs 1, its modifiers `MODIFIER_WEIGHT`; what follows a
 *   purpose preposition ("til kæledyr", "for estate agents") weighs less again.
 * - Generic words ("other", "Erzeugnisse", "varor") are dropped; words the
 *   vocabulary does not know stay as they are, folded, for cognate matching.
 */
import { foldWord, tokenize } from '../text/text-normalizer.ts';
import { isStopWord } from '../text/stop-words.ts';
import { stem } from '../text/stemmer.ts';
import { TEXT_LANGUAGES, type TextLanguage } from '../text/language.ts';
import type { WordConcept, WordRole } from './lexicon-schema.ts';

/** A word of a member's services: `=id` a vocabulary thing, `~id` an activity, else a folded unknown word. */
export interface WeightedWord {
  readonly word: string;
  readonly weight: number;
}

interface KnownWord {
  readonly id: string;
  readonly role: WordRole;
}

type Part = { readonly word: string; readonly role: WordRole | 'unknown' };

const MODIFIER_WEIGHT = 0.5;
const PURPOSE_WEIGHT = 0.5;
const MIN_PART = 3;
const PURPOSE_WORDS = new Set(['för', 'åt', 'till', 'for', 'til', 'für', 'to', 'zum', 'zur']);
const ENDINGS = ['erne', 'arna', 'orna', 'ene', 'er', 'ar', 'or', 'en', 'et', 'na', 'es', 'e', 's', 'n', 'r'];
/** Letters that join the parts of a Nordic or German compound ("bageri|produkter", "Rind|s|leder"). */
const LINKS = ['s', 'e', 'es', 'en', 'n', 'er'];

export class BusinessVocabulary {
  readonly #forms = new Map<string, KnownWord>();
  readonly #memo = new Map<string, readonly Part[]>();

  constructor(words: readonly WordConcept[]) {
    for (const concept of words) {
      const known: KnownWord = { id: concept.id.replace(/^word\./, ''), role: concept.role };
      for (const [language, labels] of Object.entries(concept.labels) as [TextLanguage, string[] | undefined][]) {
        for (const label of labels ?? []) {
          for (const token of tokenize(label)) {
            const folded = foldWord(token);
            if (!this.#forms.has(folded)) this.#forms.set(folded, known);
            const stemmed = foldWord(stem(token, language));
            if (stemmed.length >= 4 && !this.#forms.has(stemmed)) this.#forms.set(stemmed, known);
          }
        }
      }
    }
  }

  /** Whether a folded word (or it without a plural ending) names a thing or an activity. */
  isContentWord(word: string): boolean {
    const known = this.#lookup(word);
    return known !== null && known.role !== 'generic';
  }

  /** Whether a folded word is generic ("tjänster", "Dienstleistungen", "services"). */
  isGenericWord(word: string): boolean {
    return this.#lookup(word)?.role === 'generic';
  }

  /** The weighted words of a member's service items; the same word keeps its highest weight. */
  serviceWords(items: readonly string[]): WeightedWord[] {
    const weights = new Map<string, number>();
    const put = (word: string, weight: number) => weights.set(word, Math.max(weights.get(word) ?? 0, weight));
    for (const item of items) {
      let purpose = false;
      let phrase: (readonly Part[])[] = [];
      const phrases: { parts: (readonly Part[])[]; purpose: boolean }[] = [];
      for (const token of tokenize(item)) {
        if (isStopWord(token)) {
          if (phrase.length > 0) phrases.push({ parts: phrase, purpose });
          phrase = [];
          if (PURPOSE_WORDS.has(token)) purpose = true;
          continue;
        }
        phrase.push(this.#decompose(token));
      }
      if (phrase.length > 0) phrases.push({ parts: phrase, purpose });
      for (const { parts, purpose: forSomeone } of phrases) {
        const scale = forSomeone ? PURPOSE_WEIGHT : 1;
        // The head of the phrase is its last token that names something.
        const names = (p: Part) => p.role === 'thing' || p.role === 'unknown';
        let headToken = -1;
        parts.forEach((tokenParts, i) => {
          if (tokenParts.some(names)) headToken = i;
        });
        parts.forEach((tokenParts, i) => {
          const tokenWeight = scale * (i === headToken ? 1 : MODIFIER_WEIGHT);
          let headPart = -1;
          tokenParts.forEach((p, j) => {
            if (names(p)) headPart = j;
          });
          tokenParts.forEach((p, j) => {
            if (p.role === 'generic') return;
            if (p.role === 'activity') put(`~${p.word}`, 0);
            else put(p.role === 'thing' ? `=${p.word}` : p.word, round(tokenWeight * (j === headPart ? 1 : MODIFIER_WEIGHT)));
          });
        });
      }
    }
    return [...weights].map(([word, weight]) => ({ word, weight })).sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word));
  }

  #lookup(word: string): KnownWord | null {
    const direct = this.#forms.get(word);
    if (direct) return direct;
    for (const ending of ENDINGS) {
      if (word.length - ending.length >= MIN_PART && word.endsWith(ending)) {
        const found = this.#forms.get(word.slice(0, -ending.length));
        if (found) return found;
      }
    }
    return null;
  }

  /** A token split into known words where it can be ("gummivarutillverkning" → rubber, goods, manufacture). */
  #decompose(token: string): readonly Part[] {
    const memo = this.#memo.get(token);
    if (memo) return memo;
    const folded = foldWord(token);
    const parts = /\d/.test(folded) ? [] : this.#split(folded, token);
    if (this.#memo.size > 100_000) this.#memo.clear();
    this.#memo.set(token, parts);
    return parts;
  }

  #split(folded: string, raw: string): Part[] {
    const whole = this.#lookup(folded) ?? this.#lookupStems(raw);
    if (whole) return [{ word: whole.id, role: whole.role }];
    // The longest known tail whose front is known too; failing that, the longest known tail.
    let fallback: Part[] | null = null;
    for (let j = MIN_PART; j <= folded.length - MIN_PART; j++) {
      const tail = this.#lookup(folded.slice(j));
      if (!tail) continue;
      const tailPart: Part = { word: tail.id, role: tail.role };
      const front = this.#knownFront(folded.slice(0, j));
      if (front) return [...front, tailPart];
      if (!fallback && folded.length - j >= 4) {
        const rest = folded.slice(0, j);
        fallback = rest.length >= 4 ? [{ word: rest, role: 'unknown' }, tailPart] : [tailPart];
      }
    }
    if (fallback) return fallback;
    return folded.length >= MIN_PART ? [{ word: folded, role: 'unknown' }] : [];
  }

  /** The front of a compound as known words, allowing a linking letter before the tail. */
  #knownFront(front: string): Part[] | null {
    const candidates = [front, ...LINKS.filter((l) => front.endsWith(l) && front.length - l.length >= MIN_PART).map((l) => front.slice(0, -l.length))];
    for (const candidate of candidates) {
      const known = this.#lookup(candidate);
      if (known) return [{ word: known.id, role: known.role }];
    }
    for (const candidate of candidates) {
      for (let j = MIN_PART; j <= candidate.length - MIN_PART; j++) {
        const tail = this.#lookup(candidate.slice(j));
        if (!tail) continue;
        const rest = this.#knownFront(candidate.slice(0, j));
        if (rest) return [...rest, { word: tail.id, role: tail.role }];
      }
    }
    return null;
  }

  #lookupStems(raw: string): KnownWord | null {
    for (const language of TEXT_LANGUAGES) {
      const found = this.#forms.get(foldWord(stem(raw, language)));
      if (found) return found;
    }
    return null;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
