import { Webhook } from '@tollgate/core/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  documentsForm,
  expectProblem,
  MT700,
  sendJson,
  startTestServer,
  type TestServer,
} from './fixtures.js';
import { type Receiver, startReceiver } from './outgoing-webhooks-helpers.js';

let server: TestServer;
let receiver: Receiver;
beforeAll(async () => {
  server = await startTestServer({ webhooks: { allowInsecureLocalhost: true } });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await server?.close();
});

const MINUTE = 60_000;
const upload = (key: string) =>
  fetch(`${server.url}/uploads`, {
    method: 'POST',
    headers: bearer(key),
    body: documentsForm({ name: 'mt700-full.fin', content: MT700 }),
  });
const subscribe = async (key: string, events: string[]) => {
  const created = await sendJson(`${server.url}/webhook-endpoints`, 'POST', key, {
    url: receiver.url,
    events,
  });
  expect(created.status).toBe(201);
  return (await created.json()) as { id: string; secret: string };
};
/** Wait (up to 10 s, on a loaded CI) until `count()` reaches `n`: publishing is not awaited by the request it follows. */
async function queued(count: () => Promise<number>, n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await count()) < n && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await count()).toBe(n);
}

const deliveries = async (key: string, endpointId: string) =>
  (
    (await (
      await sendJson(`${server.url}/webhook-endpoints/${endpointId}/deliveries`, 'GET', key)
    ).json()) as { data: { id: string; event_type: string; status: string; attempts: number }[] }
  ).data;

describe('outgoing webhooks through the server', () => {
  it('delivers an upload’s events to the tenant’s endpoint, signed, and to no other tenant', async () => {
    const endpoint = await subscribe(server.keys.acme, ['session.*', 'billing.event_recorded']);
    const other = await subscribe(server.keys.globex, ['*']);
    expect((await upload(server.keys.acme)).status).toBe(201);
    await queued(async () => (await deliveries(server.keys.acme, endpoint.id)).length, 2);
    expect(await server.tollgate.deliveryWorker.runOnce()).toBe(2);

    const verifier = new Webhook(endpoint.secret, {
      clock: () => Date.parse('2025-04-01T10:00:00Z'),
    });
    const received = receiver.requests.map((request) =>
      verifier.verify(request.body, request.headers),
    ) as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(received.map((event) => event.type).sort()).toEqual([
      'billing.event_recorded',
      'session.validated',
    ]);
    expect(received.find((event) => event.type === 'billing.event_recorded')?.data).toMatchObject({
      operation: 'sme.validation',
      amount: { amount: '500', currency: 'USD' },
    });
    expect(await deliveries(server.keys.globex, other.id)).toEqual([]);
    await expectProblem(
      await sendJson(
        `${server.url}/webhook-endpoints/${endpoint.id}/deliveries`,
        'GET',
        server.keys.globex,
      ),
      404,
      'not_found',
    );
  });

  it('retries a failing endpoint at +2, +4, +8 and +16 minutes, then dead-letters it; a replay delivers', async () => {
    receiver.requests.length = 0;
    receiver.answer = () => 500;
    const endpoint = await subscribe(server.keys.trader, ['session.validated']);
    expect((await upload(server.keys.trader)).status).toBe(201);
    await queued(async () => (await deliveries(server.keys.trader, endpoint.id)).length, 1);

    expect(await server.tollgate.deliveryWorker.runOnce()).toBe(1);
    for (const wait of [2, 2, 4, 8]) {
      expect(await server.tollgate.deliveryWorker.runOnce()).toBe(0); // not due yet
      server.advanceClock(wait * MINUTE);
      expect(await server.tollgate.deliveryWorker.runOnce()).toBe(1);
    }
    server.advanceClock(60 * MINUTE);
    expect(await server.tollgate.deliveryWorker.runOnce()).toBe(0);
    const [dead] = await deliveries(server.keys.trader, endpoint.id);
    expect(dead).toMatchObject({ event_type: 'session.validated', status: 'dead', attempts: 5 });
    expect(receiver.requests).toHaveLength(5);
    expect(new Set(receiver.requests.map((request) => request.headers['webhook-id'])).size).toBe(1);

    receiver.answer = () => 200;
    const replayed = await sendJson(
      `${server.url}/webhook-endpoints/${endpoint.id}/deliveries/${dead?.id}/replay`,
      'POST',
      server.keys.trader,
    );
    expect(replayed.status).toBe(202);
    expect(await server.tollgate.deliveryWorker.runOnce()).toBe(1);
    expect((await deliveries(server.keys.trader, endpoint.id))[0]).toMatchObject({
      status: 'delivered',
    });
  });

  it('refuses an endpoint that is not https or local, with 400', async () => {
    await expectProblem(
      await sendJson(`${server.url}/webhook-endpoints`, 'POST', server.keys.acme, {
        url: 'http://example.com/hooks',
        events: ['*'],
      }),
      400,
      'validation_failed',
    );
  });
});
