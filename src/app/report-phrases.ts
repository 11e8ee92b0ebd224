/**
 * The network report's own words (headings, table heads, legends) in the languages
 * reasons are written in, so that a Swedish chapter's report reads Swedish throughout,
 * as a page (report-html.ts) and as text (`partnerfit report`).
 * Templates as in reason-phrases.ts: `{name}` is a value, `{n|one|many}` picks the
 * singular when the value of n is "1".
 */
import type { CriterionName } from '../core/criteria/criterion.ts';
import type { MemberLedger, NetworkLedger } from '../core/activity/network-ledger.ts';
import type { ReasonLanguage } from '../core/reasons/reason-phrases.ts';
import { fillTemplate } from '../core/reasons/reason-writer.ts';

export interface ReportPhrases {
  readonly title: string;
  readonly heading: string;
  readonly members: string;
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
  /** The ledger's totals row, in the member column ({n}: how many members it sums). */
  readonly ledgerTotal: string;
  readonly freeRider: string;
  readonly quietSince: string;
  readonly neverActive: string;
  readonly freeRiders: string;
  readonly goneQuiet: string;
  readonly flowHeading: string;
  readonly flowItem: string;
  readonly noReferrals: string;
  /** The text report's own lines (`partnerfit report` without `--html`). */
  readonly bestPairsHeading: string;
  readonly openPolicyNote: string;
  readonly ledgerSummary: string;
}

export const REPORT_PHRASES: Readonly<Record<ReasonLanguage, ReportPhrases>> = {
  en: {
    title: 'partnerfit report — {network}',
    heading: 'Network {network}',
    members: '{n} {n|member|members}',
    policies: { exclusive: 'policy: exclusive (one seat per trade)', open: 'policy: open (peers of one trade welcome)' },
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
    recruitItem: 'partner value {value}; partner for {members}',
    noMissingTrade: 'no missing trade found',
    pairsHeading: 'Partnerships, criterion by criterion',
    pairsNote: 'The reasons are addressed to the first member of each pair: "you" is the first, "they" the second.',
    pair: 'pair',
    score: 'score',
    criteria: { chemistry: 'chemistry', complementarity: 'complement', sharedCustomers: 'customers', sharedContacts: 'contacts', mutualProfit: 'profit' },
    why: 'why',
    unknown: 'unknown',
    unrecognisedTrade: 'unrecognised trade',
    ledgerHeading: 'Give and take',
    noActivity: 'No activity is recorded for this network yet, so there is no give/take ledger ({command} adds referrals, one-to-ones and closed business).',
    ledgerNote: '{n} {n|activity|activities} (one-to-ones and referrals) up to {asOf}. Given: referrals a member passed on, how many were won and the value of the business others closed from them; received: the same the other way. Free rider: takes referrals, never gives one. Inactive: no activity in the {days} {days|day|days} up to {asOf}.',
    ledgerColumns: ['member', 'given', 'won', 'business given', 'received', 'won', 'business received', 'one-to-ones', 'last activity', 'flags'],
    ledgerTotal: 'all {n} members',
    freeRider: 'free rider',
    quietSince: 'inactive (last active {date})',
    neverActive: 'no activity yet',
    freeRiders: 'Free riders: {members}',
    goneQuiet: 'Inactive: {members}',
    flowHeading: 'Referral flow between trades',
    flowItem: '{n} {n|referral|referrals}, {won} won, {value}',
    noReferrals: 'no referrals recorded',
    bestPairsHeading: 'Best partnerships ({shown} of {n})',
    openPolicyNote: 'allowed in an open network: they can take over work when the other is fully booked',
    ledgerSummary: '{n} {n|activity|activities} (one-to-ones and referrals) up to {asOf}; inactive: no activity in the {days} {days|day|days} up to then',
  },
  sv: {
    title: 'partnerfit-rapport — {network}',
    heading: 'Nätverket {network}',
    members: '{n} {n|medlem|medlemmar}',
    policies: { exclusive: 'branschexklusivitet (en plats per bransch)', open: 'öppet för flera i samma bransch' },
    partnerships: '{n} {n|bra partnerskap|bra partnerskap} (poäng ≥ {threshold})',
    competitorPairs: '{n} {n|konkurrentpar|konkurrentpar}',
    model: 'modell',
    graph: 'Partnerkarta',
    competitorsDashed: 'konkurrenter (streckat)',
    levels: { direct: 'direkt', partial: 'delvis' },
    conflictLine: { direct: 'direkta konkurrenter: {a} – {b}', partial: 'delvis konkurrenter: {a} – {b}' },
    memberNode: '{name} ({id}) — {trade}; {n} {n|bra partner|bra partner}',
    membersHeading: 'Medlemmar',
    memberColumns: ['medlem', 'bransch', 'antal bra partner', 'bästa partner', 'konflikter'],
    withoutPartner: 'Utan bra partner: {members}',
    none: 'ingen',
    recruitHeading: 'Rekrytera härnäst',
    recruitItem: 'partnernytta {value}; partner till {members}',
    noMissingTrade: 'ingen saknad bransch hittades',
    pairsHeading: 'Partnerskap, kriterium för kriterium',
    pairsNote: 'Motiveringarna riktar sig till den första medlemmen i varje par: ”du” är den första, ”din partner” den andra.',
    pair: 'par',
    score: 'poäng',
    criteria: { chemistry: 'kemi', complementarity: 'komplement', sharedCustomers: 'kunder', sharedContacts: 'kontakter', mutualProfit: 'nytta' },
    why: 'varför',
    unknown: 'okänt',
    unrecognisedTrade: 'okänd bransch',
    ledgerHeading: 'Ge och ta',
    noActivity: 'Ingen aktivitet är registrerad för nätverket ännu, så det finns ingen ge-och-ta-översikt ({command} lägger till rekommendationer, enskilda möten och avslutade affärer).',
    ledgerNote: '{n} {n|aktivitet|aktiviteter} (möten och rekommendationer) till och med {asOf}. Lämnade: rekommendationer som medlemmen har lämnat vidare, hur många som blev affär och värdet av de affärer andra har gjort tack vare dem; mottagna: detsamma åt andra hållet. Fripassagerare: tar emot rekommendationer men ger aldrig någon. Inaktiv: ingen aktivitet under {days} {days|dag|dagar} fram till {asOf}.',
    ledgerColumns: ['medlem', 'lämnade', 'blev affär', 'värde', 'mottagna', 'blev affär', 'värde', 'enskilda möten', 'senaste aktivitet', 'markering'],
    ledgerTotal: 'alla {n} medlemmar',
    freeRider: 'fripassagerare',
    quietSince: 'inaktiv (senast aktiv {date})',
    neverActive: 'ingen aktivitet än',
    freeRiders: 'Fripassagerare: {members}',
    goneQuiet: 'Inaktiva: {members}',
    flowHeading: 'Rekommendationer mellan branscher',
    flowItem: '{n} {n|rekommendation|rekommendationer}, {won} blev affär, {value}',
    noReferrals: 'inga rekommendationer registrerade',
    bestPairsHeading: 'Bästa partnerskapen ({shown} av {n})',
    openPolicyNote: 'tillåts i ett öppet nätverk: de kan ta över uppdrag när den andra har fullt',
    ledgerSummary: '{n} {n|aktivitet|aktiviteter} (möten och rekommendationer) till och med {asOf}; inaktiv: ingen aktivitet under {days} {days|dag|dagar} fram till dess',
  },
  da: {
    title: 'partnerfit-rapport — {network}',
    heading: 'Netværket {network}',
    members: '{n} {n|medlem|medlemmer}',
    policies: { exclusive: 'brancheeksklusivitet (én plads pr. branche)', open: 'åbent for flere i samme branche' },
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
    recruitHeading: 'Næste brancher at rekruttere',
    recruitItem: 'partnergevinst {value}; partner for {members}',
    noMissingTrade: 'ingen manglende branche fundet',
    pairsHeading: 'Partnerskaber, kriterium for kriterium',
    pairsNote: 'Begrundelserne henvender sig til det første medlem i hvert par: »du« er det første, »din partner« det andet.',
    pair: 'par',
    score: 'score',
    criteria: { chemistry: 'kemi', complementarity: 'komplement', sharedCustomers: 'kunder', sharedContacts: 'kontakter', mutualProfit: 'fordel' },
    why: 'hvorfor',
    unknown: 'ukendt',
    unrecognisedTrade: 'ukendt branche',
    ledgerHeading: 'Give og tage',
    noActivity: 'Der er endnu ikke registreret aktivitet for netværket, så der er intet give-og-tage-regnskab ({command} tilføjer henvisninger, en-til-en-møder og lukkede aftaler).',
    ledgerNote: '{n} {n|aktivitet|aktiviteter} (møder og henvisninger) til og med {asOf}. Givet: henvisninger, som medlemmet har givet videre, hvor mange der blev til en aftale, og værdien af de aftaler, andre har lukket takket være dem; modtaget: det samme den modsatte vej. Gratist: tager imod henvisninger, men giver aldrig nogen. Inaktiv: ingen aktivitet i de {days} {days|dag|dage} frem til {asOf}.',
    ledgerColumns: ['medlem', 'givet', 'blev til aftale', 'værdi', 'modtaget', 'blev til aftale', 'værdi', 'en-til-en-møder', 'seneste aktivitet', 'markeringer'],
    ledgerTotal: 'alle {n} medlemmer',
    freeRider: 'gratist',
    quietSince: 'inaktiv (sidst aktiv {date})',
    neverActive: 'ingen aktivitet endnu',
    freeRiders: 'Gratister: {members}',
    goneQuiet: 'Inaktive: {members}',
    flowHeading: 'Henvisninger mellem brancher',
    flowItem: '{n} {n|henvisning|henvisninger}, {won} blev til en aftale, {value}',
    noReferrals: 'ingen henvisninger registreret',
    bestPairsHeading: 'De bedste partnerskaber ({shown} af {n})',
    openPolicyNote: 'tilladt i et åbent netværk: de kan overtage opgaver, når den anden har travlt',
    ledgerSummary: '{n} {n|aktivitet|aktiviteter} (møder og henvisninger) til og med {asOf}; inaktiv: ingen aktivitet i {days} {days|dag|dage} op til da',
  },
  de: {
    title: 'partnerfit-Bericht — {network}',
    heading: 'Netzwerk {network}',
    members: '{n} {n|Mitglied|Mitglieder}',
    policies: { exclusive: 'Branchenexklusivität (ein Platz pro Branche)', open: 'offen für mehrere aus einer Branche' },
    partnerships: '{n} {n|gute Partnerschaft|gute Partnerschaften} (Score ≥ {threshold})',
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
    none: 'niemand',
    recruitHeading: 'Als Nächstes anwerben',
    recruitItem: 'Partnernutzen {value}; Partner für {members}',
    noMissingTrade: 'keine fehlende Branche gefunden',
    pairsHeading: 'Partnerschaften, Kriterium für Kriterium',
    pairsNote: 'Die Begründungen richten sich an das erste Mitglied jedes Paares: „Sie“ meint das erste Mitglied, „Ihr Partner“ das zweite.',
    pair: 'Paar',
    score: 'Score',
    criteria: { chemistry: 'Chemie', complementarity: 'Ergänzung', sharedCustomers: 'Kunden', sharedContacts: 'Kontakte', mutualProfit: 'Nutzen' },
    why: 'Warum',
    unknown: 'unbekannt',
    unrecognisedTrade: 'unbekannte Branche',
    ledgerHeading: 'Geben und Nehmen',
    noActivity: 'Für dieses Netzwerk ist noch keine Aktivität erfasst, daher gibt es keine Geben-und-Nehmen-Übersicht ({command} fügt Empfehlungen, Einzelgespräche und abgeschlossene Geschäfte hinzu).',
    ledgerNote: '{n} {n|Aktivität|Aktivitäten} (Einzelgespräche und Empfehlungen) bis {asOf}. Gegeben: Empfehlungen, die ein Mitglied weitergegeben hat, wie viele davon zu einem Auftrag führten, und der Wert der Geschäfte, die andere daraus abgeschlossen haben; Erhalten: dasselbe in umgekehrter Richtung. „Gibt keine Empfehlungen weiter“: nimmt Empfehlungen an, gibt aber nie eine weiter. Inaktiv: {days} {days|Tag|Tage} ohne Aktivität bis zum {asOf}.',
    ledgerColumns: ['Mitglied', 'Gegeben', 'Abschlüsse', 'Wert', 'Erhalten', 'Abschlüsse', 'Wert', 'Einzelgespräche', 'Letzte Aktivität', 'Hinweise'],
    ledgerTotal: 'Alle {n} Mitglieder',
    freeRider: 'gibt keine Empfehlungen weiter',
    quietSince: 'inaktiv (zuletzt aktiv am {date})',
    neverActive: 'noch keine Aktivität',
    freeRiders: 'Gibt keine Empfehlungen weiter: {members}',
    goneQuiet: 'Inaktiv: {members}',
    flowHeading: 'Empfehlungen zwischen Branchen',
    flowItem: '{n} {n|Empfehlung|Empfehlungen}, {won} mit Abschluss, {value}',
    noReferrals: 'keine Empfehlungen erfasst',
    bestPairsHeading: 'Die besten Partnerschaften ({shown} von {n})',
    openPolicyNote: 'in einem offenen Netzwerk erlaubt: sie können Aufträge übernehmen, wenn der andere ausgelastet ist',
    ledgerSummary: '{n} {n|Aktivität|Aktivitäten} (Einzelgespräche und Empfehlungen) bis {asOf}; inaktiv: {days} {days|Tag|Tage} ohne Aktivität bis dahin',
  },
};

/** A date as the report's language writes it: 2026-06-18 in English and Swedish, 18.06.2026 in Danish and German. */
export function reportDate(iso: string, language: ReasonLanguage): string {
  return language === 'da' || language === 'de' ? iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1') : iso;
}

/** What the ledger says against a member, in words: a free rider, inactive since a date (none when neither). */
export function ledgerFlagWords(m: MemberLedger, language: ReasonLanguage): { readonly kind: 'free-rider' | 'inactive'; readonly text: string }[] {
  const t = REPORT_PHRASES[language];
  const flags: { kind: 'free-rider' | 'inactive'; text: string }[] = [];
  if (m.freeRider) flags.push({ kind: 'free-rider', text: t.freeRider });
  if (m.goneQuiet) flags.push({ kind: 'inactive', text: m.lastActivity ? fillTemplate(t.quietSince, { date: reportDate(m.lastActivity, language) }) : t.neverActive });
  return flags;
}

/** Members of the ledger as "Name (id)", or the language's "none" (the lists of free riders and inactive members). */
export function ledgerNames(ledger: NetworkLedger, ids: readonly string[], language: ReasonLanguage): string {
  return ids.map((id) => `${ledger.members.find((m) => m.id === id)?.name ?? id} (${id})`).join(', ') || REPORT_PHRASES[language].none;
}
