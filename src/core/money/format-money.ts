/**
 * Amounts as the outputs write them. Values are kept in EUR (converted with the dated
 * rate table, so that members who write SEK, DKK or GBP compare) and shown in the
 * reader's currency: the one of the member's country, or the one most members of a
 * network live with ("60 000 SEK" for a Malmö chapter, "12.000 DKK" in Copenhagen).
 * Whole units, digits grouped by threes as the language groups them ("148,022" in
 * English, "148 022" in Swedish with a narrow no-break space, "148.022" in Danish and
 * German), and a no-break space before the code, so an amount never wraps.
 */
import type { ReasonLanguage } from '../reasons/reason-phrases.ts';
import { mostCommon } from '../most-common.ts';
import { EXCHANGE_RATES, isKnownCurrency, type CurrencyCode } from './exchange-rates.ts';

const GROUP_SEPARATOR: Readonly<Record<ReasonLanguage, string>> = { en: ',', sv: '\u202f', da: '.', de: '.' };

/** The currency of each country the region gazetteer knows outside the euro area (the rest: EUR). */
const CURRENCY_OF_COUNTRY: Readonly<Record<string, CurrencyCode>> = { SE: 'SEK', DK: 'DKK', NO: 'NOK', GB: 'GBP', IS: 'ISK', CH: 'CHF', PL: 'PLN', CZ: 'CZK' };

/** An amount given in EUR, in `currency` (default EUR). */
export function formatMoney(eur: number, language: ReasonLanguage = 'en', currency: CurrencyCode = 'EUR'): string {
  const amount = Math.round(eur * EXCHANGE_RATES.perEur[currency]);
  return `${amount.toLocaleString('en').replaceAll(',', GROUP_SEPARATOR[language])}\u00a0${currency}`;
}

/** The currency of a country (ISO 3166 code); EUR for the euro area and where the country is unknown. */
export function currencyOfCountry(country: string | null | undefined): CurrencyCode {
  return (country && CURRENCY_OF_COUNTRY[country.toUpperCase()]) || 'EUR';
}

/**
 * The currency a group's amounts are shown in (a network's report): the one most of
 * its members with a known country live with; EUR when none, or when two currencies
 * are as common as each other.
 */
export function commonCurrency(countries: Iterable<string | null | undefined>): CurrencyCode {
  return mostCommon([...countries].filter((c): c is string => Boolean(c)).map(currencyOfCountry)) ?? 'EUR';
}

/** A currency code as the user wrote it ("sek"), checked against the rate table; null when unknown. */
export function currencyCode(text: string): CurrencyCode | null {
  const code = text.trim().toUpperCase();
  return isKnownCurrency(code) ? code : null;
}
