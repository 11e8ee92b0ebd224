/**
 * The dated rate table deal values are normalised with. Deal values only need to be
 * comparable across members (is one side's typical deal ten times the other's?), not
 * accounting-exact, so one fixed table is used and stamped into every member vector.
 *
 * Rates: units of the currency per 1 EUR, rounded approximations of the European
 * Central Bank's euro reference rates around the table's date. Update `date` and the
 * rates together; the vectoriser version includes the date, so members are rebuilt.
 */
export const EXCHANGE_RATES = {
  date: '2025-10-01',
  base: 'EUR',
  perEur: {
    EUR: 1,
    SEK: 11.0,
    DKK: 7.46,
    NOK: 11.7,
    ISK: 142,
    GBP: 0.87,
    USD: 1.17,
    CHF: 0.94,
    PLN: 4.27,
    CZK: 24.3,
  } as const satisfies Record<string, number>,
} as const;

export type CurrencyCode = keyof typeof EXCHANGE_RATES.perEur;

export function isKnownCurrency(code: string): code is CurrencyCode {
  return Object.hasOwn(EXCHANGE_RATES.perEur, code);
}

export function toEur(amount: number, currency: CurrencyCode): number {
  return amount / EXCHANGE_RATES.perEur[currency];
}
