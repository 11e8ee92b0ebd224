/**
 * Normalising and tokenising profile text. Two views of a word are kept apart:
 * the lower-cased word (for stemming in its own language) and the folded word
 * (diacritics and Nordic/German letters mapped to ASCII), which lets cognates
 * across languages meet: "bokföring" and "bogføring" fold to "bokforing" and
 * "bogforing", which share most character trigrams.
 */

const FOLDS: Record<string, string> = {
  å: 'a', ä: 'a', æ: 'ae', ö: 'o', ø: 'o', ü: 'u', ß: 'ss', é: 'e', è: 'e', ê: 'e', á: 'a', à: 'a', ó: 'o',
  ô: 'o', í: 'i', ú: 'u', ñ: 'n', ç: 'c',
};

/** Lower-case, Unicode NFC; keeps letters of every script. */
export function lowerText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Folds a lower-cased word to plain ASCII letters (å→a, ø→o, ß→ss …). */
export function foldWord(word: string): string {
  let out = '';
  for (const ch of word) out += FOLDS[ch] ?? ch;
  return out;
}

const TOKEN_PATTERN = /[\p{L}\p{N}]+/gu;
const LONE_LETTER_HYPHEN = /(?<![\p{L}\p{N}])(\p{L})-(?=\p{L})/gu;

/** Splits text into lower-cased word tokens (letters and digits), dropping one-letter tokens. */
export function tokenize(text: string): string[] {
  // A lone letter before a hyphen belongs to the next word: "e-handel" is "ehandel", "E-Commerce" "ecommerce".
  const tokens = lowerText(text).replace(LONE_LETTER_HYPHEN, '$1').match(TOKEN_PATTERN) ?? [];
  return tokens.filter((t) => t.length > 1 || /\d/.test(t));
}

/** Splits a `;`-separated list field into trimmed, non-empty items. */
export function splitList(value: string): string[] {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
