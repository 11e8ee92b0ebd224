/**
 * Amounts are kept in EUR and shown in the reader's currency: the member's country's,
 * or the one most members of a network live with; digits grouped as the language groups
 * them, never wrapped.
 */
import { describe, expect, it } from 'vitest';
import { parseDealValue } from '../../src/core/money/deal-value.ts';
import { commonCurrency, currencyCode, currencyOfCountry, formatMoney } from '../../src/core/money/format-money.ts';

describe('showing amounts', () => {
  it('converts EUR back with the same dated table, so an amount written in kronor reads as written', () => {
    const written = parseDealValue('60 000 SEK', 'sv');
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(formatMoney(written.value.eur, 'sv', 'SEK')).toBe('60\u202f000\u00a0SEK');
    expect(formatMoney(written.value.eur, 'en', 'EUR')).toBe('5,455\u00a0EUR');
    expect(formatMoney(12000 / 7.46, 'da', 'DKK')).toBe('12.000\u00a0DKK');
    expect(formatMoney(1234.4, 'de')).toBe('1.234\u00a0EUR');
    expect(formatMoney(0, 'sv', 'SEK')).toBe('0\u00a0SEK');
  });

  it("takes the currency of a member's country, and a network's from most of its members", () => {
    expect(['SE', 'DK', 'NO', 'GB', 'DE', 'AT', null].map(currencyOfCountry)).toEqual(['SEK', 'DKK', 'NOK', 'GBP', 'EUR', 'EUR', 'EUR']);
    expect(commonCurrency(['SE', 'SE', 'DK', null])).toBe('SEK');
    // The Øresund club with as many Danes as Swedes: no currency is most members', so EUR.
    expect(commonCurrency(['SE', 'DK'])).toBe('EUR');
    expect(commonCurrency([null, undefined])).toBe('EUR');
  });

  it('reads a currency code in any case, and nothing else', () => {
    expect(currencyCode(' sek ')).toBe('SEK');
    expect(currencyCode('kr')).toBeNull();
    expect(currencyCode('XYZ')).toBeNull();
  });
});
