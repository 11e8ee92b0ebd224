/**
 * Approximate nearest-neighbour candidate retrieval (usearch HNSW, inner product)
 * over the partner embeddings of a set of members, for per-member suggestions at
 * hundreds of thousands to millions of members: retrieve a few hundred candidates,
 * then score them exactly on the five criteria.
 */
import usearch from 'usearch';
import type { EngineKnowledge } from '../core/knowledge.ts';
import { createPartnerEmbedder, type PartnerEmbedder } from '../core/retrieval/partner-embedding.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';

export interface PartnerIndex {
  readonly size: number;
  /** Up to `k` candidate partners for `self` (self excluded). */
  candidates(self: ScoredMember, k: number): ScoredMember[];
}

export interface PartnerIndexOptions {
  readonly connectivity?: number;
  readonly expansionAdd?: number;
  readonly expansionSearch?: number;
  readonly threads?: number;
}

export function buildPartnerIndex(members: readonly ScoredMember[], knowledge: EngineKnowledge, options: PartnerIndexOptions = {}): PartnerIndex {
  const embedder: PartnerEmbedder = createPartnerEmbedder(knowledge);
  const index = new usearch.Index({
    dimensions: embedder.dimensions,
    metric: usearch.MetricKind.IP,
    quantization: usearch.ScalarKind.F32,
    connectivity: options.connectivity ?? 16,
    expansion_add: options.expansionAdd ?? 128,
    expansion_search: options.expansionSearch ?? 256,
    multi: false,
  });
  const chunk = 16_384;
  for (let start = 0; start < members.length; start += chunk) {
    const end = Math.min(members.length, start + chunk);
    const matrix = new Float32Array((end - start) * embedder.dimensions);
    const keys = new BigUint64Array(end - start);
    for (let i = start; i < end; i++) {
      matrix.set(embedder.item(members[i]!.vector), (i - start) * embedder.dimensions);
      keys[i - start] = BigInt(i);
    }
    index.add(keys, matrix, options.threads ?? 2);
  }
  return {
    size: members.length,
    candidates(self, k) {
      const found = index.search(embedder.query(self.vector), k + 1, 1);
      const out: ScoredMember[] = [];
      for (const key of found.keys) {
        const member = members[Number(key)];
        if (member && member.id !== self.id) out.push(member);
      }
      return out.slice(0, k);
    },
  };
}
