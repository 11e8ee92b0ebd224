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

/** The strongest pair of services that the lexicon lists as complements, either way (the first such pair on a tie). */
export function complementLink(self: ServicedMember, other: ServicedMember, knowledge: EngineKnowledge): ComplementLink | null {
  let strength = -1;
  let mine: string | null = null;
  let theirs: string | null = null;
  for (const m of self.vector.services) {
    const myConcept = knowledge.lexicon.service(m.id);
    for (const t of other.vector.services) {
      if (t.id === m.id) continue;
      const theirConcept = knowledge.lexicon.service(t.id);
      const linked = myConcept?.complements.includes(t.id) || theirConcept?.complements.includes(m.id);
      if (!linked) continue;
      const s = Math.sqrt(m.weight * t.weight);
      if (mine === null || s > strength) {
        strength = s;
        mine = m.id;
        theirs = t.id;
      }
    }
  }
  return mine === null ? null : { strength, mine, theirs: theirs! };
}

function offers(member: ScoredMember, id: string): boolean {
  for (const s of member.vector.services) if (s.id === id) return true;
  return false;
}

/**
 * Whether `link` (from `complementLink(a, b)`) tells something: neither side also offers the
 * other's linked service. "You offer photos and video, they offer video" explains nothing; the
 * scores keep such links, the reasons leave them out.
 */
export function linkExplains(link: ComplementLink, a: ScoredMember, b: ScoredMember): boolean {
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
    const first = self.id <= other.id ? self : other;
    const second = first === self ? other : self;
    const link = complementLink(first, second, knowledge);
    if (link && linkExplains(link, first, second)) {
      facts.push(
        first === self
          ? { key: 'complementary-services', mine: link.mine, theirs: link.theirs }
          : { key: 'complementary-services', mine: link.theirs, theirs: link.mine },
      );
    }
    // The area both are most in: the largest of the smaller shares (ties: the first by name; area names
    // compare by code point as by `localeCompare`, test/core/criteria-contract.test.ts).
    type Area = keyof typeof self.vector.areas;
    let sharedArea: Area | undefined;
    let sharedWeight = 0;
    for (const key in self.vector.areas) {
      const area = key as Area;
      const w = Math.min(self.vector.areas[area]!, other.vector.areas[area] ?? 0);
      if (!(w > 0)) continue;
      if (sharedArea === undefined || w > sharedWeight || (w === sharedWeight && area < sharedArea)) {
        sharedArea = area;
        sharedWeight = w;
      }
    }
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
