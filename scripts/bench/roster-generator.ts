/**
 * Generates large rosters for benchmarks: members in Swedish, Danish, German and
 * English, written with the lexicon's own labels (plus compound and inflected
 * variants, as people write them), spread over networks and regions. Seeded.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { EngineKnowledge } from '../../src/core/knowledge.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import type { Concept } from '../../src/core/lexicon/lexicon-schema.ts';
import { createRandom, type Random } from '../../src/core/random/seeded-random.ts';

const LANGUAGES = ['sv', 'da', 'de', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const REGIONS: Record<Language, readonly string[]> = {
  sv: ['Malmö', 'Lund', 'Stockholm', 'Göteborg', 'Uppsala', 'Helsingborg'],
  da: ['København', 'Aarhus', 'Odense', 'Aalborg', 'Helsingør'],
  de: ['Hamburg', 'Frankfurt am Main', 'Berlin', 'München', 'Köln', 'Stuttgart'],
  en: ['London', 'Manchester', 'Birmingham', 'Edinburgh'],
};
const CURRENCY: Record<Language, string> = { sv: 'SEK', da: 'DKK', de: 'EUR', en: 'GBP' };
const DEAL_SCALE: Record<Language, number> = { sv: 11, da: 7.5, de: 1, en: 0.87 };
const SUFFIX: Record<Language, readonly string[]> = {
  sv: ['', '', 'tjänster', 'byrå'],
  da: ['', '', 'ydelser', 'firma'],
  de: ['', '', 'sdienst', 'sberatung'],
  en: ['', '', ' services', ' support'],
};
const FIRST = ['Anna', 'Lars', 'Søren', 'Mette', 'Jürgen', 'Heike', 'Olivia', 'James', 'Åsa', 'Björn', 'Jens', 'Kirsten', 'Uwe', 'Petra', 'Emma', 'Oliver'];
const LAST = ['Åkesson', 'Björk', 'Nørgaard', 'Kjærgaard', 'Schröder', 'Weiß', 'Brown', 'Carter', 'Lindqvist', 'Hansen', 'Müller', 'Smith', 'Berg', 'Jensen', 'Fischer', 'Taylor'];
const SIZES = ['consumer', 'micro', 'small', 'medium', 'large'];
const CAPACITY = ['over', 'balanced', 'under', ''];

export interface GenerateOptions {
  readonly members: number;
  readonly networks: number;
  readonly seed: number;
  readonly idPrefix?: string;
}

export const ROSTER_HEADER = 'id,name,company,network,language,region,industry,nace,services,target_industries,target_company_sizes,contact_roles,stage,avg_deal_value,capacity,interests';

function labelOf(concept: Concept, language: Language, random: Random): string {
  return random.pick(concept.labels[language]);
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Generated roster rows as records keyed by the roster fields. */
export function* generateRosterRecords(knowledge: EngineKnowledge, options: GenerateOptions): Generator<Record<string, string>> {
  const fields = ROSTER_HEADER.split(',');
  for (const row of generateRosterFields(knowledge, options)) yield Object.fromEntries(fields.map((f, i) => [f, row[i]!]));
}

export function* generateRosterRows(knowledge: EngineKnowledge, options: GenerateOptions): Generator<string> {
  for (const row of generateRosterFields(knowledge, options)) yield row.map(csvField).join(',');
}

function* generateRosterFields(knowledge: EngineKnowledge, options: GenerateOptions): Generator<string[]> {
  const random = createRandom(options.seed);
  const byKind = (kind: Concept['kind']) => knowledge.lexicon.concepts.filter((c) => c.kind === kind);
  const services = byKind('service');
  const industries = byKind('industry');
  const roles = byKind('role');
  const interests = byKind('interest');
  for (let i = 0; i < options.members; i++) {
    const language = random.pick(LANGUAGES);
    const main = random.pick(services);
    const extra = random.chance(0.6) && main.kind === 'service' && main.complements.length > 0 && random.chance(0.3)
      ? [knowledge.lexicon.get(random.pick(main.complements))!]
      : [];
    const serviceLabels = [labelOf(main, language, random) + random.pick(SUFFIX[language]), labelOf(main, language, random), ...extra.map((c) => labelOf(c, language, random))];
    const row = [
      `${options.idPrefix ?? 'gen'}-${i.toString().padStart(7, '0')}`,
      `${random.pick(FIRST)} ${random.pick(LAST)}`,
      `${random.pick(LAST)} ${labelOf(main, language, random)}`,
      `network-${random.int(options.networks)}`,
      random.chance(0.75) ? language : '',
      random.pick(REGIONS[language]),
      labelOf(main, language, random),
      main.kind === 'service' && random.chance(0.5) ? main.nace[0]! : '',
      [...new Set(serviceLabels)].join(';'),
      random.sample(industries, 1 + random.int(3)).map((c) => labelOf(c, language, random)).join(';'),
      random.sample(SIZES, 1 + random.int(2)).join(';'),
      random.sample(roles, 1 + random.int(3)).map((c) => labelOf(c, language, random)).join(';'),
      '',
      random.chance(0.85) ? `${Math.round((500 + random.int(50_000)) * DEAL_SCALE[language])} ${CURRENCY[language]}` : '',
      random.pick(CAPACITY),
      random.sample(interests, random.int(4)).map((c) => labelOf(c, language, random)).join(';'),
    ];
    yield row;
  }
}

/** Writes a generated roster CSV; resolves when the file is complete. */
export async function writeRoster(file: string, knowledge: EngineKnowledge, options: GenerateOptions): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${ROSTER_HEADER}\n`);
  for (const row of generateRosterRows(knowledge, options)) {
    if (!out.write(`${row}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** The generated members parsed and vectorised, as the scorers see them (a record the parser refuses is left out). */
export function generateScoredMembers(knowledge: EngineKnowledge, options: GenerateOptions): ScoredMember[] {
  const members: ScoredMember[] = [];
  for (const record of generateRosterRecords(knowledge, options)) {
    const parsed = parseMemberProfile(record);
    if (parsed.success) members.push({ id: parsed.profile.id, network: parsed.profile.network, name: parsed.profile.name, vector: vectorizeMember(parsed.profile, knowledge) });
  }
  return members;
}
