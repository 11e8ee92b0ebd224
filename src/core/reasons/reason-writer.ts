/**
 * Turns reason facts into sentences in the member's language (English when the
 * member writes in another one). Concepts are named with the lexicon's label in that
 * language, so a Swedish member reads "rekrytering" where a German one reads
 * "Rekrutierung" for the same fact.
 */
import type { CurrencyCode } from '../money/exchange-rates.ts';
import { formatMoney } from '../money/format-money.ts';
import { mostCommon } from '../most-common.ts';
import type { EngineKnowledge } from '../knowledge.ts';
import type { ReasonFact } from './reason-fact.ts';
import {
  AREA_NAMES,
  CAPACITY_NAMES,
  CONJUNCTION,
  FUNCTION_NAMES,
  LANGUAGE_NAMES,
  REASON_LANGUAGES,
  ROLE_PLURALS,
  COMPANY_NOUN,
  SIZE_ADJECTIVES,
  SIZE_NAMES,
  STAGE_NAMES,
  TEMPLATES,
  type ReasonLanguage,
} from './reason-phrases.ts';

/** The locale numbers are written in for each language (decimal point or comma). */
export const NUMBER_LOCALE: Record<ReasonLanguage, string> = { en: 'en-GB', sv: 'sv-SE', da: 'da-DK', de: 'de-DE' };

export function reasonLanguage(language: string | null): ReasonLanguage {
  return (REASON_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as ReasonLanguage) : 'en';
}

/**
 * The language a group's shared reasons are written in (the network report, competitor
 * pairs, the demo): the one most of its members reply in, English when no language has
 * more members than every other or the members write in none of the four.
 */
export function commonLanguage(languages: Iterable<string | null>): ReasonLanguage {
  return mostCommon([...languages].filter((l): l is ReasonLanguage => (REASON_LANGUAGES as readonly string[]).includes(l ?? ''))) ?? 'en';
}

/** A score as the language writes it, two decimals: 0.72 in English, 0,72 in Swedish, Danish and German. */
export function formatScore(score: number, language: ReasonLanguage): string {
  return score.toLocaleString(NUMBER_LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A template with `{name}` values and `{n|one|many}` plurals (`one` when the value of n is "1"). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_, k: string, one?: string, many?: string) => (one === undefined ? (values[k] ?? '') : values[k] === '1' ? one : many!));
}

/**
 * What two competitors each wrote for the services they share: `Anna writes "bokföring";
 * Lars writes "bogföring"`, or `both write "SEO"` when they wrote the same.
 */
export function writeCompetitorWords(a: { readonly name: string; readonly terms: readonly string[] }, b: { readonly name: string; readonly terms: readonly string[] }, language: string | null): string {
  const quote = (terms: readonly string[]) => terms.map((term) => `"${term}"`).join(', ');
  const t = TEMPLATES[reasonLanguage(language)];
  const same = a.terms.length === b.terms.length && a.terms.every((term) => b.terms.includes(term));
  if (same) return fillTemplate(t['competitor-same-words'], { words: quote(a.terms) });
  return fillTemplate(t['competitor-words'], { a: a.name, mine: quote(a.terms), b: b.name, theirs: quote(b.terms) });
}

export interface ReasonOptions {
  /**
   * `member` (default): written to the first member ("you both offer …"); `pair`: about
   * both, for an organiser (only competitor facts have such sentences: "both offer …").
   */
  readonly about?: 'member' | 'pair';
  /** The currency amounts are written in (default EUR; amounts are kept in EUR and converted). */
  readonly currency?: CurrencyCode;
}

/** Sentences for the facts, most telling first, at most `limit`. */
export function writeReasons(facts: readonly ReasonFact[], language: string | null, knowledge: EngineKnowledge, limit = 6, options: ReasonOptions = {}): string[] {
  const lang = reasonLanguage(language);
  const concept = (id: string) => knowledge.lexicon.label(id, lang);
  const list = (items: readonly string[]) => {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${CONJUNCTION[lang]} ${items[items.length - 1]}`;
  };
  // Averages as the member's language writes them: 1.7 in English, 1,7 in Swedish, Danish and German.
  const decimal = (n: number) => n.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: 1 });
  const t = TEMPLATES[lang];

  const sentences: string[] = [];
  for (const fact of [...facts].sort((a, b) => PRIORITY.indexOf(a.key) - PRIORITY.indexOf(b.key))) {
    let text = '';
    switch (fact.key) {
      case 'complementary-services':
        text = fillTemplate(t[fact.key], { mine: concept(fact.mine), theirs: concept(fact.theirs) });
        break;
      case 'same-area':
        text = fillTemplate(t[fact.key], { area: AREA_NAMES[lang][fact.area] ?? fact.area });
        break;
      case 'competitor': {
        // Another market in the same region means other customers; the region is named by its own fact.
        const sameRegion = facts.some((f) => f.key === 'same-market');
        const key = fact.level === 'direct' ? 'competitor-direct' : fact.sameMarket ? 'competitor-partial' : sameRegion ? 'competitor-other-customers' : 'competitor-other-market';
        const named = fact.services.length > 0 ? fact.services.slice(0, 3).map(concept) : fact.terms.slice(0, 3).map((w) => `"${w}"`);
        text = fillTemplate(t[options.about === 'pair' ? (`${key}-pair` as const) : key], { services: list(named) || '…' });
        break;
      }
      case 'shared-industries':
        text = fillTemplate(t[fact.key], { industries: list(fact.industries.slice(0, 3).map(concept)) });
        break;
      case 'shared-sizes': {
        // Customers already named as an industry ("privatpersoner") are not named again as a size.
        const industries = new Set(facts.flatMap((f) => (f.key === 'shared-industries' ? f.industries.slice(0, 3).map(concept) : [])));
        // Several company sizes share their noun: "små och medelstora företag", not "små företag och medelstora företag".
        const companies = fact.sizes.filter((s) => SIZE_ADJECTIVES[lang][s] !== undefined);
        const named = companies.length > 1 ? [`${list(companies.map((s) => SIZE_ADJECTIVES[lang][s]!))} ${COMPANY_NOUN[lang]}`] : companies.map((s) => SIZE_NAMES[lang][s] ?? s);
        const sizes = [...fact.sizes.filter((s) => SIZE_ADJECTIVES[lang][s] === undefined).map((s) => SIZE_NAMES[lang][s] ?? s), ...named].filter((name) => !industries.has(name));
        text = sizes.length > 0 ? fillTemplate(t[fact.key], { sizes: list(sizes) }) : '';
        break;
      }
      case 'different-customers':
        text = fillTemplate(t[fact.key], { mine: list(fact.mine.map((s) => SIZE_NAMES[lang][s] ?? s)), theirs: list(fact.theirs.map((s) => SIZE_NAMES[lang][s] ?? s)) });
        break;
      case 'same-market':
        text = fillTemplate(t[fact.key], { region: fact.region });
        break;
      case 'different-market':
        text = fillTemplate(t[fact.key], { mine: fact.mine, theirs: fact.theirs });
        break;
      case 'shared-roles':
        // Titles in the plural: "you both meet owners and CEOs", "ni träffar båda vd:ar och HR-direktörer".
        text = fillTemplate(t[fact.key], { roles: list(fact.roles.slice(0, 3).map((id) => ROLE_PLURALS[lang][id] ?? (lang === 'en' ? englishPlural(concept(id)) : concept(id)))) });
        break;
      case 'shared-functions':
        text = fillTemplate(t[fact.key], { functions: list(fact.functions.map((f) => FUNCTION_NAMES[lang][f] ?? f)) });
        break;
      case 'different-stages':
        text = fillTemplate(t[fact.key], { mine: STAGE_NAMES[lang][fact.mine] ?? fact.mine, theirs: STAGE_NAMES[lang][fact.theirs] ?? fact.theirs });
        break;
      case 'same-stage':
        text = fillTemplate(t[fact.key], { stage: STAGE_NAMES[lang][fact.stage] ?? fact.stage });
        break;
      case 'shared-interests':
        if (fact.interests.length === 0) continue;
        text = fillTemplate(t[fact.key], { n: String(fact.interests.length), interests: list(fact.interests.map(concept)) });
        break;
      case 'common-language':
        text = fillTemplate(t[fact.key], { language: LANGUAGE_NAMES[lang][fact.language] ?? fact.language });
        break;
      case 'referral-demand':
        text = fillTemplate(t[fact.key], { theirs: concept(fact.theirs), mine: concept(fact.mine) });
        break;
      case 'deal-value':
        text = fillTemplate(t[fact.key], { mine: formatMoney(fact.mineEur, lang, options.currency), theirs: formatMoney(fact.theirsEur, lang, options.currency) });
        break;
      case 'one-to-ones':
        // A rating not given is said in words, never made up.
        text = fillTemplate(t[fact.key], {
          meetings: String(fact.meetings),
          mine: fact.mine === null ? t['rated-mine-none'] : fillTemplate(t['rated-mine'], { rating: decimal(fact.mine) }),
          theirs: fact.theirs === null ? t['rated-theirs-none'] : fillTemplate(t['rated-theirs'], { rating: decimal(fact.theirs) }),
        });
        break;
      case 'referral-record':
        // Nothing back, nothing won or nothing given yet: said in words, not as "0 referrals, 0 won (0 EUR)".
        text = fillTemplate(t[fact.received === 0 ? 'referral-record-one-way' : fact.won === 0 ? 'referral-record-none-won' : 'referral-record'], {
          received: String(fact.received),
          won: String(fact.won),
          value: formatMoney(fact.valueEur, lang, options.currency),
          given: fact.received === 0 ? String(fact.given) : fact.given === 0 ? t['given-none'] : fillTemplate(t.given, { given: String(fact.given) }),
        });
        break;
      case 'lopsided':
        text = t[fact.favours === 'me' ? 'lopsided-me' : 'lopsided-them'];
        break;
      case 'capacity':
        text = fillTemplate(t[fact.key], { mine: CAPACITY_NAMES[lang][fact.mine] ?? fact.mine, theirs: CAPACITY_NAMES[lang][fact.theirs] ?? fact.theirs });
        break;
      case 'different-area':
      case 'different-contacts':
      case 'no-chemistry-evidence':
        text = t[fact.key];
        break;
      case 'profile-only':
        continue;
    }
    if (text && !sentences.includes(text)) sentences.push(text);
    if (sentences.length >= limit) break;
  }
  return sentences;
}

/** The order reasons are shown in: what decides a partnership first. */
const PRIORITY: readonly ReasonFact['key'][] = [
  'competitor', 'capacity', 'referral-record', 'one-to-ones', 'complementary-services', 'referral-demand', 'shared-roles', 'shared-functions',
  'different-stages', 'different-contacts', 'shared-industries', 'shared-sizes', 'same-market', 'shared-interests', 'lopsided',
  'same-area', 'different-customers', 'different-market', 'same-stage', 'common-language', 'deal-value',
  'different-area', 'no-chemistry-evidence', 'profile-only',
];

/** The plural of an English job title: "owner" → "owners", "CEO" → "CEOs", "secretary" → "secretaries"; plurals stay. */
export function englishPlural(title: string): string {
  if (/s$/i.test(title)) return title;
  if (/[^aeiou]y$/.test(title)) return `${title.slice(0, -1)}ies`;
  return `${title}s`;
}
