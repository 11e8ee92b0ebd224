/**
 * Parsing deal values as members write them: "25000 SEK", "25 000 kr", "€1.500",
 * "1,500.50 EUR", "12.000 DKK", "CHF 3'500". Thousands separators follow the
 * writer's locale: a single "." or "," followed by exactly three digits is a
 * thousands separator ("1.500" is 1500 in German), otherwise a decimal mark.
 */
import type { TextLanguage } from '../text/language.ts';
import { isKnownCurrency, toEur, type CurrencyCode } from './exchange-rates.ts';

export interface DealValue {
  readonly kind: 'deal-value';
  readonly amount: number;
  readonly currency: CurrencyCode;
  /** True when the currency was not written and was taken from the member's language. */
  readonly currencyInferred: boolean;
  readonly eur: number;
}

export type DealValueResult = { ok: true; value: DealValue } | { ok: false; reason: string };

const SYMBOLS: Record<string, CurrencyCode> = { '€': 'EUR', '£': 'GBP', $: 'USD', EURO: 'EUR', EUROS: 'EUR', FR: 'CHF' };
const CURRENCY_OF_LANGUAGE: Partial<Record<TextLanguage, CurrencyCode>> = { sv: 'SEK', da: 'DKK', no: 'NOK', de: 'EUR' };
const MAX_AMOUNT = 1e12;

export function parseDealValue(input: string, language: TextLanguage | null): DealValueResult {
  const text = input.trim();
  if (/^[^\d]*-\s*\d/.test(text)) return { ok: false, reason: `"${input}": a deal value must be positive` };
  const match = /^([^\d\s.,'-]*)\s*([\d][\d\s.,'’]*)\s*([^\d\s.,'-]*)\.?$/u.exec(text);
  if (!match) return { ok: false, reason: `"${input}" is not an amount (expected e.g. "25000 SEK" or "€1.500")` };
  const [, before = '', digits = '', after = ''] = match;
  if (before && after) return { ok: false, reason: `"${input}" names a currency twice` };
  const amount = parseAmount(digits);
  if (amount === null) return { ok: false, reason: `"${input}": cannot read "${digits.trim()}" as a number` };
  if (amount > MAX_AMOUNT) return { ok: false, reason: `"${input}" is larger than any plausible deal` };
  if (amount === 0) return { ok: false, reason: `"${input}": a deal value must be greater than 0 (leave the field empty when unknown)` };

  const written = (before || after).toUpperCase();
  let currency: CurrencyCode | undefined;
  let inferred = false;
  if (!written) {
    currency = (language && CURRENCY_OF_LANGUAGE[language]) || 'EUR';
    inferred = true;
  } else if (written === 'KR' || written === 'KR.' || written === ':-') {
    currency = language ? CURRENCY_OF_LANGUAGE[language] : undefined;
    if (!currency || currency === 'EUR') {
      return { ok: false, reason: `"${input}": "kr" is ambiguous here; write SEK, DKK or NOK` };
    }
  } else if (isKnownCurrency(written)) {
    currency = written;
  } else {
    currency = SYMBOLS[written];
  }
  if (!currency) return { ok: false, reason: `"${input}": unknown currency "${before || after}"` };
  return { ok: true, value: { kind: 'deal-value', amount, currency, currencyInferred: inferred, eur: round2(toEur(amount, currency)) } };
}

function parseAmount(raw: string): number | null {
  const compact = raw.replace(/[\s'’]/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalised = compact.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = compact.split(mark);
    const isThousands = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3);
    normalised = isThousands ? parts.join('') : parts.join('.');
  } else {
    normalised = compact;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
