import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  documentsForm,
  expectProblem,
  MT700,
  sendJson,
  startTestServer,
  type TestServer,
  tenantEvents,
} from './fixtures.js';

let server: TestServer;
let sessionId: string;
beforeAll(async () => {
  server = await startTestServer();
  // The trader's own session: its upload bills one `sme.validation` (USD 5.00).
  const response = await fetch(`${server.url}/uploads`, {
    method: 'POST',
    headers: auth(server.keys.trader),
    body: documentsForm({ name: 'mt700-full.fin', content: MT700 }),
  });
  expect(response.status).toBe(201);
  sessionId = ((await response.json()) as { session_id: string }).session_id;
});
afterAll(async () => {
  await server?.close();
});

const auth = bearer;
const postJson = (path: string, body: unknown, key = server.keys.trader) =>
  sendJson(`${server.url}${path}`, 'POST', key, body);
const requestsTo = (integration: string) => server.sandboxes[integration]?.requests.length ?? 0;

function issuePaths(problem: Record<string, unknown>): string[] {
  return (problem.issues as { path: (string | number)[] }[])
    .map((issue) => issue.path.join('.'))
    .sort();
}

/** The trader's ledger as `[operation, tier, minor units]`, oldest first. */
async function ledgerLines() {
  return (await tenantEvents(server.ledger, 'initech')).map((event) => [
    event.operation,
    event.tier,
    event.amount.amount,
  ]);
}

describe('POST /integrations/logistics/:integrationId/quote', () => {
  let body: Record<string, unknown>;
  let answer: Record<string, unknown>;
  const quote = (payload: unknown, integration = 'demo-dhl') =>
    postJson(`/integrations/logistics/${integration}/quote`, payload);

  it('quotes through the carrier and bills logistics.quote once', async () => {
    body = {
      session_id: sessionId,
      service_type: 'express',
      origin_country: 'DE',
      destination_country: 'BD',
      shipment_value: { amount: '15000', currency: 'USD' },
      idempotency_key: 'quote-1',
    };
    const response = await quote(body);
    expect(response.status).toBe(201);
    answer = (await response.json()) as Record<string, unknown>;
    const service = {
      carrier: 'dhl-express',
      service: expect.any(String),
      service_code: expect.any(String),
      service_type: expect.any(String),
      total: { amount: expect.stringMatching(/^\d+$/), currency: 'EUR' },
      transit_days: expect.any(Number),
      estimated_delivery: expect.any(String),
      quote_id: expect.any(String),
    };
    expect(answer).toEqual({
      ...service,
      id: expect.stringMatching(/^lgq_/),
      session_id: sessionId,
      service: 'EXPRESS WORLDWIDE',
      service_code: 'P',
      service_type: 'express',
      alternatives: expect.arrayContaining([service]),
      billing_recorded: true,
    });
    expect(requestsTo('demo-dhl')).toBe(1);

    expect(await ledgerLines()).toEqual([
      ['sme.validation', 'sme', 500n],
      ['logistics.quote', 'sme', 100n],
    ]);
    const events = await tenantEvents(server.ledger, 'initech');
    expect(events[1]).toMatchObject({
      tenantId: 'initech',
      actor: { role: 'sme' },
      sessionId,
      amount: { amount: 100n, currency: 'USD' },
      externalReference: answer.quote_id,
      metadata: expect.objectContaining({ integration_id: 'demo-dhl' }),
    });
  });

  it('answers a repeat with the same idempotency key the same, billing nothing more', async () => {
    const response = await quote(body);
    expect(response.status).toBe(201);
    expect(response.headers.get('tollgate-idempotent-replayed')).toBe('true');
    expect(await response.json()).toEqual(answer);
    expect(requestsTo('demo-dhl')).toBe(1);
    expect(await ledgerLines()).toHaveLength(2);
  });

  it('refuses the same idempotency key for a different quote (409)', async () => {
    await expectProblem(
      await quote({ ...body, destination_country: 'IN' }),
      409,
      'idempotency_conflict',
    );
    expect(await ledgerLines()).toHaveLength(2);
  });

  it('lists the zod issues of a bad body (400), billing nothing', async () => {
    const problem = await expectProblem(
      await quote({
        ...body,
        service_type: 'teleport',
        shipment_value: { amount: 12.5, currency: 'USD' },
        idempotency_key: undefined,
      }),
      400,
      'validation_failed',
    );
    expect(issuePaths(problem)).toEqual(['idempotency_key', 'service_type', 'shipment_value']);
    expect(await ledgerLines()).toHaveLength(2);
  });

  it('answers an unknown integration or an unseen session with a 404 problem', async () => {
    const problem = await expectProblem(await quote(body, 'no-such-carrier'), 404, 'not_found');
    expect(problem.detail).toBe('No such logistics integration.');
    await expectProblem(
      await postJson('/integrations/logistics/demo-dhl/quote', body, server.keys.globex),
      404,
      'not_found',
    );
  });

  it('voids the charge when the carrier fails (502), billing nothing', async () => {
    await expectProblem(
      await quote({ ...body, idempotency_key: 'quote-broken' }, 'broken-dhl'),
      502,
      'upstream_error',
    );
    expect(requestsTo('broken-dhl')).toBe(1);
    expect(await ledgerLines()).toHaveLength(2);
    expect((await server.ledger.verify()).ok).toBe(true);
  });
});

describe('GET /integrations/logistics/:integrationId/track/:trackingNumber', () => {
  const track = (number: string, integration = 'demo-dhl') =>
    fetch(`${server.url}/integrations/logistics/${integration}/track/${number}`, {
      headers: auth(server.keys.trader),
    });

  it('tracks through the carrier without billing', async () => {
    const before = await ledgerLines();
    const response = await track('1234567890');
    expect(response.status).toBe(200);
    const tracked = (await response.json()) as Record<string, unknown>;
    expect(tracked).toMatchObject({
      carrier: 'dhl-express',
      tracking_number: '1234567890',
      status: 'delivered',
    });
    expect((tracked.events as { status: string }[]).at(-1)).toMatchObject({
      code: 'OK',
      status: 'delivered',
    });
    expect(await ledgerLines()).toEqual(before);
  });

  it('passes the carrier’s 404 through, and 404s an unknown integration', async () => {
    await expectProblem(await track('0001234567'), 404, 'shipment_not_found');
    await expectProblem(await track('1234567890', 'no-such-carrier'), 404, 'not_found');
  });
});

describe('POST /integrations/customs/:integrationId/submit', () => {
  let body: Record<string, unknown>;
  let answer: Record<string, unknown>;
  const submit = (payload: unknown, integration = 'demo-customs') =>
    postJson(`/integrations/customs/${integration}/submit`, payload);
  const submissions = (integration: string) =>
    (server.sandboxes[integration]?.requests ?? []).filter(
      (request) => request.method === 'POST' && request.url.endsWith('/customs/declarations'),
    ).length;

  it('lodges the declaration under an LRN derived from the session and bills customs.submission once', async () => {
    body = {
      session_id: sessionId,
      country_code: 'EU',
      declaration_type: 'import',
      commodity_codes: ['6109.10.00.10'],
      customs_office: 'NL000396',
      idempotency_key: 'declare-1',
    };
    const lrn = `TG${sessionId.replaceAll('-', '').toUpperCase().slice(0, 20)}`;
    expect(lrn).toMatch(/^[A-Z0-9]{22}$/);
    const response = await submit(body);
    expect(response.status).toBe(201);
    answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual({
      declaration_id: expect.any(String),
      reference: lrn,
      declarant_reference: lrn,
      session_id: sessionId,
      status: 'submitted',
      submitted_at: expect.any(String),
      country_code: 'EU',
      declaration_type: 'import',
      billing_recorded: true,
      submission_id: expect.stringMatching(/^sub_/),
    });
    expect(submissions('demo-customs')).toBe(1);

    const lines = await ledgerLines();
    expect(lines.slice(-1)).toEqual([['customs.submission', 'sme', 800n]]);
    const events = await tenantEvents(server.ledger, 'initech');
    expect(events.at(-1)).toMatchObject({
      sessionId,
      amount: { amount: 800n, currency: 'USD' },
      externalReference: answer.declaration_id,
      metadata: expect.objectContaining({
        integration_id: 'demo-customs',
        declarant_reference: lrn,
      }),
    });
  });

  it('answers a repeat with the same idempotency key the same, billing nothing more', async () => {
    const before = await ledgerLines();
    const response = await submit(body);
    expect(response.status).toBe(201);
    expect(response.headers.get('tollgate-idempotent-replayed')).toBe('true');
    expect(await response.json()).toEqual(answer);
    expect(submissions('demo-customs')).toBe(1);
    expect(await ledgerLines()).toEqual(before);
    await expectProblem(
      await submit({ ...body, customs_office: 'DE004800' }),
      409,
      'idempotency_conflict',
    );
  });

  it('lists the zod issues of a bad body (400), and the gateway’s own refusals, billing nothing', async () => {
    const before = await ledgerLines();
    const problem = await expectProblem(
      await submit({ ...body, country_code: 'XX', commodity_codes: [], extra: 1 }),
      400,
      'validation_failed',
    );
    expect(issuePaths(problem)).toEqual(['', 'commodity_codes', 'country_code']);
    // A code of the wrong national length: the connector refuses it before sending.
    await expectProblem(
      await submit({ ...body, commodity_codes: ['6109'], idempotency_key: 'declare-short' }),
      400,
      'validation_failed',
    );
    expect(submissions('demo-customs')).toBe(1);
    expect(await ledgerLines()).toEqual(before);
  });

  it('answers an unknown integration with a 404 problem', async () => {
    const problem = await expectProblem(await submit(body, 'no-such-gateway'), 404, 'not_found');
    expect(problem.detail).toBe('No such customs integration.');
  });

  it('voids the charge when the gateway fails (502), billing nothing', async () => {
    const before = await ledgerLines();
    await expectProblem(
      await submit({ ...body, idempotency_key: 'declare-broken' }, 'broken-customs'),
      502,
      'upstream_error',
    );
    expect(await ledgerLines()).toEqual(before);
    expect((await server.ledger.verify()).ok).toBe(true);
  });
});

describe('POST /integrations/fx/:integrationId/rates and /convert', () => {
  const body = {
    amount: { amount: '1250000', currency: 'USD' },
    to: 'JPY',
    idempotency_key: 'convert-1',
  };

  it('answers reference rates without billing', async () => {
    const before = await ledgerLines();
    const response = await postJson('/integrations/fx/demo-ecb/rates', {
      base: 'USD',
      symbols: ['JPY', 'EUR'],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      base: 'USD',
      date: '2024-02-27',
      rates: { JPY: '150.1842299', EUR: '0.9211495947' },
    });
    expect(await ledgerLines()).toEqual(before);
  });

  it('converts and bills fx.conversion once per idempotency key', async () => {
    const before = await ledgerLines();
    const expected = {
      from: { amount: '1250000', currency: 'USD' },
      to: { amount: '1877303', currency: 'JPY' },
      rate: '150.1842299',
      rate_date: '2024-02-27',
      rounding: 'half-even',
      billing_recorded: true,
    };
    const first = await postJson('/integrations/fx/demo-ecb/convert', body);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual(expected);
    expect(await ledgerLines()).toEqual([...before, ['fx.conversion', 'sme', 50n]]);
    const calls = requestsTo('demo-ecb');

    const again = await postJson('/integrations/fx/demo-ecb/convert', body);
    expect(again.status).toBe(201);
    expect(again.headers.get('tollgate-idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(expected);
    expect(requestsTo('demo-ecb')).toBe(calls);
    expect(await ledgerLines()).toEqual([...before, ['fx.conversion', 'sme', 50n]]);
  });

  it('refuses bad bodies (400) and unknown integrations (404)', async () => {
    const before = await ledgerLines();
    const problem = await expectProblem(
      await postJson('/integrations/fx/demo-ecb/convert', {
        amount: { amount: 12.5, currency: 'usd' },
        idempotency_key: 'convert-bad',
      }),
      400,
      'validation_failed',
    );
    expect(issuePaths(problem)).toEqual(['amount.amount', 'amount.currency', 'to']);
    await expectProblem(
      await postJson('/integrations/fx/demo-ecb/rates', { base: 'usd' }),
      400,
      'validation_failed',
    );
    // A currency the ECB does not publish: the provider's own 400.
    const unsupported = await expectProblem(
      await postJson('/integrations/fx/demo-ecb/rates', { base: 'BDT' }),
      400,
      'validation_failed',
    );
    expect(unsupported.issues).toEqual([expect.objectContaining({ code: 'unsupported_currency' })]);
    const missing = await expectProblem(
      await postJson('/integrations/fx/no-such-fx/convert', body),
      404,
      'not_found',
    );
    expect(missing.detail).toBe('No such FX integration.');
    await expectProblem(
      await postJson('/integrations/fx/demo-ecb/convert', {
        ...body,
        session_id: 'no-such-session',
        idempotency_key: 'convert-unseen',
      }),
      404,
      'not_found',
    );
    expect(await ledgerLines()).toEqual(before);
  });

  it('voids the charge when the provider fails (502), billing nothing', async () => {
    const before = await ledgerLines();
    await expectProblem(
      await postJson('/integrations/fx/broken-ecb/convert', {
        ...body,
        idempotency_key: 'convert-broken',
      }),
      502,
      'upstream_error',
    );
    await expectProblem(
      await postJson('/integrations/fx/broken-ecb/rates', { base: 'EUR' }),
      502,
      'upstream_error',
    );
    expect(await ledgerLines()).toEqual(before);
    expect((await server.ledger.verify()).ok).toBe(true);
  });

  it('ends with exactly one charge per billed call', async () => {
    expect(await ledgerLines()).toEqual([
      ['sme.validation', 'sme', 500n],
      ['logistics.quote', 'sme', 100n],
      ['customs.submission', 'sme', 800n],
      ['fx.conversion', 'sme', 50n],
    ]);
  });
});
