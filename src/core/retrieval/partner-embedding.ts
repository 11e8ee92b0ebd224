/**
 * Dense embeddings for candidate retrieval at scale: a two-tower, inner-product
 * approximation of the pair score. The query side of a member carries what they look
 * for (the services that complement theirs, their area, customers and contacts); the
 * item side carries what they are (their services, area, customers, contacts). Their
 * inner product is high where complementarity, shared customers and shared contacts
 * are; the exact five-criteria scoring then reranks the candidates. Pure.
 */
import type { EngineKnowledge } from '../knowledge.ts';
import { BUSINESS_AREAS, FUNCTIONS, SENIORITIES } from '../lexicon/lexicon-schema.ts';
import { SIZE_BANDS } from '../profile/member-profile.ts';
import { fnv1a } from '../text/char-ngrams.ts';
import type { MemberVector, WeightedConcept, Weights } from '../vectors/member-vector.ts';

const REGION_BUCKETS = 16;
export const BLOCK_NAMES = ['services', 'areas', 'industries', 'sizes', 'seniority', 'functions', 'region'] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];
/**
 * Block weights: how much each part of the profile counts in retrieval. The query
 * side carries the weight, the item side unit-length blocks, so the inner product is
 * Σ weight × (cosine of the block). Hand-set. A least-squares fit of the exact pair
 * score on block cosines (`scripts/bench/fit-retrieval-weights.ts`: services 0.71,
 * areas 0.22, industries 0.13, functions 0.08, seniority 0.08, sizes 0.06, region 0.03)
 * fits the average pair better but gave lower recall@10 (0.71 against 0.76 at 20,000
 * members): the top of the ranking is not the average pair.
 */
export const DEFAULT_BLOCK_WEIGHTS: Readonly<Record<BlockName, number>> = {
  services: 1, areas: 0.36, industries: 0.25, sizes: 0.16, seniority: 0.25, functions: 0.25, region: 0.16,
};

export interface PartnerEmbedder {
  readonly dimensions: number;
  /** Where each block sits in the embedding. */
  readonly blocks: readonly { readonly name: BlockName; readonly start: number; readonly end: number }[];
  /** What `vector`'s member looks for in a partner. */
  query(vector: MemberVector): Float32Array;
  /** What `vector`'s member offers as a partner. */
  item(vector: MemberVector): Float32Array;
}

export function createPartnerEmbedder(
  knowledge: EngineKnowledge,
  blockWeights: Readonly<Record<BlockName, number>> = DEFAULT_BLOCK_WEIGHTS,
): PartnerEmbedder {
  const concepts = knowledge.lexicon.concepts;
  const serviceIndex = new Map(concepts.filter((c) => c.kind === 'service').map((c, i) => [c.id, i]));
  const industryIndex = new Map(concepts.filter((c) => c.kind === 'industry').map((c, i) => [c.id, i]));
  // Complements either way: a lists b, or b lists a.
  const complements = new Map<string, Set<string>>();
  for (const c of concepts) {
    if (c.kind !== 'service') continue;
    for (const other of c.complements) {
      (complements.get(c.id) ?? complements.set(c.id, new Set()).get(c.id)!).add(other);
      (complements.get(other) ?? complements.set(other, new Set()).get(other)!).add(c.id);
    }
  }
  const offsets = {
    services: 0,
    areas: serviceIndex.size,
    industries: serviceIndex.size + BUSINESS_AREAS.length,
    sizes: serviceIndex.size + BUSINESS_AREAS.length + industryIndex.size,
    seniority: serviceIndex.size + BUSINESS_AREAS.length + industryIndex.size + SIZE_BANDS.length,
    functions: serviceIndex.size + BUSINESS_AREAS.length + industryIndex.size + SIZE_BANDS.length + SENIORITIES.length,
    region: serviceIndex.size + BUSINESS_AREAS.length + industryIndex.size + SIZE_BANDS.length + SENIORITIES.length + FUNCTIONS.length,
  };
  const dimensions = offsets.region + REGION_BUCKETS;
  const ends: Record<BlockName, number> = {
    services: offsets.areas, areas: offsets.industries, industries: offsets.sizes, sizes: offsets.seniority,
    seniority: offsets.functions, functions: offsets.region, region: dimensions,
  };
  const blocks = BLOCK_NAMES.map((name) => ({ name, start: offsets[name], end: ends[name] }));

  const writeBlock = (out: Float32Array, offset: number, weight: number, entries: Iterable<[number, number]>) => {
    const values = [...entries];
    const norm = Math.sqrt(values.reduce((s, [, v]) => s + v * v, 0));
    if (norm === 0) return;
    for (const [i, v] of values) out[offset + i]! += (weight * v) / norm;
  };
  const concepts2 = (list: readonly WeightedConcept[], index: Map<string, number>) =>
    list.filter((c) => index.has(c.id)).map((c) => [index.get(c.id)!, c.weight] as [number, number]);
  const weights = <K extends string>(w: Weights<K>, keys: readonly K[]) =>
    keys.map((k, i) => [i, w[k] ?? 0] as [number, number]).filter(([, v]) => v > 0);
  const shared = (out: Float32Array, v: MemberVector, w: (block: BlockName) => number) => {
    writeBlock(out, offsets.areas, w('areas'), weights(v.areas, BUSINESS_AREAS));
    writeBlock(out, offsets.industries, w('industries'), concepts2(v.targetIndustries, industryIndex));
    writeBlock(out, offsets.sizes, w('sizes'), v.sizes.map((s) => [SIZE_BANDS.indexOf(s), 1] as [number, number]));
    writeBlock(out, offsets.seniority, w('seniority'), weights(v.seniority, SENIORITIES));
    writeBlock(out, offsets.functions, w('functions'), weights(v.functions, FUNCTIONS));
    if (v.region) writeBlock(out, offsets.region, w('region'), [[fnv1a(v.region.area) % REGION_BUCKETS, 1]]);
  };
  const queryWeight = (block: BlockName) => blockWeights[block];
  const unit = () => 1;

  return {
    dimensions,
    blocks,
    query(v) {
      const out = new Float32Array(dimensions);
      const wanted = new Map<number, number>();
      for (const s of v.services) {
        for (const c of complements.get(s.id) ?? []) {
          const i = serviceIndex.get(c);
          if (i !== undefined) wanted.set(i, Math.max(wanted.get(i) ?? 0, s.weight));
        }
      }
      writeBlock(out, offsets.services, queryWeight('services'), wanted);
      shared(out, v, queryWeight);
      return out;
    },
    item(v) {
      const out = new Float32Array(dimensions);
      writeBlock(out, offsets.services, 1, concepts2(v.services, serviceIndex));
      shared(out, v, unit);
      return out;
    },
  };
}
