/**
 * Cross-lingual competitor check on real data: members whose only service is the
 * official Swedish, Danish, German or English label of a NACE Rev. 2 class. Two
 * labels of one class (in two different languages) must be flagged as competitors;
 * labels of classes in different divisions must not. Reads
 * ../shared/data/nace/nace-rev2.json, which is optional: without it the script says
 * so and exits 0.
 *
 *   node --import tsx scripts/eval/nace-crosslingual.ts [--pairs 600] [--seed 1] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { detectCompetition } from '../../src/core/competition/competitor-detector.ts';
import { addOutcome, emptyConfusion, precisionRecallF1 } from '../../src/core/evaluation/ranking-metrics.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { createRandom } from '../../src/core/random/seeded-random.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { loadKnowledge } from '../../src/knowledge/knowledge-files.ts';

const { values } = parseArgs({
  options: { pairs: { type: 'string', default: '600' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
});
const root = path.resolve(import.meta.dirname, '../..');
const source = path.resolve(root, '../shared/data/nace/nace-rev2.json');
if (!existsSync(source)) {
  process.stdout.write(`reference data not found at ${source}; skipping the NACE cross-lingual check\n`);
  process.exit(0);
}
interface NaceEntry { code: string; level: string; sv: string; da: string; de: string; en: string }
const classes = (JSON.parse(readFileSync(source, 'utf8')) as NaceEntry[]).filter((e) => e.level === 'class');
const knowledge = loadKnowledge();
const random = createRandom(Number(values.seed));
const LANGUAGES = ['sv', 'da', 'de', 'en'] as const;
let counter = 0;

function member(label: string, language: (typeof LANGUAGES)[number]): ScoredMember {
  const parsed = parseMemberProfile({ id: `m${++counter}`, name: 'Member', services: label.replaceAll(';', ','), language, region: 'Malmö' });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return { id: parsed.profile.id, network: null, name: 'Member', vector: vectorizeMember(parsed.profile, knowledge) };
}

const half = Math.floor(Number(values.pairs) / 2);
const confusion = emptyConfusion();
const byLanguagePair = new Map<string, ReturnType<typeof emptyConfusion>>();
const examples: string[] = [];
for (let i = 0; i < half * 2; i++) {
  const same = i < half;
  const first = random.pick(classes);
  let second = first;
  if (!same) {
    do second = random.pick(classes);
    while (second.code.slice(0, 2) === first.code.slice(0, 2));
  }
  const [la, lb] = random.sample(LANGUAGES, 2) as [(typeof LANGUAGES)[number], (typeof LANGUAGES)[number]];
  const a = member(first[la], la);
  const b = member(second[lb], lb);
  const flagged = detectCompetition(a, b).level !== 'none';
  addOutcome(confusion, flagged, same);
  const pairKey = [la, lb].sort().join('-');
  const slot = byLanguagePair.get(pairKey) ?? emptyConfusion();
  addOutcome(slot, flagged, same);
  byLanguagePair.set(pairKey, slot);
  if (same && !flagged && examples.length < 12) examples.push(`missed ${first.code}: ${la} "${first[la]}" vs ${lb} "${first[lb]}"`);
  if (!same && flagged && examples.length < 24) examples.push(`false alarm ${first.code}/${second.code}: "${first[la]}" vs "${second[lb]}"`);
}
const overall = precisionRecallF1(confusion);
const result = {
  pairs: half * 2,
  sameClassPairs: half,
  differentDivisionPairs: half,
  precision: round(overall.precision),
  recall: round(overall.recall),
  f1: round(overall.f1),
  byLanguagePair: Object.fromEntries([...byLanguagePair].sort().map(([k, c]) => [k, { recall: round(precisionRecallF1(c).recall), precision: round(precisionRecallF1(c).precision) }])),
  examples,
};
function round(x: number) {
  return Math.round(x * 1000) / 1000;
}
process.stdout.write(
  values.json
    ? `${JSON.stringify(result, null, 2)}\n`
    : [
        `NACE cross-lingual competitor check: ${result.pairs} pairs (${half} same class in two languages, ${half} different divisions), seed ${values.seed}`,
        `precision ${result.precision}, recall ${result.recall}, F1 ${result.f1}`,
        ...Object.entries(result.byLanguagePair).map(([k, v]) => `  ${k}: recall ${v.recall}, precision ${v.precision}`),
        ...examples.map((e) => `  ${e}`),
        '',
      ].join('\n'),
);
