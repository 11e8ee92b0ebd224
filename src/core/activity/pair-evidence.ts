/**
 * What activity says about each ordered pair (from → to), as of a day: one-to-one
 * ratings and referrals, older ones counting less (exponential decay with a
 * half-life). The accumulator takes activity in date order in O(1) per row and keeps
 * one small record per pair that ever met or referred, so a replay can ask "what was
 * known before this period" without re-reading the ledger.
 */
import { dayNumber, type Activity } from './activity.ts';

export interface EvidenceOptions {
  /** After this many days a meeting or referral counts half. Default 365. */
  readonly halfLifeDays: number;
}

export const DEFAULT_EVIDENCE_OPTIONS: EvidenceOptions = { halfLifeDays: 365 };

/** Evidence for one direction, decayed to the view's day; raw counts beside the decayed weights. */
export interface DirectedEvidence {
  /** Decayed number of meetings `from` rated. */
  readonly meetingWeight: number;
  /** `from`'s decayed mean rating of `to`, mapped from 1–5 to [0, 1]; null without meetings. */
  readonly rating: number | null;
  /** Decayed referrals passed from `from` to `to`, of them won and lost, and the won value in EUR. */
  readonly referrals: number;
  readonly won: number;
  readonly lost: number;
  readonly wonValueEur: number;
  /** Undecayed: what the ledger shows. */
  readonly wonValueTotalEur: number;
  readonly meetingCount: number;
  readonly referralCount: number;
  readonly wonCount: number;
}

export interface ActivityEvidence {
  /** The day (days since 1970) the evidence is decayed to. */
  readonly asOfDay: number;
  readonly options: EvidenceOptions;
  /** Evidence from `from` about / towards `to`; null when the two never met or referred that way. */
  directed(from: string, to: string): DirectedEvidence | null;
}

interface PairState {
  day: number;
  meetingWeight: number;
  ratingSum: number;
  referrals: number;
  won: number;
  lost: number;
  wonValueEur: number;
  wonValueTotalEur: number;
  meetingCount: number;
  referralCount: number;
  wonCount: number;
}

const key = (from: string, to: string) => `${from}\u0000${to}`;

export class EvidenceAccumulator {
  private readonly pairs = new Map<string, PairState>();
  private lastDay = -Infinity;
  readonly options: EvidenceOptions;

  constructor(options: EvidenceOptions = DEFAULT_EVIDENCE_OPTIONS) {
    if (!(options.halfLifeDays > 0)) throw new RangeError(`halfLifeDays must be positive, not ${options.halfLifeDays}`);
    this.options = options;
  }

  /** The latest day seen so far (-Infinity before any activity). */
  get latestDay(): number {
    return this.lastDay;
  }

  get pairCount(): number {
    return this.pairs.size;
  }

  add(activity: Activity): void {
    const day = dayNumber(activity.date);
    if (day > this.lastDay) this.lastDay = day;
    const k = key(activity.from, activity.to);
    let state = this.pairs.get(k);
    if (!state) {
      state = { day, meetingWeight: 0, ratingSum: 0, referrals: 0, won: 0, lost: 0, wonValueEur: 0, wonValueTotalEur: 0, meetingCount: 0, referralCount: 0, wonCount: 0 };
      this.pairs.set(k, state);
    }
    // Weights are kept decayed to the pair's latest day; an older row arriving late
    // enters with its own smaller weight.
    let weight = 1;
    if (day >= state.day) this.decay(state, day);
    else weight = this.factor(state.day - day);
    if (activity.kind === 'meeting') {
      state.meetingWeight += weight;
      state.ratingSum += weight * ((activity.rating - 1) / 4);
      state.meetingCount++;
    } else {
      state.referrals += weight;
      state.referralCount++;
      if (activity.status === 'won') {
        state.won += weight;
        state.wonCount++;
        state.wonValueEur += weight * (activity.valueEur ?? 0);
        state.wonValueTotalEur += activity.valueEur ?? 0;
      } else if (activity.status === 'lost') state.lost += weight;
    }
  }

  addAll(activities: Iterable<Activity>): this {
    for (const a of activities) this.add(a);
    return this;
  }

  /** The evidence as of `asOfDay` (default: the latest day seen); reads the live state. */
  view(asOfDay: number = Number.isFinite(this.lastDay) ? this.lastDay : 0): ActivityEvidence {
    return {
      asOfDay,
      options: this.options,
      directed: (from, to) => {
        const state = this.pairs.get(key(from, to));
        if (!state) return null;
        const f = state.day <= asOfDay ? this.factor(asOfDay - state.day) : 1;
        return {
          meetingWeight: state.meetingWeight * f,
          rating: state.meetingWeight > 0 ? state.ratingSum / state.meetingWeight : null,
          referrals: state.referrals * f,
          won: state.won * f,
          lost: state.lost * f,
          wonValueEur: state.wonValueEur * f,
          wonValueTotalEur: state.wonValueTotalEur,
          meetingCount: state.meetingCount,
          referralCount: state.referralCount,
          wonCount: state.wonCount,
        };
      },
    };
  }

  private factor(days: number): number {
    return Math.pow(0.5, days / this.options.halfLifeDays);
  }

  private decay(state: PairState, day: number): void {
    if (day === state.day) return;
    const f = this.factor(day - state.day);
    state.meetingWeight *= f;
    state.ratingSum *= f;
    state.referrals *= f;
    state.won *= f;
    state.lost *= f;
    state.wonValueEur *= f;
    state.day = day;
  }
}

/** Evidence from a list of activity (any order is fine; date order is cheapest). */
export function buildActivityEvidence(activities: Iterable<Activity>, options: EvidenceOptions = DEFAULT_EVIDENCE_OPTIONS, asOfDay?: number): ActivityEvidence {
  const accumulator = new EvidenceAccumulator(options).addAll(activities);
  return accumulator.view(asOfDay);
}
