/**
 * Criterion 1, chemistry: the two like each other as people. The real evidence is
 * the ratings both give after one-to-one meetings (both must like it: the two sides'
 * ratings combine harmonically; older meetings count less, see pair-evidence.ts).
 * Without meetings the profile gives a weak prior from shared interests and a common
 * language, with low confidence; without interests on both sides either, chemistry
 * is unknown, never invented.
 */
import type { ActivityEvidence } from '../activity/pair-evidence.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import type { ScoredMember } from '../scoring/scored-member.ts';
import type { MemberVector } from '../vectors/member-vector.ts';
import { type Criterion, type CriterionResult } from './criterion.ts';

const SCANDINAVIAN = new Set(['sv', 'da', 'no']);
const PRIOR_CONFIDENCE = 0.25;

/** How easily two members can talk: 1 same language, 0.75 Scandinavian neighbours, 0.5 otherwise (English). */
export function languageFit(a: MemberVector, b: MemberVector): number {
  if (!a.language || !b.language) return 0.5;
  if (a.language === b.language) return 1;
  if (SCANDINAVIAN.has(a.language) && SCANDINAVIAN.has(b.language)) return 0.75;
  return 0.5;
}

// Shared by every result that holds them: frozen, as results are never changed.
const NO_EVIDENCE: CriterionResult = Object.freeze({ score: null, confidence: 0, facts: Object.freeze([Object.freeze({ key: 'no-chemistry-evidence' } as const)]) });
const PROFILE_ONLY: ReasonFact = Object.freeze({ key: 'profile-only', criterion: 'chemistry' } as const);

/** Whether `id` is among a member's interests, recognised or not. */
function hasInterest(v: MemberVector, id: string): boolean {
  for (const i of v.interests) if (i.id === id) return true;
  return v.otherInterests.includes(id);
}

/** The interests (concept ids, then other interests) of a also b's, each once, in a's order. */
function sharedInterests(a: MemberVector, b: MemberVector): string[] {
  const out: string[] = [];
  const add = (id: string) => {
    if (!out.includes(id) && hasInterest(b, id)) out.push(id);
  };
  for (const i of a.interests) add(i.id);
  for (const id of a.otherInterests) add(id);
  return out;
}

/** The profile-only prior: shared interests and a common language. */
export function chemistryPrior(self: ScoredMember, other: ScoredMember): CriterionResult {
  const a = self.vector;
  const b = other.vector;
  const countA = a.interests.length + a.otherInterests.length;
  const countB = b.interests.length + b.otherInterests.length;
  if (countA === 0 || countB === 0) return NO_EVIDENCE;
  const common = sharedInterests(a, b);
  const interestOverlap = Math.min(1, common.length / Math.min(countA, countB));
  const language = languageFit(a, b);
  const facts: ReasonFact[] = [];
  if (common.length > 0) facts.push({ key: 'shared-interests', interests: common.filter((c) => c.startsWith('int.')) });
  if (language === 1 && a.language) facts.push({ key: 'common-language', language: a.language });
  facts.push(PROFILE_ONLY);
  const score = 0.25 + 0.55 * interestOverlap + 0.2 * language;
  return { score: round(score), confidence: PRIOR_CONFIDENCE, facts };
}

/**
 * Chemistry from meeting ratings, blended with the prior by how much evidence there
 * is. Both sides rated: confidence 0.5–0.95 by the number of (decayed) meetings; one
 * side only: at most 0.5, because the other side's view is still unknown.
 */
export function chemistryFromMeetings(self: ScoredMember, other: ScoredMember, activity: ActivityEvidence, prior: CriterionResult): CriterionResult {
  const mine = activity.directed(self.id, other.id);
  const theirs = activity.directed(other.id, self.id);
  const a = mine?.rating ?? null;
  const b = theirs?.rating ?? null;
  if (a === null && b === null) return prior;
  let evidence: number;
  let confidence: number;
  if (a !== null && b !== null) {
    evidence = a + b > 0 ? (2 * a * b) / (a + b) : 0;
    confidence = 0.5 + 0.45 * (1 - Math.exp(-Math.min(mine!.meetingWeight, theirs!.meetingWeight)));
  } else {
    evidence = (a ?? b)!;
    // The side that rated (the other may exist through referrals only).
    confidence = 0.3 + 0.2 * (1 - Math.exp(-(a !== null ? mine! : theirs!).meetingWeight));
  }
  const score = prior.score === null ? evidence : confidence * evidence + (1 - confidence) * prior.score;
  const stars = (r: number | null) => (r === null ? null : Math.round((1 + 4 * r) * 10) / 10);
  const facts: ReasonFact[] = [
    { key: 'one-to-ones', meetings: (mine?.meetingCount ?? 0) + (theirs?.meetingCount ?? 0), mine: stars(a), theirs: stars(b) },
    ...prior.facts.filter((f) => f.key !== 'no-chemistry-evidence' && f.key !== 'profile-only'),
  ];
  return { score: round(score), confidence: round(Math.max(confidence, prior.confidence)), facts };
}

export const chemistryCriterion: Criterion = {
  name: 'chemistry',
  symmetric: true,
  evaluate(self, other, context) {
    const prior = chemistryPrior(self, other);
    return context.activity ? chemistryFromMeetings(self, other, context.activity, prior) : prior;
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
