/** The demo roster and generated networks, parsed and vectorised in memory (no database), for core tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';
import { generateRosterRecords } from '../../scripts/bench/roster-generator.ts';

export const knowledge = loadKnowledge();

export function membersFromCsv(relativePath: string): ScoredMember[] {
  const file = fileURLToPath(new URL(relativePath, import.meta.url));
  const rows = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
  return rows.map((row) => {
    const parsed = parseMemberProfile(row);
    if (!parsed.success) throw new Error(`${row.id}: ${JSON.stringify(parsed.issues)}`);
    const p = parsed.profile;
    return { id: p.id, network: p.network, name: p.name, vector: vectorizeMember(p, knowledge) };
  });
}

export const demoMembers = (): ScoredMember[] => membersFromCsv('../../data/demo/roster.csv');

/** A seeded generated roster (the benchmarks' generator), as scored members. */
export function generatedMembers(count: number, options: { readonly networks: number; readonly seed: number; readonly idPrefix?: string }): ScoredMember[] {
  const out: ScoredMember[] = [];
  for (const record of generateRosterRecords(knowledge, { members: count, ...options })) {
    const parsed = parseMemberProfile(record);
    if (parsed.success) out.push({ id: parsed.profile.id, network: parsed.profile.network, name: parsed.profile.name, vector: vectorizeMember(parsed.profile, knowledge) });
  }
  return out;
}
