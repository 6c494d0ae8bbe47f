import type { z } from 'zod';
import {
  COMPONENT_SCHEMA_PREFIX,
  type JsonSchema,
  type SchemaDirection,
  toComponentSchemas,
  toInlineSchema,
} from './json-schema.js';
import {
  ACCEPT_CHARGE_HEADER,
  API_TAGS,
  type ApiParameter,
  type ApiProblem,
  type ApiRequestBody,
  type ApiResponse,
  type ApiRoute,
  REQUEST_SCHEMAS,
  RESPONSE_SCHEMAS,
  TOLLGATE_API_ROUTES,
} from './route-table.js';
import {
  paymentRequiredProblemSchema,
  problemSchema,
  tooManyRequestsProblemSchema,
  validationProblemSchema,
} from './schemas.js';

/** The OpenAPI version the document declares. */
export const OPENAPI_VERSION = '3.1.1';

/** The media type of every error answer (RFC 9457). */
const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Options of {@link createOpenApiDocument}. */
export interface OpenApiDocumentOptions {
  /** The API's base URL in `servers` (`https://api.example.com`); default `/` (where the document is served from). */
  serverUrl?: string;
  /** `info.title`; default `Tollgate reference API`. */
  title?: string;
  /** `info.version`, the version of the API (not of OpenAPI); default `0.0.0`. */
  version?: string;
  /** The routes to document; default {@link TOLLGATE_API_ROUTES}. */
  routes?: readonly ApiRoute[];
  /** Leave out routes marked `planned` (documented before they are served); default false. */
  omitPlanned?: boolean;
  /**
   * Whether the server also accepts JWT bearer tokens of an identity provider
   * (`createTollgateApp({ jwt })`): adds the `jwt` security scheme as an
   * alternative to the API key. Default false.
   */
  jwt?: boolean;
}

/** An OpenAPI 3.1 document as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, unknown>>;
};

/** One operation of an {@link OpenApiDocument}. */
export type OpenApiOperation = Record<string, unknown> & { operationId: string };

/** A problem answer of `components.responses`: its name, schema and meaning. */
interface ProblemResponse {
  name: string;
  schema: z.ZodType;
  description: string;
}

/** The problem answers, by status. */
const PROBLEM_RESPONSES: Record<number, ProblemResponse> = {
  400: {
    name: 'BadRequest',
    schema: validationProblemSchema,
    description: 'The request is invalid (`validation_failed`): `issues` lists every problem.',
  },
  401: {
    name: 'Unauthorized',
    schema: problemSchema,
    description: 'The API key is missing, malformed, unknown or revoked (`auth_failed`).',
  },
  402: {
    name: 'PaymentRequired',
    schema: paymentRequiredProblemSchema,
    description: `The caller pays for this call and has not accepted the charge yet (\`payment_required\`): repeat the same call with \`${ACCEPT_CHARGE_HEADER}: <quote.quote_id>\`.`,
  },
  403: {
    name: 'Forbidden',
    schema: problemSchema,
    description:
      'The key lacks the route’s scope or role (`forbidden`, with `required_scope`), or the tenant is not entitled to the operation (`not_entitled`).',
  },
  404: { name: 'NotFound', schema: problemSchema, description: 'No such resource (`not_found`).' },
  405: {
    name: 'MethodNotAllowed',
    schema: problemSchema,
    description:
      'The route does not answer this method (`method_not_allowed`; `Allow` lists those it does).',
  },
  409: {
    name: 'Conflict',
    schema: problemSchema,
    description: 'The request conflicts with an earlier one.',
  },
  413: {
    name: 'PayloadTooLarge',
    schema: problemSchema,
    description: 'The body is larger than allowed (`payload_too_large`): 64 KiB of JSON.',
  },
  415: {
    name: 'UnsupportedMediaType',
    schema: problemSchema,
    description: 'The content is of a type the route does not accept (`unsupported_media_type`).',
  },
  429: {
    name: 'TooManyRequests',
    schema: tooManyRequestsProblemSchema,
    description:
      'The key’s rate limit (`rate_limited`, wait `Retry-After` seconds), a partner’s limit, or the tenant’s quota (`quota_exceeded`).',
  },
  500: {
    name: 'InternalError',
    schema: problemSchema,
    description: 'An unexpected error (`internal_error`).',
  },
  501: {
    name: 'NotImplemented',
    schema: problemSchema,
    description: 'The partner does not offer this operation.',
  },
  502: {
    name: 'BadGateway',
    schema: problemSchema,
    description: 'The partner failed (`upstream_error`).',
  },
  503: {
    name: 'ServiceUnavailable',
    schema: problemSchema,
    description: 'A partner or the store is unavailable for now.',
  },
  504: {
    name: 'GatewayTimeout',
    schema: problemSchema,
    description: 'The partner did not answer in time (`timeout`).',
  },
};

/** Response headers, by the name the route table uses. */
const RESPONSE_HEADERS: Record<string, Record<string, unknown>> = {
  RateLimit: {
    description:
      'The key’s limit now (draft-ietf-httpapi-ratelimit-headers): `"default";r=<requests left>;t=<seconds>`.',
    schema: { type: 'string' },
    example: '"default";r=119;t=1',
  },
  'RateLimit-Policy': {
    description: 'The key’s quota policy: `"default";q=<burst>;w=<seconds to refill>`.',
    schema: { type: 'string' },
    example: '"default";q=120;w=12',
  },
  'Retry-After': {
    description: 'Whole seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
  'Tollgate-Idempotent-Replayed': {
    description:
      '`true` when this is the stored answer of an earlier call with the same `idempotency_key` (nothing was billed again).',
    schema: { type: 'string', enum: ['true'] },
  },
};

const DESCRIPTION = `The Tollgate reference integration server: trade-document validation sessions, partner integrations (bank, logistics, customs, FX) and usage billing.

**Authentication.** Every route but \`/health\`, \`/metrics\`, partner callbacks and this reference takes an API key: \`Authorization: Bearer tg_<prefix>_<secret>\`. A key has a role (\`sme\`, \`bank\`, \`partner\`, \`admin\`) and scopes by route family (\`uploads\`, \`sessions\`, \`integrations\`, \`billing\`, \`webhooks\`, \`api_keys\`); each operation names its scope in \`x-tollgate-scope\`. A server that trusts an identity provider also takes its JWTs as bearer tokens (the \`jwt\` security scheme, when the document lists it). Authenticated answers carry \`RateLimit\` and \`RateLimit-Policy\` headers; beyond the limit, 429 with \`Retry-After\`.

**Errors** are RFC 9457 \`application/problem+json\`: \`{ type, title, status, detail, code, instance, … }\`. Switch on \`code\`; a \`validation_failed\` problem lists every issue in \`issues\`.

**Money** is \`{ "amount": "2500", "currency": "USD" }\`: MINOR units as a string of digits, never a float.

**Billing.** Billed calls take an \`idempotency_key\`: repeating it answers the first result again and bills nothing more. A payer that must consent to its own charge (a bank, by default) first gets 402 with a quote, accepted by repeating the call with \`${ACCEPT_CHARGE_HEADER}: <quote_id>\`.

Answers may gain members: ignore the ones you do not know.`;

/** `{ $ref }` to a component schema, checking it exists. */
function schemaRef(name: string | undefined, schemas: Record<string, JsonSchema>): JsonSchema {
  if (name === undefined || !(name in schemas)) {
    throw new Error(`OpenAPI: a problem schema is not named in RESPONSE_SCHEMAS`);
  }
  return { $ref: `${COMPONENT_SCHEMA_PREFIX}${name}` };
}

/** Schema → component name, for the schemas of one direction. */
function namesOf(named: Readonly<Record<string, z.ZodType>>): Map<z.ZodType, string> {
  return new Map(Object.entries(named).map(([name, schema]) => [schema, name]));
}

/** The Schema Object of `schema`: a `$ref` when it is named, else inline. */
function schemaObject(
  schema: z.ZodType,
  names: Map<z.ZodType, string>,
  io: SchemaDirection,
): JsonSchema {
  const name = names.get(schema);
  return name === undefined
    ? toInlineSchema(schema, io)
    : { $ref: `${COMPONENT_SCHEMA_PREFIX}${name}` };
}

function parameter(
  name: string,
  location: 'path' | 'query' | 'header',
  spec: ApiParameter,
): Record<string, unknown> {
  return {
    name,
    in: location,
    description: spec.description,
    required: location === 'path' ? true : (spec.required ?? false),
    schema: spec.schema === undefined ? { type: 'string' } : toInlineSchema(spec.schema, 'input'),
    ...(spec.example === undefined ? {} : { example: spec.example }),
  };
}

/** One query parameter per member of a route's query schema. */
function queryParameters(query: z.ZodObject): Record<string, unknown>[] {
  const json = toInlineSchema(query, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

function parameters(route: ApiRoute): Record<string, unknown>[] {
  const templated = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const declared = Object.keys(route.pathParams ?? {});
  if (templated.join() !== declared.join()) {
    throw new Error(
      `OpenAPI: ${route.operationId} declares path parameters [${declared}] for ${route.path}`,
    );
  }
  const list = Object.entries(route.pathParams ?? {}).map(([name, spec]) =>
    parameter(name, 'path', spec),
  );
  if (route.query !== undefined) {
    if (isZodObject(route.query)) list.push(...queryParameters(route.query));
    else {
      for (const [name, spec] of Object.entries(route.query)) {
        list.push(parameter(name, 'query', spec));
      }
    }
  }
  for (const [name, spec] of Object.entries(route.headers ?? {})) {
    list.push(parameter(name, 'header', spec));
  }
  return list;
}

function isZodObject(value: unknown): value is z.ZodObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    '_zod' in value &&
    (value as z.ZodObject)._zod.def.type === 'object'
  );
}

function requestBody(body: ApiRequestBody, requestNames: Map<z.ZodType, string>) {
  const mediaType = body.mediaType ?? 'application/json';
  return {
    required: body.required ?? true,
    ...(body.description === undefined ? {} : { description: body.description }),
    content: {
      [mediaType]: {
        schema: body.schema === null ? {} : schemaObject(body.schema, requestNames, 'input'),
        ...(body.encoding === undefined ? {} : { encoding: body.encoding }),
      },
    },
  };
}

function response(answer: ApiResponse, responseNames: Map<z.ZodType, string>) {
  return {
    description: answer.description,
    ...(answer.headers === undefined || answer.headers.length === 0
      ? {}
      : {
          headers: Object.fromEntries(
            answer.headers.map((name) => [name, { $ref: `#/components/headers/${name}` }]),
          ),
        }),
    ...(answer.schema === undefined
      ? {}
      : {
          content: {
            [answer.mediaType ?? 'application/json']: {
              schema: schemaObject(answer.schema, responseNames, 'output'),
            },
          },
        }),
  };
}

/** A route's problem answer: its meaning there, and its schema when not the status's usual one. */
interface RouteProblem {
  description: string | undefined;
  schema: z.ZodType | undefined;
}

/** Every problem status of a route: its own, plus those every route of its kind has. */
function problemsOf(route: ApiRoute): Map<number, RouteProblem> {
  const problems = new Map<number, RouteProblem>();
  const add = (problem: ApiProblem) => {
    if (typeof problem === 'number') {
      if (!problems.has(problem))
        problems.set(problem, { description: undefined, schema: undefined });
    } else {
      problems.set(problem.status, { description: problem.description, schema: problem.schema });
    }
  };
  if (route.body !== undefined) [400, 413].forEach(add);
  if (route.scope !== null) [401, 403, 429].forEach(add);
  add(500);
  route.problems?.forEach(add);
  return new Map([...problems].sort(([a], [b]) => a - b));
}

/** What the document says a route answers with `status`. */
export interface DocumentedAnswer {
  /** The body's media type (`application/json`, `application/problem+json` …). */
  mediaType: string | undefined;
  /** The body's zod schema (as in `components.schemas`); `undefined` for an empty body. */
  schema: z.ZodType | undefined;
  /** Whether it is an RFC 9457 problem. */
  problem: boolean;
}

/**
 * What the document says `route` answers with `status`, as zod: the schema a
 * contract test can parse a real answer with. `undefined` when the document
 * lists no such answer for the route.
 */
export function documentedAnswer(route: ApiRoute, status: number): DocumentedAnswer | undefined {
  const answer = route.responses[status];
  if (answer !== undefined) {
    return {
      mediaType: answer.schema === undefined ? undefined : (answer.mediaType ?? 'application/json'),
      schema: answer.schema,
      problem: false,
    };
  }
  const problem = problemsOf(route).get(status);
  if (problem === undefined) return undefined;
  const known = PROBLEM_RESPONSES[status];
  const schema = problem.schema ?? known?.schema;
  return { mediaType: PROBLEM_MEDIA_TYPE, schema, problem: true };
}

function operation(
  route: ApiRoute,
  requestNames: Map<z.ZodType, string>,
  responseNames: Map<z.ZodType, string>,
): OpenApiOperation {
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    responses[status] = response(answer, responseNames);
  }
  for (const [status, { description, schema }] of problemsOf(route)) {
    if (String(status) in responses) {
      throw new Error(
        `OpenAPI: ${route.operationId} answers ${status} both as JSON and as a problem`,
      );
    }
    const known = PROBLEM_RESPONSES[status];
    if (known === undefined) throw new Error(`OpenAPI: no problem response for status ${status}`);
    responses[String(status)] =
      schema === undefined
        ? {
            $ref: `#/components/responses/${known.name}`,
            ...(description === undefined ? {} : { description }),
          }
        : {
            description: description ?? known.description,
            content: {
              [PROBLEM_MEDIA_TYPE]: { schema: schemaObject(schema, responseNames, 'output') },
            },
          };
  }
  const params = parameters(route);
  const scopeNote = route.scope === null ? 'No API key.' : `Requires the \`${route.scope}\` scope.`;
  const plannedNote = route.planned === true ? ' **Planned**: not served yet.' : '';
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: `${route.description === undefined ? '' : `${route.description}\n\n`}${scopeNote}${plannedNote}`,
    ...(params.length === 0 ? {} : { parameters: params }),
    ...(route.body === undefined ? {} : { requestBody: requestBody(route.body, requestNames) }),
    responses,
    ...(route.scope === null ? { security: [] } : { 'x-tollgate-scope': route.scope }),
    ...(route.planned === true ? { 'x-tollgate-planned': true } : {}),
  };
}

/**
 * The OpenAPI 3.1 document of the Tollgate reference server, generated from
 * the route table ({@link TOLLGATE_API_ROUTES}): request bodies from the
 * routes' own zod schemas (as zod INPUT types), answers from the schemas of
 * `openapi/schemas.ts` (as OUTPUT types), every error as an RFC 9457
 * `application/problem+json` answer, and the API key as an HTTP bearer scheme.
 * bigint values are documented as digit strings, money as
 * `{ amount: "<minor units>", currency }`. Pure: the same options give an
 * equal document.
 */
export function createOpenApiDocument(options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const routes = (options.routes ?? TOLLGATE_API_ROUTES).filter(
    (route) => !(options.omitPlanned === true && route.planned === true),
  );
  const responseSchemas = toComponentSchemas(RESPONSE_SCHEMAS, 'output');
  const requestSchemas = toComponentSchemas(REQUEST_SCHEMAS, 'input');
  for (const name of Object.keys(requestSchemas)) {
    if (name in responseSchemas) throw new Error(`OpenAPI: "${name}" names two schemas`);
  }
  const schemas = { ...responseSchemas, ...requestSchemas };
  const requestNames = namesOf(REQUEST_SCHEMAS);
  const responseNames = namesOf(RESPONSE_SCHEMAS);

  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    if (operationIds.has(route.operationId)) {
      throw new Error(`OpenAPI: operationId ${route.operationId} is used twice`);
    }
    operationIds.add(route.operationId);
    const item = paths[route.path] ?? {};
    if (route.method in item)
      throw new Error(`OpenAPI: ${route.method} ${route.path} is listed twice`);
    item[route.method] = operation(route, requestNames, responseNames);
    paths[route.path] = item;
  }

  const usedTags = new Set(routes.map((route) => route.tag));
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: options.title ?? 'Tollgate reference API',
      version: options.version ?? '0.0.0',
      summary: 'Trade-document validation, partner integrations and usage billing.',
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    security: options.jwt === true ? [{ apiKey: [] }, { jwt: [] }] : [{ apiKey: [] }],
    tags: Object.entries(API_TAGS)
      .filter(([name]) => usedTags.has(name as keyof typeof API_TAGS))
      .map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'tg_<prefix>_<secret>',
          description:
            'A Tollgate API key: `Authorization: Bearer tg_<prefix>_<secret>`. Issue one with `POST /api-keys`.',
        },
        ...(options.jwt === true
          ? {
              jwt: {
                type: 'http',
                scheme: 'bearer',
                bearerFormat: 'JWT',
                description:
                  'A JWT of the identity provider the server trusts (verified with its JWKS; asymmetric algorithms only): tenant from the `tenant_id` claim, role from `tollgate_role`, scopes from `scope`, unless the server names other claims.',
              },
            }
          : {}),
      },
      schemas,
      responses: Object.fromEntries(
        Object.values(PROBLEM_RESPONSES).map(({ name, schema, description }) => [
          name,
          {
            description,
            ...(name === 'TooManyRequests'
              ? {
                  headers: {
                    'Retry-After': { $ref: '#/components/headers/Retry-After' },
                    RateLimit: { $ref: '#/components/headers/RateLimit' },
                    'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
                  },
                }
              : {}),
            content: {
              [PROBLEM_MEDIA_TYPE]: { schema: schemaRef(responseNames.get(schema), schemas) },
            },
          },
        ]),
      ),
      headers: RESPONSE_HEADERS,
    },
  };
}
