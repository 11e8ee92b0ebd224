/**
 * Whether two members sell in the same market: the same region (or commuting area),
 * and customers that are not clearly different (consumers versus large companies).
 */
import type { ScoredMember } from '../scoring/scored-member.ts';
import { setJaccard } from '../scoring/similarity.ts';

export interface RegionFit {
  /** 1 same place, 0.85 same commuting area, 0.4 same country, 0 elsewhere; null when unknown. */
  readonly score: number | null;
  readonly label: string | null;
}

const UNKNOWN_REGION: RegionFit = Object.freeze({ score: null, label: null });
const ELSEWHERE: RegionFit = Object.freeze({ score: 0, label: null });

export function regionFit(a: ScoredMember, b: ScoredMember): RegionFit {
  const ra = a.vector.region;
  const rb = b.vector.region;
  if (!ra || !rb) return UNKNOWN_REGION;
  if (ra.key === rb.key) return { score: 1, label: ra.name };
  if (ra.area === rb.area) return { score: 0.85, label: `${ra.name} / ${rb.name}` };
  if (ra.country && ra.country === rb.country) return { score: 0.4, label: ra.country };
  return ELSEWHERE;
}

const SIZE_ORDER = ['consumer', 'micro', 'small', 'medium', 'large'];

/** Size bands in common (Jaccard); null when either side gave none. */
export function sizeFit(a: ScoredMember, b: ScoredMember): number | null {
  const sa = a.vector.sizes;
  const sb = b.vector.sizes;
  if (sa.length === 0 || sb.length === 0) return null;
  const jaccard = setJaccard(sa, sb);
  if (jaccard > 0) return jaccard;
  // Neighbouring bands (small and medium) still share some customers.
  for (const x of sa) {
    if (x === 'consumer') continue;
    for (const y of sb) if (y !== 'consumer' && Math.abs(SIZE_ORDER.indexOf(x) - SIZE_ORDER.indexOf(y)) === 1) return 0.25;
  }
  return 0;
}

/**
 * Same market: region not clearly different, customer sizes not clearly disjoint,
 * and customer industries not clearly disjoint (a project manager for banks and one
 * for pharma companies do not sell to the same customers).
 */
export function sameMarket(a: ScoredMember, b: ScoredMember): boolean {
  const region = regionFit(a, b).score;
  const sizes = sizeFit(a, b);
  const ia = a.vector.targetIndustries;
  const ib = b.vector.targetIndustries;
  const industriesDisjoint = ia.length > 0 && ib.length > 0 && !ia.some((x) => ib.some((y) => y.id === x.id));
  return (region === null || region >= 0.85) && (sizes === null || sizes > 0) && !industriesDisjoint;
}
