/**
 * An amount in EUR as the outputs write it: whole euros, digits grouped by threes as the
 * language groups them ("148,022 EUR" in English, "148 022 EUR" in Swedish with a narrow
 * no-break space, "148.022 EUR" in Danish and German), and a no-break space before the
 * unit, so that an amount never wraps across two lines.
 */
import type { ReasonLanguage } from '../reasons/reason-phrases.ts';

const GROUP_SEPARATOR: Readonly<Record<ReasonLanguage, string>> = { en: ',', sv: '\u202f', da: '.', de: '.' };

export function formatEur(value: number, language: ReasonLanguage = 'en'): string {
  return `${Math.round(value).toLocaleString('en').replaceAll(',', GROUP_SEPARATOR[language])}\u00a0EUR`;
}
