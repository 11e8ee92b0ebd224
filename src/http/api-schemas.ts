/**
 * The HTTP API's schemas: they validate requests and, through zod's JSON Schema
 * output, make the OpenAPI document (openapi-document.ts). Response schemas describe
 * the output contract of PRODUCT.md; fields may be added, never renamed.
 */
import { z } from 'zod';
import { EXCHANGE_RATES } from '../core/money/exchange-rates.ts';
import { currencyCode } from '../core/money/format-money.ts';
import { CRITERION_NAMES } from '../core/criteria/criterion.ts';
import { REASON_LANGUAGES } from '../core/reasons/reason-phrases.ts';

export const MemberIdParams = z.object({ id: z.string().min(1).max(200).describe('member id') });
export const NetworkIdParams = z.object({ id: z.string().min(1).max(200).describe('network id') });
export const JobIdParams = z.object({ id: z.string().regex(/^job-[0-9a-f]{10}(-\d+)?$/, 'a job id looks like job-0123456789').describe('applicant job id') });

const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const SuggestionsQuery = z.object({
  top: z.coerce.number().int().min(1).max(100).default(5).describe('how many partners'),
  purpose: z.enum(['referral', 'overflow']).default('referral'),
  allNetworks: booleanString.default(false).describe('look in every network (admin keys of one network may not)'),
  lang: z.enum(REASON_LANGUAGES).optional().describe("the reasons' language (default: the member's own)"),
  currency: z
    .string()
    .transform((v, ctx) => currencyCode(v) ?? (ctx.addIssue({ code: 'custom', message: `not a currency of the rate table (${Object.keys(EXCHANGE_RATES.perEur).join(', ')})` }), z.NEVER))
    .optional()
    .describe("the currency of the reasons' amounts (default: the one of the member's country)"),
});

const reasonLanguage = z.enum(REASON_LANGUAGES);

export const CompetitorsQuery = z.object({
  lang: reasonLanguage.optional().describe("the reasons' language (default: the one most members of the network write in)"),
});

export const JobQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const PolicyBody = z.object({ policy: z.enum(['exclusive', 'open']) }).strict();

const score = z.number().min(0).max(1);
const level = z.enum(['direct', 'partial']);

export const ErrorResponse = z.object({
  error: z.string(),
  requestId: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.string(),
  migrations: z.object({ applied: z.number().int(), known: z.number().int() }),
});

export const MemberResponse = z.object({
  member: z.string(),
  updatedAt: z.string(),
  profile: z.record(z.string(), z.unknown()).describe('the stored profile, as written'),
});

export const SuggestionsResponse = z.object({
  member: z.string(),
  purpose: z.enum(['referral', 'overflow']),
  modelVersion: z.string(),
  language: z.enum(REASON_LANGUAGES),
  currency: z.string().describe("the currency of the reasons' amounts"),
  suggestions: z.array(
    z.object({
      partner: z.string(),
      partnerName: z.string(),
      network: z.string().nullable(),
      score,
      criteria: z.object(Object.fromEntries(CRITERION_NAMES.map((n) => [n, score.nullable()]))),
      confidence: z.object(Object.fromEntries(CRITERION_NAMES.map((n) => [n, score]))),
      competitor: z.enum(['none', 'partial', 'direct']),
      forMember: score.describe('what the partnership is worth to the member (one-sided)'),
      forPartner: score.describe('what it is worth to the partner'),
      mutualProfitBothWays: z
        .object({ forMember: score.nullable(), forPartner: score.nullable() })
        .describe('mutual profit each way; criteria.mutualProfit combines them, so it is 0 when one side gains nothing'),
      lopsided: z.boolean().describe('one side gains much more than the other'),
      reasons: z.array(z.string()),
    }),
  ),
  excludedCompetitors: z.array(z.string()),
});

export const CompetitorsResponse = z.object({
  pairs: z.array(z.object({ a: z.string(), b: z.string(), level, score, language: reasonLanguage, reasons: z.array(z.string()) })),
});

export const ReportResponse = z
  .object({
    network: z.string(),
    members: z.number().int(),
    policy: z.enum(['exclusive', 'open']),
    language: reasonLanguage.describe('the language most members write in (English when none has most)'),
    currency: z.string().describe("the currency most members live with (EUR when none has most); the report's own amounts are in EUR"),
    currencyPerEur: z.number().describe('units of that currency per EUR in the dated rate table'),
    summaries: z.array(z.object({ id: z.string(), goodPartners: z.number().int() }).loose()),
    withoutGoodPartner: z.array(z.string()),
    missingTrades: z.array(z.object({ concept: z.string(), value: z.number(), beneficiaries: z.array(z.string()) })),
  })
  .loose();

export const PolicyResponse = z.object({ id: z.string(), policy: z.enum(['exclusive', 'open']) }).loose();

export const IngestResponse = z.object({
  accepted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), field: z.string().nullable(), message: z.string() })),
  warnings: z.array(z.string()),
});

export const ErasureResponse = z.object({
  erased: z.string(),
  member: z.boolean(),
  applicantRows: z.number().int(),
  scrubbedResults: z.number().int(),
});

const ApplicantResult = z
  .object({
    id: z.string(),
    fit: score,
    verdict: z.enum(['accept', 'review', 'conflict']),
    conflicts: z.array(z.object({ member: z.string(), level, score }).loose()),
    topPartners: z.array(z.object({ partner: z.string(), score }).loose()),
    reasons: z.array(z.string()),
  })
  .loose();

export const ApplicantsResponse = z.object({
  job: z.string(),
  applicants: z.array(ApplicantResult),
  rejected: IngestResponse.shape.rejected,
  warnings: z.array(z.string()),
});

export const JobResponse = z.object({
  job: z.string(),
  status: z.enum(['reading', 'pairing', 'scoring', 'done', 'failed']),
  network: z.string().nullable(),
  rows: z.number().int(),
  scored: z.number().int(),
  rejectedLines: z.number().int(),
  error: z.string().optional(),
  result: ApplicantsResponse.extend({ offset: z.number().int(), total: z.number().int() }).optional(),
});

export const JobAccepted = z.object({ job: z.string(), status: z.string(), location: z.string() });

export const MeResponse = z.object({
  role: z.enum(['admin', 'member']),
  network: z.string(),
  member: z.string().nullable().describe('the member a member key speaks for; null for admin keys'),
});

export const ApplicantIdParams = z.object({ id: z.string().min(1).max(200).describe('applicant id (the id column of the uploaded file)') });
export const AdmitQuery = z.object({ job: JobIdParams.shape.id.describe('the applicant job that scored the applicant') });

export const AdmitResponse = z.object({
  member: z.string(),
  network: z.string().nullable(),
  job: z.string(),
  changed: z.boolean().describe('false when the member already existed with exactly this profile'),
  verdict: z.enum(['accept', 'review', 'conflict']).describe("the committee's verdict at scoring time"),
});

export const NetworkMembersResponse = z.object({
  network: z.string(),
  policy: z.enum(['exclusive', 'open']),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      mainService: z.string().nullable().describe('concept id of the main service (labels: GET /concepts)'),
      area: z.string().nullable().describe('business area the member works in most'),
    }),
  ),
});

const conceptLabels = z.object({ en: z.string(), sv: z.string(), da: z.string(), de: z.string() });
export const ConceptsResponse = z.object({
  areas: z.array(z.string()),
  areaNames: z.record(z.string(), conceptLabels).describe('each business area by name in English, Swedish, Danish and German'),
  concepts: z.array(z.object({ id: z.string(), kind: z.string(), area: z.string().nullable(), labels: conceptLabels })),
});
