import { createHash } from 'node:crypto';
import { memoryStore } from '@tollgate/billing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT_CHARGE_HEADER, createTollgateApp } from '../src/index.js';
import {
  type ApiRoute,
  createOpenApiDocument,
  DEFAULT_DOCS_SCRIPT_INTEGRITY,
  DEFAULT_DOCS_SCRIPT_URL,
  documentedAnswer,
  healthSchema,
  type OpenApiDocument,
  openApiPath,
  openApiRoutes,
  TOLLGATE_API_ROUTES,
} from '../src/openapi/index.js';
import { ACCEPT_CHARGE_HEADER as DOCUMENTED_CHARGE_HEADER } from '../src/openapi/route-table.js';
import {
  bearer,
  documentsForm,
  MT700,
  sendJson,
  startTestServer,
  type TestServer,
} from './fixtures.js';

const OPENAPI_OWN_PATHS = new Set(['/openapi.json', '/docs']);

/** `METHOD /path/{param}` of every route the app serves (middleware entries left out). */
function servedRoutes(): string[] {
  const app = createTollgateApp({ store: memoryStore() });
  const routes = app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => `${route.method} ${openApiPath(route.path)}`)
    .filter((route) => !OPENAPI_OWN_PATHS.has(route.split(' ')[1] as string));
  return [...new Set(routes)].sort();
}

function documentedRoutes(document: OpenApiDocument, filter: (operation: object) => boolean) {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => filter(operation))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}

/** The value a local `$ref` (`#/components/schemas/Money`) points at, or `undefined`. */
function resolvePointer(document: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined,
      document,
    );
}

function allRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) allRefs(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  const document = createOpenApiDocument({
    serverUrl: 'https://api.example.test',
    title: 'Test API',
    version: '1.2.3',
  });

  it('declares OpenAPI 3.1, the server and the API key as a bearer scheme', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: 'Test API', version: '1.2.3' });
    expect(document.servers).toEqual([{ url: 'https://api.example.test' }]);
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect(document.components.securitySchemes?.apiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: expect.stringMatching(/^tg_/),
    });
  });

  it('offers a JWT of the identity provider as an alternative when the server trusts one', () => {
    expect(document.components.securitySchemes).not.toHaveProperty('jwt');
    const withJwt = createOpenApiDocument({ jwt: true });
    expect(withJwt.security).toEqual([{ apiKey: [] }, { jwt: [] }]);
    expect(withJwt.components.securitySchemes?.jwt).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('is the same document every time', () => {
    expect(
      createOpenApiDocument({
        serverUrl: 'https://api.example.test',
        title: 'Test API',
        version: '1.2.3',
      }),
    ).toEqual(document);
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...new Set(allRefs(document))];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      expect(resolvePointer(document, ref), ref).toBeDefined();
    }
  });

  it('gives every operation a unique id, its scope, and problem+json errors', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method} ${path}`;
        expect(ids.has(operation.operationId), where).toBe(false);
        ids.add(operation.operationId);
        const route = TOLLGATE_API_ROUTES.find((r) => r.path === path && r.method === method);
        if (route?.scope === null) expect(operation.security, where).toEqual([]);
        else expect(operation['x-tollgate-scope'], where).toBe(route?.scope);
        const responses = operation.responses as Record<string, { $ref?: string }>;
        expect(responses['500']?.$ref, where).toBe('#/components/responses/InternalError');
        if (route?.scope !== null) {
          expect(responses['401']?.$ref, where).toBe('#/components/responses/Unauthorized');
          expect(responses['429']?.$ref, where).toBe('#/components/responses/TooManyRequests');
        }
      }
    }
    const problem = document.components.responses?.BadRequest as {
      content: Record<string, { schema: unknown }>;
    };
    expect(problem.content['application/problem+json']?.schema).toEqual({
      $ref: '#/components/schemas/ValidationProblem',
    });
  });

  const at = (...path: string[]) => resolvePointer(document, `#/${path.join('/')}`);

  it('writes money and bigint values as digit strings', () => {
    expect(at('components', 'schemas', 'Money', 'properties', 'amount')).toMatchObject({
      type: 'string',
      pattern: '^-?[0-9]+$',
    });
    // The logistics quote reads `shipment_value` through a transform: documented as Money JSON.
    expect(
      at('components', 'schemas', 'LogisticsQuoteRequest', 'properties', 'shipment_value'),
    ).toMatchObject({
      type: 'object',
      properties: { amount: { type: 'string' }, currency: { type: 'string' } },
      required: ['amount', 'currency'],
    });
    expect(at('components', 'schemas', 'BillingEvent', 'properties', 'sequence')).toMatchObject({
      type: 'string',
    });
  });

  it('documents request bodies with the routes’ own schemas', () => {
    expect(at('components', 'schemas', 'ShareSessionRequest')).toEqual({
      type: 'object',
      properties: { tenant_id: { type: 'string', minLength: 1, maxLength: 256 } },
      required: ['tenant_id'],
      additionalProperties: false,
    });
    expect(
      at('components', 'schemas', 'UploadRequest', 'properties', 'documents', 'anyOf', '0'),
    ).toEqual({
      type: 'string',
      contentMediaType: 'application/octet-stream',
    });
    const bank = document.paths['/integrations/bank/{integrationId}/validate']?.post;
    expect(bank?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Tollgate-Accept-Charge', in: 'header', required: false }),
    );
    expect(
      at('paths', '~1integrations~1bank~1{integrationId}~1validate', 'post', 'responses', '402'),
    ).toEqual({
      $ref: '#/components/responses/PaymentRequired',
    });
    const events = document.paths['/billing/events']?.get?.parameters as { name: string }[];
    expect(events.map((parameter) => parameter.name)).toEqual([
      'from',
      'to',
      'operation',
      'session_id',
      'cursor',
      'limit',
    ]);
  });

  it('documents the consent header of every billed partner route', () => {
    expect(DOCUMENTED_CHARGE_HEADER).toBe(ACCEPT_CHARGE_HEADER);
    for (const path of [
      '/integrations/bank/{integrationId}/validate',
      '/integrations/logistics/{integrationId}/quote',
      '/integrations/customs/{integrationId}/submit',
      '/integrations/fx/{integrationId}/convert',
    ]) {
      const operation = document.paths[path]?.post;
      expect(operation?.parameters, path).toContainEqual(
        expect.objectContaining({ name: ACCEPT_CHARGE_HEADER, in: 'header', required: false }),
      );
      expect(operation?.responses, path).toHaveProperty('402');
    }
  });

  it('marks planned routes, and can leave them out', () => {
    const planned: ApiRoute = {
      method: 'get',
      path: '/coming-soon',
      operationId: 'comingSoon',
      tag: 'Health',
      summary: 'Not served yet',
      scope: null,
      responses: { 200: { description: 'Soon.', schema: healthSchema } },
      planned: true,
    };
    const routes = [...TOLLGATE_API_ROUTES, planned];
    const all = createOpenApiDocument({ routes });
    expect(all.paths['/coming-soon']?.get).toMatchObject({ 'x-tollgate-planned': true });
    expect(createOpenApiDocument({ routes, omitPlanned: true }).paths).not.toHaveProperty(
      '/coming-soon',
    );
  });
});

describe('the route table and the app', () => {
  const document = createOpenApiDocument();

  it('documents every route the app serves', () => {
    const documented = new Set(documentedRoutes(document, () => true));
    const missing = servedRoutes().filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });

  it('serves every documented route that is not marked planned', () => {
    const served = new Set(servedRoutes());
    const notServed = documentedRoutes(
      document,
      (operation) => !(operation as Record<string, unknown>)['x-tollgate-planned'],
    ).filter((route) => !served.has(route));
    expect(notServed).toEqual([]);
  });

  it('turns Hono paths into OpenAPI templates', () => {
    expect(openApiPath('/sessions/:id/share')).toBe('/sessions/{id}/share');
    expect(openApiPath('/billing/invoices/:period{[0-9]{4}-[0-9]{2}}')).toBe(
      '/billing/invoices/{period}',
    );
    expect(openApiPath('/health')).toBe('/health');
  });
});

describe('GET /openapi.json and GET /docs', () => {
  // Served by the app itself, no API key needed.
  const app = createTollgateApp({
    store: memoryStore(),
    openApi: { serverUrl: 'https://api.example.test' },
  });

  it('serves the document as JSON, with an ETag', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(
      JSON.parse(JSON.stringify(createOpenApiDocument({ serverUrl: 'https://api.example.test' }))),
    );
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await app.request('/openapi.json', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('serves an interactive reference of /openapi.json under a strict CSP', async () => {
    const response = await app.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(
      `<script src="${DEFAULT_DOCS_SCRIPT_URL}" integrity="${DEFAULT_DOCS_SCRIPT_INTEGRITY}" crossorigin="anonymous"></script>`,
    );
    const init = /<script>([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(init).toContain('Scalar.createApiReference');
    expect(init).toContain('"url":"/openapi.json"');

    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );
    const hash = createHash('sha256').update(init, 'utf8').digest('base64');
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual([
      'https://cdn.jsdelivr.net',
      "'self'",
      `'sha256-${hash}'`,
    ]);
    expect(directives['connect-src']).toEqual(["'self'", 'https://api.example.test']);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('follows a self-hosted script in the page and the CSP', async () => {
    const own = openApiRoutes({ docsScriptUrl: '/assets/scalar.js', docsPath: '/reference' });
    const response = await own.request('/reference');
    const html = await response.text();
    expect(html).toContain('<script src="/assets/scalar.js" crossorigin="anonymous"></script>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'sha256-");
  });
});

describe('real answers match the document', () => {
  let server: TestServer;
  let sessionId: string;
  const checked: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  function routeOf(method: string, template: string): ApiRoute {
    const route = TOLLGATE_API_ROUTES.find((r) => r.method === method && r.path === template);
    if (route === undefined) throw new Error(`${method} ${template} is not in the route table`);
    return route;
  }

  /**
   * Call `METHOD template` and check the answer against the document: the
   * status is documented, the media type is the documented one, and the
   * body parses with the documented schema to itself (no undocumented member).
   */
  async function call(
    method: ApiRoute['method'],
    template: string,
    options: {
      params?: Record<string, string>;
      key?: string;
      json?: unknown;
      form?: FormData;
      headers?: Record<string, string>;
    } = {},
    // biome-ignore lint/suspicious/noExplicitAny: answers are read by path in the assertions below.
  ): Promise<{ status: number; body: any }> {
    const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(options.params?.[name] ?? ''),
    );
    const url = `${server.url}${path}`;
    const response =
      options.json !== undefined
        ? await sendJson(
            url,
            method.toUpperCase(),
            options.key ?? '',
            options.json,
            options.headers,
          )
        : await fetch(url, {
            method: method.toUpperCase(),
            headers: {
              ...(options.key === undefined ? {} : bearer(options.key)),
              ...options.headers,
            },
            ...(options.form === undefined ? {} : { body: options.form }),
          });
    const where = `${method.toUpperCase()} ${template} → ${response.status}`;
    const answer = documentedAnswer(routeOf(method, template), response.status);
    expect(answer, `${where} is documented`).toBeDefined();
    const text = await response.text();
    checked.push(where);
    if (answer?.schema === undefined) {
      expect(text, where).toBe('');
      return { status: response.status, body: undefined };
    }
    expect(response.headers.get('content-type')?.split(';')[0], where).toBe(answer.mediaType);
    const body: unknown = answer.mediaType?.endsWith('json') ? JSON.parse(text) : text;
    const parsed = answer.schema.safeParse(body);
    expect(parsed.error?.issues, `${where}: ${text.slice(0, 300)}`).toBeUndefined();
    expect(parsed.data, `${where}: an undocumented member`).toEqual(body);
    return { status: response.status, body };
  }

  it('health and metrics', async () => {
    expect((await call('get', '/health')).status).toBe(200);
    expect((await call('get', '/metrics')).status).toBe(200);
  });

  it('uploads and sessions', async () => {
    const one = await call('post', '/uploads', {
      key: server.keys.acme,
      form: documentsForm({ name: 'mt700.fin', content: MT700 }),
    });
    expect(one.status).toBe(201);
    sessionId = one.body.session_id;
    const two = await call('post', '/uploads', {
      key: server.keys.acme,
      form: documentsForm(
        { name: 'mt700.fin', content: MT700 },
        { name: 'scan.pdf', content: '%PDF-1.7\n%…\n', type: 'application/pdf' },
      ),
    });
    expect(two.body.results).toHaveLength(2);
    const refused = await call('post', '/uploads', {
      key: server.keys.acme,
      form: documentsForm({ name: 'notes.txt', content: 'hello' }),
    });
    expect(refused.status).toBe(415);
    expect(
      (await call('post', '/uploads', { key: server.keys.demoBank, form: documentsForm() })).status,
    ).toBe(403);

    const params = { id: sessionId };
    expect((await call('get', '/sessions/{id}', { params, key: server.keys.acme })).status).toBe(
      200,
    );
    expect((await call('get', '/sessions/{id}', { params })).status).toBe(401);
    expect(
      (await call('get', '/sessions/{id}', { params: { id: 'nope' }, key: server.keys.acme }))
        .status,
    ).toBe(404);
    const bad = await call('post', '/sessions/{id}/share', {
      params,
      key: server.keys.acme,
      json: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: ['tenant_id'] })]);
    const shared = await call('post', '/sessions/{id}/share', {
      params,
      key: server.keys.acme,
      json: { tenant_id: 'demo-bank' },
    });
    expect(shared.body.shared_with).toEqual(['demo-bank']);
  });

  it('the bank’s 402 quote and its accepted re-check', async () => {
    const params = { integrationId: 'demo-swift' };
    const json = {
      session_id: sessionId,
      lc_number: 'CBF25LC0004417',
      swift_format: 'MT700',
      priority: 'normal',
      sender_bic: 'BANKBDDH',
      receiver_bic: 'BANKDEFF',
      idempotency_key: 'openapi-recheck-1',
    };
    const template = '/integrations/bank/{integrationId}/validate';
    const quoted = await call('post', template, { params, key: server.keys.demoBank, json });
    expect(quoted.status).toBe(402);
    const accepted = await call('post', template, {
      params,
      key: server.keys.demoBank,
      json,
      headers: { 'Tollgate-Accept-Charge': quoted.body.quote.quote_id },
    });
    expect(accepted.status).toBe(201);
    const conflict = await call('post', template, {
      params,
      key: server.keys.demoBank,
      json: { ...json, priority: 'urgent' },
    });
    expect(conflict.status).toBe(409);
  });

  it('logistics, customs and FX', async () => {
    const key = server.keys.acme;
    const quote = await call('post', '/integrations/logistics/{integrationId}/quote', {
      params: { integrationId: 'demo-dhl' },
      key,
      json: {
        session_id: sessionId,
        service_type: 'express',
        origin_country: 'DE',
        destination_country: 'BD',
        shipment_value: { amount: '15000', currency: 'USD' },
        idempotency_key: 'openapi-quote-1',
      },
    });
    expect(quote.status).toBe(201);
    const track = '/integrations/logistics/{integrationId}/track/{trackingNumber}';
    expect(
      (
        await call('get', track, {
          params: { integrationId: 'demo-dhl', trackingNumber: '1234567890' },
          key,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('get', track, {
          params: { integrationId: 'nope', trackingNumber: '1234567890' },
          key,
        })
      ).status,
    ).toBe(404);
    const customs = await call('post', '/integrations/customs/{integrationId}/submit', {
      params: { integrationId: 'demo-customs' },
      key,
      json: {
        session_id: sessionId,
        country_code: 'EU',
        declaration_type: 'import',
        commodity_codes: ['6109.10.00.10'],
        customs_office: 'NL000396',
        idempotency_key: 'openapi-declare-1',
      },
    });
    expect(customs.status).toBe(201);
    const fx = { integrationId: 'demo-ecb' };
    expect(
      (
        await call('post', '/integrations/fx/{integrationId}/rates', {
          params: fx,
          key,
          json: { base: 'USD' },
        })
      ).status,
    ).toBe(200);
    const convert = await call('post', '/integrations/fx/{integrationId}/convert', {
      params: fx,
      key,
      json: {
        amount: { amount: '1250000', currency: 'USD' },
        to: 'JPY',
        idempotency_key: 'openapi-convert-1',
      },
    });
    expect(convert.status).toBe(201);
    const broken = await call('post', '/integrations/fx/{integrationId}/rates', {
      params: { integrationId: 'broken-ecb' },
      key,
      json: { base: 'EUR' },
    });
    expect(broken.status).toBe(502);
    expect((await call('get', '/submissions/{id}', { params: { id: 'nope' }, key })).status).toBe(
      404,
    );
  });

  it('billing, API keys and monitoring', async () => {
    const key = server.keys.acme;
    const events = await call('get', '/billing/events', { key });
    expect(events.body.data.length).toBeGreaterThan(2);
    expect((await call('get', '/billing/usage', { key })).status).toBe(200);
    expect(
      (await call('get', '/billing/invoices/{period}', { params: { period: '2025-04' }, key }))
        .status,
    ).toBe(200);
    expect(
      (await call('get', '/billing/invoices/{period}', { params: { period: 'april' }, key }))
        .status,
    ).toBe(404);

    const admin = server.keys.admin;
    const issued = await call('post', '/api-keys', {
      key: admin,
      json: { tenant_id: 'docs', role: 'sme', label: 'openapi' },
    });
    expect(issued.status).toBe(201);
    expect((await call('get', '/api-keys', { key: admin, headers: {} })).status).toBe(200);
    const listed = await fetch(`${server.url}/api-keys?tenant_id=docs`, { headers: bearer(admin) });
    expect(listed.status).toBe(200);
    const rotated = await call('post', '/api-keys/{prefix}/rotate', {
      params: { prefix: issued.body.prefix },
      key: admin,
    });
    expect(rotated.body.replaces).toBe(issued.body.prefix);
    expect(
      (
        await call('delete', '/api-keys/{prefix}', {
          params: { prefix: rotated.body.prefix },
          key: admin,
        })
      ).status,
    ).toBe(204);
    expect((await call('post', '/api-keys', { key, json: { role: 'sme' } })).status).toBe(403);

    expect(
      (
        await call('get', '/monitoring/health/{integrationId}', {
          params: { integrationId: 'demo-dhl' },
          key,
        })
      ).status,
    ).toBe(200);
  });

  it('outgoing webhook endpoints and their deliveries', async () => {
    const key = server.keys.globex;
    const bad = await call('post', '/webhook-endpoints', {
      key,
      json: { url: 'ftp://example.test/hooks', events: ['session.validated'] },
    });
    expect(bad.status).toBe(400);
    const created = await call('post', '/webhook-endpoints', {
      key,
      json: { url: 'https://example.test/hooks', events: ['session.*'], description: 'docs' },
    });
    expect(created.status).toBe(201);
    const params = { id: created.body.id };
    // An upload publishes `session.validated`: one delivery, queued.
    const upload = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      headers: bearer(key),
      body: documentsForm({ name: 'mt700.fin', content: MT700 }),
    });
    expect(upload.status).toBe(201);
    expect((await call('get', '/webhook-endpoints', { key })).body.data).toHaveLength(1);
    expect((await call('get', '/webhook-endpoints/{id}', { params, key })).status).toBe(200);
    let deliveries: { body: { data: { id: string }[] } } = { body: { data: [] } };
    for (let tries = 0; tries < 500 && deliveries.body.data.length === 0; tries++) {
      deliveries = await call('get', '/webhook-endpoints/{id}/deliveries', { params, key });
      if (deliveries.body.data.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(deliveries.body.data).toHaveLength(1);
    const replay = '/webhook-endpoints/{id}/deliveries/{deliveryId}/replay';
    const deliveryId = deliveries.body.data[0]?.id ?? '';
    expect((await call('post', replay, { params: { ...params, deliveryId }, key })).status).toBe(
      409,
    );
    expect(
      (await call('post', replay, { params: { ...params, deliveryId: 'whd_nope' }, key })).status,
    ).toBe(404);
    expect((await call('delete', '/webhook-endpoints/{id}', { params, key })).status).toBe(204);
    expect((await call('get', '/webhook-endpoints/{id}', { params, key })).status).toBe(404);
  });

  it('partner callbacks', async () => {
    expect(
      (await call('post', '/webhooks/{integrationId}', { params: { integrationId: 'nope' } }))
        .status,
    ).toBe(404);
  });

  it('checked every kind of answer above', () => {
    expect(checked.length).toBeGreaterThanOrEqual(30);
  });
});
