/** Checks of option values shared by several commands: a usage error naming the flag and the value. */
import { PartnerfitError } from '../core/errors.ts';
import { REASON_LANGUAGES, type ReasonLanguage } from '../core/reasons/reason-phrases.ts';

export function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new PartnerfitError('usage', `${flag} must be a whole number of at least 1, not "${value}"`);
  return n;
}

/**
 * `--lang`: one of the languages reasons are written in, in any case and with or without
 * a region ("SV", "sv-SE"); undefined when the flag was not given.
 */
export function parseReasonLanguage(value: string | undefined, flag = '--lang'): ReasonLanguage | undefined {
  if (value === undefined) return undefined;
  const language = value.trim().toLowerCase().split(/[-_]/)[0]!;
  if (!(REASON_LANGUAGES as readonly string[]).includes(language)) {
    throw new PartnerfitError('usage', `${flag} must be one of ${REASON_LANGUAGES.join(', ')}, not "${value}"`);
  }
  return language as ReasonLanguage;
}
