/**
 * The languages partnerfit understands. Profiles in other languages are stored and
 * matched through codes and character n-grams only.
 */
export const TEXT_LANGUAGES = ['sv', 'da', 'de', 'en', 'no'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** The four languages every lexicon concept carries labels in. */
export const CORE_LANGUAGES = ['sv', 'da', 'de', 'en'] as const;
export type CoreLanguage = (typeof CORE_LANGUAGES)[number];

export function isTextLanguage(value: string): value is TextLanguage {
  return (TEXT_LANGUAGES as readonly string[]).includes(value);
}
