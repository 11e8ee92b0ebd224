/**
 * Character n-grams of folded words: the safety net for cognates and spelling
 * variants the lexicon does not list ("rekrytering" / "rekruttering" /
 * "Rekrutierung" / "recruitment" share "rek", "ter", "eri", "rin", "ing").
 */
import { foldWord } from './text-normalizer.ts';

/** The set of character trigrams of one word, with `^`/`$` marking its edges. */
export function wordTrigrams(word: string): Set<string> {
  const padded = `^${foldWord(word)}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of two trigram sets: 2|A∩B| / (|A|+|B|), in [0, 1]. */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const gram of small) if (large.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** FNV-1a hash of a string, for hashing n-grams into a fixed-width vector. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
