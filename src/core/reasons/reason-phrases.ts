/**
 * The words reasons are written with, in English, Swedish, Danish and German: names
 * of business areas, company sizes, customer stages and languages, and one sentence
 * template per fact. `{x}` marks a value; `{x|one|many}` the word for one of x, or for any
 * other number.
 */
import type { ReasonFact } from './reason-fact.ts';

export const REASON_LANGUAGES = ['en', 'sv', 'da', 'de'] as const;
export type ReasonLanguage = (typeof REASON_LANGUAGES)[number];

type Phrasebook = Record<ReasonLanguage, Record<string, string>>;

export const AREA_NAMES: Phrasebook = {
  en: { people: 'people and organisation', 'money-law': 'money and law', 'marketing-media': 'marketing and media', it: 'IT', 'home-property': 'home and property', health: 'health', 'events-hospitality': 'events and hospitality', logistics: 'transport and logistics', 'business-support': 'business support' },
  sv: { people: 'människor och organisation', 'money-law': 'ekonomi och juridik', 'marketing-media': 'marknadsföring och media', it: 'IT', 'home-property': 'bostad och fastighet', health: 'hälsa', 'events-hospitality': 'event och besöksnäring', logistics: 'transport och logistik', 'business-support': 'företagsstöd' },
  da: { people: 'mennesker og organisation', 'money-law': 'økonomi og jura', 'marketing-media': 'markedsføring og medier', it: 'IT', 'home-property': 'bolig og ejendom', health: 'sundhed', 'events-hospitality': 'events og oplevelser', logistics: 'transport og logistik', 'business-support': 'erhvervsservice' },
  de: { people: 'Personal und Organisation', 'money-law': 'Finanzen und Recht', 'marketing-media': 'Marketing und Medien', it: 'IT', 'home-property': 'Wohnen und Immobilien', health: 'Gesundheit', 'events-hospitality': 'Events und Gastgewerbe', logistics: 'Transport und Logistik', 'business-support': 'Unternehmensservice' },
};

export const SIZE_NAMES: Phrasebook = {
  en: { consumer: 'consumers', micro: 'micro businesses', small: 'small companies', medium: 'medium-sized companies', large: 'large companies' },
  sv: { consumer: 'privatpersoner', micro: 'mikroföretag', small: 'små företag', medium: 'medelstora företag', large: 'stora företag' },
  da: { consumer: 'privatkunder', micro: 'mikrovirksomheder', small: 'små virksomheder', medium: 'mellemstore virksomheder', large: 'store virksomheder' },
  de: { consumer: 'Privatkunden', micro: 'Kleinstunternehmen', small: 'kleine Unternehmen', medium: 'mittelständische Unternehmen', large: 'Großunternehmen' },
};

/** Company sizes written once with their noun when several are named: "small and medium-sized companies". */
export const SIZE_ADJECTIVES: Phrasebook = {
  en: { micro: 'micro', small: 'small', medium: 'medium-sized', large: 'large' },
  sv: { micro: 'mikro-', small: 'små', medium: 'medelstora', large: 'stora' },
  da: { micro: 'mikro-', small: 'små', medium: 'mellemstore', large: 'store' },
  de: { small: 'kleine', medium: 'mittlere', large: 'große' },
};
export const COMPANY_NOUN: Readonly<Record<ReasonLanguage, string>> = { en: 'companies', sv: 'företag', da: 'virksomheder', de: 'Unternehmen' };

export const STAGE_NAMES: Phrasebook = {
  en: { start: 'when a company starts', grow: 'when a company grows', hire: 'when a company hires', develop: 'when a company develops its people', operate: 'in day-to-day running', move: 'when customers move or buy', transfer: 'at a sale or succession' },
  sv: { start: 'när företaget startar', grow: 'när företaget växer', hire: 'när företaget anställer', develop: 'när personalen utvecklas', operate: 'i den löpande driften', move: 'vid flytt eller köp', transfer: 'vid försäljning eller generationsskifte' },
  da: { start: 'når virksomheden starter', grow: 'når virksomheden vokser', hire: 'når virksomheden ansætter', develop: 'når medarbejderne udvikles', operate: 'i den daglige drift', move: 'ved flytning eller køb', transfer: 'ved salg eller generationsskifte' },
  de: { start: 'bei der Gründung', grow: 'in der Wachstumsphase', hire: 'bei Neueinstellungen', develop: 'bei der Personalentwicklung', operate: 'im laufenden Betrieb', move: 'bei Umzug oder Kauf', transfer: 'bei Verkauf oder Nachfolge' },
};

export const LANGUAGE_NAMES: Phrasebook = {
  en: { sv: 'Swedish', da: 'Danish', de: 'German', en: 'English', no: 'Norwegian' },
  sv: { sv: 'svenska', da: 'danska', de: 'tyska', en: 'engelska', no: 'norska' },
  da: { sv: 'svensk', da: 'dansk', de: 'tysk', en: 'engelsk', no: 'norsk' },
  de: { sv: 'Schwedisch', da: 'Dänisch', de: 'Deutsch', en: 'Englisch', no: 'Norwegisch' },
};

export const CAPACITY_NAMES: Phrasebook = {
  en: { over: 'are fully booked', balanced: 'are in balance', under: 'have free capacity' },
  sv: { over: 'är fullbokad', balanced: 'är i balans', under: 'har ledig kapacitet' },
  da: { over: 'er fuldt booket', balanced: 'er i balance', under: 'har ledig kapacitet' },
  de: { over: 'voll ausgelastet', balanced: 'ausgeglichen', under: 'freie Kapazität' },
};

export const FUNCTION_NAMES: Phrasebook = {
  en: { general: 'management', hr: 'HR', finance: 'finance', it: 'IT', marketing: 'marketing', sales: 'sales', operations: 'operations', legal: 'legal', property: 'property', household: 'households' },
  sv: { general: 'ledning', hr: 'HR', finance: 'ekonomi', it: 'IT', marketing: 'marknad', sales: 'försäljning', operations: 'drift', legal: 'juridik', property: 'fastigheter', household: 'hushåll' },
  da: { general: 'ledelse', hr: 'HR', finance: 'økonomi', it: 'IT', marketing: 'marketing', sales: 'salg', operations: 'drift', legal: 'jura', property: 'ejendomme', household: 'husholdninger' },
  de: { general: 'Geschäftsführung', hr: 'Personal', finance: 'Finanzen', it: 'IT', marketing: 'Marketing', sales: 'Vertrieb', operations: 'Betrieb', legal: 'Recht', property: 'Immobilien', household: 'Privathaushalte' },
};

/**
 * Contact roles in the plural, for 'you both meet …' (a lexicon label names one person).
 * English adds an s where this table has no entry (`englishPlural`); every role of the
 * lexicon has an entry in the other languages (test/core/reason-writer.test.ts).
 */
export const ROLE_PLURALS: Phrasebook = {
  en: { 'role.office-manager': 'office managers/assistants' },
  sv: { 'role.owner': 'ägare', 'role.self-employed': 'egenföretagare', 'role.ceo': 'vd:ar', 'role.cfo': 'ekonomichefer', 'role.finance-manager': 'controllers', 'role.cto': 'CTO:er', 'role.cio': 'CIO:er', 'role.coo': 'COO:er', 'role.cmo': 'CMO:er', 'role.hr-director': 'HR-direktörer', 'role.hr-manager': 'HR-ansvariga', 'role.hr-specialist': 'rekryterare', 'role.it-manager': 'IT-chefer', 'role.it-specialist': 'systemadministratörer', 'role.marketing-manager': 'marknadschefer', 'role.marketing-specialist': 'kommunikatörer', 'role.sales-director': 'försäljningschefer', 'role.salesperson': 'säljare', 'role.purchasing-manager': 'inköpschefer', 'role.operations-manager': 'driftchefer', 'role.facility-manager': 'fastighetschefer', 'role.property-owner': 'fastighetsägare', 'role.legal-counsel': 'bolagsjurister', 'role.board-member': 'styrelseledamöter', 'role.office-manager': 'kontorschefer/assistenter', 'role.project-manager': 'projektledare', 'role.department-manager': 'avdelningschefer', 'role.quality-manager': 'kvalitetschefer', 'role.store-manager': 'butikschefer', 'role.school-principal': 'rektorer', 'role.public-official': 'tjänstemän', 'role.home-owner': 'villaägare', 'role.home-mover': 'bostadsköpare', 'role.tenant': 'hyresgäster', 'role.private-person': 'privatpersoner', 'role.parents-families': 'föräldrar', 'role.seniors': 'seniorer' },
  da: { 'role.owner': 'ejere', 'role.self-employed': 'selvstændige', 'role.ceo': 'administrerende direktører', 'role.cfo': 'økonomichefer', 'role.finance-manager': 'controllere', 'role.cto': "CTO'er", 'role.cio': "CIO'er", 'role.coo': "COO'er", 'role.cmo': "CMO'er", 'role.hr-director': 'HR-direktører', 'role.hr-manager': 'HR-ansvarlige', 'role.hr-specialist': 'rekrutteringsansvarlige', 'role.it-manager': 'IT-chefer', 'role.it-specialist': 'systemadministratorer', 'role.marketing-manager': 'marketingchefer', 'role.marketing-specialist': 'kommunikationsmedarbejdere', 'role.sales-director': 'salgschefer', 'role.salesperson': 'sælgere', 'role.purchasing-manager': 'indkøbschefer', 'role.operations-manager': 'driftschefer', 'role.facility-manager': 'facility managers', 'role.property-owner': 'ejendomsejere', 'role.legal-counsel': 'virksomhedsjurister', 'role.board-member': 'bestyrelsesmedlemmer', 'role.office-manager': 'kontorchefer/assistenter', 'role.project-manager': 'projektledere', 'role.department-manager': 'afdelingsledere', 'role.quality-manager': 'kvalitetschefer', 'role.store-manager': 'butikschefer', 'role.school-principal': 'skoleledere', 'role.public-official': 'embedsmænd', 'role.home-owner': 'husejere', 'role.home-mover': 'boligkøbere', 'role.tenant': 'lejere', 'role.private-person': 'privatpersoner', 'role.parents-families': 'forældre', 'role.seniors': 'seniorer' },
  de: { 'role.owner': 'Inhaber', 'role.self-employed': 'Selbstständige', 'role.ceo': 'Geschäftsführer', 'role.cfo': 'Finanzvorstände', 'role.finance-manager': 'Controller', 'role.cto': 'CTOs', 'role.cio': 'CIOs', 'role.coo': 'COOs', 'role.cmo': 'CMOs', 'role.hr-director': 'Personalleiter', 'role.hr-manager': 'HR-Manager', 'role.hr-specialist': 'Recruiter', 'role.it-manager': 'IT-Leiter', 'role.it-specialist': 'Systemadministratoren', 'role.marketing-manager': 'Marketingleiter', 'role.marketing-specialist': 'Marketingreferenten', 'role.sales-director': 'Vertriebsleiter', 'role.salesperson': 'Vertriebsmitarbeiter', 'role.purchasing-manager': 'Einkaufsleiter', 'role.operations-manager': 'Betriebsleiter', 'role.facility-manager': 'Facility Manager', 'role.property-owner': 'Eigentümer', 'role.legal-counsel': 'Justiziare', 'role.board-member': 'Aufsichtsräte', 'role.office-manager': 'Büroleitungen/Assistenzen', 'role.project-manager': 'Projektleiter', 'role.department-manager': 'Abteilungsleiter', 'role.quality-manager': 'Qualitätsmanager', 'role.store-manager': 'Filialleiter', 'role.school-principal': 'Schulleiter', 'role.public-official': 'Behördenvertreter', 'role.home-owner': 'Hausbesitzer', 'role.home-mover': 'Immobilienkäufer', 'role.tenant': 'Mieter', 'role.private-person': 'Privatkunden', 'role.parents-families': 'Eltern', 'role.seniors': 'Senioren' },
};

export const CONJUNCTION: Record<ReasonLanguage, string> = { en: 'and', sv: 'och', da: 'og', de: 'und' };

export const TEMPLATES: Record<ReasonLanguage, Record<ReasonFact['key'] | 'competitor-direct' | 'competitor-partial' | 'competitor-other-market' | 'competitor-other-customers' | 'lopsided-me' | 'lopsided-them' | 'referral-record-none-won' | 'referral-record-one-way' | 'competitor-words' | 'rated-mine' | 'rated-mine-none' | 'rated-theirs' | 'rated-theirs-none' | 'given' | 'given-none' | 'competitor-direct-pair' | 'competitor-partial-pair' | 'competitor-other-market-pair' | 'competitor-other-customers-pair' | 'competitor-same-words', string>> = {
  en: {
    'complementary-services': 'your services go together: you offer {mine}, they offer {theirs}',
    'same-area': 'you work in the same field ({area})',
    'different-area': 'you work in different fields',
    competitor: '',
    'competitor-direct': 'direct competitors: you both sell {services} to the same customers in the same market',
    'competitor-partial': 'partial competitors: you both offer {services}',
    'competitor-other-market': 'you offer the same ({services}), but to other customers or in another region',
    'competitor-other-customers': 'you offer the same ({services}), but to other customers',
    'shared-industries': 'you both sell to {industries}',
    'shared-sizes': 'you both serve {sizes}',
    'different-customers': 'your customers differ: you serve {mine}, they serve {theirs}',
    'same-market': 'you work in the same region ({region})',
    'different-market': 'you work in different regions ({mine} and {theirs})',
    'shared-roles': 'you both meet {roles}',
    'shared-functions': 'you meet the same functions at customers ({functions})',
    'different-contacts': 'you meet different people at your customers',
    'different-stages': 'you come in at different stages: you {mine}, they {theirs}',
    'same-stage': 'you both come in {stage}',
    'shared-interests': 'you share {n|an interest|interests}: {interests}',
    'common-language': 'you both work in {language}',
    'no-chemistry-evidence': 'chemistry is unknown: no one-to-one meetings or shared interests recorded yet',
    'referral-demand': 'customers who buy {theirs} from them often need your {mine}',
    'deal-value': 'typical deals: yours {mine}, theirs {theirs}',
    lopsided: '',
    'one-to-ones': '{meetings} {meetings|one-to-one meeting|one-to-one meetings}: {mine}, {theirs}',
    'referral-record': 'referral record: they passed you {received} {received|referral|referrals}, {won} won ({value}); {given}',
    'referral-record-none-won': 'referral record: they passed you {received} {received|referral|referrals}, none won yet; {given}',
    'referral-record-one-way': 'referral record: you passed them {given} {given|referral|referrals}; none came back yet',
    'lopsided-me': 'lopsided: you would gain much more than they would',
    'lopsided-them': 'lopsided: they would gain much more than you would',
    'competitor-words': '{a} writes {mine}; {b} writes {theirs}',
    capacity: 'capacity: you {mine}, they {theirs}',
    'profile-only': '',
    'rated-mine': 'you rated them {rating}/5',
    'rated-mine-none': 'you gave no rating',
    'rated-theirs': 'they rated you {rating}/5',
    'rated-theirs-none': 'they gave no rating',
    given: 'you passed them {given}',
    'given-none': 'you have passed them none yet',
    'competitor-direct-pair': 'direct competitors: both sell {services} to the same customers in the same market',
    'competitor-partial-pair': 'partial competitors: both offer {services}',
    'competitor-other-market-pair': 'both offer the same ({services}), but to other customers or in another region',
    'competitor-other-customers-pair': 'both offer the same ({services}), but to other customers',
    'competitor-same-words': 'both write {words}',
  },
  sv: {
    'complementary-services': 'era tjänster kompletterar varandra: du erbjuder {mine}, din partner {theirs}',
    'same-area': 'ni arbetar inom samma område ({area})',
    'different-area': 'ni arbetar inom olika områden',
    competitor: '',
    'competitor-direct': 'direkta konkurrenter: ni säljer båda {services} till samma kunder på samma marknad',
    'competitor-partial': 'delvis konkurrenter: ni erbjuder båda {services}',
    'competitor-other-market': 'ni erbjuder samma sak ({services}), men till andra kunder eller i en annan region',
    'competitor-other-customers': 'ni erbjuder samma sak ({services}), men till andra kunder',
    'shared-industries': 'ni säljer båda till {industries}',
    'shared-sizes': 'ni vänder er båda till {sizes}',
    'different-customers': 'era kunder skiljer sig: du vänder dig till {mine}, din partner till {theirs}',
    'same-market': 'ni verkar i samma region ({region})',
    'different-market': 'ni verkar i olika regioner ({mine} och {theirs})',
    'shared-roles': 'ni träffar båda {roles}',
    'shared-functions': 'ni träffar samma funktioner hos kunderna ({functions})',
    'different-contacts': 'ni träffar olika personer hos kunderna',
    'different-stages': 'ni kommer in i olika skeden: du {mine}, din partner {theirs}',
    'same-stage': 'ni kommer båda in {stage}',
    'shared-interests': 'ni har {n|ett gemensamt intresse|gemensamma intressen}: {interests}',
    'common-language': 'ni arbetar båda på {language}',
    'no-chemistry-evidence': 'kemin är okänd: inga enskilda möten eller gemensamma intressen registrerade ännu',
    'referral-demand': 'de som köper {theirs} av din partner behöver ofta det du erbjuder ({mine})',
    'deal-value': 'typiska affärer: dina {mine}, din partners {theirs}',
    lopsided: '',
    'one-to-ones': '{meetings} {meetings|enskilt möte|enskilda möten}: {mine}, {theirs}',
    'referral-record': 'rekommendationer: din partner har gett dig {received}, {won} ledde till affär ({value}); {given}',
    'referral-record-none-won': 'rekommendationer: din partner har gett dig {received}, ingen har lett till affär ännu; {given}',
    'referral-record-one-way': 'rekommendationer: du har gett din partner {given}; inga tillbaka än',
    'lopsided-me': 'obalanserat: du skulle tjäna mycket mer än din partner',
    'lopsided-them': 'obalanserat: din partner skulle tjäna mycket mer än du',
    'competitor-words': '{a} skriver {mine}; {b} skriver {theirs}',
    capacity: 'kapacitet: du {mine}, din partner {theirs}',
    'profile-only': '',
    'rated-mine': 'du gav din partner betyget {rating}/5',
    'rated-mine-none': 'du har inte gett något betyg',
    'rated-theirs': 'din partner gav dig {rating}/5',
    'rated-theirs-none': 'din partner har inte gett något betyg',
    given: 'du har gett din partner {given}',
    'given-none': 'du har inte gett din partner någon än',
    'competitor-direct-pair': 'direkta konkurrenter: båda säljer {services} till samma kunder på samma marknad',
    'competitor-partial-pair': 'delvis konkurrenter: båda erbjuder {services}',
    'competitor-other-market-pair': 'båda erbjuder samma sak ({services}), men till andra kunder eller i en annan region',
    'competitor-other-customers-pair': 'båda erbjuder samma sak ({services}), men till andra kunder',
    'competitor-same-words': 'båda skriver {words}',
  },
  da: {
    'complementary-services': 'jeres ydelser supplerer hinanden: du tilbyder {mine}, din partner {theirs}',
    'same-area': 'I arbejder inden for samme område ({area})',
    'different-area': 'I arbejder inden for forskellige områder',
    competitor: '',
    'competitor-direct': 'direkte konkurrenter: I sælger begge {services} til de samme kunder på samme marked',
    'competitor-partial': 'delvise konkurrenter: I tilbyder begge {services}',
    'competitor-other-market': 'I tilbyder det samme ({services}), men til andre kunder eller i en anden region',
    'competitor-other-customers': 'I tilbyder det samme ({services}), men til andre kunder',
    'shared-industries': 'I sælger begge til {industries}',
    'shared-sizes': 'I henvender jer begge til {sizes}',
    'different-customers': 'jeres kunder er forskellige: du henvender dig til {mine}, din partner til {theirs}',
    'same-market': 'I arbejder i samme region ({region})',
    'different-market': 'I arbejder i forskellige regioner ({mine} og {theirs})',
    'shared-roles': 'I har begge kontakt med {roles}',
    'shared-functions': 'I møder de samme funktioner hos kunderne ({functions})',
    'different-contacts': 'I møder forskellige personer hos kunderne',
    'different-stages': 'I kommer ind på forskellige tidspunkter: du {mine}, din partner {theirs}',
    'same-stage': 'I kommer begge ind {stage}',
    'shared-interests': 'I har {n|en fælles interesse|fælles interesser}: {interests}',
    'common-language': 'I arbejder begge på {language}',
    'no-chemistry-evidence': 'kemien er ukendt: ingen en-til-en-møder eller fælles interesser registreret endnu',
    'referral-demand': 'kunder, der køber {theirs} hos din partner, har ofte brug for det, du tilbyder ({mine})',
    'deal-value': 'typiske aftaler: dine {mine}, din partners {theirs}',
    lopsided: '',
    'one-to-ones': '{meetings} {meetings|en-til-en-møde|en-til-en-møder}: {mine}, {theirs}',
    'referral-record': 'henvisninger: din partner har givet dig {received}, {won} blev til en aftale ({value}); {given}',
    'referral-record-none-won': 'henvisninger: din partner har givet dig {received}, ingen er blevet til en aftale endnu; {given}',
    'referral-record-one-way': 'henvisninger: du har givet din partner {given}; ingen tilbage endnu',
    'lopsided-me': 'skævt: du ville tjene meget mere end din partner',
    'lopsided-them': 'skævt: din partner ville tjene meget mere end dig',
    'competitor-words': '{a} skriver {mine}; {b} skriver {theirs}',
    capacity: 'kapacitet: du {mine}, din partner {theirs}',
    'profile-only': '',
    'rated-mine': 'du gav din partner karakteren {rating}/5',
    'rated-mine-none': 'du har ikke givet en vurdering',
    'rated-theirs': 'din partner gav dig {rating}/5',
    'rated-theirs-none': 'din partner har ikke givet en vurdering',
    given: 'du har givet din partner {given}',
    'given-none': 'du har ikke givet din partner nogen endnu',
    'competitor-direct-pair': 'direkte konkurrenter: begge sælger {services} til de samme kunder på samme marked',
    'competitor-partial-pair': 'delvise konkurrenter: begge tilbyder {services}',
    'competitor-other-market-pair': 'begge tilbyder det samme ({services}), men til andre kunder eller i en anden region',
    'competitor-other-customers-pair': 'begge tilbyder det samme ({services}), men til andre kunder',
    'competitor-same-words': 'begge skriver {words}',
  },
  de: {
    'complementary-services': 'Ihre Leistungen ergänzen sich: Sie bieten {mine} an, Ihr Partner {theirs}',
    'same-area': 'Sie arbeiten im selben Bereich ({area})',
    'different-area': 'Sie arbeiten in verschiedenen Bereichen',
    competitor: '',
    'competitor-direct': 'direkte Wettbewerber: Sie verkaufen beide {services} an dieselben Kunden auf demselben Markt',
    'competitor-partial': 'teilweise Wettbewerber: Sie bieten beide {services} an',
    'competitor-other-market': 'Sie bieten dasselbe an ({services}), aber für andere Kunden oder in einer anderen Region',
    'competitor-other-customers': 'Sie bieten dasselbe an ({services}), aber für andere Kunden',
    'shared-industries': 'Sie beide verkaufen an dieselben Branchen: {industries}',
    'shared-sizes': 'Sie beide bedienen {sizes}',
    'different-customers': 'Ihre Kunden unterscheiden sich: Sie bedienen {mine}, Ihr Partner {theirs}',
    'same-market': 'Sie arbeiten in derselben Region ({region})',
    'different-market': 'Sie arbeiten in verschiedenen Regionen ({mine} und {theirs})',
    'shared-roles': 'Sie beide treffen {roles}',
    'shared-functions': 'Sie haben bei Kunden dieselben Ansprechpartner ({functions})',
    'different-contacts': 'Sie treffen bei Kunden unterschiedliche Ansprechpartner',
    'different-stages': 'Sie kommen zu verschiedenen Zeitpunkten ins Spiel: Sie {mine}, Ihr Partner {theirs}',
    'same-stage': 'Sie beide kommen {stage} ins Spiel',
    'shared-interests': 'Sie haben {n|ein gemeinsames Interesse|gemeinsame Interessen}: {interests}',
    'common-language': 'Sie beide arbeiten auf {language}',
    'no-chemistry-evidence': 'die Chemie ist unbekannt: noch keine Einzelgespräche oder gemeinsamen Interessen erfasst',
    'referral-demand': 'Kunden Ihres Partners ({theirs}) brauchen oft Ihr Angebot ({mine})',
    'deal-value': 'typische Auftragswerte: bei Ihnen {mine}, bei Ihrem Partner {theirs}',
    lopsided: '',
    'one-to-ones': '{meetings} {meetings|Einzelgespräch|Einzelgespräche}: {mine}, {theirs}',
    'referral-record': 'Empfehlungen: Ihr Partner gab Ihnen {received}, {won} davon {won|führte|führten} zu einem Auftrag ({value}); {given}',
    'referral-record-none-won': 'Empfehlungen: Ihr Partner gab Ihnen {received}, noch keine führte zu einem Auftrag; {given}',
    'referral-record-one-way': 'Empfehlungen: Sie gaben Ihrem Partner {given}; noch keine zurückbekommen',
    'lopsided-me': 'einseitig: Sie würden viel mehr gewinnen als Ihr Partner',
    'lopsided-them': 'einseitig: Ihr Partner würde viel mehr gewinnen als Sie',
    'competitor-words': '{a} schreibt {mine}; {b} schreibt {theirs}',
    capacity: 'Auslastung – Sie: {mine}; Ihr Partner: {theirs}',
    'profile-only': '',
    'rated-mine': 'Sie bewerteten Ihren Partner mit {rating}/5',
    'rated-mine-none': 'Sie haben keine Bewertung abgegeben',
    'rated-theirs': 'Ihr Partner bewertete Sie mit {rating}/5',
    'rated-theirs-none': 'Ihr Partner hat keine Bewertung abgegeben',
    given: 'Sie gaben Ihrem Partner {given}',
    'given-none': 'Sie haben Ihrem Partner noch keine gegeben',
    'competitor-direct-pair': 'direkte Wettbewerber: beide verkaufen {services} an dieselben Kunden auf demselben Markt',
    'competitor-partial-pair': 'teilweise Wettbewerber: beide bieten {services} an',
    'competitor-other-market-pair': 'beide bieten dasselbe an ({services}), aber für andere Kunden oder in einer anderen Region',
    'competitor-other-customers-pair': 'beide bieten dasselbe an ({services}), aber für andere Kunden',
    'competitor-same-words': 'beide schreiben {words}',
  },
};
