/**
 * Criterion 3, shared customers: the two run in the same direction, selling to the
 * same kind of organisation (industry, size, consumers or businesses) in the same
 * region. Parts without evidence are left out, and lower the confidence.
 */
import { regionFit, sizeFit } from '../competition/market.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { shared, weightedJaccard } from '../scoring/similarity.ts';
import { UNKNOWN, type Criterion } from './criterion.ts';

const PART_WEIGHTS = { industries: 0.45, sizes: 0.35, region: 0.2 } as const;

export const sharedCustomersCriterion: Criterion = {
  name: 'sharedCustomers',
  symmetric: true,
  evaluate(self, other) {
    const facts: ReasonFact[] = [];
    const parts: [number, number][] = [];
    const ia = self.vector.targetIndustries;
    const ib = other.vector.targetIndustries;
    if (ia.length > 0 && ib.length > 0) {
      const common = shared(ia.map((c) => c.id), ib.map((c) => c.id));
      // Industries are broad; one in common is already a real overlap.
      const score = Math.min(1, weightedJaccard(ia, ib) + (common.length > 0 ? 0.3 : 0));
      parts.push([PART_WEIGHTS.industries, score]);
      if (common.length > 0) facts.push({ key: 'shared-industries', industries: common });
    }
    const sizes = sizeFit(self, other);
    if (sizes !== null) {
      parts.push([PART_WEIGHTS.sizes, sizes]);
      const common = shared(self.vector.sizes, other.vector.sizes);
      if (common.length > 0) facts.push({ key: 'shared-sizes', sizes: common });
      else facts.push({ key: 'different-customers', mine: self.vector.sizes, theirs: other.vector.sizes });
    }
    const region = regionFit(self, other);
    if (region.score !== null) {
      parts.push([PART_WEIGHTS.region, region.score]);
      if (region.score >= 0.85 && region.label) facts.push({ key: 'same-market', region: region.label });
      else if (region.score === 0) facts.push({ key: 'different-market', mine: self.vector.region!.name, theirs: other.vector.region!.name });
    }
    if (parts.length === 0) return UNKNOWN;
    const weight = parts.reduce((s, [w]) => s + w, 0);
    const score = parts.reduce((s, [w, v]) => s + w * v, 0) / weight;
    return { score: Math.round(score * 1000) / 1000, confidence: Math.round(weight * 1000) / 1000, facts };
  },
};
