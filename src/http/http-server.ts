/**
 * The HTTP server: fastify with the routes of api-routes.ts. Keys are checked per
 * request, inputs validated (400 with the issues), bodies limited (413), handlers timed
 * out (503), errors answered without stack traces, every request logged once as
 * structured JSON (pino) with its request id. Scoring runs on worker threads (see
 * src/app/scoring-engine.ts), so the event loop stays free. `close()` stops taking
 * requests, lets the ones in flight finish, and stops background jobs between chunks.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Partnerfit } from '../app/partnerfit.ts';
import { PartnerfitError } from '../core/errors.ts';
import type { ApiKey } from '../storage/api-key-store.ts';
import { API_ROUTES, HttpError, type BackgroundJobs, type RouteContext } from './api-routes.ts';
import { openApiDocument } from './openapi-document.ts';

export interface HttpServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Largest request body, in bytes (413 above). */
  readonly bodyLimit?: number;
  /** A request that takes longer is answered 503 (the work it started may finish in the background). */
  readonly requestTimeoutMs?: number;
  readonly version?: string;
  /** The built web page (dist/web), served at `/`; none when absent. */
  readonly webRoot?: string;
}

/**
 * The page may load only its own scripts, styles and API; no framing, no inline script.
 * Inline styles are allowed: cytoscape positions its canvas layers with style attributes.
 */
const PAGE_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export interface RunningServer {
  readonly url: string;
  readonly fastify: FastifyInstance;
  close(): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Verified keys are remembered briefly: checking costs a query, and most requests repeat a key. */
const KEY_CACHE_MS = 30_000;

export async function startHttpServer(app: Partnerfit, options: HttpServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fastify = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    // One line per request, written when it is answered (onResponse below), instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });
  const jobs = backgroundJobs(fastify);
  const keyCache = new Map<string, { key: ApiKey | null; until: number }>();
  const document = openApiDocument(options.version ?? '0');

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });

  fastify.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const { status, body } = errorResponse(error, request.id);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.code(status).send(body);
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}`, requestId: request.id });
  });

  fastify.get('/openapi.json', async () => document);

  if (options.webRoot && existsSync(path.join(options.webRoot, 'index.html'))) {
    await fastify.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      // Any file of the build (read at request time, so a rebuild needs no restart); the API's
      // routes take precedence, and a path that is no file gets the API's JSON 404.
      wildcard: true,
      setHeaders(response, file) {
        response.header('content-security-policy', PAGE_SECURITY_POLICY);
        response.header('x-content-type-options', 'nosniff');
        // Assets carry a content hash in their name; the page itself must be fetched fresh.
        response.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  }

  const serialized = new WeakMap<object, string>();
  const authenticate = async (request: FastifyRequest): Promise<ApiKey | null> => {
    const header = request.headers.authorization;
    const secret = header?.startsWith('Bearer ') ? header.slice(7).trim() : (request.headers['x-api-key'] as string | undefined);
    if (!secret) return null;
    const cached = keyCache.get(secret);
    if (cached && cached.until > Date.now()) return cached.key;
    const key = await app.verifyApiKey(secret);
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(secret, { key, until: Date.now() + KEY_CACHE_MS });
    return key;
  };

  for (const route of API_ROUTES) {
    fastify.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const issues: { path: string; message: string }[] = [];
        const parse = (schema: typeof route.params, value: unknown, where: string): Record<string, unknown> => {
          if (!schema) return {};
          const result = schema.safeParse(value ?? {});
          if (result.success) return result.data as Record<string, unknown>;
          for (const issue of result.error.issues) issues.push({ path: [where, ...issue.path].join('.'), message: issue.message });
          return {};
        };
        const params = parse(route.params, request.params, 'path');
        const query = parse(route.query, request.query, 'query');
        if (issues.length > 0) throw new HttpError(400, 'invalid request', issues);
        const key = route.auth ? await authenticate(request) : null;
        if (route.auth && !key) {
          const given = request.headers.authorization || request.headers['x-api-key'];
          throw new HttpError(401, given ? 'unknown API key' : 'an API key is required (Authorization: Bearer <key>)');
        }
        const context: RouteContext = {
          app,
          key,
          params,
          query,
          body: typeof request.body === 'string' ? request.body : undefined,
          contentType: request.headers['content-type'],
          jobs,
        };
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new HttpError(503, `the request took longer than ${timeoutMs / 1000} s; try again later`)), timeoutMs);
        });
        try {
          const result = await Promise.race([route.handle(context), timeout]);
          if (route.method === 'DELETE') keyCache.clear();
          reply.code(result.status ?? 200);
          if (!result.cachedAnswer || typeof result.body !== 'object' || result.body === null) return reply.send(result.body);
          // A cached answer comes back as the same object: it is turned into JSON once.
          let json = serialized.get(result.body);
          if (json === undefined) serialized.set(result.body, (json = JSON.stringify(result.body)));
          return reply.type('application/json; charset=utf-8').send(json);
        } finally {
          clearTimeout(timer);
        }
      },
    });
  }

  await fastify.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    fastify,
    async close() {
      // Requests in flight finish; a keep-alive connection that turns idle after that is
      // closed too (fastify closes only the ones idle when closing starts).
      const sweep = setInterval(() => fastify.server.closeIdleConnections(), 50);
      try {
        await Promise.all([jobs.stopAll(), fastify.close()]);
      } finally {
        clearInterval(sweep);
      }
    },
  };
}

function errorResponse(error: Error & { statusCode?: number; code?: string; issues?: readonly { path: string; message: string }[] }, requestId: string) {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.message, requestId, ...(error.issues ? { issues: error.issues } : {}) } };
  if (error instanceof PartnerfitError) {
    const status = error.code === 'not-found' ? 404 : error.code === 'database' ? 503 : 400;
    return { status, body: { error: error.message, requestId } };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'the request body is too large' : error.message;
    return { status: error.statusCode, body: { error: message, requestId } };
  }
  return { status: 500, body: { error: 'internal error; the server log has the details under this request id', requestId } };
}

function backgroundJobs(fastify: FastifyInstance): BackgroundJobs {
  const controller = new AbortController();
  const running = new Map<string, Promise<unknown>>();
  const failures = new Map<string, string>();
  return {
    signal: controller.signal,
    start(jobId, work) {
      const tracked = work
        .catch((error: Error) => {
          failures.set(jobId, error instanceof PartnerfitError ? error.message : 'the job failed; the server log has the details');
          fastify.log.error({ err: error, job: jobId }, 'applicant job failed');
        })
        .finally(() => running.delete(jobId));
      running.set(jobId, tracked);
    },
    failure: (jobId) => failures.get(jobId),
    running: (jobId) => running.has(jobId),
    async stopAll() {
      controller.abort();
      await Promise.all(running.values());
    },
  };
}
