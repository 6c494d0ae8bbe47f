import { statusOfFunctionCode } from '@tollgate/connectors/customs';
import { HttpResponse, http } from 'msw';
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
import { parseExposition, sampleValue } from './prometheus-text.js';

let server: TestServer;
let sessionId: string;

beforeAll(async () => {
  server = await startTestServer();
  const uploaded = await fetch(`${server.url}/uploads`, {
    method: 'POST',
    headers: bearer(server.keys.acme),
    body: documentsForm({ name: 'mt700-full.fin', content: MT700 }),
  });
  sessionId = ((await uploaded.json()) as { session_id: string }).session_id;
  const shared = await sendJson(
    `${server.url}/sessions/${sessionId}/share`,
    'POST',
    server.keys.acme,
    {
      tenant_id: 'demo-bank',
    },
  );
  expect(shared.status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

const request = (idempotencyKey: string) => ({
  session_id: sessionId,
  lc_number: 'CBF25LC0004417',
  swift_format: 'MT700',
  priority: 'normal',
  sender_bic: 'BANKBDDH',
  receiver_bic: 'BANKDEFF',
  idempotency_key: idempotencyKey,
});
const validate = (body: unknown, headers: Record<string, string> = {}) =>
  sendJson(
    `${server.url}/integrations/bank/demo-swift/validate`,
    'POST',
    server.keys.demoBank,
    body,
    headers,
  );

/** Ask for the quote, then repeat with consent: the consented call's answer. */
async function consentedValidate(idempotencyKey: string): Promise<Response> {
  const quoted = await validate(request(idempotencyKey));
  expect(quoted.status).toBe(402);
  const { quote } = (await quoted.json()) as { quote: { quote_id: string } };
  return validate(request(idempotencyKey), { 'Tollgate-Accept-Charge': quote.quote_id });
}

const submission = async (id: string, key = server.keys.demoBank) =>
  (await (await sendJson(`${server.url}/submissions/${id}`, 'GET', key)).json()) as Record<
    string,
    unknown
  >;
const bankCharges = async () =>
  (await tenantEvents(server.ledger, 'demo-bank')).filter(
    (event) => event.operation === 'bank.recheck',
  );
const gatewayDown = () =>
  server.bankSandbox.use(
    http.post(/\/fin\/messages$/, () =>
      HttpResponse.json({ error: 'maintenance' }, { status: 503 }),
    ),
  );

describe('bank submissions: persisted, retried, never billed twice', () => {
  let submissionId: string;

  it('records a failed gateway call as pending with its next retry, billing nothing', async () => {
    gatewayDown();
    const failed = await consentedValidate('retry-me');
    const problem = await expectProblem(failed, 502, 'upstream_error');
    expect(problem).toMatchObject({
      submission_status: 'pending',
      next_retry_at: '2025-04-01T10:00:15.000Z',
    });
    submissionId = String(problem.submission_id);
    expect(await submission(submissionId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      billing_recorded: false,
      last_error: expect.stringMatching(/^upstream_error/),
    });
    expect(await bankCharges()).toEqual([]);
    // The same key again while a retry is scheduled: its state, nothing sent or billed.
    const again = await validate(request('retry-me'));
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ id: submissionId, status: 'pending' });
  });

  it('retries when due, once the gateway is back, and bills the charge once', async () => {
    server.bankSandbox.resetHandlers();
    expect(await server.tollgate.retryWorker.runOnce()).toBe(0); // not due yet
    server.advanceClock(15_000);
    expect(await server.tollgate.retryWorker.runOnce()).toBe(1);
    expect(await server.tollgate.retryWorker.runOnce()).toBe(0);
    const done = await submission(submissionId);
    expect(done).toMatchObject({
      status: 'submitted',
      attempts: 2,
      billing_recorded: true,
      next_retry_at: null,
    });
    expect(await bankCharges()).toHaveLength(1);

    // The bank's repeat now replays the committed answer: nothing sent, nothing billed.
    const replay = await validate(request('retry-me'));
    expect(replay.status).toBe(201);
    expect(replay.headers.get('tollgate-idempotent-replayed')).toBe('true');
    expect(await replay.json()).toMatchObject({
      id: submissionId,
      external_reference_id: done.external_reference_id,
    });
    expect(await bankCharges()).toHaveLength(1);
    expect((await server.ledger.verify()).ok).toBe(true);
  });

  it('applies the gateway’s signed ACK to the submission, once', async () => {
    const sent = await server.bankGateway.advance();
    const ack = sent.find((delivery) => delivery.body.includes('Acked'));
    expect(ack?.status).toBe(200);
    expect(await submission(submissionId)).toMatchObject({
      status: 'success',
      status_code: 'accepted',
    });

    // The same callback delivered again is recognised by its webhook-id and changes nothing.
    const duplicate = await fetch(`${server.url}/webhooks/demo-swift`, {
      method: 'POST',
      headers: { ...ack?.headers },
      body: ack?.body,
    });
    expect(await duplicate.json()).toEqual({ received: true, duplicate: true, applied: false });
  });

  it('rejects a forged callback and changes nothing', async () => {
    const [genuine] = server.bankGateway.deliveries;
    const forged = (genuine?.body ?? '').replace('Acked', 'Nacked');
    const response = await fetch(`${server.url}/webhooks/demo-swift`, {
      method: 'POST',
      headers: { ...genuine?.headers },
      body: forged,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await submission(submissionId)).toMatchObject({ status: 'success' });
    await expectProblem(
      await fetch(`${server.url}/webhooks/no-such-partner`, { method: 'POST', body: '{}' }),
      404,
      'not_found',
    );
  });

  it('marks a NAKed submission failed (billed: the network took the message)', async () => {
    const answer = await consentedValidate('NAKME');
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    await server.bankGateway.advance();
    expect(await submission(id)).toMatchObject({
      status: 'failed',
      status_code: 'rejected',
      last_error: 'T27: Invalid BIC',
    });
  });

  it('gives up after the last retry: failed, never billed, each retry counted', async () => {
    gatewayDown();
    const failed = await consentedValidate('never-works');
    const id = String((await expectProblem(failed, 502, 'upstream_error')).submission_id);
    const before = (await bankCharges()).length;
    for (const delay of [15_000, 60_000, 180_000, 420_000]) {
      server.advanceClock(delay);
      expect(await server.tollgate.retryWorker.runOnce()).toBe(1);
    }
    server.advanceClock(3_600_000);
    expect(await server.tollgate.retryWorker.runOnce()).toBe(0);
    expect(await submission(id)).toMatchObject({
      status: 'failed',
      attempts: 5,
      billing_recorded: false,
    });
    expect(await bankCharges()).toHaveLength(before);
    server.bankSandbox.resetHandlers();
    const families = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    expect(sampleValue(families, 'submission_retry_count', { integration_id: 'demo-swift' })).toBe(
      5,
    );
  });

  it('shows a submission only to its own tenant', async () => {
    await expectProblem(
      await sendJson(`${server.url}/submissions/${submissionId}`, 'GET', server.keys.otherBank),
      404,
      'not_found',
    );
  });
});

/** Acme lodges an EU import declaration for the shared session under `idempotencyKey`. */
const lodgeCustoms = (idempotencyKey: string) =>
  sendJson(`${server.url}/integrations/customs/demo-customs/submit`, 'POST', server.keys.acme, {
    session_id: sessionId,
    country_code: 'EU',
    declaration_type: 'import',
    commodity_codes: ['6109.10.00.10'],
    customs_office: 'NL000396',
    idempotency_key: idempotencyKey,
  });

describe('customs declarations: recorded and updated by the gateway’s callbacks', () => {
  it('records the lodged declaration and applies its signed status callbacks', async () => {
    const lodged = await lodgeCustoms('customs-1');
    expect(lodged.status, await lodged.clone().text()).toBe(201);
    const answer = (await lodged.json()) as { submission_id: string; declaration_id: string };
    expect(await submission(answer.submission_id, server.keys.acme)).toMatchObject({
      kind: 'customs',
      status: 'submitted',
      external_reference_id: answer.declaration_id,
      billing_recorded: true,
    });

    const callbacks = server.customsOutbox.take();
    expect(callbacks.length).toBeGreaterThan(0);
    for (const callback of callbacks) {
      const response = await fetch(`${server.url}/webhooks/demo-customs`, {
        method: 'POST',
        headers: callback.headers,
        body: callback.body,
      });
      expect(await response.json()).toMatchObject({
        received: true,
        duplicate: false,
        applied: true,
      });
    }
    // The submission ends where the gateway's last notification put it.
    const last = statusOfFunctionCode(callbacks.at(-1)?.notification.functionCode ?? '');
    expect(last).toBeDefined();
    const settled = last === 'cleared' || last === 'released';
    const refused = last === 'rejected' || last === 'cancelled';
    expect(await submission(answer.submission_id, server.keys.acme)).toMatchObject({
      status_code: last,
      status: refused ? 'failed' : settled ? 'success' : 'submitted',
      external_reference_id: answer.declaration_id,
    });

    // A tampered callback is refused and changes nothing.
    const [first] = callbacks;
    const before = await submission(answer.submission_id, server.keys.acme);
    const forged = await fetch(`${server.url}/webhooks/demo-customs`, {
      method: 'POST',
      headers: { ...first?.headers },
      body: (first?.body ?? '').replace('"functionCode":"', '"functionCode":"0'),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await submission(answer.submission_id, server.keys.acme)).toEqual(before);
  });
});

describe('customs declarations: retried when the gateway could not take them', () => {
  const lodge = () => lodgeCustoms('customs-retry-1');
  const customsCharges = async () =>
    (await tenantEvents(server.ledger, 'acme')).filter(
      (event) => event.operation === 'customs.submission',
    );

  it('records a failed lodging as pending, retries it when due, and bills it once', async () => {
    const charged = (await customsCharges()).length;
    const gateway = server.sandboxes['demo-customs'];
    gateway?.use(
      http.post(/\/customs\/declarations$/, () =>
        HttpResponse.json({ code: 'SERVER_ERROR', message: 'maintenance' }, { status: 503 }),
      ),
    );
    const failed = await lodge();
    expect(failed.status, await failed.clone().text()).toBe(502);
    const problem = await expectProblem(failed, 502, 'upstream_error');
    expect(problem).toMatchObject({
      submission_status: 'pending',
      next_retry_at: expect.any(String),
    });
    const id = String(problem.submission_id);
    expect(await submission(id, server.keys.acme)).toMatchObject({
      kind: 'customs',
      status: 'pending',
      attempts: 1,
      billing_recorded: false,
    });
    // The same key while a retry is scheduled: its state, nothing lodged or billed.
    const waiting = await lodge();
    expect(waiting.status).toBe(202);
    expect(await waiting.json()).toMatchObject({ id, status: 'pending' });
    expect(await customsCharges()).toHaveLength(charged);

    gateway?.resetHandlers();
    server.advanceClock(
      Date.parse(String(problem.next_retry_at)) - Date.parse('2025-04-01T10:00:00Z'),
    );
    expect(await server.tollgate.retryWorker.runOnce()).toBeGreaterThanOrEqual(1);
    const done = await submission(id, server.keys.acme);
    expect(done).toMatchObject({ status: 'submitted', attempts: 2, billing_recorded: true });
    expect(await customsCharges()).toHaveLength(charged + 1);

    const replay = await lodge();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('tollgate-idempotent-replayed')).toBe('true');
    expect(await replay.json()).toMatchObject({
      submission_id: id,
      declaration_id: done.external_reference_id,
    });
    expect(await customsCharges()).toHaveLength(charged + 1);
    expect((await server.ledger.verify()).ok).toBe(true);
    // The gateway's notifications of this declaration are for other tests to ignore.
    server.customsOutbox.take();
  });
});

describe('a bank using a billed partner route on a shared session', () => {
  it('consents to its own charge first (402), then is billed at the bank tier once', async () => {
    const body = {
      session_id: sessionId,
      service_type: 'express',
      origin_country: 'DE',
      destination_country: 'BD',
      shipment_value: { amount: '250000', currency: 'EUR' },
      idempotency_key: 'bank-quote-1',
    };
    const quote = (headers: Record<string, string> = {}) =>
      sendJson(
        `${server.url}/integrations/logistics/demo-dhl/quote`,
        'POST',
        server.keys.demoBank,
        body,
        headers,
      );
    const asked = await expectProblem(await quote(), 402, 'payment_required');
    expect(asked.quote).toMatchObject({
      operation: 'logistics.quote',
      amount: '100',
      currency: 'USD',
    });
    const quoteId = (asked.quote as { quote_id: string }).quote_id;
    expect((await quote({ 'Tollgate-Accept-Charge': quoteId })).status).toBe(201);
    expect((await quote({ 'Tollgate-Accept-Charge': quoteId })).status).toBe(201); // replay
    const charges = (await tenantEvents(server.ledger, 'demo-bank')).filter(
      (event) => event.operation === 'logistics.quote',
    );
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ tier: 'bank', amount: { amount: 100n, currency: 'USD' } });

    // The same idempotency key from another tenant is its own call: quoted and billed to it.
    const own = await sendJson(
      `${server.url}/integrations/logistics/demo-dhl/quote`,
      'POST',
      server.keys.acme,
      body,
    );
    expect(own.status).toBe(201);
    expect(own.headers.get('tollgate-idempotent-replayed')).toBeNull();
    expect(
      (await tenantEvents(server.ledger, 'acme')).filter(
        (event) => event.operation === 'logistics.quote',
      ),
    ).toHaveLength(1);
  });
});

describe('partner callbacks for submissions the server does not know', () => {
  it('answers 409 and records nothing, so the redelivery is applied once the submission exists', async () => {
    // A genuine, signed customs notification naming a declaration nobody lodged here.
    const lodged = await lodgeCustoms('customs-early');
    expect(lodged.status).toBe(201);
    const [callback] = server.customsOutbox.take();
    if (callback === undefined) throw new Error('the gateway issued a notification');
    const { submission_id: id } = (await lodged.json()) as { submission_id: string };
    // Make it unknown: deliver to an integration whose submissions do not include it.
    const elsewhere = await fetch(`${server.url}/webhooks/broken-customs`, {
      method: 'POST',
      headers: callback.headers,
      body: callback.body,
    });
    await expectProblem(elsewhere, 409, 'unknown_reference');
    // Redelivered where it belongs, the same webhook-id is applied (it was not recorded as seen).
    const here = await fetch(`${server.url}/webhooks/demo-customs`, {
      method: 'POST',
      headers: callback.headers,
      body: callback.body,
    });
    expect(await here.json()).toMatchObject({ duplicate: false, applied: true });
    expect((await submission(id, server.keys.acme)).status_code).toBe(
      statusOfFunctionCode(callback.notification.functionCode) ?? 'received',
    );
  });
});
