/**
 * The HTML report's own words (headings, table heads, legends) in the languages
 * reasons are written in, so that a Swedish chapter's page reads Swedish throughout.
 * Templates as in reason-phrases.ts: `{name}` is a value, `{n|one|many}` picks the
 * singular when the value of n is "1".
 */
import type { CriterionName } from '../core/criteria/criterion.ts';
import type { ReasonLanguage } from '../core/reasons/reason-phrases.ts';

export interface ReportPhrases {
  readonly title: string;
  readonly heading: string;
  readonly members: string;
  readonly policy: string;
  readonly policies: Readonly<Record<'exclusive' | 'open', string>>;
  readonly partnerships: string;
  readonly competitorPairs: string;
  readonly model: string;
  readonly graph: string;
  readonly competitorsDashed: string;
  readonly levels: Readonly<Record<'direct' | 'partial', string>>;
  readonly conflictLine: Readonly<Record<'direct' | 'partial', string>>;
  readonly memberNode: string;
  readonly membersHeading: string;
  readonly memberColumns: readonly [string, string, string, string, string];
  readonly withoutPartner: string;
  readonly none: string;
  readonly recruitHeading: string;
  readonly recruitItem: string;
  readonly noMissingTrade: string;
  readonly pairsHeading: string;
  readonly pairsNote: string;
  readonly pair: string;
  readonly score: string;
  readonly criteria: Readonly<Record<CriterionName, string>>;
  readonly why: string;
  readonly unknown: string;
  readonly unrecognisedTrade: string;
  readonly ledgerHeading: string;
  readonly noActivity: string;
  readonly ledgerNote: string;
  readonly ledgerColumns: readonly [string, string, string, string, string, string, string, string, string, string];
  readonly freeRider: string;
  readonly quietSince: string;
  readonly neverActive: string;
  readonly freeRiders: string;
  readonly goneQuiet: string;
  readonly flowHeading: string;
  readonly flowItem: string;
  readonly noReferrals: string;
}

export const REPORT_PHRASES: Readonly<Record<ReasonLanguage, ReportPhrases>> = {
  en: {
    title: 'partnerfit report — {network}',
    heading: 'Network {network}',
    members: '{n} {n|member|members}',
    policy: 'policy',
    policies: { exclusive: 'exclusive (one seat per trade)', open: 'open (peers of one trade welcome)' },
    partnerships: '{n} good {n|partnership|partnerships} (score ≥ {threshold})',
    competitorPairs: '{n} competitor {n|pair|pairs}',
    model: 'model',
    graph: 'Partner graph',
    competitorsDashed: 'competitors (dashed)',
    levels: { direct: 'direct', partial: 'partial' },
    conflictLine: { direct: 'direct competitors: {a} – {b}', partial: 'partial competitors: {a} – {b}' },
    memberNode: '{name} ({id}) — {trade}; {n} good {n|partner|partners}',
    membersHeading: 'Members',
    memberColumns: ['member', 'trade', 'good partners', 'best partner', 'conflicts'],
    withoutPartner: 'Without a good partner: {members}',
    none: 'none',
    recruitHeading: 'Recruit next',
    recruitItem: 'value {value}; partner for {members}',
    noMissingTrade: 'no missing trade found',
    pairsHeading: 'Partnerships, criterion by criterion',
    pairsNote: 'The reasons are written to the first member of each pair: "you" is the first, "they" the second.',
    pair: 'pair',
    score: 'score',
    criteria: { chemistry: 'chemistry', complementarity: 'complement', sharedCustomers: 'customers', sharedContacts: 'contacts', mutualProfit: 'profit' },
    why: 'why',
    unknown: 'unknown',
    unrecognisedTrade: 'unrecognised trade',
    ledgerHeading: 'Give and take',
    noActivity: 'No activity is recorded for this network yet, so there is no give/take ledger ({command} adds referrals, one-to-ones and closed business).',
    ledgerNote:
      '{n} activity {n|row|rows} up to {asOf}. Given: referrals a member passed on, how many were won and the business others closed from them; received: the same the other way. Free rider: takes referrals, never gives one. Quiet: nothing for {days} days before the latest activity.',
    ledgerColumns: ['member', 'given', 'won', 'business given', 'received', 'won', 'business received', 'one-to-ones', 'last activity', 'flags'],
    freeRider: 'free rider',
    quietSince: 'quiet since {date}',
    neverActive: 'no activity yet',
    freeRiders: 'Free riders: {members}',
    goneQuiet: 'Gone quiet: {members}',
    flowHeading: 'Referral flow between trades',
    flowItem: '{n} {n|referral|referrals}, {won} won, {value}',
    noReferrals: 'no referrals recorded',
  },
  sv: {
    title: 'partnerfit-rapport — {network}',
    heading: 'Nätverket {network}',
    members: '{n} {n|medlem|medlemmar}',
    policy: 'policy',
    policies: { exclusive: 'exklusiv (en plats per bransch)', open: 'öppen (flera i samma bransch välkomna)' },
    partnerships: '{n} {n|bra partnerskap|bra partnerskap} (poäng ≥ {threshold})',
    competitorPairs: '{n} {n|konkurrentpar|konkurrentpar}',
    model: 'modell',
    graph: 'Partnerkarta',
    competitorsDashed: 'konkurrenter (streckat)',
    levels: { direct: 'direkt', partial: 'delvis' },
    conflictLine: { direct: 'direkta konkurrenter: {a} – {b}', partial: 'delvis konkurrenter: {a} – {b}' },
    memberNode: '{name} ({id}) — {trade}; {n} {n|bra partner|bra partner}',
    membersHeading: 'Medlemmar',
    memberColumns: ['medlem', 'bransch', 'bra partner', 'bästa partner', 'konflikter'],
    withoutPartner: 'Utan bra partner: {members}',
    none: 'ingen',
    recruitHeading: 'Rekrytera härnäst',
    recruitItem: 'värde {value}; partner till {members}',
    noMissingTrade: 'ingen saknad bransch hittades',
    pairsHeading: 'Partnerskap, kriterium för kriterium',
    pairsNote: 'Skälen är skrivna till den första medlemmen i varje par: ”du” är den första, ”din partner” den andra.',
    pair: 'par',
    score: 'poäng',
    criteria: { chemistry: 'kemi', complementarity: 'komplement', sharedCustomers: 'kunder', sharedContacts: 'kontakter', mutualProfit: 'lönsamhet' },
    why: 'varför',
    unknown: 'okänt',
    unrecognisedTrade: 'okänd bransch',
    ledgerHeading: 'Ge och ta',
    noActivity: 'Ingen aktivitet är registrerad för nätverket ännu, så det finns ingen ge-och-ta-översikt ({command} lägger till rekommendationer, enskilda möten och avslutade affärer).',
    ledgerNote:
      '{n} {n|aktivitetsrad|aktivitetsrader} till och med {asOf}. Gett: rekommendationer medlemmen har lämnat vidare, hur många som blev affär och affärerna andra har gjort tack vare dem; fått: detsamma åt andra hållet. Fripassagerare: tar emot rekommendationer men ger aldrig någon. Tyst: inget under {days} dagar före den senaste aktiviteten.',
    ledgerColumns: ['medlem', 'lämnade', 'blev affär', 'värde', 'mottagna', 'blev affär', 'värde', 'enskilda möten', 'senaste aktivitet', 'flaggor'],
    freeRider: 'fripassagerare',
    quietSince: 'tyst sedan {date}',
    neverActive: 'ingen aktivitet än',
    freeRiders: 'Fripassagerare: {members}',
    goneQuiet: 'Tysta: {members}',
    flowHeading: 'Rekommendationer mellan branscher',
    flowItem: '{n} {n|rekommendation|rekommendationer}, {won} blev affär, {value}',
    noReferrals: 'inga rekommendationer registrerade',
  },
  da: {
    title: 'partnerfit-rapport — {network}',
    heading: 'Netværket {network}',
    members: '{n} {n|medlem|medlemmer}',
    policy: 'politik',
    policies: { exclusive: 'eksklusiv (én plads pr. branche)', open: 'åben (flere i samme branche velkomne)' },
    partnerships: '{n} {n|godt partnerskab|gode partnerskaber} (score ≥ {threshold})',
    competitorPairs: '{n} {n|konkurrentpar|konkurrentpar}',
    model: 'model',
    graph: 'Partnerkort',
    competitorsDashed: 'konkurrenter (stiplet)',
    levels: { direct: 'direkte', partial: 'delvis' },
    conflictLine: { direct: 'direkte konkurrenter: {a} – {b}', partial: 'delvise konkurrenter: {a} – {b}' },
    memberNode: '{name} ({id}) — {trade}; {n} {n|god partner|gode partnere}',
    membersHeading: 'Medlemmer',
    memberColumns: ['medlem', 'branche', 'gode partnere', 'bedste partner', 'konflikter'],
    withoutPartner: 'Uden en god partner: {members}',
    none: 'ingen',
    recruitHeading: 'Rekrutter dernæst',
    recruitItem: 'værdi {value}; partner for {members}',
    noMissingTrade: 'ingen manglende branche fundet',
    pairsHeading: 'Partnerskaber, kriterium for kriterium',
    pairsNote: 'Begrundelserne er skrevet til det første medlem i hvert par: »du« er det første, »din partner« det andet.',
    pair: 'par',
    score: 'score',
    criteria: { chemistry: 'kemi', complementarity: 'komplement', sharedCustomers: 'kunder', sharedContacts: 'kontakter', mutualProfit: 'indtjening' },
    why: 'hvorfor',
    unknown: 'ukendt',
    unrecognisedTrade: 'ukendt branche',
    ledgerHeading: 'Give og tage',
    noActivity: 'Der er endnu ikke registreret aktivitet for netværket, så der er intet give-og-tage-regnskab ({command} tilføjer henvisninger, en-til-en-møder og lukkede handler).',
    ledgerNote:
      '{n} {n|aktivitetsrække|aktivitetsrækker} til og med {asOf}. Givet: henvisninger, medlemmet har givet videre, hvor mange der blev til handel, og den forretning andre har lukket takket være dem; modtaget: det samme den anden vej. Gratist: tager imod henvisninger, men giver aldrig nogen. Stille: intet i {days} dage før den seneste aktivitet.',
    ledgerColumns: ['medlem', 'givet', 'blev til handel', 'værdi', 'modtaget', 'blev til handel', 'værdi', 'en-til-en-møder', 'seneste aktivitet', 'markeringer'],
    freeRider: 'gratist',
    quietSince: 'stille siden {date}',
    neverActive: 'ingen aktivitet endnu',
    freeRiders: 'Gratister: {members}',
    goneQuiet: 'Stille: {members}',
    flowHeading: 'Henvisninger mellem brancher',
    flowItem: '{n} {n|henvisning|henvisninger}, {won} blev til handel, {value}',
    noReferrals: 'ingen henvisninger registreret',
  },
  de: {
    title: 'partnerfit-Bericht — {network}',
    heading: 'Netzwerk {network}',
    members: '{n} {n|Mitglied|Mitglieder}',
    policy: 'Regel',
    policies: { exclusive: 'exklusiv (ein Platz pro Branche)', open: 'offen (mehrere aus einer Branche willkommen)' },
    partnerships: '{n} {n|gute Partnerschaft|gute Partnerschaften} (Wert ≥ {threshold})',
    competitorPairs: '{n} {n|Wettbewerberpaar|Wettbewerberpaare}',
    model: 'Modell',
    graph: 'Partnerkarte',
    competitorsDashed: 'Wettbewerber (gestrichelt)',
    levels: { direct: 'direkt', partial: 'teilweise' },
    conflictLine: { direct: 'direkte Wettbewerber: {a} – {b}', partial: 'teilweise Wettbewerber: {a} – {b}' },
    memberNode: '{name} ({id}) — {trade}; {n} {n|guter Partner|gute Partner}',
    membersHeading: 'Mitglieder',
    memberColumns: ['Mitglied', 'Branche', 'Gute Partner', 'Bester Partner', 'Konflikte'],
    withoutPartner: 'Ohne guten Partner: {members}',
    none: 'keine',
    recruitHeading: 'Als Nächstes gewinnen',
    recruitItem: 'Wert {value}; Partner für {members}',
    noMissingTrade: 'keine fehlende Branche gefunden',
    pairsHeading: 'Partnerschaften, Kriterium für Kriterium',
    pairsNote: 'Die Gründe richten sich an das erste Mitglied jedes Paares: „Sie“ ist das erste, „Ihr Partner“ das zweite.',
    pair: 'Paar',
    score: 'Wert',
    criteria: { chemistry: 'Chemie', complementarity: 'Ergänzung', sharedCustomers: 'Kunden', sharedContacts: 'Kontakte', mutualProfit: 'Nutzen' },
    why: 'Warum',
    unknown: 'unbekannt',
    unrecognisedTrade: 'unbekannte Branche',
    ledgerHeading: 'Geben und Nehmen',
    noActivity: 'Für dieses Netzwerk ist noch keine Aktivität erfasst, daher gibt es keine Geben-und-Nehmen-Übersicht ({command} fügt Empfehlungen, Einzelgespräche und abgeschlossene Geschäfte hinzu).',
    ledgerNote:
      '{n} {n|Aktivitätszeile|Aktivitätszeilen} bis {asOf}. Gegeben: Empfehlungen, die ein Mitglied weitergegeben hat, wie viele davon gewonnen wurden und das Geschäft, das andere daraus abgeschlossen haben; erhalten: dasselbe in der anderen Richtung. Trittbrettfahrer: nimmt Empfehlungen an, gibt aber nie eine. Still: nichts in den {days} Tagen vor der letzten Aktivität.',
    ledgerColumns: ['Mitglied', 'Gegeben', 'Gewonnen', 'Wert', 'Erhalten', 'Gewonnen', 'Wert', 'Einzelgespräche', 'Letzte Aktivität', 'Hinweise'],
    freeRider: 'Trittbrettfahrer',
    quietSince: 'still seit {date}',
    neverActive: 'noch keine Aktivität',
    freeRiders: 'Trittbrettfahrer: {members}',
    goneQuiet: 'Still geworden: {members}',
    flowHeading: 'Empfehlungen zwischen Branchen',
    flowItem: '{n} {n|Empfehlung|Empfehlungen}, {won} gewonnen, {value}',
    noReferrals: 'keine Empfehlungen erfasst',
  },
};
