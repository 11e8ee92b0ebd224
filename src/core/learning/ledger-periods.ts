/**
 * Cutting a ledger into periods of equal length, in time order, and finding the pairs
 * that closed business (a won referral, either way) in each: the labels both training
 * and the replay evaluation use. Everything before a period is what was "known" then.
 */
import { dayNumber, type Activity } from '../activity/activity.ts';

export interface LedgerPeriod {
  readonly index: number;
  /** First day (inclusive) and end day (exclusive), days since 1970. */
  readonly startDay: number;
  readonly endDay: number;
  /** The activity dated in the period, in date order. */
  readonly activities: readonly Activity[];
  /** For each member, the partners they closed business with in the period (either direction). */
  readonly closed: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Periods of `periodDays` from the first activity's day; `activities` must be in date order. */
export function ledgerPeriods(activities: readonly Activity[], periodDays: number): LedgerPeriod[] {
  if (activities.length === 0) return [];
  if (!(periodDays >= 1)) throw new RangeError(`periodDays must be at least 1, not ${periodDays}`);
  const first = dayNumber(activities[0]!.date);
  const periods: { activities: Activity[]; closed: Map<string, Set<string>> }[] = [];
  for (const activity of activities) {
    const index = Math.floor((dayNumber(activity.date) - first) / periodDays);
    if (index < periods.length - 1) throw new Error('ledgerPeriods needs activity in date order');
    while (periods.length <= index) periods.push({ activities: [], closed: new Map() });
    const period = periods[index]!;
    period.activities.push(activity);
    if (activity.kind === 'referral' && activity.status === 'won') {
      addClosed(period.closed, activity.from, activity.to);
      addClosed(period.closed, activity.to, activity.from);
    }
  }
  return periods.map((p, index) => ({
    index,
    startDay: first + index * periodDays,
    endDay: first + (index + 1) * periodDays,
    activities: p.activities,
    closed: p.closed,
  }));
}

function addClosed(closed: Map<string, Set<string>>, a: string, b: string): void {
  let set = closed.get(a);
  if (!set) closed.set(a, (set = new Set()));
  set.add(b);
}
