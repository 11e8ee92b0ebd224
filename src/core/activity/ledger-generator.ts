/**
 * A seeded generator of a plausible activity history for a set of members: monthly
 * one-to-ones (both sides rate them) and referrals with outcomes and values. It
 * exists for the demo, the tests and the evaluation, and its hidden preferences
 * deliberately differ from the default weights (documented in docs/evaluation.md):
 *
 * - who refers whom is driven by a latent personal chemistry per pair (visible only
 *   through meeting ratings, with noise) and by shared contacts, much less by
 *   complementarity and shared customers, and not at all by the profile's deal values;
 * - chemistry also decides whether a referral is won;
 * - designated free riders receive referrals and never give; designated members go
 *   quiet (no activity at all) for the last months.
 *
 * Results on generated data only show that the machinery works, not that partnerfit
 * predicts real networks.
 */
import { complementarityCriterion } from '../criteria/complementarity-criterion.ts';
import type { ScoringContext } from '../criteria/criterion.ts';
import { sharedContactsCriterion } from '../criteria/shared-contacts-criterion.ts';
import { sharedCustomersCriterion } from '../criteria/shared-customers-criterion.ts';
import { detectCompetition } from '../competition/competitor-detector.ts';
import { createRandom } from '../random/seeded-random.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import { dateOfDay, dayNumber } from './activity.ts';

export interface LedgerGeneratorOptions {
  readonly seed: number;
  /** First day of the first month, `YYYY-MM-DD`. */
  readonly start: string;
  readonly months: number;
  /** One-to-ones each member asks for per month (on average). Default 1. */
  readonly meetingsPerMember?: number;
  /** Members who only take (never give referrals). */
  readonly freeRiders?: readonly string[];
  /** Members with no activity in the last `quietMonths` months. */
  readonly goneQuiet?: readonly string[];
  readonly quietMonths?: number;
  /** Scales every referral probability (1 = the demo's level). */
  readonly referralRate?: number;
}

/** One generated row, as the activity input contract writes it. */
export interface GeneratedActivityRow {
  readonly id: string;
  readonly kind: 'meeting' | 'referral';
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly rating: string;
  readonly status: string;
  readonly value: string;
}

/** The hidden preference weights of the generator (compare DEFAULT_SCORING_CONFIG's weights). */
export const GENERATOR_PREFERENCES = { chemistry: 0.5, sharedContacts: 0.3, complementarity: 0.1, sharedCustomers: 0.1, mutualProfit: 0 } as const;

export function generateLedger(members: readonly ScoredMember[], context: ScoringContext, options: LedgerGeneratorOptions): GeneratedActivityRow[] {
  const random = createRandom(options.seed);
  const freeRiders = new Set(options.freeRiders ?? []);
  const quiet = new Set(options.goneQuiet ?? []);
  const quietFrom = options.months - (options.quietMonths ?? 4);
  const rate = options.referralRate ?? 1;
  const meetingsPerMember = options.meetingsPerMember ?? 1;
  const byNetwork = new Map<string, ScoredMember[]>();
  for (const m of members) {
    const list = byNetwork.get(m.network ?? '') ?? [];
    list.push(m);
    byNetwork.set(m.network ?? '', list);
  }
  interface PairTruth {
    readonly chemistry: number;
    readonly fit: number;
    readonly competitors: boolean;
    meetings: number;
  }
  // Hidden truth per unordered pair, computed once.
  const truth = new Map<string, PairTruth>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const list of byNetwork.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const both = (c: typeof sharedContactsCriterion) => {
          const x = c.evaluate(a, b, context).score ?? 0.3;
          const y = c.symmetric ? x : (c.evaluate(b, a, context).score ?? 0.3);
          return (x + y) / 2;
        };
        const chemistry = Math.min(1, Math.max(0, (random.next() + random.next() + random.next()) / 3 + (random.next() - 0.5) * 0.3));
        const p = GENERATOR_PREFERENCES;
        const fit = (p.sharedContacts * both(sharedContactsCriterion) + p.complementarity * both(complementarityCriterion) + p.sharedCustomers * both(sharedCustomersCriterion)) / (p.sharedContacts + p.complementarity + p.sharedCustomers);
        truth.set(pairKey(a.id, b.id), { chemistry, fit, competitors: detectCompetition(a, b).level === 'direct', meetings: 0 });
      }
    }
  }
  const rows: GeneratedActivityRow[] = [];
  let meetingSeq = 0;
  let referralSeq = 0;
  const startDay = dayNumber(options.start);
  const rating = (chemistry: number) => String(Math.min(5, Math.max(1, Math.round(1 + 4 * (chemistry + (random.next() - 0.5) * 0.5)))));
  for (let month = 0; month < options.months; month++) {
    const monthStart = startDay + Math.round(month * 30.44);
    const dayIn = () => dateOfDay(monthStart + random.int(28));
    const active = (m: ScoredMember) => !(quiet.has(m.id) && month >= quietFrom);
    for (const list of byNetwork.values()) {
      if (list.length < 2) continue;
      // One-to-ones: people ask those they expect to fit; both sides usually rate.
      for (const a of list) {
        if (!active(a)) continue;
        const asks = meetingsPerMember >= 1 ? Math.floor(meetingsPerMember) + (random.chance(meetingsPerMember % 1) ? 1 : 0) : random.chance(meetingsPerMember) ? 1 : 0;
        for (let k = 0; k < asks; k++) {
          const b = list[random.int(list.length)]!;
          if (b.id === a.id || !active(b)) continue;
          const t = truth.get(pairKey(a.id, b.id))!;
          if (!random.chance(0.35 + 0.65 * t.fit)) continue;
          t.meetings++;
          const date = dayIn();
          rows.push({ id: `m-${++meetingSeq}`, kind: 'meeting', from: a.id, to: b.id, date, rating: rating(t.chemistry), status: '', value: '' });
          if (random.chance(0.8)) rows.push({ id: `m-${++meetingSeq}`, kind: 'meeting', from: b.id, to: a.id, date, rating: rating(t.chemistry), status: '', value: '' });
        }
      }
      // Referrals: chemistry and shared contacts decide, once the two have met.
      for (const a of list) {
        if (!active(a) || freeRiders.has(a.id)) continue;
        for (const b of list) {
          if (b.id === a.id || !active(b)) continue;
          const t = truth.get(pairKey(a.id, b.id))!;
          if (t.competitors) continue;
          const q = GENERATOR_PREFERENCES.chemistry * t.chemistry + (1 - GENERATOR_PREFERENCES.chemistry) * t.fit;
          const acquaintance = 0.15 + 0.85 * (1 - Math.exp(-t.meetings / 2));
          const p = rate * 0.22 * acquaintance / (1 + Math.exp(-10 * (q - 0.6)));
          if (!random.chance(p)) continue;
          const won = random.chance(0.2 + 0.6 * t.chemistry);
          const recent = month >= options.months - 1;
          const status = won ? 'won' : recent && random.chance(0.5) ? (random.chance(0.5) ? 'passed' : 'contacted') : 'lost';
          const deal = b.vector.dealValueEur ?? 5000;
          const value = won ? `${Math.round(deal * (0.5 + random.next() * 1.5))} EUR` : '';
          rows.push({ id: `r-${++referralSeq}`, kind: 'referral', from: a.id, to: b.id, date: dayIn(), rating: '', status, value });
        }
      }
    }
  }
  return rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

export const ACTIVITY_CSV_HEADER = 'id,kind,from,to,date,rating,status,value';

export function activityCsvLine(row: GeneratedActivityRow): string {
  return [row.id, row.kind, row.from, row.to, row.date, row.rating, row.status, row.value].join(',');
}
