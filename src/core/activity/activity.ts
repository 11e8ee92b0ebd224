/**
 * Activity as the engine receives it (PRODUCT.md, activity input contract): one-to-one
 * meetings with a 1–5 rating given by `from` about `to`, and referrals passed from
 * `from` to `to` with a status and, once known, a value. Dates are calendar days.
 */
export const ACTIVITY_KINDS = ['meeting', 'referral'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const REFERRAL_STATUSES = ['passed', 'contacted', 'won', 'lost'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The fields of an activity row, in their documented order (`id` is optional: a natural key). */
export const ACTIVITY_FIELDS = ['id', 'kind', 'from', 'to', 'date', 'rating', 'status', 'value'] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];
export const REQUIRED_ACTIVITY_FIELDS: readonly ActivityField[] = ['kind', 'from', 'to', 'date'];

interface ActivityBase {
  /** The row's own id when the file carries one; re-ingesting that id replaces the row. */
  readonly externalId: string | null;
  readonly from: string;
  readonly to: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

export interface MeetingActivity extends ActivityBase {
  readonly kind: 'meeting';
  /** 1–5, given by `from` about `to`. */
  readonly rating: number;
}

export interface ReferralActivity extends ActivityBase {
  readonly kind: 'referral';
  readonly status: ReferralStatus;
  /** The value in EUR, when written (currencies as in deal values). */
  readonly valueEur: number | null;
  readonly valueAmount: number | null;
  readonly valueCurrency: string | null;
}

export type Activity = MeetingActivity | ReferralActivity;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Activity sorted by date, then by the order given (stable): the order replays see. */
export function byDate<T extends { readonly date: string }>(activities: readonly T[]): T[] {
  return [...activities].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
