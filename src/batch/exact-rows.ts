/**
 * The exact mode's rows: each member's best partners from the exact partner index,
 * the same as `rankPartners` over every member. Used by the calling thread and by
 * each worker thread of the all-pairs batch (each with its own index). A tile is a
 * range of positions in the index's member order (members of one trade together,
 * which keeps the trades they visit in the caches); each row says which member it is.
 */
import type { EngineKnowledge } from '../core/knowledge.ts';
import { buildExactPartnerIndex } from '../core/retrieval/exact-partner-index.ts';
import type { ScoredMember } from '../core/scoring/scored-member.ts';
import { DEFAULT_SCORING_CONFIG } from '../core/scoring/scoring-config.ts';

export interface Tile {
  readonly start: number;
  readonly end: number;
}

export interface Row {
  readonly index: number;
  readonly partners: { id: string; score: number }[];
}

export function exactRows(members: readonly ScoredMember[], knowledge: EngineKnowledge, top: number): (tile: Tile) => Row[] {
  const index = buildExactPartnerIndex(members, knowledge);
  return ({ start, end }) => {
    const results: Row[] = [];
    for (let p = start; p < end; p++) {
      const i = index.memberOrder[p]!;
      const found = index.best(members[i]!, top, DEFAULT_SCORING_CONFIG);
      results.push({ index: i, partners: found.partners.map((partner) => ({ id: partner.member.id, score: partner.score })) });
    }
    return results;
  };
}
