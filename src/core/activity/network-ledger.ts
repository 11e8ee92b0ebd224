/**
 * The give/take ledger of a network (seed 003: social capital is a ledger of giving
 * and taking): per member, referrals given and received, the value closed from them,
 * a free-rider flag (takes, never gives) and "gone quiet" (no activity in a period);
 * per network, the referral flow between trades.
 */
import { dayNumber, type Activity } from './activity.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';

export interface LedgerOptions {
  /** A member without activity in this many days before `asOf` has gone quiet. Default 90. */
  readonly quietDays: number;
  /** A member who received at least this many referrals and gave none is a free rider. Default 2. */
  readonly freeRiderMinReceived: number;
  /** The ledger's "today" (`YYYY-MM-DD`); default the latest activity in it. */
  readonly asOf?: string | undefined;
}

export const DEFAULT_LEDGER_OPTIONS: LedgerOptions = { quietDays: 90, freeRiderMinReceived: 2 };

export interface MemberLedger {
  readonly id: string;
  readonly name: string;
  readonly given: number;
  readonly received: number;
  /** Of the referrals given / received, how many were won. */
  readonly givenWon: number;
  readonly receivedWon: number;
  /** Value others closed from this member's referrals (business given), EUR. */
  readonly valueGivenEur: number;
  /** Value this member closed from others' referrals (business received), EUR. */
  readonly valueReceivedEur: number;
  readonly meetings: number;
  readonly lastActivity: string | null;
  readonly freeRider: boolean;
  readonly goneQuiet: boolean;
}

export interface TradeFlow {
  /** Main service concept of the giver and of the receiver (`unknown` when none was recognised). */
  readonly from: string;
  readonly to: string;
  readonly referrals: number;
  readonly won: number;
  readonly valueEur: number;
}

export interface NetworkLedger {
  readonly asOf: string | null;
  readonly quietDays: number;
  readonly activities: number;
  readonly members: readonly MemberLedger[];
  readonly freeRiders: readonly string[];
  readonly goneQuiet: readonly string[];
  /** Referral flow between trades, largest won value first. */
  readonly tradeFlow: readonly TradeFlow[];
}

interface Tally {
  given: number;
  received: number;
  givenWon: number;
  receivedWon: number;
  valueGivenEur: number;
  valueReceivedEur: number;
  meetings: number;
  lastActivity: string | null;
}

/** Every count and amount column of a ledger summed over all its members. */
export interface LedgerTotals {
  readonly members: number;
  readonly given: number;
  readonly givenWon: number;
  readonly valueGivenEur: number;
  readonly received: number;
  readonly receivedWon: number;
  readonly valueReceivedEur: number;
  /** One-to-ones, each counted once (a meeting is tallied for the member who logged it). */
  readonly meetings: number;
}

/**
 * The ledger's totals: the sums of its members' columns as listed (amounts already
 * rounded to whole EUR). A referral between two members of the ledger counts once
 * given and once received, so the two sides differ only by referrals to or from
 * a member outside it (one of another network).
 */
export function ledgerTotals(ledger: NetworkLedger): LedgerTotals {
  let given = 0;
  let givenWon = 0;
  let valueGivenEur = 0;
  let received = 0;
  let receivedWon = 0;
  let valueReceivedEur = 0;
  let meetings = 0;
  for (const m of ledger.members) {
    given += m.given;
    givenWon += m.givenWon;
    valueGivenEur += m.valueGivenEur;
    received += m.received;
    receivedWon += m.receivedWon;
    valueReceivedEur += m.valueReceivedEur;
    meetings += m.meetings;
  }
  return { members: ledger.members.length, given, givenWon, valueGivenEur, received, receivedWon, valueReceivedEur, meetings };
}

export function buildNetworkLedger(members: readonly ScoredMember[], activities: Iterable<Activity>, options: LedgerOptions = DEFAULT_LEDGER_OPTIONS): NetworkLedger {
  const tallies = new Map<string, Tally>(
    members.map((m) => [m.id, { given: 0, received: 0, givenWon: 0, receivedWon: 0, valueGivenEur: 0, valueReceivedEur: 0, meetings: 0, lastActivity: null }]),
  );
  const trade = new Map(members.map((m) => [m.id, m.vector.services[0]?.id ?? 'unknown']));
  const flows = new Map<string, { from: string; to: string; referrals: number; won: number; valueEur: number }>();
  let latest: string | null = null;
  let count = 0;
  const touch = (t: Tally | undefined, date: string) => {
    if (t && (t.lastActivity === null || date > t.lastActivity)) t.lastActivity = date;
  };
  for (const a of activities) {
    const from = tallies.get(a.from);
    const to = tallies.get(a.to);
    if (!from && !to) continue;
    count++;
    if (latest === null || a.date > latest) latest = a.date;
    touch(from, a.date);
    touch(to, a.date);
    if (a.kind === 'meeting') {
      if (from) from.meetings++;
      continue;
    }
    const won = a.status === 'won';
    const value = won ? (a.valueEur ?? 0) : 0;
    if (from) {
      from.given++;
      if (won) from.givenWon++;
      from.valueGivenEur += value;
    }
    if (to) {
      to.received++;
      if (won) to.receivedWon++;
      to.valueReceivedEur += value;
    }
    if (from && to) {
      const key = `${trade.get(a.from)}\u0000${trade.get(a.to)}`;
      let flow = flows.get(key);
      if (!flow) flows.set(key, (flow = { from: trade.get(a.from)!, to: trade.get(a.to)!, referrals: 0, won: 0, valueEur: 0 }));
      flow.referrals++;
      if (won) flow.won++;
      flow.valueEur += value;
    }
  }
  const asOf = options.asOf ?? latest;
  const quietSince = asOf === null ? null : dayNumber(asOf) - options.quietDays;
  const ledgers = members.map((m): MemberLedger => {
    const t = tallies.get(m.id)!;
    return {
      id: m.id,
      name: m.name,
      given: t.given,
      received: t.received,
      givenWon: t.givenWon,
      receivedWon: t.receivedWon,
      valueGivenEur: Math.round(t.valueGivenEur),
      valueReceivedEur: Math.round(t.valueReceivedEur),
      meetings: t.meetings,
      lastActivity: t.lastActivity,
      freeRider: t.given === 0 && t.received >= options.freeRiderMinReceived,
      // Only a network with a ledger can say who has gone quiet.
      goneQuiet: quietSince !== null && (t.lastActivity === null || dayNumber(t.lastActivity) < quietSince),
    };
  });
  return {
    asOf,
    quietDays: options.quietDays,
    activities: count,
    members: ledgers,
    freeRiders: ledgers.filter((l) => l.freeRider).map((l) => l.id),
    goneQuiet: ledgers.filter((l) => l.goneQuiet).map((l) => l.id),
    tradeFlow: [...flows.values()]
      .map((f) => ({ ...f, valueEur: Math.round(f.valueEur) }))
      .sort((a, b) => b.valueEur - a.valueEur || b.referrals - a.referrals || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
}
