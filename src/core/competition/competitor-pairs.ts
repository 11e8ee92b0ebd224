/**
 * All competitor pairs among a set of members. Up to `EXACT_LIMIT` members every pair
 * is compared. Beyond, members are blocked by their service concepts, NACE class and
 * the first four letters of their service words, and only members sharing a block are
 * compared: exact for concept overlaps, approximate for wording-only similarity
 * (cognates that differ in their first letters, "tekstiler"/"textilier", can be missed).
 */
import type { ScoredMember } from '../scoring/scored-member.ts';
import { detectCompetition, PARTIAL_OVERLAP, serviceOverlapValue, type Competition } from './competitor-detector.ts';

export interface CompetitorPair {
  readonly a: string;
  readonly b: string;
  readonly competition: Competition;
}

export const EXACT_LIMIT = 1000;

function blockKeys(member: ScoredMember): string[] {
  const v = member.vector;
  const keys = v.services.map((s) => `svc:${s.id}`);
  if (v.nace?.class) keys.push(`nace:${v.nace.class}`);
  keys.push(...v.serviceTerms.filter((t) => t.length >= 4).map((t) => `term:${t.slice(0, 4)}`));
  keys.push(...v.serviceWords.filter((w) => w.word.startsWith('=') && w.weight >= 0.5).map((w) => `word:${w.word}`));
  return [...new Set(keys)];
}

export function findCompetitorPairs(members: readonly ScoredMember[], onlyMember?: string): CompetitorPair[] {
  const blocks = new Map<string, ScoredMember[]>();
  if (members.length <= EXACT_LIMIT) {
    // Each id once (its first member), as the pair keys do when there are several blocks.
    const firstById = new Map<string, ScoredMember>();
    for (const member of members) if (!firstById.has(member.id)) firstById.set(member.id, member);
    blocks.set('all', [...firstById.values()]);
  } else {
    for (const member of members) {
      for (const key of blockKeys(member)) {
        const block = blocks.get(key) ?? [];
        block.push(member);
        blocks.set(key, block);
      }
    }
  }
  // A pair met in two blocks is compared once; with one block every pair is met once.
  const seen = blocks.size > 1 ? new Set<string>() : null;
  const pairs: CompetitorPair[] = [];
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = block[i]!.id < block[j]!.id ? [block[i]!, block[j]!] : [block[j]!, block[i]!];
        if (a.id === b.id) continue;
        if (onlyMember && a.id !== onlyMember && b.id !== onlyMember) continue;
        if (seen) {
          const key = `${a.id}\u0000${b.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        // Under the partial overlap the two do not compete (level none): the cheap overlap decides most pairs.
        if (serviceOverlapValue(a, b) < PARTIAL_OVERLAP) continue;
        const competition = detectCompetition(a, b);
        if (competition.level !== 'none') pairs.push({ a: a.id, b: b.id, competition });
      }
    }
  }
  return pairs.sort(
    (x, y) =>
      (x.competition.level === y.competition.level ? 0 : x.competition.level === 'direct' ? -1 : 1) ||
      y.competition.score - x.competition.score ||
      x.a.localeCompare(y.a) ||
      x.b.localeCompare(y.b),
  );
}
