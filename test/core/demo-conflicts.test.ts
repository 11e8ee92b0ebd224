/**
 * Competitor levels the demo data promises (data/demo/README.md): partial
 * competitors, look-alikes that are partners, and the applicants of
 * data/demo/applicants.csv scored as if they were members against the roster, so
 * the applicants feature can rely on the levels it gets from the detector.
 */
import { describe, expect, it } from 'vitest';
import { detectCompetition, type CompetitorLevel } from '../../src/core/competition/competitor-detector.ts';
import type { ScoredMember } from '../../src/core/scoring/scored-member.ts';
import { demoMembers, membersFromCsv } from '../support/demo-members.ts';

const roster = demoMembers();
const applicants = membersFromCsv('../../data/demo/applicants.csv');
const byId = new Map([...roster, ...applicants].map((m) => [m.id, m]));
const member = (id: string): ScoredMember => {
  const found = byId.get(id);
  if (!found) throw new Error(`no member ${id}`);
  return found;
};
const level = (a: string, b: string): CompetitorLevel => detectCompetition(member(a), member(b)).level;

describe('partial competitors in the demo roster', () => {
  it.each([
    ['se-012', 'se-013'], // web design + SEO vs SEO + ads
    ['uk-006', 'uk-007'], // web design + SEO vs social media + SEO
    ['de-014', 'de-015'], // tax adviser with payroll vs payroll bureau
    ['dk-007', 'se-023'], // photo + video vs video + photo, across languages
    ['de-002', 'de-004'], // IT project management vs agile coaching with agile project leadership
    ['de-001', 'de-003'], // the same trade for another sector
    ['de-002', 'de-003'],
    ['uk-004', 'uk-005'], // financial adviser vs insurance broker: protection
  ])('%s and %s are partial competitors', (a, b) => {
    expect(level(a, b)).toBe('partial');
    expect(level(b, a)).toBe('partial');
  });
});

describe('look-alikes that are not competitors', () => {
  it.each([
    ['se-008', 'se-014'], // estate agent vs a photographer of homes for estate agents
    ['de-019', 'de-026'], // Makler vs a photographer of Immobilienfotos für Exposés
    ['se-006', 'se-007'], // bank vs insurance broker
    ['dk-004', 'dk-005'],
    ['de-017', 'de-018'],
    ['uk-003', 'uk-012'], // commercial solicitor vs family lawyer
    ['de-020', 'de-022'], // Umzüge vs Umzugsreinigung
    ['de-008', 'de-010'], // IT security vs test management
  ])('%s and %s are not competitors', (a, b) => {
    expect(level(a, b)).toBe('none');
  });
});

describe('applicants scored against the demo roster', () => {
  const inNetwork = (applicant: ScoredMember) => roster.filter((m) => m.network === applicant.network);
  const conflicts = (id: string) =>
    inNetwork(member(id))
      .map((m) => ({ member: m.id, level: detectCompetition(member(id), m).level }))
      .filter((c) => c.level !== 'none');

  it.each([
    ['app-001', 'se-021', 'direct'], // IT-sikkerhed vs cybersäkerhet, across languages
    ['app-002', 'uk-010', 'direct'], // two estate agents
    ['app-003', 'uk-008', 'partial'], // content marketer vs copywriter
    ['app-004', 'de-008', 'partial'], // Datenschutz vs Informationssicherheit
  ] as const)('%s conflicts with %s: %s', (applicant, rosterMember, expected) => {
    expect(level(applicant, rosterMember)).toBe(expected);
    expect(conflicts(applicant)).toContainEqual({ member: rosterMember, level: expected });
  });

  it('app-003 (content) is at most a partial competitor of uk-007 (social media, content calendars)', () => {
    expect(level('app-003', 'uk-007')).not.toBe('direct');
  });

  it.each(['app-005', 'app-006', 'app-007', 'app-008', 'app-009', 'app-010'])('%s conflicts with no member of its network', (applicant) => {
    expect(conflicts(applicant)).toEqual([]);
  });

  it('the two plumbers app-009 and app-010 compete directly for one seat', () => {
    expect(level('app-009', 'app-010')).toBe('direct');
  });

  it('the removals firm app-006 is no competitor of the cleaner who does move-out cleaning', () => {
    expect(level('app-006', 'se-011')).toBe('none');
  });
});
