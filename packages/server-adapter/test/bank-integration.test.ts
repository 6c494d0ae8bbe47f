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
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const auth = bearer;
const postJson = (path: string, key: string, body: unknown, headers: Record<string, string> = {}) =>
  sendJson(`${server.url}${path}`, 'POST', key, body, headers);
const validate = (
  key: string,
  body: unknown,
  headers: Record<string, string> = {},
  integration = 'demo-swift',
) => postJson(`/integrations/bank/${integration}/validate`, key, body, headers);
const submissions = () =>
  server.bankSandbox.requests.filter(
    (request) => request.method === 'POST' && request.url.endsWith('/fin/messages'),
  ).length;

interface Quote {
  quote_id: string;
  operation: string;
  amount: string;
  currency: string;
  expires_at: string;
}

async function expectQuote(response: Response, reason: string): Promise<Quote> {
  const problem = await expectProblem(response, 402, 'payment_required');
  expect(problem.reason).toBe(reason);
  expect(problem.quote).toEqual({
    quote_id: expect.stringMatching(/^quote_/),
    operation: 'bank.recheck',
    amount: '2500',
    currency: 'USD',
    expires_at: expect.any(String),
  });
  return problem.quote as Quote;
}

describe('the dual-billing scenario: an SME validation, then a bank recheck', () => {
  let sessionId: string;
  let body: Record<string, unknown>;
  let quote: Quote;
  let answer: Record<string, unknown>;

  it('bills the SME its validation when it uploads the MT700', async () => {
    const response = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      headers: auth(server.keys.acme),
      body: documentsForm({ name: 'mt700-full.fin', content: MT700 }),
    });
    expect(response.status).toBe(201);
    sessionId = ((await response.json()) as { session_id: string }).session_id;
    const events = await tenantEvents(server.ledger, 'acme');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: 'sme.validation',
      tier: 'sme',
      sessionId,
      amount: { amount: 500n, currency: 'USD' },
    });
    body = {
      session_id: sessionId,
      lc_number: 'CBF25LC0004417',
      swift_format: 'MT700',
      priority: 'normal',
      sender_bic: 'BANKBDDH',
      receiver_bic: 'BANKDEFF',
      idempotency_key: 'recheck-1',
    };
  });

  it('hides the session from a bank until the SME shares it', async () => {
    const get = (key: string) =>
      fetch(`${server.url}/sessions/${sessionId}`, { headers: auth(server.keys[key as 'acme']) });
    await expectProblem(await get('demoBank'), 404, 'not_found');
    await expectProblem(await validate(server.keys.demoBank, body), 404, 'not_found');

    // Only the owner can share; to anyone else the session does not exist.
    await expectProblem(
      await postJson(`/sessions/${sessionId}/share`, server.keys.globex, { tenant_id: 'globex' }),
      404,
      'not_found',
    );
    const shared = await postJson(`/sessions/${sessionId}/share`, server.keys.acme, {
      tenant_id: 'demo-bank',
    });
    expect(shared.status).toBe(200);
    expect(await shared.json()).toEqual({ session_id: sessionId, shared_with: ['demo-bank'] });

    const seen = await get('demoBank');
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ session_id: sessionId, billing_recorded: true });
    await expectProblem(await get('otherBank'), 404, 'not_found');
    await expectProblem(await get('globex'), 404, 'not_found');
  });

  it('answers the bank 402 with a quote first, billing nothing', async () => {
    quote = await expectQuote(await validate(server.keys.demoBank, body), 'consent_required');
    expect(await tenantEvents(server.ledger, 'demo-bank')).toEqual([]);
    expect(submissions()).toBe(0);
  });

  it('refuses a wrong quote id with a fresh 402, billing nothing', async () => {
    const fresh = await expectQuote(
      await validate(server.keys.demoBank, body, { 'Tollgate-Accept-Charge': 'quote_nope' }),
      'quote_unknown',
    );
    expect(fresh.quote_id).not.toBe(quote.quote_id);
    expect(await tenantEvents(server.ledger, 'demo-bank')).toEqual([]);
    expect(submissions()).toBe(0);
  });

  it('submits the MT700 and bills the bank once it accepts the charge', async () => {
    const response = await validate(server.keys.demoBank, body, {
      'Tollgate-Accept-Charge': quote.quote_id,
    });
    expect(response.status).toBe(201);
    answer = (await response.json()) as Record<string, unknown>;
    expect(answer).toEqual({
      id: expect.stringMatching(/^sub_/),
      external_reference_id: expect.any(String),
      submission_type: 'mt700',
      status_code: 'submitted',
      submitted_at: expect.any(String),
      billing_recorded: true,
    });
    expect(submissions()).toBe(1);

    const events = await tenantEvents(server.ledger, 'demo-bank');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      tenantId: 'demo-bank',
      actor: { role: 'bank' },
      operation: 'bank.recheck',
      tier: 'bank',
      sessionId,
      amount: { amount: 2500n, currency: 'USD' },
      externalReference: answer.external_reference_id,
      metadata: expect.objectContaining({ quoteId: quote.quote_id, integration_id: 'demo-swift' }),
    });
    // The SME's own validation is untouched: one event each.
    expect((await tenantEvents(server.ledger, 'acme')).map((event) => event.operation)).toEqual([
      'sme.validation',
    ]);
  });

  it('answers a repeat with the same idempotency key the same, billing nothing more', async () => {
    for (const headers of [{ 'Tollgate-Accept-Charge': quote.quote_id }, {}] as Record<
      string,
      string
    >[]) {
      const response = await validate(server.keys.demoBank, body, headers);
      expect(response.status).toBe(201);
      expect(response.headers.get('tollgate-idempotent-replayed')).toBe('true');
      expect(await response.json()).toEqual(answer);
    }
    expect(await tenantEvents(server.ledger, 'demo-bank')).toHaveLength(1);
    expect(submissions()).toBe(1);
  });

  it('refuses the same idempotency key for a different request (409)', async () => {
    await expectProblem(
      await validate(server.keys.demoBank, { ...body, priority: 'urgent' }),
      409,
      'idempotency_conflict',
    );
    expect(await tenantEvents(server.ledger, 'demo-bank')).toHaveLength(1);
  });

  it('voids the charge when the gateway fails (502), billing nothing', async () => {
    const failing = { ...body, idempotency_key: 'recheck-broken' };
    const offer = await expectQuote(
      await validate(server.keys.demoBank, failing, {}, 'broken-swift'),
      'consent_required',
    );
    await expectProblem(
      await validate(
        server.keys.demoBank,
        failing,
        { 'Tollgate-Accept-Charge': offer.quote_id },
        'broken-swift',
      ),
      502,
      'upstream_error',
    );
    expect(await tenantEvents(server.ledger, 'demo-bank')).toHaveLength(1);
    expect((await server.ledger.verify()).ok).toBe(true);
  });

  it('hides the session from a bank it was not shared with (404)', async () => {
    await expectProblem(
      await validate(server.keys.otherBank, { ...body, idempotency_key: 'other-1' }),
      404,
      'not_found',
    );
    expect(await tenantEvents(server.ledger, 'other-bank')).toEqual([]);
  });

  it('lets only bank keys validate (403)', async () => {
    await expectProblem(await validate(server.keys.acme, body), 403, 'forbidden');
  });

  it('answers an unknown integration with a 404 problem', async () => {
    const problem = await expectProblem(
      await validate(server.keys.demoBank, body, {}, 'no-such-bank'),
      404,
      'not_found',
    );
    expect(problem.detail).toBe('No such bank integration.');
  });

  it('lists the zod issues of a bad body (400)', async () => {
    const problem = await expectProblem(
      await validate(server.keys.demoBank, {
        ...body,
        swift_format: 'MT103',
        priority: 'asap',
        sender_bic: 'bank',
        idempotency_key: undefined,
      }),
      400,
      'validation_failed',
    );
    const paths = (problem.issues as { path: string[] }[]).map((issue) => issue.path.join('.'));
    expect(paths.sort()).toEqual(['idempotency_key', 'priority', 'sender_bic', 'swift_format']);

    const unreadable = await fetch(`${server.url}/integrations/bank/demo-swift/validate`, {
      method: 'POST',
      headers: { ...auth(server.keys.demoBank), 'content-type': 'application/json' },
      body: '{not json',
    });
    await expectProblem(unreadable, 400, 'validation_failed');
  });

  it('refuses an lc_number that is not the session’s credit number (400)', async () => {
    const problem = await expectProblem(
      await validate(server.keys.demoBank, { ...body, lc_number: 'OTHER1' }),
      400,
      'validation_failed',
    );
    expect(problem.issues).toEqual([
      expect.objectContaining({ path: ['lc_number'], code: 'lc_number_mismatch' }),
    ]);
    expect(await tenantEvents(server.ledger, 'demo-bank')).toHaveLength(1);
  });

  it('validates a share request (400) and needs a key (401)', async () => {
    const problem = await expectProblem(
      await postJson(`/sessions/${sessionId}/share`, server.keys.acme, { tenant: 'x' }),
      400,
      'validation_failed',
    );
    expect(problem.issues).toBeInstanceOf(Array);
    const anonymous = await fetch(`${server.url}/sessions/${sessionId}/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant_id: 'demo-bank' }),
    });
    await expectProblem(anonymous, 401, 'auth_failed');
  });
});
