/**
 * The HTTP API's routes: each validates its input with the schemas of
 * api-schemas.ts, checks the key's scope and calls the same programmatic API the CLI
 * uses. The OpenAPI document is made from this table.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { Partnerfit } from '../app/partnerfit.ts';
import { PartnerfitError } from '../core/errors.ts';
import { BUSINESS_AREAS } from '../core/lexicon/lexicon-schema.ts';
import { mainArea } from '../core/report/network-report.ts';
import { AREA_NAMES, type ReasonLanguage } from '../core/reasons/reason-phrases.ts';
import type { CurrencyCode } from '../core/money/exchange-rates.ts';
import type { ApplicantResult } from '../core/applicants/applicant-assessment.ts';
import type { InputFormat } from '../ingest/record-source.ts';
import type { ApiKey } from '../storage/api-key-store.ts';
import {
  AdmitQuery,
  AdmitResponse,
  ApplicantIdParams,
  ApplicantsResponse,
  ConceptsResponse,
  CompetitorsQuery,
  CompetitorsResponse,
  ErasureResponse,
  HealthResponse,
  IngestResponse,
  JobAccepted,
  JobIdParams,
  JobQuery,
  JobResponse,
  MeResponse,
  MemberIdParams,
  MemberResponse,
  NetworkIdParams,
  NetworkMembersResponse,
  PolicyBody,
  PolicyResponse,
  ReportResponse,
  SuggestionsQuery,
  SuggestionsResponse,
} from './api-schemas.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: readonly { path: string; message: string }[],
  ) {
    super(message);
  }
}

export interface RouteContext {
  readonly app: Partnerfit;
  readonly key: ApiKey | null;
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  /** The raw body (routes parse what they accept). */
  readonly body: string | undefined;
  readonly contentType: string | undefined;
  readonly jobs: BackgroundJobs;
}

export interface RouteResult {
  readonly status?: number;
  readonly body: unknown;
  /** The body is a cached answer that never changes (the same object comes back): its JSON is kept with it. */
  readonly cachedAnswer?: boolean;
}

export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI style: `/members/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly auth: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: { readonly contentTypes: readonly string[]; readonly schema?: z.ZodType; readonly description: string };
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
  handle(context: RouteContext): Promise<RouteResult>;
}

/** Applicant jobs the server runs in the background; their state lives in the database. */
export interface BackgroundJobs {
  start(jobId: string, work: Promise<unknown>): void;
  failure(jobId: string): string | undefined;
  running(jobId: string): boolean;
  /** Stops the running jobs between chunks (they resume with the same command later). */
  stopAll(): Promise<void>;
  readonly signal: AbortSignal;
}

/** Batches up to this many data lines are answered in the request; larger ones become jobs (202). */
export const DIRECT_APPLICANT_ROWS = 200;

const FORMATS: Record<string, InputFormat> = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
};
export const ROSTER_CONTENT_TYPES = Object.keys(FORMATS);

function formatOf(contentType: string | undefined): InputFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format = FORMATS[type];
  if (!format) throw new HttpError(415, `send the roster as ${ROSTER_CONTENT_TYPES.join(', ')} (got "${type || 'no content type'}")`);
  return format;
}

async function withBodyFile<T>(body: string | undefined, format: InputFormat, work: (file: string) => Promise<T>): Promise<T> {
  if (!body || body.trim() === '') throw new HttpError(400, 'the request body is empty');
  const dir = await mkdtemp(path.join(tmpdir(), 'partnerfit-upload-'));
  const file = path.join(dir, `upload.${format}`);
  try {
    await writeFile(file, body);
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function requireKey(key: ApiKey | null): ApiKey {
  if (!key) throw new HttpError(401, 'an API key is required (Authorization: Bearer <key>)');
  return key;
}

function requireAdmin(key: ApiKey | null, network: string): ApiKey {
  const k = requireKey(key);
  if (k.role !== 'admin' || k.network !== network) throw new HttpError(403, `this key may not administer network "${network}"`);
  return k;
}

/** Admins of the member's network, and the member themself. */
async function requireMemberAccess(app: Partnerfit, key: ApiKey | null, memberId: string) {
  const k = requireKey(key);
  // The network from the members the server holds in memory (every request about a member asks).
  const network = await app.memberNetwork(memberId);
  const allowed = k.role === 'admin' ? network === k.network : k.member === memberId;
  if (!allowed) throw new HttpError(403, `this key may not see member "${memberId}"`);
  return k;
}

function countDataLines(body: string, format: InputFormat): number {
  if (format === 'json') return (body.match(/\{/g) ?? []).length;
  const lines = body.split('\n').filter((l) => l.trim() !== '').length;
  return format === 'csv' ? lines - 1 : lines;
}

async function collect(results: AsyncIterable<ApplicantResult>, offset = 0, limit = Infinity): Promise<{ items: ApplicantResult[]; total: number }> {
  const items: ApplicantResult[] = [];
  let total = 0;
  for await (const r of results) {
    if (total >= offset && items.length < limit) items.push(r);
    total++;
  }
  return { items, total };
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/health',
    summary: 'Liveness and readiness: the database answers and every migration is applied',
    auth: false,
    responses: { 200: { description: 'ready', schema: HealthResponse }, 503: { description: 'not ready', schema: HealthResponse } },
    async handle({ app }) {
      try {
        const state = await app.ready();
        const ok = state.migrationsApplied === state.migrationsKnown;
        return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'unavailable', database: state.database, migrations: { applied: state.migrationsApplied, known: state.migrationsKnown } } };
      } catch {
        return { status: 503, body: { status: 'unavailable', database: app.database.kind, migrations: { applied: 0, known: 0 } } };
      }
    },
  },
  {
    method: 'GET',
    path: '/me',
    summary: "The key's own scope: its role, network and (for member keys) member; the web page starts here",
    auth: true,
    responses: { 200: { description: 'the scope', schema: MeResponse } },
    async handle({ key }) {
      const k = requireKey(key);
      return { body: { role: k.role, network: k.network, member: k.member } };
    },
  },
  {
    method: 'GET',
    path: '/members/{id}',
    summary: "A member's stored profile (admins of the member's network, or the member's own key)",
    auth: true,
    params: MemberIdParams,
    responses: { 200: { description: 'the member', schema: MemberResponse } },
    async handle({ app, key, params }) {
      await requireMemberAccess(app, key, params.id as string);
      const { profile, updatedAt } = await app.memberProfile(params.id as string);
      return { body: { member: profile.id, updatedAt: updatedAt.toISOString(), profile } };
    },
  },
  {
    method: 'GET',
    path: '/members/{id}/suggestions',
    summary: 'Best referral (or overflow) partners for a member, with the five criteria and reasons',
    auth: true,
    params: MemberIdParams,
    query: SuggestionsQuery,
    responses: { 200: { description: 'suggestions (the `suggest` contract)', schema: SuggestionsResponse } },
    async handle({ app, key, params, query }) {
      const k = await requireMemberAccess(app, key, params.id as string);
      if (query.allNetworks) throw new HttpError(403, `this key is limited to network "${k.network}"; allNetworks is not allowed`);
      // A member's own key sees no one else's meeting ratings or referral values in the reasons.
      return {
        cachedAnswer: true,
        body: await app.suggest(params.id as string, {
          top: query.top as number,
          purpose: query.purpose as 'referral' | 'overflow',
          withoutPartnersActivity: k.role === 'member',
          ...(query.lang ? { language: query.lang as ReasonLanguage } : {}),
          ...(query.currency ? { currency: query.currency as CurrencyCode } : {}),
        }),
      };
    },
  },
  {
    method: 'GET',
    path: '/networks/{id}/members',
    summary: "The network's members with their main service and business area, without scoring any pair (admins; the web map's nodes)",
    auth: true,
    params: NetworkIdParams,
    responses: { 200: { description: 'the members', schema: NetworkMembersResponse } },
    async handle({ app, key, params }) {
      requireAdmin(key, params.id as string);
      const [members, networks] = await Promise.all([app.scoredMembers(params.id as string), app.networks()]);
      return {
        body: {
          network: params.id,
          policy: networks.find((n) => n.id === params.id)?.policy ?? 'exclusive',
          members: members.map((m) => ({ id: m.id, name: m.name, mainService: m.vector.services[0]?.id ?? null, area: mainArea(m) })),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/concepts',
    summary: 'The service concepts partnerfit recognises, with their names in English, Swedish, Danish and German (for showing concept ids)',
    auth: true,
    responses: { 200: { description: 'the concepts', schema: ConceptsResponse } },
    async handle({ app, key }) {
      requireKey(key);
      const concepts = app.knowledge.lexicon.concepts
        .filter((c) => c.kind === 'service')
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          area: 'area' in c ? c.area : null,
          labels: { en: c.labels.en[0]!, sv: c.labels.sv[0]!, da: c.labels.da[0]!, de: c.labels.de[0]! },
        }));
      const areaNames = Object.fromEntries(BUSINESS_AREAS.map((a) => [a, { en: AREA_NAMES.en[a] ?? a, sv: AREA_NAMES.sv[a] ?? a, da: AREA_NAMES.da[a] ?? a, de: AREA_NAMES.de[a] ?? a }]));
      return { body: { areas: [...BUSINESS_AREAS], areaNames, concepts } };
    },
  },
  {
    method: 'GET',
    path: '/networks/{id}/competitors',
    summary: 'Competitor pairs in a network (admins)',
    auth: true,
    params: NetworkIdParams,
    query: CompetitorsQuery,
    responses: { 200: { description: 'pairs (the `competitors` contract)', schema: CompetitorsResponse } },
    async handle({ app, key, params, query }) {
      requireAdmin(key, params.id as string);
      return { body: await app.competitors({ network: params.id as string, language: query.lang as ReasonLanguage | undefined }) };
    },
  },
  {
    method: 'GET',
    path: '/networks/{id}/report',
    summary: 'The network report: good partners per member, members without one, trades to recruit (admins)',
    auth: true,
    params: NetworkIdParams,
    responses: { 200: { description: 'the report', schema: ReportResponse } },
    async handle({ app, key, params }) {
      requireAdmin(key, params.id as string);
      return { body: await app.report(params.id as string) };
    },
  },
  {
    method: 'PUT',
    path: '/networks/{id}/policy',
    summary: "Sets the network's competitor policy: exclusive (one seat per trade) or open (admins)",
    auth: true,
    params: NetworkIdParams,
    body: { contentTypes: ['application/json'], schema: PolicyBody, description: '{"policy": "exclusive" | "open"}' },
    responses: { 200: { description: 'the network', schema: PolicyResponse } },
    async handle({ app, key, params, body }) {
      requireAdmin(key, params.id as string);
      const parsed = PolicyBody.safeParse(parseJson(body));
      if (!parsed.success) throw new HttpError(400, 'invalid request body', parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
      return { body: await app.setPolicy(params.id as string, parsed.data.policy) };
    },
  },
  {
    method: 'POST',
    path: '/members',
    summary: "Members in: a roster (CSV, JSON array or JSON Lines) for the key's network; the ingest report per row (admins)",
    auth: true,
    body: { contentTypes: ROSTER_CONTENT_TYPES, description: 'a roster in the input contract of PRODUCT.md' },
    responses: { 200: { description: 'the ingest report (rejected rows with line, field and reason)', schema: IngestResponse } },
    async handle({ app, key, body, contentType }) {
      const k = requireKey(key);
      if (k.role !== 'admin') throw new HttpError(403, 'only admin keys may add members');
      const format = formatOf(contentType);
      // Small batches, large files vectorised on a worker: the event loop is never held for long.
      return {
        body: await withBodyFile(body, format, (file) =>
          app.ingest(file, { format, network: k.network, confineToNetwork: k.network, batchSize: 100, vectorizeInWorker: true }),
        ),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/members/{id}',
    summary: 'Erases a member and everything derived from them: vectors, cached scores and indexes, keys, activity, mentions in applicant results (admins)',
    auth: true,
    params: MemberIdParams,
    responses: { 200: { description: 'what was erased', schema: ErasureResponse } },
    async handle({ app, key, params }) {
      const k = requireKey(key);
      const stored = await app.memberProfile(params.id as string);
      if (k.role !== 'admin' || stored.profile.network !== k.network) throw new HttpError(403, `this key may not erase member "${params.id as string}"`);
      const erasure = await app.deleteMember(params.id as string);
      return { body: { erased: params.id, ...erasure } };
    },
  },
  {
    method: 'POST',
    path: '/applicants',
    summary: `Scores applicants to the key's network: up to ${DIRECT_APPLICANT_ROWS} rows answered at once, larger batches as a job (202) (admins)`,
    auth: true,
    body: { contentTypes: ROSTER_CONTENT_TYPES, description: 'applicants, in the roster format' },
    responses: {
      200: { description: 'verdicts (the `applicants` contract)', schema: ApplicantsResponse },
      202: { description: 'a job; follow its location', schema: JobAccepted },
    },
    async handle({ app, key, body, contentType, jobs }) {
      const k = requireKey(key);
      if (k.role !== 'admin') throw new HttpError(403, 'only admin keys may score applicants');
      const format = formatOf(contentType);
      if (!body || body.trim() === '') throw new HttpError(400, 'the request body is empty');
      if (countDataLines(body, format) <= DIRECT_APPLICANT_ROWS) {
        return withBodyFile(body, format, async (file) => {
          const outcome = await app.scoreApplicants(file, { format, network: k.network, fresh: true, readBatchSize: 50 });
          const { items } = await collect(app.applicantResults(outcome.job.id));
          return { body: { job: outcome.job.id, applicants: items, rejected: await app.applicantRejections(outcome.job.id), warnings: outcome.job.warnings } };
        });
      }
      // A large batch: the file lives until its job has read it; the job runs on.
      const dir = await mkdtemp(path.join(tmpdir(), 'partnerfit-applicants-'));
      const file = path.join(dir, `upload.${format}`);
      await writeFile(file, body);
      let announce!: (id: string) => void;
      const started = new Promise<string>((resolve) => (announce = resolve));
      const work = app
        .scoreApplicants(file, {
          format,
          network: k.network,
          fresh: true,
          readBatchSize: 100,
          signal: jobs.signal,
          onProgress: () => {},
          onJob: (job) => announce(job.id),
        })
        .finally(() => rm(dir, { recursive: true, force: true }));
      const jobId = await Promise.race([started, work.then((o) => o.job.id)]);
      jobs.start(jobId, work);
      return { status: 202, body: { job: jobId, status: 'running', location: `/jobs/${jobId}` } };
    },
  },
  {
    method: 'POST',
    path: '/applicants/{id}/admit',
    summary: "Admits a scored applicant as a member of the key's network, with the profile from the applicant job (admins)",
    auth: true,
    params: ApplicantIdParams,
    query: AdmitQuery,
    responses: { 200: { description: 'the new (or updated) member', schema: AdmitResponse }, 409: { description: 'the id belongs to a member of another network' } },
    async handle({ app, key, params, query }) {
      const k = requireKey(key);
      const job = await app.applicantJob(query.job as string);
      if (k.role !== 'admin' || job.networkOption !== k.network) throw new HttpError(403, `this key may not admit applicants of job "${job.id}"`);
      // An applicant id that is already a member of another network must not move that member.
      const existing = await app.memberProfile(params.id as string).catch((error: unknown) => {
        if (error instanceof PartnerfitError && error.code === 'not-found') return null;
        throw error;
      });
      if (existing && existing.profile.network !== k.network) throw new HttpError(409, `"${params.id as string}" is already a member of another network`);
      return { body: await app.admitApplicant(params.id as string, { job: job.id }) };
    },
  },
  {
    method: 'GET',
    path: '/jobs/{id}',
    summary: "An applicant job's progress, and its result once done (paged with offset and limit) (admins of its network)",
    auth: true,
    params: JobIdParams,
    query: JobQuery,
    responses: { 200: { description: 'the job', schema: JobResponse } },
    async handle({ app, key, params, query, jobs }) {
      const k = requireKey(key);
      const job = await app.applicantJob(params.id as string);
      if (k.role !== 'admin' || job.networkOption !== k.network) throw new HttpError(403, `this key may not see job "${job.id}"`);
      const failed = jobs.failure(job.id);
      const base = { job: job.id, status: failed ? 'failed' : job.status, network: job.networkOption, rows: job.rows, scored: job.scored, rejectedLines: job.rejectedLines, ...(failed ? { error: failed } : {}) };
      if (job.status !== 'done') return { body: base };
      const { items, total } = await collect(app.applicantResults(job.id), query.offset as number, query.limit as number);
      return { body: { ...base, result: { job: job.id, applicants: items, rejected: await app.applicantRejections(job.id), warnings: job.warnings, offset: query.offset, total } } };
    },
  },
];

function parseJson(body: string | undefined): unknown {
  if (!body) throw new HttpError(400, 'the request body is empty');
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, `the body is not JSON: ${(error as Error).message}`);
  }
}
