/**
 * NACE Rev. 2 codes and their national refinements (Sweden's SNI 2007, Denmark's
 * DB07, Germany's WZ 2008): "69.20", "6920", "69201", "69.20.1" and "M69.20" all
 * parse to section M, division 69, group 69.2, class 69.20. The national fifth digit
 * is kept as `detail`. Validation is by division: the 88 divisions are fixed, and
 * the engine only needs the hierarchy, not every class's label.
 */
import type { BusinessArea } from '../lexicon/lexicon-schema.ts';

export interface NaceCode {
  readonly kind: 'nace';
  readonly section: string;
  /** Two digits, e.g. "69". */
  readonly division: string;
  /** "69.2", when given. */
  readonly group: string | null;
  /** "69.20", when given. */
  readonly class: string | null;
  /** The national fifth digit (SNI/DB07/WZ), when given. */
  readonly detail: string | null;
}

/** Sections by their first and last division. */
const SECTIONS: readonly [string, number, number][] = [
  ['A', 1, 3], ['B', 5, 9], ['C', 10, 33], ['D', 35, 35], ['E', 36, 39], ['F', 41, 43], ['G', 45, 47],
  ['H', 49, 53], ['I', 55, 56], ['J', 58, 63], ['K', 64, 66], ['L', 68, 68], ['M', 69, 75], ['N', 77, 82],
  ['O', 84, 84], ['P', 85, 85], ['Q', 86, 88], ['R', 90, 93], ['S', 94, 96], ['T', 97, 98], ['U', 99, 99],
];
/** Numbers inside the section ranges that NACE Rev. 2 leaves unused. */
const UNUSED_DIVISIONS = new Set([4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89]);

export function sectionOfDivision(division: number): string | null {
  if (UNUSED_DIVISIONS.has(division)) return null;
  for (const [section, first, last] of SECTIONS) if (division >= first && division <= last) return section;
  return null;
}

export type NaceParseResult = { ok: true; code: NaceCode } | { ok: false; reason: string };

/** Parses a NACE / SNI / DB07 / WZ code; the reason says what is wrong with a bad one. */
export function parseNaceCode(input: string): NaceParseResult {
  const raw = input.trim().toUpperCase().replace(/\s+/g, '');
  const match = /^([A-U])?(\d{2})(?:\.?(\d))?(?:\.?(\d))?(?:\.?(\d{1,2}))?$/.exec(raw);
  if (!match) {
    return { ok: false, reason: `"${input}" is not a NACE/SNI/DB07/WZ code (expected e.g. 69.20, 6920 or 69201)` };
  }
  const [, letter, division, groupDigit, classDigit, detail] = match;
  const section = sectionOfDivision(Number(division));
  if (!section) return { ok: false, reason: `"${input}": division ${division} does not exist in NACE Rev. 2` };
  if (letter && letter !== section) {
    return { ok: false, reason: `"${input}": division ${division} belongs to section ${section}, not ${letter}` };
  }
  const group = groupDigit !== undefined ? `${division}.${groupDigit}` : null;
  const klass = group && classDigit !== undefined ? `${group}${classDigit}` : null;
  return {
    ok: true,
    code: { kind: 'nace', section, division: division!, group, class: klass, detail: detail ?? null },
  };
}

export function formatNaceCode(code: NaceCode): string {
  return code.class ?? code.group ?? code.division;
}

/** Business areas of NACE divisions (and a few classes that differ from their division). */
const AREA_BY_CLASS: Record<string, BusinessArea> = {
  '70.21': 'marketing-media',
  '74.30': 'business-support',
  '82.30': 'events-hospitality',
  '85.59': 'people',
  '93.13': 'health',
  '96.02': 'health',
  '96.04': 'health',
};
const AREA_BY_DIVISION: Record<string, BusinessArea> = {
  '18': 'marketing-media', '41': 'home-property', '42': 'home-property', '43': 'home-property',
  '45': 'logistics', '49': 'logistics', '50': 'logistics', '51': 'logistics', '52': 'logistics', '53': 'logistics',
  '55': 'events-hospitality', '56': 'events-hospitality', '58': 'marketing-media', '59': 'marketing-media',
  '60': 'marketing-media', '61': 'it', '62': 'it', '63': 'it', '64': 'money-law', '65': 'money-law',
  '66': 'money-law', '68': 'home-property', '69': 'money-law', '70': 'business-support', '71': 'home-property',
  '73': 'marketing-media', '74': 'marketing-media', '77': 'business-support', '78': 'people',
  '79': 'events-hospitality', '80': 'home-property', '81': 'home-property', '82': 'business-support',
  '85': 'people', '86': 'health', '87': 'health', '88': 'health', '93': 'health', '96': 'health',
};

export function businessAreaOfNace(code: NaceCode): BusinessArea | null {
  return (code.class && AREA_BY_CLASS[code.class]) || AREA_BY_DIVISION[code.division] || null;
}
