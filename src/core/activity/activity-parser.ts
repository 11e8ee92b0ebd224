/**
 * Turns one raw activity record (strings from CSV, or JSON values) into a validated
 * `Activity`, or into the issues that reject it. Pure: whether the member ids exist
 * is the ingest's question (it asks the database).
 */
import { parseDealValue } from '../money/deal-value.ts';
import type { TextLanguage } from '../text/language.ts';
import {
  ACTIVITY_KINDS,
  REFERRAL_STATUSES,
  type Activity,
  type ActivityField,
  type ActivityKind,
  type ReferralStatus,
} from './activity.ts';

export interface ActivityIssue {
  readonly code: 'missing' | 'invalid' | 'wrong-type' | 'too-long';
  readonly field: ActivityField;
  readonly message: string;
}

export type ActivityParseResult =
  | { readonly success: true; readonly activity: Activity }
  | { readonly success: false; readonly issues: readonly ActivityIssue[] };

export interface ActivityParseOptions {
  /** The language whose currency a value without one is in (the receiving member's); EUR when null. */
  readonly currencyLanguage?: TextLanguage | null;
  /** Dates after this day (`YYYY-MM-DD`) are rejected as in the future. */
  readonly latestDate?: string;
}

const MAX_ID_LENGTH = 128;
const EARLIEST_DATE = '1990-01-01';

function text(record: Record<string, unknown>, field: ActivityField, issues: ActivityIssue[]): string | null {
  const raw = record[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== 'string') {
    issues.push({ code: 'wrong-type', field, message: `${field} must be text or a number, not ${Array.isArray(raw) ? 'a list' : typeof raw}` });
    return null;
  }
  const value = raw.trim();
  return value === '' ? null : value;
}

function memberRef(record: Record<string, unknown>, field: 'from' | 'to', issues: ActivityIssue[]): string | null {
  const value = text(record, field, issues);
  if (value === null) {
    if (!issues.some((i) => i.field === field)) issues.push({ code: 'missing', field, message: `${field} (a member id) is required` });
    return null;
  }
  if (value.length > MAX_ID_LENGTH) {
    issues.push({ code: 'too-long', field, message: `${field} is longer than ${MAX_ID_LENGTH} characters` });
    return null;
  }
  return value;
}

// Ledgers repeat a few hundred dates a million times: remember the answers.
const dateCache = new Map<string, string | null>();

/** Accepts `YYYY-MM-DD` and ISO date-times (the day is kept). */
function parseDate(value: string): string | null {
  const cached = dateCache.get(value);
  if (cached !== undefined) return cached;
  const result = readDate(value);
  if (dateCache.size > 10_000) dateCache.clear();
  dateCache.set(value, result);
  return result;
}

function readDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

export function parseActivity(record: Record<string, unknown>, options: ActivityParseOptions = {}): ActivityParseResult {
  const issues: ActivityIssue[] = [];
  const kindText = text(record, 'kind', issues);
  let kind: ActivityKind | null = null;
  if (kindText === null) {
    if (!issues.some((i) => i.field === 'kind')) issues.push({ code: 'missing', field: 'kind', message: 'kind is required: meeting or referral' });
  } else if ((ACTIVITY_KINDS as readonly string[]).includes(kindText.toLowerCase())) {
    kind = kindText.toLowerCase() as ActivityKind;
  } else {
    issues.push({ code: 'invalid', field: 'kind', message: `kind must be meeting or referral, not "${kindText}"` });
  }
  const externalId = text(record, 'id', issues);
  if (externalId !== null && externalId.length > MAX_ID_LENGTH) issues.push({ code: 'too-long', field: 'id', message: `id is longer than ${MAX_ID_LENGTH} characters` });
  const from = memberRef(record, 'from', issues);
  const to = memberRef(record, 'to', issues);
  if (from !== null && to !== null && from === to) issues.push({ code: 'invalid', field: 'to', message: `from and to are the same member ("${from}")` });

  const dateText = text(record, 'date', issues);
  let date: string | null = null;
  if (dateText === null) {
    if (!issues.some((i) => i.field === 'date')) issues.push({ code: 'missing', field: 'date', message: 'date is required (YYYY-MM-DD)' });
  } else {
    date = parseDate(dateText);
    if (date === null) issues.push({ code: 'invalid', field: 'date', message: `"${dateText}" is not a date (expected YYYY-MM-DD)` });
    else if (date < EARLIEST_DATE) issues.push({ code: 'invalid', field: 'date', message: `${date} is before ${EARLIEST_DATE}: not a plausible activity date` });
    else if (options.latestDate && date > options.latestDate) issues.push({ code: 'invalid', field: 'date', message: `${date} is in the future` });
  }

  const ratingText = text(record, 'rating', issues);
  const statusText = text(record, 'status', issues);
  const valueText = text(record, 'value', issues);
  let rating: number | null = null;
  let status: ReferralStatus | null = null;
  let value: { amount: number; currency: string; eur: number } | null = null;

  if (kind === 'meeting') {
    if (ratingText === null) {
      if (!issues.some((i) => i.field === 'rating')) issues.push({ code: 'missing', field: 'rating', message: 'a meeting needs a rating from 1 to 5' });
    } else {
      const n = Number(ratingText.replace(',', '.'));
      if (!Number.isFinite(n) || n < 1 || n > 5) issues.push({ code: 'invalid', field: 'rating', message: `rating must be a number from 1 to 5, not "${ratingText}"` });
      else rating = n;
    }
    if (statusText !== null) issues.push({ code: 'invalid', field: 'status', message: 'a meeting has no status (status belongs to referrals)' });
    if (valueText !== null) issues.push({ code: 'invalid', field: 'value', message: 'a meeting has no value (value belongs to referrals)' });
  } else if (kind === 'referral') {
    if (statusText === null) {
      if (!issues.some((i) => i.field === 'status')) issues.push({ code: 'missing', field: 'status', message: `a referral needs a status: ${REFERRAL_STATUSES.join(', ')}` });
    } else if ((REFERRAL_STATUSES as readonly string[]).includes(statusText.toLowerCase())) {
      status = statusText.toLowerCase() as ReferralStatus;
    } else {
      issues.push({ code: 'invalid', field: 'status', message: `status must be one of ${REFERRAL_STATUSES.join(', ')}, not "${statusText}"` });
    }
    if (ratingText !== null) issues.push({ code: 'invalid', field: 'rating', message: 'a referral has no rating (rating belongs to meetings)' });
    if (valueText !== null) {
      const parsed = parseDealValue(valueText, options.currencyLanguage ?? null);
      if (!parsed.ok) issues.push({ code: 'invalid', field: 'value', message: parsed.reason });
      else value = { amount: parsed.value.amount, currency: parsed.value.currency, eur: parsed.value.eur };
    }
  }

  if (issues.length > 0 || kind === null || from === null || to === null || date === null) {
    return { success: false, issues };
  }
  if (kind === 'meeting') {
    return { success: true, activity: { kind, externalId, from, to, date, rating: rating! } };
  }
  return {
    success: true,
    activity: {
      kind,
      externalId,
      from,
      to,
      date,
      status: status!,
      valueEur: value?.eur ?? null,
      valueAmount: value?.amount ?? null,
      valueCurrency: value?.currency ?? null,
    },
  };
}
