/** Checks of option values shared by several commands: a usage error naming the flag and the value. */
import { PartnerfitError } from '../core/errors.ts';
import { EXCHANGE_RATES, type CurrencyCode } from '../core/money/exchange-rates.ts';
import { currencyCode } from '../core/money/format-money.ts';
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

/** `--currency`: a currency of the rate table, in any case ("sek"); undefined when the flag was not given. */
export function parseCurrency(value: string | undefined, flag = '--currency'): CurrencyCode | undefined {
  if (value === undefined) return undefined;
  const code = currencyCode(value);
  if (!code) {
    const hint = /^kr\.?$/i.test(value.trim()) ? ' ("kr" is ambiguous: SEK, DKK or NOK)' : '';
    throw new PartnerfitError('usage', `${flag} must be one of ${Object.keys(EXCHANGE_RATES.perEur).join(', ')}, not "${value}"${hint}`);
  }
  return code;
}
