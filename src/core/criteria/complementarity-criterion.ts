/**
 * Criterion 2, complementarity: the same field, not direct competitors. Two members
 * complement each other when their services are ones the lexicon knows customers
 * need together (recruitment and leadership development), or at least lie in the
 * same business area. Overlapping services pull the score down; direct competitors
 * score 0.
 */
import { detectCompetition } from '../competition/competitor-detector.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import type { ScoredMember, ServicedMember } from '../scoring/scored-member.ts';
import { cosine, isEmpty } from '../scoring/similarity.ts';
import { UNKNOWN, type Criterion } from './criterion.ts';

export interface ComplementLink {
  readonly strength: number;
  readonly mine: string;
  readonly theirs: string;
}

/** The strongest pair of services that the lexicon lists as complements, either way. */
export function complementLink(self: ServicedMember, other: ServicedMember, knowledge: EngineKnowledge): ComplementLink | null {
  let best: ComplementLink | null = null;
  for (const mine of self.vector.services) {
    const myConcept = knowledge.lexicon.service(mine.id);
    for (const theirs of other.vector.services) {
      if (theirs.id === mine.id) continue;
      const theirConcept = knowledge.lexicon.service(theirs.id);
      const linked = myConcept?.complements.includes(theirs.id) || theirConcept?.complements.includes(mine.id);
      if (!linked) continue;
      const strength = Math.sqrt(mine.weight * theirs.weight);
      if (!best || strength > best.strength) best = { strength, mine: mine.id, theirs: theirs.id };
    }
  }
  return best;
}

/**
 * Whether `link` (from `complementLink(a, b)`) tells something: neither side also offers the
 * other's linked service. "You offer photos and video, they offer video" explains nothing; the
 * scores keep such links, the reasons leave them out.
 */
export function linkExplains(link: ComplementLink, a: ScoredMember, b: ScoredMember): boolean {
  const offers = (m: ScoredMember, id: string) => m.vector.services.some((s) => s.id === id);
  return !offers(a, link.theirs) && !offers(b, link.mine);
}

export const complementarityCriterion: Criterion = {
  name: 'complementarity',
  symmetric: true,
  evaluate(self, other, { knowledge }) {
    const competition = detectCompetition(self, other);
    if (competition.level === 'direct') return { score: 0, confidence: 1, facts: competition.facts };
    if (isEmpty(self.vector.areas) || isEmpty(other.vector.areas)) return UNKNOWN;
    const facts: ReasonFact[] = [];
    const areaSimilarity = cosine(self.vector.areas, other.vector.areas);
    // Symmetric by construction: the link is looked up both ways, in a fixed order.
    const [first, second] = self.id <= other.id ? [self, other] : [other, self];
    const link = complementLink(first, second, knowledge);
    if (link && linkExplains(link, first, second)) {
      facts.push(
        first === self
          ? { key: 'complementary-services', mine: link.mine, theirs: link.theirs }
          : { key: 'complementary-services', mine: link.theirs, theirs: link.mine },
      );
    }
    // The area both are most in: the largest of the smaller shares.
    const sharedArea = (Object.entries(self.vector.areas) as [keyof typeof self.vector.areas, number][])
      .map(([area, w]) => [area, Math.min(w, other.vector.areas[area] ?? 0)] as const)
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (sharedArea) facts.push({ key: 'same-area', area: sharedArea });
    else if (!link) facts.push({ key: 'different-area' });
    const base = Math.max(link ? 0.55 + 0.45 * link.strength : 0, 0.75 * areaSimilarity);
    const score = base * (1 - competition.overlap);
    facts.push(...competition.facts);
    return { score: round(score), confidence: 0.8, facts };
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
