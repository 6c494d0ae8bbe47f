/**
 * The OpenAPI document checked by real validators: the OpenAPI 3.1 schema
 * (`@seriousme/openapi-schema-validator`), JSON Schema 2020-12 (`ajv`) for
 * every schema in it, and both against the server: a body the route refuses
 * is refused by the documented schema, and real answers fit the documented ones.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenApiDocument, type OpenApiDocument } from '../src/openapi/index.js';
import {
  bearer,
  documentsForm,
  MT700,
  sendJson,
  startTestServer,
  type TestServer,
} from './fixtures.js';

const DOCUMENT_ID = 'https://tollgate.test/openapi.json';

/** A JSON Pointer token (`/` → `~1`). */
const token = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1');

/** Ajv over the whole document: any schema in it can be compiled by its pointer. */
function documentAjv(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...structuredClone(document), $id: DOCUMENT_ID });
  return (pointer: string) => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
    if (validate === undefined) throw new Error(`no schema at ${pointer}`);
    return validate;
  };
}

describe('the document as OpenAPI 3.1', () => {
  it.each([
    ['default options', {}],
    [
      'a server URL, JWT bearer tokens, no planned routes',
      { serverUrl: 'https://api.example.test', jwt: true, omitPlanned: true },
    ],
  ])('is valid with %s', async (_, options) => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(createOpenApiDocument(options)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('holds only valid JSON Schema 2020-12 schemas, whose patterns compile', () => {
    const document = createOpenApiDocument();
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(document.components.schemas ?? {})) {
      expect(ajv.validateSchema(schema as object), `${name}: ${ajv.errorsText()}`).toBe(true);
    }
    // Compiling resolves every $ref and builds every `pattern` as a Unicode RegExp.
    const compile = documentAjv(document);
    for (const name of Object.keys(document.components.schemas ?? {})) {
      expect(() => compile(`/components/schemas/${token(name)}`), name).not.toThrow();
    }
  });
});

/** One test server and the document's schemas, for the request and answer checks below. */
let server: TestServer;
const document = createOpenApiDocument();
const schemaOf = documentAjv(document);
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('request schemas refuse what the routes refuse', () => {
  /** The documented JSON body schema of `METHOD path`. */
  function bodySchema(method: string, path: string) {
    return schemaOf(
      `/paths/${token(path)}/${method}/requestBody/content/${token('application/json')}/schema`,
    );
  }

  const session = 'no-such-session';
  const samples: {
    path: string;
    url: string;
    key: () => string;
    valid: Record<string, unknown>;
    invalid: Record<string, unknown>;
    /** What the route answers the valid body (anything but its 400). */
    validStatus: number;
  }[] = [
    {
      path: '/sessions/{id}/share',
      url: `/sessions/${session}/share`,
      key: () => server.keys.acme,
      valid: { tenant_id: 'demo-bank' },
      invalid: {},
      validStatus: 404,
    },
    {
      path: '/integrations/bank/{integrationId}/validate',
      url: '/integrations/bank/demo-swift/validate',
      key: () => server.keys.demoBank,
      valid: {
        session_id: session,
        lc_number: 'CBF25LC0004417',
        swift_format: 'MT700',
        priority: 'normal',
        sender_bic: 'BANKBDDH',
        receiver_bic: 'BANKDEFF',
        idempotency_key: 'parity-1',
      },
      invalid: {
        session_id: session,
        lc_number: 'CBF25LC0004417',
        swift_format: 'MT799',
        priority: 'normal',
        sender_bic: 'BANKBDDH',
        receiver_bic: 'BANKDEFF',
        idempotency_key: 'parity-1',
      },
      validStatus: 404,
    },
    {
      path: '/integrations/logistics/{integrationId}/quote',
      url: '/integrations/logistics/demo-dhl/quote',
      key: () => server.keys.acme,
      valid: {
        session_id: session,
        service_type: 'express',
        origin_country: 'DE',
        destination_country: 'BD',
        shipment_value: { amount: '15000', currency: 'USD' },
        idempotency_key: 'parity-2',
      },
      // Money as a JSON number: core's moneyFromJSON refuses it, and so does the document.
      invalid: {
        session_id: session,
        service_type: 'express',
        origin_country: 'DE',
        destination_country: 'BD',
        shipment_value: { amount: 150, currency: 'USD' },
        idempotency_key: 'parity-2',
      },
      validStatus: 404,
    },
    {
      path: '/integrations/customs/{integrationId}/submit',
      url: '/integrations/customs/demo-customs/submit',
      key: () => server.keys.acme,
      valid: {
        session_id: session,
        country_code: 'EU',
        declaration_type: 'import',
        commodity_codes: ['6109.10.00.10'],
        customs_office: 'NL000396',
        idempotency_key: 'parity-3',
      },
      invalid: {
        session_id: session,
        country_code: 'XX',
        declaration_type: 'import',
        commodity_codes: [],
        customs_office: 'NL000396',
        idempotency_key: 'parity-3',
      },
      validStatus: 404,
    },
    {
      path: '/integrations/fx/{integrationId}/convert',
      url: '/integrations/fx/demo-ecb/convert',
      key: () => server.keys.acme,
      valid: {
        session_id: session,
        amount: { amount: '1250000', currency: 'USD' },
        to: 'JPY',
        idempotency_key: 'parity-4',
      },
      invalid: {
        amount: { amount: '12.50', currency: 'usd' },
        to: 'JPY',
        idempotency_key: 'parity-4',
      },
      validStatus: 404,
    },
    {
      path: '/api-keys',
      url: '/api-keys',
      key: () => server.keys.admin,
      valid: { tenant_id: 'parity', role: 'sme', scopes: ['sessions'] },
      invalid: { tenant_id: 'parity', role: 'root' },
      validStatus: 201,
    },
    {
      path: '/api-keys/{prefix}/rotate',
      url: '/api-keys/nosuchkey/rotate',
      key: () => server.keys.admin,
      valid: { grace_seconds: 60 },
      invalid: { grace_seconds: -1 },
      validStatus: 404,
    },
    {
      path: '/webhook-endpoints',
      url: '/webhook-endpoints',
      key: () => server.keys.acme,
      valid: { url: 'https://example.test/hooks', events: ['submission.*'] },
      invalid: { url: 'ftp://example.test/hooks', events: ['submission.*'] },
      validStatus: 201,
    },
  ];

  it.each(samples)('POST $path', async ({ path, url, key, valid, invalid, validStatus }) => {
    const validate = bodySchema('post', path);
    expect(validate(invalid), 'the document refuses the invalid body').toBe(false);
    const refused = await sendJson(`${server.url}${url}`, 'POST', key(), invalid);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: string }).code).toBe('validation_failed');

    expect(validate(valid), JSON.stringify(validate.errors)).toBe(true);
    const accepted = await sendJson(`${server.url}${url}`, 'POST', key(), valid);
    expect(accepted.status).toBe(validStatus);
  });

  it('GET /billing/events: the `limit` parameter', async () => {
    const parameters = document.paths['/billing/events']?.get?.parameters as { name: string }[];
    const index = parameters.findIndex((parameter) => parameter.name === 'limit');
    const validate = schemaOf(`/paths/${token('/billing/events')}/get/parameters/${index}/schema`);
    expect(validate(0)).toBe(false);
    expect(validate(10)).toBe(true);
    const refused = await fetch(`${server.url}/billing/events?limit=0`, {
      headers: bearer(server.keys.acme),
    });
    expect(refused.status).toBe(400);
    const accepted = await fetch(`${server.url}/billing/events?limit=10`, {
      headers: bearer(server.keys.acme),
    });
    expect(accepted.status).toBe(200);
  });
});

describe('real answers fit the documented JSON Schemas', () => {
  /** Check `response` against the document's answer for `METHOD path` and its status. */
  async function expectDocumented(method: string, path: string, response: Response) {
    const operation = `/paths/${token(path)}/${method}/responses`;
    const responses = (document.paths[path]?.[method]?.responses ?? {}) as Record<
      string,
      { $ref?: string }
    >;
    let answer = responses[String(response.status)];
    expect(answer, `${method} ${path} documents ${response.status}`).toBeDefined();
    let pointer = `${operation}/${response.status}`;
    if (answer?.$ref !== undefined) {
      pointer = answer.$ref.slice(1);
      answer = (document.components.responses as Record<string, { $ref?: string }>)[
        answer.$ref.split('/').at(-1) as string
      ];
    }
    const mediaType = response.headers.get('content-type')?.split(';')[0] ?? '';
    const content = (answer as { content?: Record<string, unknown> }).content ?? {};
    expect(Object.keys(content), `${method} ${path} ${response.status}`).toContain(mediaType);
    const validate = schemaOf(`${pointer}/content/${token(mediaType)}/schema`);
    const body: unknown = await response.json();
    expect(
      validate(body),
      `${method} ${path} ${response.status}: ${JSON.stringify(validate.errors)}`,
    ).toBe(true);
    return body as Record<string, unknown>;
  }

  it('sessions, the bank’s 402 and re-check, partners, billing and keys', async () => {
    const { keys, url } = server;
    const upload = await fetch(`${url}/uploads`, {
      method: 'POST',
      headers: bearer(keys.acme),
      body: documentsForm({ name: 'mt700.fin', content: MT700 }),
    });
    const session = await expectDocumented('post', '/uploads', upload);
    const sessionId = String(session.session_id);
    await expectDocumented(
      'get',
      '/sessions/{id}',
      await fetch(`${url}/sessions/${sessionId}`, { headers: bearer(keys.acme) }),
    );
    await expectDocumented('get', '/sessions/{id}', await fetch(`${url}/sessions/${sessionId}`));
    await expectDocumented(
      'post',
      '/sessions/{id}/share',
      await sendJson(`${url}/sessions/${sessionId}/share`, 'POST', keys.acme, { tenant_id: 1 }),
    );
    await expectDocumented(
      'post',
      '/sessions/{id}/share',
      await sendJson(`${url}/sessions/${sessionId}/share`, 'POST', keys.acme, {
        tenant_id: 'demo-bank',
      }),
    );

    const recheck = {
      session_id: sessionId,
      lc_number: 'CBF25LC0004417',
      swift_format: 'MT700',
      priority: 'urgent',
      sender_bic: 'BANKBDDH',
      receiver_bic: 'BANKDEFF',
      idempotency_key: 'fit-1',
    };
    const bank = '/integrations/bank/{integrationId}/validate';
    const bankUrl = `${url}/integrations/bank/demo-swift/validate`;
    const problem = await expectDocumented(
      'post',
      bank,
      await sendJson(bankUrl, 'POST', keys.demoBank, recheck),
    );
    const quote = problem.quote as { quote_id: string };
    await expectDocumented(
      'post',
      bank,
      await sendJson(bankUrl, 'POST', keys.demoBank, recheck, {
        'Tollgate-Accept-Charge': quote.quote_id,
      }),
    );

    await expectDocumented(
      'post',
      '/integrations/logistics/{integrationId}/quote',
      await sendJson(`${url}/integrations/logistics/demo-dhl/quote`, 'POST', keys.acme, {
        session_id: sessionId,
        service_type: 'express',
        origin_country: 'DE',
        destination_country: 'BD',
        shipment_value: { amount: '15000', currency: 'USD' },
        idempotency_key: 'fit-2',
      }),
    );
    await expectDocumented(
      'get',
      '/integrations/logistics/{integrationId}/track/{trackingNumber}',
      await fetch(`${url}/integrations/logistics/demo-dhl/track/1234567890`, {
        headers: bearer(keys.acme),
      }),
    );
    await expectDocumented(
      'post',
      '/integrations/fx/{integrationId}/convert',
      await sendJson(`${url}/integrations/fx/demo-ecb/convert`, 'POST', keys.acme, {
        amount: { amount: '1250000', currency: 'USD' },
        to: 'JPY',
        idempotency_key: 'fit-3',
      }),
    );
    const page = await expectDocumented(
      'get',
      '/billing/events',
      await fetch(`${url}/billing/events`, { headers: bearer(keys.acme) }),
    );
    expect((page.data as unknown[]).length).toBeGreaterThanOrEqual(3);
    await expectDocumented(
      'get',
      '/billing/usage',
      await fetch(`${url}/billing/usage?period=2025-04`, { headers: bearer(keys.acme) }),
    );
    await expectDocumented(
      'get',
      '/billing/invoices/{period}',
      await fetch(`${url}/billing/invoices/2025-04`, { headers: bearer(keys.acme) }),
    );
    await expectDocumented(
      'post',
      '/api-keys',
      await sendJson(`${url}/api-keys`, 'POST', keys.admin, { role: 'bank', tenant_id: 'fit' }),
    );
    await expectDocumented(
      'get',
      '/api-keys',
      await fetch(`${url}/api-keys?tenant_id=fit`, { headers: bearer(keys.admin) }),
    );
    await expectDocumented('get', '/health', await fetch(`${url}/health`));
  });
});
