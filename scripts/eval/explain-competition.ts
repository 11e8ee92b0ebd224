/**
 * Why two members are (or are not) competitors: the detector's answer for each pair
 * and the concepts each member's services were read as. For working on the lexicon
 * and the detector against the evaluation and demo networks.
 *
 *   node --import tsx scripts/eval/explain-competition.ts ev-053/ev-055 se-012/se-013 …
 *
 * Members are looked up in data/eval/network.csv, data/demo/roster.csv and
 * data/demo/applicants.csv.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { detectCompetition } from '../../src/core/competition/competitor-detector.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';

const root = path.resolve(import.meta.dirname, '../..');
const knowledge = loadKnowledge();
const members = new Map<string, { member: ScoredMember; services: string }>();
for (const file of ['data/eval/network.csv', 'data/demo/roster.csv', 'data/demo/applicants.csv']) {
  for (const row of parse(readFileSync(path.join(root, file)), { columns: true }) as Record<string, string>[]) {
    const parsed = parseMemberProfile(row);
    if (!parsed.success) continue;
    const p = parsed.profile;
    members.set(p.id, { member: { id: p.id, network: p.network, name: p.name, vector: vectorizeMember(p, knowledge) }, services: row.services ?? '' });
  }
}

const lines: string[] = [];
for (const arg of process.argv.slice(2)) {
  const [x = '', y = ''] = arg.split(/[|,/]/);
  const a = members.get(x);
  const b = members.get(y);
  if (!a || !b) {
    lines.push(`unknown member in ${arg}`);
    continue;
  }
  const c = detectCompetition(a.member, b.member);
  lines.push(`${x} vs ${y}: ${c.level}, overlap ${c.overlap}, same market ${c.sameMarket}, services [${c.sharedServices.join(', ')}], words [${c.sharedTerms.join(', ')}]`);
  for (const { member, services } of [a, b]) {
    const concepts = member.vector.services.map((s) => `${s.id} ${s.weight} (${s.term})`).join('; ');
    lines.push(`  ${member.id} "${services}" nace ${member.vector.nace?.class ?? '-'}: ${concepts}`);
    lines.push(`    words: ${member.vector.serviceTerms.join(' ')}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
