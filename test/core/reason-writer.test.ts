/**
 * Reasons read as the member's language writes them: the one-to-one ratings (averages
 * with a decimal) with a decimal point in English and a decimal comma in Swedish,
 * Danish and German; a rating not given is a dash, not a made-up number.
 */
import { describe, expect, it } from 'vitest';
import { commonLanguage, englishPlural, writeCompetitorWords, writeReasons } from '../../src/core/reasons/reason-writer.ts';
import { knowledge } from '../support/demo-members.ts';

const meetings = [{ key: 'one-to-ones', meetings: 3, mine: 3.4, theirs: null }] as const;

describe('reason sentences', () => {
  it('write averages with the decimal sign of the language, and a dash for a rating not given', () => {
    expect(writeReasons(meetings, 'en', knowledge)).toEqual(['3 one-to-one meetings: you rated them 3.4, they rated you – (of 5)']);
    expect(writeReasons(meetings, 'sv', knowledge)).toEqual(['3 enskilda möten: du gav 3,4, de gav – (av 5)']);
    expect(writeReasons(meetings, 'da', knowledge)).toEqual(['3 en-til-en-møder: du gav 3,4, de gav – (af 5)']);
    expect(writeReasons(meetings, 'de', knowledge)).toEqual(['3 Einzelgespräche: Sie gaben 3,4, Ihr Partner – (von 5)']);
  });

  it('count in English with the singular for one', () => {
    const one = [{ key: 'one-to-ones', meetings: 1, mine: 4, theirs: 5 }] as const;
    expect(writeReasons(one, 'en', knowledge)).toEqual(['1 one-to-one meeting: you rated them 4, they rated you 5 (of 5)']);
    const record = [{ key: 'referral-record', received: 1, won: 0, valueEur: 0, given: 2 }] as const;
    expect(writeReasons(record, 'en', knowledge)).toEqual(['referral record: they passed you 1 referral, none won yet; you passed them 2']);
    expect(writeReasons([{ ...record[0], received: 4 }], 'en', knowledge)[0]).toContain('they passed you 4 referrals,');
  });

  it('say in words that nothing came back or nothing was won yet', () => {
    const oneWay = [{ key: 'referral-record', received: 0, won: 0, valueEur: 0, given: 1 }] as const;
    expect(writeReasons(oneWay, 'en', knowledge)).toEqual(['referral record: you passed them 1 referral; none came back yet']);
    expect(writeReasons(oneWay, 'sv', knowledge)).toEqual(['rekommendationer: du har gett dem 1; inga tillbaka ännu']);
    expect(writeReasons(oneWay, 'da', knowledge)).toEqual(['henvisninger: du har givet dem 1; ingen tilbage endnu']);
    expect(writeReasons(oneWay, 'de', knowledge)).toEqual(['Empfehlungen: Sie gaben 1; noch keine zurück']);
    const won = [{ key: 'referral-record', received: 3, won: 2, valueEur: 12321, given: 0 }] as const;
    expect(writeReasons(won, 'de', knowledge)).toEqual(['Empfehlungen: Ihr Partner gab Ihnen 3, 2 davon gewonnen (12 321 EUR); Sie gaben 0']);
    expect(writeReasons([{ ...won[0], won: 0, valueEur: 0 }], 'sv', knowledge)).toEqual(['rekommendationer: de har gett dig 3, ingen har blivit affär ännu; du har gett dem 0']);
  });

  it('write titles in the English plural and phrases that need no grammatical gender', () => {
    expect(writeReasons([{ key: 'shared-roles', roles: ['role.owner', 'role.ceo'] }], 'en', knowledge)).toEqual(['you both meet owners and CEOs']);
    const demand = [{ key: 'referral-demand', theirs: 'svc.graphic-design', mine: 'svc.printing' }] as const;
    expect(writeReasons(demand, 'sv', knowledge)[0]).toBe('deras kunder inom grafisk design behöver ofta det du erbjuder (trycksaker)');
    expect(writeReasons(demand, 'da', knowledge)[0]).toBe('deres kunder inden for grafisk design har ofte brug for det, du tilbyder (tryksager)');
    // A trade is named by what it offers, not by who offers it.
    const services = [{ key: 'complementary-services', mine: 'svc.photography', theirs: 'svc.real-estate-agent' }] as const;
    expect(writeReasons(services, 'sv', knowledge)[0]).toBe('era tjänster kompletterar varandra: du erbjuder fotografering, de erbjuder fastighetsförmedling');
    expect(writeReasons(services, 'de', knowledge)[0]).toContain('Ihr Partner Immobilienvermittlung');
    expect(englishPlural('secretary')).toBe('secretaries');
    expect(englishPlural('home owners')).toBe('home owners');
  });

  it('write capacity and stages as sentences that stand alone', () => {
    const capacity = [{ key: 'capacity', mine: 'over', theirs: 'under' }] as const;
    expect(writeReasons(capacity, 'sv', knowledge)).toEqual(['kapacitet: du är fullbokad, de har ledig kapacitet']);
    expect(writeReasons(capacity, 'da', knowledge)).toEqual(['kapacitet: du er fuldt booket, de har ledig kapacitet']);
    const stages = [{ key: 'different-stages', mine: 'hire', theirs: 'start' }] as const;
    expect(writeReasons(stages, 'en', knowledge)).toEqual(['you come in at different stages: you when a company hires, they when a company starts']);
    // Another market in the same region: other customers, not "another region".
    const rivals = [
      { key: 'competitor', level: 'partial', services: ['svc.project-management'], terms: [], sameMarket: false },
      { key: 'same-market', region: 'Frankfurt' },
    ] as const;
    expect(writeReasons(rivals, 'de', knowledge)[0]).toBe('Sie bieten dasselbe an (Projektmanagement), aber für andere Kunden');
  });

  it('name the same customers once', () => {
    const facts = [
      { key: 'shared-industries', industries: ['ind.households'] },
      { key: 'shared-sizes', sizes: ['consumer'] },
    ] as const;
    const sv = writeReasons(facts, 'sv', knowledge);
    expect(sv.filter((r) => r.includes('privatpersoner'))).toHaveLength(1);
    expect(writeReasons([facts[1]], 'sv', knowledge)).toEqual(['ni vänder er båda till privatpersoner']);
  });

  it('count one meeting in the singular in every language', () => {
    const one = [{ key: 'one-to-ones', meetings: 1, mine: 2, theirs: null }] as const;
    expect(writeReasons(one, 'sv', knowledge)).toEqual(['1 enskilt möte: du gav 2, de gav – (av 5)']);
    expect(writeReasons(one, 'da', knowledge)).toEqual(['1 en-til-en-møde: du gav 2, de gav – (af 5)']);
    expect(writeReasons(one, 'de', knowledge)).toEqual(['1 Einzelgespräch: Sie gaben 2, Ihr Partner – (von 5)']);
    expect(writeReasons([{ ...one[0], meetings: 11 }], 'sv', knowledge)[0]).toMatch(/^11 enskilda möten:/);
  });

  it("write a group's reasons in the language most of its members reply in, English on a tie or for other languages", () => {
    expect(commonLanguage(['sv', 'sv', 'da', null])).toBe('sv');
    expect(commonLanguage(['de', 'de', 'en', 'fr', 'fr', 'fr'])).toBe('de');
    expect(commonLanguage(['sv', 'da'])).toBe('en');
    expect(commonLanguage(['fi', null])).toBe('en');
    expect(commonLanguage([])).toBe('en');
  });

  it("quote both competitors' own words in the language asked for", () => {
    const a = { name: 'Anna', terms: ['bokföring', 'löner'] };
    const b = { name: 'Lars', terms: ['bogføring'] };
    expect(writeCompetitorWords(a, b, 'sv')).toBe('Anna skriver "bokföring", "löner"; Lars skriver "bogføring"');
    expect(writeCompetitorWords(a, b, 'de')).toBe('Anna schreibt "bokföring", "löner"; Lars schreibt "bogføring"');
    expect(writeCompetitorWords(a, b, 'fi')).toBe('Anna writes "bokföring", "löner"; Lars writes "bogføring"');
  });
});
