/**
 * Golden cases: the same trade, customer industry, job title or interest written in
 * Swedish, Danish, German and English maps to the same concept. And a member written
 * in each language is understood the same way end to end (language, concepts, sizes,
 * seniority, deal value in EUR).
 */
import { describe, expect, it } from 'vitest';
import type { ConceptKind } from '../../src/core/lexicon/concept-lexicon.ts';
import { parseMemberProfile } from '../../src/core/profile/profile-parser.ts';
import { vectorizeMember } from '../../src/core/vectors/member-vectorizer.ts';
import { knowledge } from '../support/demo-members.ts';

const GOLDEN: readonly [ConceptKind, string, readonly [sv: string, da: string, de: string, en: string]][] = [
  ['service', 'svc.recruitment', ['rekrytering', 'rekrutteringsbureau', 'Rekrutierung', 'recruitment agency']],
  ['service', 'svc.accounting', ['redovisningsbyrå', 'bogføringsfirma', 'Finanzbuchhaltung', 'bookkeeping']],
  ['service', 'svc.tax-advice', ['skatterådgivning', 'skatterådgivning', 'Steuerberater', 'tax adviser']],
  ['service', 'svc.real-estate-agent', ['fastighetsmäklare', 'ejendomsmægler', 'Immobilienmakler', 'estate agent']],
  ['service', 'svc.leadership-development', ['ledarskapsutveckling', 'lederudvikling', 'Führungskräfteentwicklung', 'leadership development']],
  ['service', 'svc.web-design', ['webbdesign', 'webdesign', 'Webdesign', 'web design']],
  ['service', 'svc.electrician', ['elinstallationer', 'elinstallatør', 'Elektroinstallation', 'electrician']],
  ['service', 'svc.software-development', ['systemarkitektur', 'softwarearkitektur', 'Java-Entwicklung', 'microservices']],
  ['service', 'svc.cloud-hosting', ['molnarkitektur', 'cloud-arkitektur', 'Cloud-Architektur', 'cloud architecture']],
  ['service', 'svc.business-analysis', ['kravanalys', 'forretningsanalyse', 'Anforderungsmanagement', 'requirements engineering']],
  ['service', 'svc.software-testing', ['testautomatisering', 'testautomatisering', 'Testautomatisierung', 'software testing']],
  ['service', 'svc.business-systems', ['SAP-konsult', 'SAP-konsulent', 'SAP-Beratung', 'SAP consulting']],
  ['service', 'svc.photography', ['bostadsfoto', 'boligfotografering', 'Immobilienfotos', 'property photography']],
  ['role', 'role.cio', ['IT-direktör', 'IT-direktør', 'IT-Direktor', 'CIO']],
  ['role', 'role.office-manager', ['VD-assistent', 'direktionsassistent', 'Assistenz der Geschäftsführung', 'executive assistant']],
  ['role', 'role.department-manager', ['rekryterande chef', 'rekrutterende leder', 'einstellende Führungskraft', 'hiring manager']],
  ['industry', 'ind.real-estate', ['fastighetsmäklare', 'ejendomsmæglere', 'Immobilienmakler', 'estate agents']],
  ['role', 'role.ceo', ['VD', 'administrerende direktør', 'Geschäftsführer', 'CEO']],
  ['role', 'role.hr-director', ['HR-chef', 'HR-chef', 'Personalleiter', 'HR director']],
  ['role', 'role.cfo', ['ekonomichef', 'økonomichef', 'Finanzvorstand', 'CFO']],
  ['role', 'role.home-owner', ['villaägare', 'husejer', 'Hausbesitzer', 'home owners']],
  ['industry', 'ind.manufacturing', ['tillverkningsindustri', 'fremstillingsvirksomheder', 'Industrie', 'manufacturing']],
  ['industry', 'ind.craft-businesses', ['hantverkare', 'håndværkere', 'Handwerksbetriebe', 'tradespeople']],
  ['interest', 'int.sailing', ['segling', 'sejlads', 'Segeln', 'sailing']],
];

describe('the same concept in four languages', () => {
  for (const [kind, concept, words] of GOLDEN) {
    it(`${concept}: ${words.join(' / ')}`, () => {
      for (const word of words) {
        const hits = knowledge.lexicon.matchItems([word], kind).hits.map((h) => h.conceptId);
        expect(hits, word).toContain(concept);
      }
    });
  }

  it('does not match a trade onto an unrelated one', () => {
    expect(knowledge.lexicon.matchItems(['rekrytering'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.recruitment']);
    expect(knowledge.lexicon.matchItems(['Steuerberatung'], 'service').hits.map((h) => h.conceptId)).not.toContain('svc.recruitment');
    expect(knowledge.lexicon.matchItems(['xylofon'], 'service').hits).toEqual([]);
    // Software and cloud architecture are IT, not buildings; an architect still is.
    for (const word of ['Cloud-Architektur', 'molnarkitektur', 'Softwarearchitektur', 'systemarkitektur']) {
      expect(knowledge.lexicon.matchItems([word], 'service').hits.map((h) => h.conceptId), word).not.toContain('svc.architecture');
    }
    expect(knowledge.lexicon.matchItems(['Architekturbüro'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.architecture']);
    // A two-letter front is a prefix that makes another word: a job application is no advertising, requirements are no debts.
    expect(knowledge.lexicon.matchItems(['Bewerbung'], 'service').hits).toEqual([]);
    expect(knowledge.lexicon.matchItems(['Anforderungsmanagement'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.business-analysis']);
    expect(knowledge.lexicon.matchItems(['Testautomatisierung'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.software-testing']);
    // A label of several words claims every word it spans: websites are managed too.
    expect(knowledge.lexicon.matchItems(['förvaltning av webbplatser'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.web-design']);
    expect(knowledge.lexicon.matchItems(['förvaltning'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.property-management']);
    expect(knowledge.lexicon.matchItems(['CTO'], 'role').hits.map((h) => h.conceptId)).toEqual(['role.cto']);
    expect(knowledge.lexicon.matchItems(['Product Owner'], 'role').hits.map((h) => h.conceptId)).toEqual(['role.project-manager']);
    // The front of a compound names what its trade works on, not a second trade.
    expect(knowledge.lexicon.matchItems(['Umzugsreinigung'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.facility-cleaning']);
    expect(knowledge.lexicon.matchItems(['Architekturfotografie'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.photography']);
    expect(knowledge.lexicon.matchItems(['snickerimålning'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.painting']);
    // "e-handel" is e-commerce; trade in shops, and commercial insurance, are not.
    for (const word of ['e-handel', 'E-Commerce', 'e-handelslösningar']) expect(knowledge.lexicon.matchItems([word], 'service').hits.map((h) => h.conceptId), word).toEqual(['svc.e-commerce']);
    expect(knowledge.lexicon.matchItems(['Einzelhandel'], 'service').hits.map((h) => h.conceptId)).not.toContain('svc.e-commerce');
    expect(knowledge.lexicon.matchItems(['commercial insurance'], 'service').hits.map((h) => h.conceptId)).toEqual(['svc.insurance']);
  });

  it('reads the customer after a preposition, but not inside a hyphenated word', () => {
    const quality = (item: string) => Object.fromEntries(knowledge.lexicon.matchItems([item], 'service').hits.map((h) => [h.conceptId, h.quality]));
    // Photos of homes for estate agents: photography; the estate agent is the customer, no second service.
    expect(quality('bostadsfoto för mäklare')).toEqual({ 'svc.photography': 1 });
    expect(quality('Immobilienfotos für Exposés')).toEqual({ 'svc.photography': 1 });
    // "buy-to-let" is no purpose and no letting agent's work: these are mortgages, for landlords.
    expect(quality('buy-to-let mortgages')).toEqual({ 'svc.mortgage': 1 });
    expect(quality('lettings')).toEqual({ 'svc.property-management': 0.95 });
  });

  it('names a concept of two trades after both', () => {
    expect(knowledge.lexicon.label('svc.kitchen-bathroom', 'en')).toBe('kitchens and bathrooms');
    expect(knowledge.lexicon.label('svc.kitchen-bathroom', 'sv')).toBe('kök och badrum');
    expect(knowledge.lexicon.label('svc.kitchen-bathroom', 'da')).toBe('køkken og bad');
    expect(knowledge.lexicon.label('svc.kitchen-bathroom', 'de')).toBe('Küchen und Bäder');
  });
});

describe('a recruiter written in four languages is understood alike', () => {
  const rows = [
    { id: 'sv', name: 'Anna', language: '', services: 'rekrytering;bemanning', target_industries: 'tillverkningsindustri', target_company_sizes: 'medelstora;stora', contact_roles: 'VD;HR-chef', avg_deal_value: '44 000 kr', region: 'Malmö' },
    { id: 'da', name: 'Søren', language: '', services: 'rekruttering;vikarbureau', target_industries: 'industrivirksomheder', target_company_sizes: 'mellemstore;store', contact_roles: 'administrerende direktør;HR-chef', avg_deal_value: '29.840 DKK', region: 'København' },
    { id: 'de', name: 'Jürgen', language: '', services: 'Rekrutierung;Personalvermittlung;Zeitarbeit', target_industries: 'Industrie', target_company_sizes: 'Mittelstand;Konzerne', contact_roles: 'Geschäftsführer;Personalleiter', avg_deal_value: '4.000 €', region: 'Hamburg' },
    { id: 'en', name: 'Olivia', language: 'en', services: 'recruitment;temporary staffing', target_industries: 'manufacturing', target_company_sizes: 'medium;large', contact_roles: 'CEO;HR director', avg_deal_value: '3480 GBP', region: 'London' },
  ];
  const vectors = rows.map((row) => {
    const parsed = parseMemberProfile(row);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    return vectorizeMember(parsed.profile, knowledge);
  });

  it('detects the language where the field is empty', () => {
    expect(vectors.map((v) => v.language)).toEqual(['sv', 'da', 'de', 'en']);
    expect(vectors.map((v) => v.languageSource)).toEqual(['detected', 'detected', 'detected', 'roster']);
  });

  it('recognises the same services, customers, sizes and contacts', () => {
    for (const v of vectors) {
      expect(v.services[0]?.id).toBe('svc.recruitment');
      expect(v.services.map((s) => s.id)).toContain('svc.staffing');
      expect(v.targetIndustries.map((s) => s.id)).toEqual(['ind.manufacturing']);
      expect(v.sizes).toEqual(['medium', 'large']);
      expect(v.roles.map((r) => r.id).sort()).toEqual(['role.ceo', 'role.hr-director']);
      expect(v.areas.people).toBe(1);
    }
  });

  it('normalises deal values into EUR with the dated rate table', () => {
    for (const v of vectors) {
      expect(v.dealValueEur).toBeGreaterThan(3900);
      expect(v.dealValueEur).toBeLessThan(4100);
    }
  });
});
