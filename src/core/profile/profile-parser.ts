/**
 * Turns one raw roster record (strings from CSV, or JSON values) into a validated
 * `MemberProfile`, or into the list of issues that reject it. Pure: no I/O. Every
 * issue names the field and says what is wrong in words a roster owner understands.
 */
import { parseNaceCode } from '../codes/nace-code.ts';
import { parseDealValue } from '../money/deal-value.ts';
import { isTextLanguage, type TextLanguage } from '../text/language.ts';
import { detectLanguage } from '../text/language-detector.ts';
import { splitList } from '../text/text-normalizer.ts';
import {
  CAPACITIES,
  SIZE_BANDS,
  type Capacity,
  type MemberId,
  type MemberProfile,
  type NetworkId,
  type RosterField,
  type SizeBand,
} from './member-profile.ts';

export interface FieldIssue {
  readonly code: 'missing' | 'too-long' | 'invalid' | 'wrong-type';
  readonly field: RosterField;
  readonly message: string;
}

export type ProfileParseResult =
  | { readonly success: true; readonly profile: MemberProfile }
  | { readonly success: false; readonly issues: readonly FieldIssue[] };

export const MAX_FIELD_LENGTH = 10_000;
const MAX_ID_LENGTH = 128;

/** Words members write for a size band, in the four languages. */
const SIZE_SYNONYMS: Record<string, SizeBand> = {
  consumer: 'consumer', consumers: 'consumer', private: 'consumer', b2c: 'consumer', privatpersoner: 'consumer',
  privatperson: 'consumer', konsumenter: 'consumer', privat: 'consumer', privatkunder: 'consumer',
  forbrugere: 'consumer', privatkunden: 'consumer', verbraucher: 'consumer',
  micro: 'micro', mikro: 'micro', kleinst: 'micro', kleinstunternehmen: 'micro', enmansföretag: 'micro',
  small: 'small', sme: 'small', små: 'small', småföretag: 'small', 'små virksomheder': 'small', klein: 'small',
  kleine: 'small', kleinunternehmen: 'small',
  medium: 'medium', 'mid-sized': 'medium', medelstora: 'medium', mellemstore: 'medium', mittel: 'medium',
  mittlere: 'medium', mittelstand: 'medium',
  large: 'large', enterprise: 'large', stora: 'large', storföretag: 'large', store: 'large', große: 'large',
  gross: 'large', groß: 'large', konzern: 'large', konzerne: 'large',
};

const CAPACITY_SYNONYMS: Record<string, Capacity> = {
  over: 'over', full: 'over', overbooked: 'over', fullbokad: 'over', överbokad: 'over', fuldt: 'over',
  ausgelastet: 'over', überlastet: 'over',
  balanced: 'balanced', ok: 'balanced', balanserad: 'balanced', balanceret: 'balanced', ausgeglichen: 'balanced',
  under: 'under', available: 'under', free: 'under', ledig: 'under', frei: 'under', unterausgelastet: 'under',
};

type RawValue = unknown;

export function parseMemberProfile(
  record: Readonly<Record<string, RawValue>>,
  defaults: { readonly network?: string } = {},
): ProfileParseResult {
  const issues: FieldIssue[] = [];
  const text = (field: RosterField, required = false): string | null => {
    const value = record[field];
    if (value === undefined || value === null || value === '') {
      if (required) issues.push({ code: 'missing', field, message: `${field} is required but empty` });
      return null;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      issues.push({ code: 'wrong-type', field, message: `${field} must be text, got ${describe(value)}` });
      return null;
    }
    const trimmed = String(value).trim();
    if (trimmed.length > MAX_FIELD_LENGTH) {
      issues.push({
        code: 'too-long',
        field,
        message: `${field} is ${trimmed.length.toLocaleString('en')} characters long; the limit is ${MAX_FIELD_LENGTH.toLocaleString('en')}`,
      });
      return null;
    }
    if (trimmed === '' && required) issues.push({ code: 'missing', field, message: `${field} is required but empty` });
    return trimmed === '' ? null : trimmed;
  };
  const list = (field: RosterField, required = false): string[] => {
    const value = record[field];
    if (Array.isArray(value)) {
      if (!value.every((item) => typeof item === 'string')) {
        issues.push({ code: 'wrong-type', field, message: `${field} must be a list of texts` });
        return [];
      }
      const items = value.map((item: string) => item.trim()).filter(Boolean);
      if (items.join(';').length > MAX_FIELD_LENGTH) {
        issues.push({ code: 'too-long', field, message: `${field} is longer than ${MAX_FIELD_LENGTH.toLocaleString('en')} characters` });
        return [];
      }
      if (required && items.length === 0) issues.push({ code: 'missing', field, message: `${field} is required but empty` });
      return items;
    }
    const joined = text(field, required);
    return joined ? splitList(joined) : [];
  };

  const id = text('id', true);
  if (id !== null) {
    if (id.length > MAX_ID_LENGTH) issues.push({ code: 'invalid', field: 'id', message: `id is longer than ${MAX_ID_LENGTH} characters` });
    else if (/[\p{Cc}\s]/u.test(id)) issues.push({ code: 'invalid', field: 'id', message: `id "${printable(id)}" contains spaces or control characters` });
  }
  const name = text('name', true);
  if (name !== null && /\p{Cc}/u.test(name.replace(/[\t\n\r]/g, ''))) {
    issues.push({ code: 'invalid', field: 'name', message: 'name contains control characters (binary data?)' });
  }
  const services = list('services', true);
  const network = text('network') ?? defaults.network ?? null;

  const languageText = text('language');
  let language: string | null = null;
  if (languageText !== null) {
    const code = languageText.toLowerCase();
    if (/^[a-z]{2,3}$/.test(code)) language = code;
    else issues.push({ code: 'invalid', field: 'language', message: `language "${printable(languageText)}" is not a language code such as sv, da, de or en` });
  }
  const textLanguage: TextLanguage | null = language && isTextLanguage(language) ? language : null;

  const naceText = text('nace');
  let nace = null;
  if (naceText !== null) {
    const parsed = parseNaceCode(naceText);
    if (parsed.ok) nace = parsed.code;
    else issues.push({ code: 'invalid', field: 'nace', message: parsed.reason });
  }

  const sizes: SizeBand[] = [];
  for (const item of list('target_company_sizes')) {
    const band = SIZE_SYNONYMS[item.toLowerCase()];
    if (band) {
      if (!sizes.includes(band)) sizes.push(band);
    } else {
      issues.push({
        code: 'invalid',
        field: 'target_company_sizes',
        message: `"${printable(item)}" is not a company size; use ${SIZE_BANDS.join(', ')}`,
      });
    }
  }

  const dealText = text('avg_deal_value');
  let avgDealValue = null;
  if (dealText !== null) {
    // "kr" and bare amounts take their currency from the language: the written one, else the detected one.
    const needsLanguage = textLanguage === null && languageText === null && !/[a-z€£$]{3}|[€£$]/i.test(dealText.replace(/kr\.?/i, ''));
    const currencyLanguage = needsLanguage ? (detectLanguage(describeRow(record))?.language ?? null) : textLanguage;
    const parsed = parseDealValue(dealText, currencyLanguage);
    if (parsed.ok) avgDealValue = parsed.value;
    else issues.push({ code: 'invalid', field: 'avg_deal_value', message: parsed.reason });
  }

  const capacityText = text('capacity');
  let capacity: Capacity | null = null;
  if (capacityText !== null) {
    capacity = CAPACITY_SYNONYMS[capacityText.toLowerCase()] ?? null;
    if (!capacity) {
      issues.push({ code: 'invalid', field: 'capacity', message: `"${printable(capacityText)}" is not a capacity; use ${CAPACITIES.join(', ')}` });
    }
  }

  const profile: MemberProfile = {
    id: (id ?? '') as MemberId,
    name: name ?? '',
    company: text('company'),
    network: network as NetworkId | null,
    language,
    region: text('region'),
    industry: text('industry'),
    nace,
    services,
    targetIndustries: list('target_industries'),
    targetCompanySizes: sizes,
    contactRoles: list('contact_roles'),
    stage: text('stage'),
    avgDealValue,
    capacity,
    interests: list('interests'),
  };
  return issues.length > 0 ? { success: false, issues } : { success: true, profile };
}

/** The row's free text, for language detection. */
function describeRow(record: Readonly<Record<string, RawValue>>): string {
  const fields = ['industry', 'services', 'target_industries', 'contact_roles', 'stage', 'interests'];
  return fields
    .map((f) => record[f])
    .map((v) => (Array.isArray(v) ? v.join('; ') : typeof v === 'string' ? v : ''))
    .filter(Boolean)
    .join('. ');
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Shortens and escapes a value for an error message. */
function printable(value: string): string {
  const escaped = value.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return escaped.length > 60 ? `${escaped.slice(0, 57)}...` : escaped;
}
