/**
 * Sentences for the membership committee about one applicant, in the applicant's
 * language (English for others). `{x}` marks a value.
 */
import type { ReasonLanguage } from '../reasons/reason-phrases.ts';

export type ApplicantPhrase =
  | 'conflict-direct'
  | 'conflict-partial'
  | 'overflow-peer'
  | 'rival-direct'
  | 'rival-partial'
  | 'rival-fits-better'
  | 'rival-fits-worse'
  | 'rival-fits-equal'
  | 'strong-partner'
  | 'strong-partners'
  | 'no-strong-partner'
  | 'gains-partner'
  | 'fills-trade';

export const APPLICANT_PHRASES: Record<ReasonLanguage, Record<ApplicantPhrase, string>> = {
  en: {
    'conflict-direct': '{name} ({id}) already holds this seat: the same services ({services}) for the same customers in the same region',
    'conflict-partial': 'overlaps with {name} ({id}) on {services}: talk to the member before admitting',
    'overflow-peer': '{name} ({id}) offers the same trade; the network allows that, so they are overflow partners',
    'rival-direct': 'competes with applicant {name} ({id}) in this batch for the same seat',
    'rival-partial': 'overlaps with applicant {name} ({id}) in this batch on {services}',
    'rival-fits-better': 'fits the network better than {id} ({fit} against {other})',
    'rival-fits-worse': '{id} fits the network better ({other} against {fit})',
    'rival-fits-equal': 'fits the network as well as {id} ({fit})',
    'strong-partner': 'would be a strong partner for one member: {name} ({id}, {score})',
    'strong-partners': 'would be a strong partner for {count} members, best {name} ({id}, {score})',
    'no-strong-partner': 'no member would be a strong partner (best score {score})',
    'gains-partner': '{names} have no good partner today and would gain one',
    'fills-trade': 'fills a trade the network lacks: {trades}',
  },
  sv: {
    'conflict-direct': '{name} ({id}) har redan den här platsen: samma tjänster ({services}) till samma kunder i samma region',
    'conflict-partial': 'överlappar med {name} ({id}) i {services}: prata med medlemmen innan ansökan godkänns',
    'overflow-peer': '{name} ({id}) har samma yrke; nätverket tillåter det, så ni kan ta varandras överflöd',
    'rival-direct': 'konkurrerar med den sökande {name} ({id}) i samma omgång om samma plats',
    'rival-partial': 'överlappar med den sökande {name} ({id}) i samma omgång i {services}',
    'rival-fits-better': 'passar nätverket bättre än {id} ({fit} mot {other})',
    'rival-fits-worse': '{id} passar nätverket bättre ({other} mot {fit})',
    'rival-fits-equal': 'passar nätverket lika bra som {id} ({fit})',
    'strong-partner': 'blir en stark partner för en medlem: {name} ({id}, {score})',
    'strong-partners': 'blir en stark partner för {count} medlemmar, bäst {name} ({id}, {score})',
    'no-strong-partner': 'ingen medlem blir en stark partner (bästa poäng {score})',
    'gains-partner': '{names} saknar en bra partner i dag och får en',
    'fills-trade': 'fyller en bransch som nätverket saknar: {trades}',
  },
  da: {
    'conflict-direct': '{name} ({id}) har allerede denne plads: de samme ydelser ({services}) til de samme kunder i samme region',
    'conflict-partial': 'overlapper med {name} ({id}) på {services}: tal med medlemmet, før ansøgningen godkendes',
    'overflow-peer': '{name} ({id}) har samme fag; netværket tillader det, så I kan tage hinandens overløb',
    'rival-direct': 'konkurrerer med ansøgeren {name} ({id}) i samme runde om den samme plads',
    'rival-partial': 'overlapper med ansøgeren {name} ({id}) i samme runde på {services}',
    'rival-fits-better': 'passer bedre ind i netværket end {id} ({fit} mod {other})',
    'rival-fits-worse': '{id} passer bedre ind i netværket ({other} mod {fit})',
    'rival-fits-equal': 'passer lige så godt ind i netværket som {id} ({fit})',
    'strong-partner': 'bliver en stærk partner for ét medlem: {name} ({id}, {score})',
    'strong-partners': 'bliver en stærk partner for {count} medlemmer, bedst {name} ({id}, {score})',
    'no-strong-partner': 'intet medlem bliver en stærk partner (bedste score {score})',
    'gains-partner': '{names} mangler en god partner i dag og får en',
    'fills-trade': 'dækker en branche, netværket mangler: {trades}',
  },
  de: {
    'conflict-direct': '{name} ({id}) hat diesen Platz schon: dieselben Leistungen ({services}) für dieselben Kunden in derselben Region',
    'conflict-partial': 'überschneidet sich mit {name} ({id}) bei {services}: vor der Aufnahme mit dem Mitglied sprechen',
    'overflow-peer': '{name} ({id}) hat dasselbe Gewerk; das Netzwerk erlaubt das, also Partner für Auftragsspitzen',
    'rival-direct': 'konkurriert mit Bewerber {name} ({id}) aus derselben Runde um denselben Platz',
    'rival-partial': 'überschneidet sich mit Bewerber {name} ({id}) aus derselben Runde bei {services}',
    'rival-fits-better': 'passt besser ins Netzwerk als {id} ({fit} gegenüber {other})',
    'rival-fits-worse': '{id} passt besser ins Netzwerk ({other} gegenüber {fit})',
    'rival-fits-equal': 'passt so gut ins Netzwerk wie {id} ({fit})',
    'strong-partner': 'wäre ein starker Partner für ein Mitglied: {name} ({id}, {score})',
    'strong-partners': 'wäre ein starker Partner für {count} Mitglieder, am besten {name} ({id}, {score})',
    'no-strong-partner': 'kein Mitglied wäre ein starker Partner (bester Wert {score})',
    'gains-partner': '{names} haben heute keinen guten Partner und bekämen einen',
    'fills-trade': 'besetzt eine Branche, die dem Netzwerk fehlt: {trades}',
  },
};

export function fillPhrase(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/**
 * The lines around each applicant's sentences in the text output (`partnerfit
 * applicants`), in the same language as the sentences. Templates as in
 * reason-phrases.ts: `{n|one|many}` picks the singular when n is "1".
 */
export interface ApplicantFrame {
  readonly verdicts: Readonly<Record<'accept' | 'review' | 'conflict', string>>;
  readonly heading: string;
  readonly conflicts: string;
  readonly inBatch: string;
  readonly topPartners: string;
}

export const APPLICANT_FRAME: Readonly<Record<ReasonLanguage, ApplicantFrame>> = {
  en: {
    verdicts: { accept: 'ACCEPT', review: 'REVIEW', conflict: 'CONFLICT' },
    heading: '{verdict} (fit {fit}, {n} strong {n|partner|partners})',
    conflicts: 'conflicts',
    inBatch: 'in this batch',
    topPartners: 'best partners',
  },
  sv: {
    verdicts: { accept: 'GODKÄNN', review: 'GRANSKA', conflict: 'KONFLIKT' },
    heading: '{verdict} (matchning {fit}, {n} {n|stark partner|starka partner})',
    conflicts: 'konflikter',
    inBatch: 'i den här omgången',
    topPartners: 'bästa partner',
  },
  da: {
    verdicts: { accept: 'OPTAG', review: 'VURDER', conflict: 'KONFLIKT' },
    heading: '{verdict} (match {fit}, {n} {n|stærk partner|stærke partnere})',
    conflicts: 'konflikter',
    inBatch: 'i denne runde',
    topPartners: 'bedste partnere',
  },
  de: {
    verdicts: { accept: 'AUFNEHMEN', review: 'PRÜFEN', conflict: 'KONFLIKT' },
    heading: '{verdict} (Passung {fit}, {n} {n|starker Partner|starke Partner})',
    conflicts: 'Konflikte',
    inBatch: 'in dieser Runde',
    topPartners: 'beste Partner',
  },
};
