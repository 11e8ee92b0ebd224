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
  readonly referralNote: string;
  readonly overflowNote: string;
  readonly score: string;
  readonly competitor: string;
  readonly lopsided: string;
  readonly bothWays: string;
  readonly excluded: string;
}

export const SUGGESTION_PHRASES: Readonly<Record<ReasonLanguage, SuggestionPhrases>> = {
  en: {
    referralHeading: 'Best referral partners for {member} (model {model}):',
    overflowHeading: 'Overflow partners for {member} (model {model}):',
    none: '(none found)',
    referralNote: '(criteria: 0 to 1 each for the two of you together, so a side that gains nothing makes it 0; ? where the profiles do not tell)',
    overflowNote: '(the score: one has work to spare and the other room for it, and how much their customers overlap; the five referral criteria below are shown for comparison)',
    score: 'score',
    competitor: '{level} competitor',
    lopsided: 'lopsided',
    bothWays: 'you {mine}, they {theirs}',
    excluded: '(direct competitors are never referral partners and were left out: {members}; try --purpose overflow)',
  },
  sv: {
    referralHeading: 'Bästa rekommendationspartner för {member} (modell {model}):',
    overflowHeading: 'Avlastningspartner för {member} (modell {model}):',
    none: '(inga hittades)',
    referralNote: '(kriterierna: 0 till 1 vardera för er två tillsammans, så en sida som inte vinner något ger 0; ? där profilerna inte säger något)',
    overflowNote: '(poängen: den ena har uppdrag över och den andra plats för dem, och hur mycket kunderna överlappar; de fem kriterierna nedan visas som jämförelse)',
    score: 'poäng',
    competitor: '{level} konkurrent',
    lopsided: 'ojämnt',
    bothWays: 'du {mine}, din partner {theirs}',
    excluded: '(direkta konkurrenter blir aldrig rekommendationspartner och har utelämnats: {members}; prova --purpose overflow)',
  },
  da: {
    referralHeading: 'Bedste henvisningspartnere for {member} (model {model}):',
    overflowHeading: 'Aflastningspartnere for {member} (model {model}):',
    none: '(ingen fundet)',
    referralNote: '(kriterierne: 0 til 1 hver for jer to tilsammen, så en side, der intet vinder, giver 0; ? hvor profilerne ikke siger noget)',
    overflowNote: '(scoren: den ene har opgaver i overskud og den anden plads til dem, og hvor meget kunderne overlapper; de fem kriterier nedenfor vises til sammenligning)',
    score: 'score',
    competitor: '{level} konkurrent',
    lopsided: 'skævt',
    bothWays: 'du {mine}, din partner {theirs}',
    excluded: '(direkte konkurrenter bliver aldrig henvisningspartnere og er udeladt: {members}; prøv --purpose overflow)',
  },
  de: {
    referralHeading: 'Beste Empfehlungspartner für {member} (Modell {model}):',
    overflowHeading: 'Partner für Auftragsüberhang für {member} (Modell {model}):',
    none: '(keine gefunden)',
    referralNote: '(Kriterien: je 0 bis 1 für Sie beide zusammen, eine Seite ohne Nutzen ergibt also 0; ? wo die Profile nichts sagen)',
    overflowNote: '(der Score: einer hat Aufträge übrig, der andere Kapazität dafür, und wie sehr sich die Kunden überschneiden; die fünf Kriterien darunter dienen dem Vergleich)',
    score: 'Score',
    competitor: '{level} Wettbewerber',
    lopsided: 'einseitig',
    bothWays: 'Sie {mine}, Ihr Partner {theirs}',
    excluded: '(direkte Wettbewerber sind nie Empfehlungspartner und wurden ausgelassen: {members}; versuchen Sie --purpose overflow)',
  },
};
