/**
 * The words around a member's suggestions as text (`partnerfit suggest`, the demo), in
 * the language the reasons are written in, so that one answer reads in one language.
 * Criterion names and competitor levels are the report's (report-phrases.ts).
 */
import type { ReasonLanguage } from '../core/reasons/reason-phrases.ts';

export interface SuggestionPhrases {
  readonly referralHeading: string;
  readonly overflowHeading: string;
  readonly none: string;
  /** Overflow partners: why none was found. */
  readonly noneOverflow: string;
  readonly referralNote: string;
  readonly overflowNote: string;
  readonly score: string;
  readonly competitor: Readonly<Record<'direct' | 'partial', string>>;
  readonly lopsided: string;
  readonly bothWays: string;
  readonly excluded: string;
}

export const SUGGESTION_PHRASES: Readonly<Record<ReasonLanguage, SuggestionPhrases>> = {
  en: {
    referralHeading: 'Best referral partners for {member} (model {model}):',
    overflowHeading: 'Overflow partners for {member} (model {model}):',
    none: '(none found)',
    noneOverflow: '(none found: no member of the same trade has work to spare or room for more)',
    referralNote: '(criteria: 0 to 1 each for the two of you together, so a side that gains nothing makes it 0; ? where the profiles say nothing)',
    overflowNote: '(the score: one has work to spare and the other room for it, and how much their customers overlap; the five referral criteria below are shown for comparison)',
    score: 'score',
    competitor: { direct: 'direct competitor', partial: 'partial competitor' },
    lopsided: 'lopsided',
    bothWays: 'you {mine}, they {theirs}',
    excluded: '(direct competitors are never referral partners and were left out: {members}; try --purpose overflow)',
  },
  sv: {
    referralHeading: 'Bästa rekommendationspartner för {member} (modell {model}):',
    overflowHeading: 'Avlastningspartner för {member} (modell {model}):',
    none: '(inga hittades)',
    noneOverflow: '(inga hittades: ingen i samma bransch har uppdrag över eller plats för fler)',
    referralNote: '(varje kriterium går från 0 till 1 och gäller er båda: vinner den ena sidan inget blir det 0; ? = profilerna säger inget om det)',
    overflowNote: '(poängen bygger på att den ena har fler uppdrag än den hinner med och den andra har plats för dem, och på hur mycket era kunder överlappar; de fem kriterierna nedan visas som jämförelse)',
    score: 'poäng',
    competitor: { direct: 'direkt konkurrent', partial: 'delvis konkurrent' },
    lopsided: 'obalanserat',
    bothWays: 'du {mine}, din partner {theirs}',
    excluded: '(direkta konkurrenter blir aldrig rekommendationspartner och har utelämnats: {members}; prova --purpose overflow)',
  },
  da: {
    referralHeading: 'Bedste henvisningspartnere for {member} (model {model}):',
    overflowHeading: 'Aflastningspartnere for {member} (model {model}):',
    none: '(ingen fundet)',
    noneOverflow: '(ingen fundet: ingen i samme branche har opgaver i overskud eller plads til flere)',
    referralNote: '(hvert kriterium går fra 0 til 1 og gælder jer begge: får den ene part intet ud af det, bliver det 0; ? = profilerne siger intet om det)',
    overflowNote: '(scoren: den ene har opgaver i overskud og den anden plads til dem, og hvor meget kunderne overlapper; de fem kriterier nedenfor vises til sammenligning)',
    score: 'score',
    competitor: { direct: 'direkte konkurrent', partial: 'delvis konkurrent' },
    lopsided: 'skævt fordelt',
    bothWays: 'du {mine}, din partner {theirs}',
    excluded: '(direkte konkurrenter bliver aldrig henvisningspartnere og er udeladt: {members}; prøv --purpose overflow)',
  },
  de: {
    referralHeading: 'Beste Empfehlungspartner für {member} (Modell {model}):',
    overflowHeading: 'Entlastungspartner für {member} (Modell {model}):',
    none: '(keine gefunden)',
    noneOverflow: '(keine gefunden: niemand aus derselben Branche hat Aufträge übrig oder Kapazität frei)',
    referralNote: '(jedes Kriterium von 0 bis 1, für Sie beide gemeinsam: hat eine Seite keinen Nutzen, ergibt es 0; ? = die Profile sagen dazu nichts)',
    overflowNote: '(der Score misst, ob einer mehr Aufträge hat, als er bewältigen kann, und der andere Kapazität dafür, und wie stark sich Ihre Kunden überschneiden; die fünf Kriterien darunter dienen dem Vergleich)',
    score: 'Score',
    competitor: { direct: 'direkter Wettbewerber', partial: 'teilweiser Wettbewerber' },
    lopsided: 'einseitig',
    bothWays: 'Sie {mine}, Ihr Partner {theirs}',
    excluded: '(direkte Wettbewerber sind nie Empfehlungspartner und wurden weggelassen: {members}; siehe --purpose overflow)',
  },
};
