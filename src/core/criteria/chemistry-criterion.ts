/**
 * Criterion 1, chemistry: the two like each other as people. The real evidence is
 * feedback after one-to-one meetings, both ways; until activity exists, the profile
 * gives a weak prior from shared interests and a common language, with low
 * confidence. Without interests on both sides chemistry is unknown, never invented.
 */
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { shared } from '../scoring/similarity.ts';
import type { MemberVector } from '../vectors/member-vector.ts';
import { type Criterion } from './criterion.ts';

const SCANDINAVIAN = new Set(['sv', 'da', 'no']);

/** How easily two members can talk: 1 same language, 0.75 Scandinavian neighbours, 0.5 otherwise (English). */
export function languageFit(a: MemberVector, b: MemberVector): number {
  if (!a.language || !b.language) return 0.5;
  if (a.language === b.language) return 1;
  if (SCANDINAVIAN.has(a.language) && SCANDINAVIAN.has(b.language)) return 0.75;
  return 0.5;
}

export const chemistryCriterion: Criterion = {
  name: 'chemistry',
  symmetric: true,
  evaluate(self, other) {
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
    return { score: Math.round(score * 1000) / 1000, confidence: 0.25, facts };
  },
};
