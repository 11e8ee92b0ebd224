/**
 * A fact behind a score, in a form that can be written in any language: a key that
 * names the sentence and the concept ids or values it mentions. The reason writer
 * turns facts into sentences in the member's language.
 */
export type ReasonFact =
  | { readonly key: 'complementary-services'; readonly mine: string; readonly theirs: string }
  | { readonly key: 'same-area'; readonly area: string }
  | { readonly key: 'different-area' }
  | { readonly key: 'competitor'; readonly level: 'direct' | 'partial'; readonly services: readonly string[]; readonly terms: readonly string[]; readonly sameMarket: boolean }
  | { readonly key: 'shared-industries'; readonly industries: readonly string[] }
  | { readonly key: 'shared-sizes'; readonly sizes: readonly string[] }
  | { readonly key: 'different-customers'; readonly mine: readonly string[]; readonly theirs: readonly string[] }
  | { readonly key: 'same-market'; readonly region: string }
  | { readonly key: 'different-market'; readonly mine: string; readonly theirs: string }
  | { readonly key: 'shared-roles'; readonly roles: readonly string[] }
  | { readonly key: 'shared-functions'; readonly functions: readonly string[] }
  | { readonly key: 'different-contacts' }
  | { readonly key: 'different-stages'; readonly mine: string; readonly theirs: string }
  | { readonly key: 'same-stage'; readonly stage: string }
  | { readonly key: 'shared-interests'; readonly interests: readonly string[] }
  | { readonly key: 'common-language'; readonly language: string }
  | { readonly key: 'no-chemistry-evidence' }
  | { readonly key: 'referral-demand'; readonly theirs: string; readonly mine: string }
  | { readonly key: 'deal-value'; readonly mineEur: number; readonly theirsEur: number }
  | { readonly key: 'lopsided'; readonly favours: 'me' | 'them' }
  | { readonly key: 'capacity'; readonly mine: string; readonly theirs: string }
  | { readonly key: 'profile-only'; readonly criterion: string }
  /** One-to-ones between the two: how many, and the mean rating (1–5) each gave, null when they gave none. */
  | { readonly key: 'one-to-ones'; readonly meetings: number; readonly mine: number | null; readonly theirs: number | null }
  /** Referrals self received from other (won of them, value won in EUR) and gave to other. */
  | { readonly key: 'referral-record'; readonly received: number; readonly won: number; readonly valueEur: number; readonly given: number };
