/** The OpenAPI 3.1 document, generated from the route table and the same zod schemas that validate requests. */
import { z } from 'zod';
import { ErrorResponse } from './api-schemas.ts';
import { API_ROUTES, type ApiRoute } from './api-routes.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function parameters(route: ApiRoute) {
  const list: object[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        ...(property.description ? { description: property.description } : {}),
        schema: property,
      });
    }
  }
  return list;
}

export function openApiDocument(version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  const errors = (route: ApiRoute) => {
    const codes: Record<string, string> = { 400: 'invalid request: the issues are listed', 500: 'internal error (no details; see the server log by request id)' };
    if (route.auth) Object.assign(codes, { 401: 'no or unknown API key', 403: "outside the key's scope" });
    if (route.params) codes[404] = 'unknown id';
    if (route.body) Object.assign(codes, { 413: 'body too large', 415: 'unsupported content type' });
    return Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]));
  };
  for (const route of API_ROUTES) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      operationId: `${route.method.toLowerCase()}${route.path.replace(/\{(\w+)\}/g, 'By$1').replace(/[^A-Za-z0-9]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters: parameters(route),
      responses: {
        ...Object.fromEntries(
          Object.entries(route.responses).map(([code, r]) => [code, { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : {}) }]),
        ),
        ...errors(route),
      },
      ...(route.auth ? {} : { security: [] }),
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        description: route.body.description,
        content: Object.fromEntries(route.body.contentTypes.map((type) => [type, { schema: route.body!.schema ? jsonSchema(route.body!.schema, 'input') : { type: 'string' } }])),
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  paths['/openapi.json'] = { get: { summary: 'This document', operationId: 'getOpenapi', security: [], responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'partnerfit',
      version,
      description: 'Referral partners, competitor conflicts and applicant verdicts for business networks. The JSON shapes are the output contract of PRODUCT.md.',
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key from `partnerfit keys create` (also accepted in X-API-Key)' } },
      schemas: { Error: jsonSchema(ErrorResponse, 'output') },
    },
    paths,
  };
}
