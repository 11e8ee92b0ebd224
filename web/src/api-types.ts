/** The HTTP API's response shapes the page reads (src/http/api-schemas.ts is the source of truth). */
export const CRITERIA = ['chemistry', 'complementarity', 'sharedCustomers', 'sharedContacts', 'mutualProfit'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type Level = 'direct' | 'partial';
export type Policy = 'exclusive' | 'open';
export type Verdict = 'accept' | 'review' | 'conflict';

export interface Me {
  readonly role: 'admin' | 'member';
  readonly network: string;
  readonly member: string | null;
}

export interface NetworkMember {
  readonly id: string;
  readonly name: string;
  readonly mainService: string | null;
  readonly area: string | null;
}

/** Business area → its name in each interface language. */
export type AreaNames = Readonly<Record<string, Readonly<Record<'en' | 'sv' | 'da' | 'de', string>>>>;

export interface Concept {
  readonly id: string;
  readonly area: string | null;
  readonly labels: Readonly<Record<'en' | 'sv' | 'da' | 'de', string>>;
}

export interface MemberSummary extends NetworkMember {
  readonly goodPartners: number;
  readonly bestPartner: { readonly partner: string; readonly score: number } | null;
  readonly conflicts: readonly { readonly member: string; readonly level: Level; readonly score: number }[];
}

export interface Partnership {
  readonly self: string;
  readonly other: string;
  readonly score: number;
}

export interface NetworkReport {
  readonly network: string;
  readonly members: number;
  readonly policy: Policy;
  readonly goodPartnerThreshold: number;
  /** The currency most members live with, and its units per EUR: the ledger's EUR amounts are shown in it. */
  readonly currency?: string;
  readonly currencyPerEur?: number;
  readonly summaries: readonly MemberSummary[];
  readonly partnerships: readonly Partnership[];
  readonly conflicts: readonly { readonly a: string; readonly b: string; readonly competition: { readonly level: Level | 'none'; readonly score: number } }[];
  readonly withoutGoodPartner: readonly string[];
  readonly missingTrades: readonly { readonly concept: string; readonly value: number; readonly beneficiaries: readonly string[] }[];
  /** The give/take ledger; null (or absent) when the network has no activity. */
  readonly ledger?: NetworkLedger | null;
}

/** One member's give and take (src/core/activity/network-ledger.ts). */
export interface MemberLedger {
  readonly id: string;
  readonly name: string;
  readonly given: number;
  readonly received: number;
  readonly givenWon: number;
  readonly receivedWon: number;
  /** Value others closed from this member's referrals, EUR. */
  readonly valueGivenEur: number;
  /** Value this member closed from others' referrals, EUR. */
  readonly valueReceivedEur: number;
  readonly meetings: number;
  readonly lastActivity: string | null;
  readonly freeRider: boolean;
  readonly goneQuiet: boolean;
}

export interface NetworkLedger {
  readonly asOf: string | null;
  readonly quietDays: number;
  readonly activities: number;
  readonly members: readonly MemberLedger[];
}

export interface CompetitorPair {
  readonly a: string;
  readonly b: string;
  readonly level: Level;
  readonly score: number;
  readonly reasons: readonly string[];
}

export interface Suggestion {
  readonly partner: string;
  readonly partnerName: string;
  readonly score: number;
  readonly criteria: Readonly<Record<Criterion, number | null>>;
  readonly competitor: 'none' | Level;
  readonly reasons: readonly string[];
}

export interface Suggestions {
  readonly member: string;
  readonly suggestions: readonly Suggestion[];
  readonly excludedCompetitors: readonly string[];
}

export interface MemberProfile {
  readonly member: string;
  readonly profile: {
    readonly id: string;
    readonly name: string;
    readonly company?: string | null;
    readonly region?: string | null;
    readonly industry?: string | null;
    readonly language?: string | null;
    readonly services?: readonly string[];
    readonly capacity?: string | null;
  };
}

export interface ApplicantResult {
  readonly id: string;
  readonly name: string;
  readonly fit: number;
  readonly verdict: Verdict;
  readonly conflicts: readonly { readonly member: string; readonly name: string; readonly level: Level; readonly score: number; readonly sharedServices: readonly string[] }[];
  readonly batchConflicts: readonly { readonly applicant: string; readonly name: string; readonly level: Level }[];
  readonly topPartners: readonly { readonly partner: string; readonly name: string; readonly score: number }[];
  readonly fillsTrades: readonly string[];
  readonly reasons: readonly string[];
}

export interface ApplicantBatch {
  readonly job: string;
  readonly applicants: readonly ApplicantResult[];
  readonly rejected: readonly { readonly line: number; readonly field: string | null; readonly message: string }[];
  readonly warnings: readonly string[];
}

export interface Job {
  readonly job: string;
  readonly status: 'reading' | 'pairing' | 'scoring' | 'done' | 'failed';
  readonly rows: number;
  readonly scored: number;
  readonly error?: string;
  readonly result?: ApplicantBatch & { readonly total: number };
}
