/**
 * Language detection for profiles whose `language` field is empty. Profile text is
 * short and list-like, where n-gram detectors alone are unreliable (eld calls
 * "rekrytering; bemanning" Norwegian), so eld's scores are combined with the
 * lexicon's evidence: which language's labels the text matched.
 */
import { eld } from 'eld/medium';
import { TEXT_LANGUAGES, type TextLanguage } from './language.ts';

eld.setLanguageSubset([...TEXT_LANGUAGES]);

export interface LanguageGuess {
  readonly language: TextLanguage;
  /** Margin between the best and the second-best language, in [0, 1]. */
  readonly confidence: number;
}

/**
 * Guesses the language of `text`. `lexiconVotes` counts, per language, how many
 * lexicon labels of that language the text contained; each vote weighs like 0.15
 * of eld's score, enough to settle the close calls between Scandinavian languages.
 */
export function detectLanguage(
  text: string,
  lexiconVotes: Partial<Record<TextLanguage, number>> = {},
): LanguageGuess | null {
  const scores: Record<string, number> = text.trim().length >= 3 ? eld.detect(text).getScores() : {};
  const combined = TEXT_LANGUAGES.map((language) => ({
    language,
    score: (scores[language] ?? 0) + 0.15 * (lexiconVotes[language] ?? 0),
  })).sort((a, b) => b.score - a.score);
  const [best, second] = combined;
  if (!best || best.score <= 0) return null;
  return { language: best.language, confidence: Math.min(1, best.score - (second?.score ?? 0)) };
}
