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
import { shared } from '../scoring/similarity.ts';
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

/** The profile-only prior: shared interests and a common language. */
export function chemistryPrior(self: ScoredMember, other: ScoredMember): CriterionResult {
  const a = self.vector;
  const b = other.vector;
  const interestsA = [...a.interests.map((i) => i.id), ...a.otherInterests];
  const interestsB = [...b.interests.map((i) => i.id), ...b.otherInterests];
  if (interestsA.length === 0 || interestsB.length === 0) {
    return { score: null, confidence: 0, facts: [{ key: 'no-chemistry-evidence' }] };
  }
  const common = shared(interestsA, interestsB);
  const interestOverlap = Math.min(1, common.length / Math.min(interestsA.length, interestsB.length));
  const language = languageFit(a, b);
  const facts: ReasonFact[] = [];
  if (common.length > 0) facts.push({ key: 'shared-interests', interests: common.filter((c) => c.startsWith('int.')) });
  if (language === 1 && a.language) facts.push({ key: 'common-language', language: a.language });
  facts.push({ key: 'profile-only', criterion: 'chemistry' });
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
