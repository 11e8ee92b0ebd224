/**
 * Reasons read as the member's language writes them: the one-to-one ratings (averages
 * with a decimal) with a decimal point in English and a decimal comma in Swedish,
 * Danish and German; a rating not given is said in words, never made up. One partner
 * is "din partner" / "Ihr Partner", not a plural "de".
 */
import { describe, expect, it } from 'vitest';
import { commonLanguage, englishPlural, writeCompetitorWords, writeReasons } from '../../src/core/reasons/reason-writer.ts';
import { ROLE_PLURALS } from '../../src/core/reasons/reason-phrases.ts';
import { knowledge } from '../support/demo-members.ts';

const meetings = [{ key: 'one-to-ones', meetings: 3, mine: 3.4, theirs: null }] as const;

describe('reason sentences', () => {
  it('write averages with the decimal sign of the language, and say so when a rating was not given', () => {
    expect(writeReasons(meetings, 'en', knowledge)).toEqual(['3 one-to-one meetings: you rated them 3.4/5, they gave no rating']);
    expect(writeReasons(meetings, 'sv', knowledge)).toEqual(['3 enskilda möten: du gav din partner betyget 3,4/5, din partner har inte gett något betyg']);
    expect(writeReasons(meetings, 'da', knowledge)).toEqual(['3 en-til-en-møder: du gav din partner karakteren 3,4/5, din partner har ikke givet en vurdering']);
    expect(writeReasons(meetings, 'de', knowledge)).toEqual(['3 Einzelgespräche: Sie bewerteten Ihren Partner mit 3,4/5, Ihr Partner hat keine Bewertung abgegeben']);
  });

  it('group the digits of amounts as the language does, with no line break inside an amount', () => {
    const won = [{ key: 'referral-record', received: 3, won: 2, valueEur: 1234567, given: 1 }] as const;
    expect(writeReasons(won, 'en', knowledge)[0]).toContain('(1,234,567\u00a0EUR)');
    expect(writeReasons(won, 'sv', knowledge)[0]).toContain('(1\u202f234\u202f567\u00a0EUR)');
    expect(writeReasons(won, 'da', knowledge)[0]).toContain('(1.234.567\u00a0EUR)');
    expect(writeReasons(won, 'de', knowledge)[0]).toContain('(1.234.567\u00a0EUR)');
  });

  it('count in English with the singular for one', () => {
    const one = [{ key: 'one-to-ones', meetings: 1, mine: 4, theirs: 5 }] as const;
    expect(writeReasons(one, 'en', knowledge)).toEqual(['1 one-to-one meeting: you rated them 4/5, they rated you 5/5']);
    const record = [{ key: 'referral-record', received: 1, won: 0, valueEur: 0, given: 2 }] as const;
    expect(writeReasons(record, 'en', knowledge)).toEqual(['referral record: they passed you 1 referral, none won yet; you passed them 2']);
    expect(writeReasons([{ ...record[0], received: 4 }], 'en', knowledge)[0]).toContain('they passed you 4 referrals,');
  });

  it('say in words that nothing came back, nothing was won or nothing was given yet', () => {
    const oneWay = [{ key: 'referral-record', received: 0, won: 0, valueEur: 0, given: 1 }] as const;
    expect(writeReasons(oneWay, 'en', knowledge)).toEqual(['referral record: you passed them 1 referral; none came back yet']);
    expect(writeReasons(oneWay, 'sv', knowledge)).toEqual(['rekommendationer: du har gett din partner 1; inga tillbaka än']);
    expect(writeReasons(oneWay, 'da', knowledge)).toEqual(['henvisninger: du har givet din partner 1; ingen tilbage endnu']);
    expect(writeReasons(oneWay, 'de', knowledge)).toEqual(['Empfehlungen: Sie gaben Ihrem Partner 1; noch keine zurückbekommen']);
    const won = [{ key: 'referral-record', received: 3, won: 2, valueEur: 12321, given: 0 }] as const;
    expect(writeReasons(won, 'de', knowledge)).toEqual(['Empfehlungen: Ihr Partner gab Ihnen 3, 2 davon führten zu einem Auftrag (12.321\u00a0EUR); Sie haben Ihrem Partner noch keine gegeben']);
    expect(writeReasons(won, 'en', knowledge)).toEqual(['referral record: they passed you 3 referrals, 2 won (12,321\u00a0EUR); you have passed them none yet']);
    expect(writeReasons([{ ...won[0], won: 0, valueEur: 0 }], 'sv', knowledge)).toEqual(['rekommendationer: din partner har gett dig 3, ingen har lett till affär ännu; du har inte gett din partner någon än']);
    expect(writeReasons([{ ...won[0], given: 2 }], 'da', knowledge)).toEqual(['henvisninger: din partner har givet dig 3, 2 blev til en aftale (12.321\u00a0EUR); du har givet din partner 2']);
  });

  it('write titles in the English plural and phrases that need no grammatical gender', () => {
    expect(writeReasons([{ key: 'shared-roles', roles: ['role.owner', 'role.ceo'] }], 'en', knowledge)).toEqual(['you both meet owners and CEOs']);
    const demand = [{ key: 'referral-demand', theirs: 'svc.graphic-design', mine: 'svc.printing' }] as const;
    // Their customers are those who buy the partner's service, not customers in that industry.
    expect(writeReasons(demand, 'sv', knowledge)[0]).toBe('de som köper grafisk design av din partner behöver ofta det du erbjuder (trycksaker)');
    expect(writeReasons(demand, 'da', knowledge)[0]).toBe('kunder, der køber grafisk design hos din partner, har ofte brug for det, du tilbyder (tryksager)');
    expect(writeReasons(demand, 'en', knowledge)[0]).toBe('customers who buy graphic design from them often need your printing');
    // A trade is named by what it offers, not by who offers it.
    const services = [{ key: 'complementary-services', mine: 'svc.photography', theirs: 'svc.real-estate-agent' }] as const;
    expect(writeReasons(services, 'sv', knowledge)[0]).toBe('era tjänster kompletterar varandra: du erbjuder fotografering, din partner fastighetsförmedling');
    expect(writeReasons(services, 'de', knowledge)[0]).toContain('Ihr Partner Immobilienvermittlung');
    // Contact roles in the plural in every language, for every role of the lexicon.
    const meet = (roles: string[], lang: string) => writeReasons([{ key: 'shared-roles', roles }], lang, knowledge)[0];
    expect(meet(['role.ceo', 'role.hr-director'], 'sv')).toBe('ni träffar båda vd:ar och HR-direktörer');
    expect(meet(['role.owner', 'role.cfo'], 'da')).toBe('I har begge kontakt med ejere og økonomichefer');
    expect(meet(['role.cio'], 'de')).toBe('Sie beide treffen CIOs');
    expect(meet(['role.office-manager'], 'en')).toBe('you both meet office managers/assistants');
    const roles = knowledge.lexicon.concepts.filter((c) => c.kind === 'role').map((c) => c.id);
    for (const lang of ['sv', 'da', 'de'] as const) expect(roles.filter((id) => !ROLE_PLURALS[lang][id]), lang).toEqual([]);
    expect(englishPlural('secretary')).toBe('secretaries');
    expect(englishPlural('home owners')).toBe('home owners');
  });

  it('write capacity and stages as sentences that stand alone', () => {
    const capacity = [{ key: 'capacity', mine: 'over', theirs: 'under' }] as const;
    expect(writeReasons(capacity, 'sv', knowledge)).toEqual(['kapacitet: du är fullbokad, din partner har ledig kapacitet']);
    expect(writeReasons(capacity, 'da', knowledge)).toEqual(['kapacitet: du er fuldt booket, din partner har ledig kapacitet']);
    expect(writeReasons(capacity, 'en', knowledge)).toEqual(['capacity: you are fully booked, they have free capacity']);
    expect(writeReasons(capacity, 'de', knowledge)).toEqual(['Auslastung – Sie: voll ausgelastet; Ihr Partner: freie Kapazität']);
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

  it('name several company sizes with one noun', () => {
    const sizes = [{ key: 'shared-sizes', sizes: ['small', 'medium'] }] as const;
    expect(writeReasons(sizes, 'sv', knowledge)).toEqual(['ni vänder er båda till små och medelstora företag']);
    expect(writeReasons(sizes, 'da', knowledge)).toEqual(['I henvender jer begge til små og mellemstore virksomheder']);
    expect(writeReasons(sizes, 'de', knowledge)).toEqual(['Sie beide bedienen kleine und mittlere Unternehmen']);
    expect(writeReasons([{ key: 'shared-sizes', sizes: ['consumer', 'large'] }], 'en', knowledge)).toEqual(['you both serve consumers and large companies']);
  });

  it('count one meeting in the singular in every language', () => {
    const one = [{ key: 'one-to-ones', meetings: 1, mine: 2, theirs: null }] as const;
    const theirs = [{ key: 'one-to-ones', meetings: 1, mine: null, theirs: 2 }] as const;
    expect(writeReasons(theirs, 'sv', knowledge)).toEqual(['1 enskilt möte: du har inte gett något betyg, din partner gav dig 2/5']);
    expect(writeReasons(theirs, 'da', knowledge)).toEqual(['1 en-til-en-møde: du har ikke givet en vurdering, din partner gav dig 2/5']);
    expect(writeReasons(theirs, 'de', knowledge)).toEqual(['1 Einzelgespräch: Sie haben keine Bewertung abgegeben, Ihr Partner bewertete Sie mit 2/5']);
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
    // The same words on both sides are quoted once.
    expect(writeCompetitorWords({ name: 'Oskar', terms: ['SEO'] }, { name: 'Elin', terms: ['SEO'] }, 'sv')).toBe('båda skriver "SEO"');
  });

  it('write competitor pairs about both members, for an organiser, when asked', () => {
    const rivals = [{ key: 'competitor', level: 'direct', services: ['svc.accounting'], terms: [], sameMarket: true }] as const;
    expect(writeReasons(rivals, 'da', knowledge)).toEqual(['direkte konkurrenter: I sælger begge regnskab til de samme kunder på samme marked']);
    expect(writeReasons(rivals, 'da', knowledge, 6, { about: 'pair' })).toEqual(['direkte konkurrenter: begge sælger regnskab til de samme kunder på samme marked']);
    expect(writeReasons(rivals, 'de', knowledge, 6, { about: 'pair' })).toEqual(['direkte Wettbewerber: beide verkaufen Buchhaltung an dieselben Kunden auf demselben Markt']);
  });
});
