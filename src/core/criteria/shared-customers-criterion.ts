/**
 * Criterion 3, shared customers: the two run in the same direction, selling to the
 * same kind of organisation (industry, size, consumers or businesses) in the same
 * region. Parts without evidence are left out, and lower the confidence.
 */
import { regionFit, sizeFit } from '../competition/market.ts';
import type { ReasonFact } from '../reasons/reason-fact.ts';
import { shared, sharedIds, weightedJaccard } from '../scoring/similarity.ts';
import { UNKNOWN, type Criterion } from './criterion.ts';

const PART_WEIGHTS = { industries: 0.45, sizes: 0.35, region: 0.2 } as const;

export const sharedCustomersCriterion: Criterion = {
  name: 'sharedCustomers',
  symmetric: true,
  evaluate(self, other) {
    const facts: ReasonFact[] = [];
    // The parts with evidence, as a weighted sum (in the order industries, sizes, region).
    let weight = 0;
    let sum = 0;
    const ia = self.vector.targetIndustries;
    const ib = other.vector.targetIndustries;
    if (ia.length > 0 && ib.length > 0) {
      const common = sharedIds(ia, ib);
      // Industries are broad; one in common is already a real overlap.
      const score = Math.min(1, weightedJaccard(ia, ib) + (common.length > 0 ? 0.3 : 0));
      weight += PART_WEIGHTS.industries;
      sum += PART_WEIGHTS.industries * score;
      if (common.length > 0) facts.push({ key: 'shared-industries', industries: common });
    }
    const sizes = sizeFit(self, other);
    if (sizes !== null) {
      weight += PART_WEIGHTS.sizes;
      sum += PART_WEIGHTS.sizes * sizes;
      const common = shared(self.vector.sizes, other.vector.sizes);
      if (common.length > 0) facts.push({ key: 'shared-sizes', sizes: common });
      else facts.push({ key: 'different-customers', mine: self.vector.sizes, theirs: other.vector.sizes });
    }
    const region = regionFit(self, other);
    if (region.score !== null) {
      weight += PART_WEIGHTS.region;
      sum += PART_WEIGHTS.region * region.score;
      if (region.score >= 0.85 && region.label) facts.push({ key: 'same-market', region: region.label });
      else if (region.score === 0) facts.push({ key: 'different-market', mine: self.vector.region!.name, theirs: other.vector.region!.name });
    }
    if (weight === 0) return UNKNOWN;
    return { score: Math.round((sum / weight) * 1000) / 1000, confidence: Math.round(weight * 1000) / 1000, facts };
  },
};
