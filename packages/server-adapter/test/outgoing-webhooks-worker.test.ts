import { ValidationError } from '@tollgate/core';
import { Webhook } from '@tollgate/core/webhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDeliveryWorker,
  MAX_WEBHOOK_ATTEMPTS,
  sqlWebhookStore,
  WEBHOOK_DELIVERIES_TABLE,
  WEBHOOK_ENDPOINTS_TABLE,
  WEBHOOK_MIGRATIONS_COMPONENT,
  WEBHOOK_RETRY_OFFSETS_MS,
  type WebhookStore,
} from '../src/outgoing-webhooks/index.js';
import {
  capturingLogger,
  MINUTE,
  type Receiver,
  recordingFetch,
  sqlOf,
  startReceiver,
  T0,
  type TestClock,
  testClock,
} from './outgoing-webhooks-helpers.js';
import { SQL_DATABASES, type TestDatabase } from './stores.js';

const HOOK = 'https://hooks.example.test/tollgate';

describe.each(SQL_DATABASES)('outgoing webhooks on $dialect', ({ skip, open }) => {
  let db: TestDatabase;
  let clock: TestClock;
  let store: WebhookStore;

  beforeEach(async () => {
    if (skip) return;
    db = await open();
    clock = testClock();
    store = sqlWebhookStore(sqlOf(db.store), { clock, allowInsecureLocalhost: true });
  });
  afterEach(async () => {
    await db?.dispose();
  });

  const subscribe = (events: string[], tenantId = 'acme', url = HOOK) =>
    store.createEndpoint({ tenantId, url, events });

  it.skipIf(skip)('records its migrations under server-adapter-webhooks, once', async () => {
    await store.migrate();
    await store.migrate();
    await sqlWebhookStore(sqlOf(db.reopen())).migrate();
    const rows = await sqlOf(db.store).query(
      'SELECT version FROM tollgate_migrations WHERE component = $1',
      [WEBHOOK_MIGRATIONS_COMPONENT],
    );
    expect(rows.map((row) => Number(row.version))).toEqual([1]);
  });

  it.skipIf(skip)(
    'publishes one delivery per matching endpoint: exact, prefix.* and *',
    async () => {
      const exact = await subscribe(['session.validated']);
      const prefix = await subscribe(['submission.*']);
      const all = await subscribe(['*']);
      await subscribe(['billing.invoiced', 'session.expired']);
      const otherTenant = await subscribe(['*'], 'globex');
      const targets = async (type: string) =>
        (await store.publish({ tenantId: 'acme', type, data: {} })).deliveries
          .map((delivery) => delivery.endpointId)
          .sort();

      expect(await targets('session.validated')).toEqual([exact.id, all.id].sort());
      expect(await targets('submission.accepted')).toEqual([prefix.id, all.id].sort());
      expect(await targets('submission.partner.failed')).toEqual([prefix.id, all.id].sort());
      expect(await targets('submission')).toEqual([all.id]);
      expect(await targets('submissions.accepted')).toEqual([all.id]);
      expect(otherTenant.id).not.toBe(all.id);

      const none = await store.publish({ tenantId: 'initech', type: 'session.validated', data: 1 });
      expect(none.deliveries).toEqual([]);
      expect(none.eventId).toMatch(/^evt_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);

      const log = await store.listDeliveries('globex', otherTenant.id);
      expect(log).toEqual([]);
    },
  );

  it.skipIf(skip)('refuses bad event types and endpoints without writing', async () => {
    await expect(
      store.publish({ tenantId: 'acme', type: 'session.*', data: {} }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(store.publish({ tenantId: '', type: 'a.b', data: {} })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      store.publish({ tenantId: 'acme', type: 'a.b', data: { n: 1n } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.createEndpoint({ tenantId: 'acme', url: 'http://example.com/x', events: ['*'] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.createEndpoint({ tenantId: 'acme', url: HOOK, events: ['sub*'] }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await store.listEndpoints('acme')).toEqual([]);
  });

  it.skipIf(skip)('delivers a signed event a real receiver verifies with core', async () => {
    const receiver: Receiver = await startReceiver();
    try {
      const endpoint = await subscribe(['session.*'], 'acme', receiver.url);
      const published = await store.publish({
        tenantId: 'acme',
        type: 'session.validated',
        data: { session_id: 's_1', findings: 0 },
      });
      const worker = createDeliveryWorker({
        surface: sqlOf(db.store),
        clock,
        allowLoopback: true, // the receiver listens on 127.0.0.1
      });
      expect(await worker.runOnce()).toBe(1);

      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      expect(request?.method).toBe('POST');
      expect(request?.headers['content-type']).toBe('application/json');
      expect(request?.headers['webhook-id']).toBe(published.eventId);
      expect(request?.headers['webhook-timestamp']).toBe(String(T0 / 1000));
      const verified = new Webhook(endpoint.secret, { clock: () => clock.ms() }).verify(
        request?.body ?? '',
        request?.headers ?? {},
      );
      expect(verified).toEqual({
        type: 'session.validated',
        timestamp: new Date(T0).toISOString(),
        data: { session_id: 's_1', findings: 0 },
      });
      const wrong = new Webhook(Webhook.generateSecret(), { clock: () => clock.ms() });
      expect(() => wrong.verify(request?.body ?? '', request?.headers ?? {})).toThrow();

      const [delivery] = (await store.listDeliveries('acme', endpoint.id)) ?? [];
      expect(delivery).toMatchObject({
        eventId: published.eventId,
        eventType: 'session.validated',
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: new Date(T0),
      });
      expect(await worker.runOnce()).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it.skipIf(skip)(
    'retries a failing endpoint at exactly +0, +2, +4, +8, +16 min, then dead-letters it; a replay delivers',
    async () => {
      const endpoint = await subscribe(['*']);
      let status = 500;
      const sent = recordingFetch(clock, () => status);
      const worker = createDeliveryWorker({ surface: sqlOf(db.store), clock, fetch: sent.fetch });
      const published = await store.publish({ tenantId: 'acme', type: 'a.b', data: { x: 1 } });
      const log = async () => (await store.listDeliveries('acme', endpoint.id))?.[0];

      const schedule = [0, 2, 4, 8, 16].map((minutes) => minutes * MINUTE);
      expect(WEBHOOK_RETRY_OFFSETS_MS).toEqual(schedule);
      expect(MAX_WEBHOOK_ATTEMPTS).toBe(5);
      for (const [index, offset] of schedule.entries()) {
        if (index > 0) {
          clock.set(offset - 1);
          expect(await worker.runOnce()).toBe(0); // not a millisecond early
        }
        clock.set(offset);
        expect(await worker.runOnce()).toBe(1);
        expect(await worker.runOnce()).toBe(0);
        const delivery = await log();
        if (index < schedule.length - 1) {
          expect(delivery).toMatchObject({
            status: 'failed',
            attempts: index + 1,
            lastStatusCode: 500,
            lastError: 'HTTP 500',
            nextAttemptAt: new Date(T0 + (schedule[index + 1] ?? Number.NaN)),
          });
        }
      }
      expect(sent.requests.map((request) => request.atMs - T0)).toEqual(schedule);
      expect(new Set(sent.requests.map((request) => request.headers['webhook-id']))).toEqual(
        new Set([published.eventId]),
      );
      expect(new Set(sent.requests.map((request) => request.body)).size).toBe(1);
      expect(await log()).toMatchObject({
        status: 'dead',
        attempts: 5,
        nextAttemptAt: null,
        lastStatusCode: 500,
        deliveredAt: null,
      });
      clock.set(24 * 60 * MINUTE);
      expect(await worker.runOnce()).toBe(0);

      // A replay of the dead delivery: due at once, with a fresh schedule.
      const deliveryId = (await log())?.id ?? '';
      const replayed = await store.replayDelivery('acme', endpoint.id, deliveryId);
      expect(replayed).toMatchObject({ status: 'replayed', delivery: { status: 'pending' } });
      expect(await store.replayDelivery('acme', endpoint.id, deliveryId)).toMatchObject({
        status: 'not_replayable',
      });
      status = 204;
      expect(await worker.runOnce()).toBe(1);
      expect(await log()).toMatchObject({
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 204,
        deliveredAt: new Date(T0 + 24 * 60 * MINUTE),
      });
      expect(sent.requests.at(-1)?.headers['webhook-id']).toBe(published.eventId);
      expect(sent.requests).toHaveLength(6);
    },
  );

  it.skipIf(skip)(
    'counts network errors, timeouts and redirects as failures, in words without secrets',
    async () => {
      const endpoint = await subscribe(['*'], 'acme', `${HOOK}?token=query-secret`);
      const answers = ['network', 'timeout', 302] as const;
      let call = 0;
      const sent = recordingFetch(clock, () => answers[call++] ?? 200);
      const { logger, lines } = capturingLogger();
      const worker = createDeliveryWorker({
        surface: sqlOf(db.store),
        clock,
        fetch: sent.fetch,
        logger,
      });
      await store.publish({ tenantId: 'acme', type: 'a.b', data: {} });
      const errors: Array<string | null> = [];
      for (const offset of [0, 2, 4, 8]) {
        clock.set(offset * MINUTE);
        expect(await worker.runOnce()).toBe(1);
        errors.push((await store.listDeliveries('acme', endpoint.id))?.[0]?.lastError ?? null);
      }
      expect(errors).toEqual([
        'network error (ECONNREFUSED)',
        'timed out after 10000 ms',
        'HTTP 302',
        null,
      ]);
      const [delivery] = (await store.listDeliveries('acme', endpoint.id)) ?? [];
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 200 });
      const logged = lines.join('');
      expect(lines).toHaveLength(4);
      expect(logged).toContain('webhook.attempt_failed');
      expect(logged).toContain('webhook.delivered');
      expect(logged).not.toContain(endpoint.secret);
      expect(logged).not.toContain(endpoint.secret.slice('whsec_'.length));
      expect(logged).not.toContain('query-secret');
      const stored = await sqlOf(db.store).query(`SELECT * FROM ${WEBHOOK_DELIVERIES_TABLE}`);
      expect(stored).toHaveLength(1);
      expect(
        JSON.stringify(stored, (_, value) => (typeof value === 'bigint' ? String(value) : value)),
      ).not.toContain(endpoint.secret.slice('whsec_'.length));
    },
  );

  it.skipIf(skip)(
    'keeps the queue in the database: another handle (a restart) delivers it',
    async () => {
      const endpoint = await subscribe(['*']);
      const published = await store.publish({
        tenantId: 'acme',
        type: 'a.b',
        data: { kept: true },
      });
      const later = db.reopen();
      const sent = recordingFetch(clock);
      const worker = createDeliveryWorker({ surface: sqlOf(later), clock, fetch: sent.fetch });
      expect(await worker.runOnce()).toBe(1);
      expect(sent.requests[0]?.headers['webhook-id']).toBe(published.eventId);
      expect(JSON.parse(sent.requests[0]?.body ?? '')).toMatchObject({ data: { kept: true } });
      const seen = sqlWebhookStore(sqlOf(later), { clock });
      expect((await seen.listDeliveries('acme', endpoint.id))?.[0]?.status).toBe('delivered');
    },
  );

  it.skipIf(skip)(
    'leases claims: a crashed worker’s deliveries are retried after the lease',
    async () => {
      await subscribe(['*']);
      for (let i = 0; i < 3; i++) await store.publish({ tenantId: 'acme', type: 'a.b', data: i });
      // A worker claims and dies before attempting anything.
      const crashed = await store.claimDue({ limit: 10, leaseMs: 5 * MINUTE });
      expect(crashed).toHaveLength(3);
      expect(crashed.every((claim) => claim.attempt === 1)).toBe(true);
      expect(await store.claimDue({ limit: 10, leaseMs: 5 * MINUTE })).toEqual([]);

      const sent = recordingFetch(clock);
      const worker = createDeliveryWorker({ surface: sqlOf(db.store), clock, fetch: sent.fetch });
      clock.set(5 * MINUTE - 1);
      expect(await worker.runOnce()).toBe(0);
      clock.set(5 * MINUTE);
      expect(await worker.runOnce()).toBe(3);
      expect(sent.requests).toHaveLength(3);
      // The dead worker's late report is ignored: its claim is no longer held.
      const [first] = crashed;
      expect(
        first && (await store.recordAttempt(first, { ok: false, statusCode: 500, error: 'x' })),
      ).toBeUndefined();
    },
  );

  it.skipIf(skip)(
    'disabling an endpoint drops its queued deliveries and erases its secret',
    async () => {
      const endpoint = await subscribe(['*']);
      const other = await subscribe(['*']);
      await store.publish({ tenantId: 'acme', type: 'a.b', data: {} });
      expect(await store.disableEndpoint('globex', endpoint.id)).toBe(false);
      expect(await store.disableEndpoint('acme', endpoint.id)).toBe(true);
      expect(await store.disableEndpoint('acme', endpoint.id)).toBe(false);

      const sent = recordingFetch(clock);
      const worker = createDeliveryWorker({ surface: sqlOf(db.store), clock, fetch: sent.fetch });
      expect(await worker.runOnce()).toBe(1);
      expect(sent.requests).toHaveLength(1);
      const published = await store.publish({ tenantId: 'acme', type: 'a.b', data: {} });
      expect(published.deliveries.map((delivery) => delivery.endpointId)).toEqual([other.id]);
      expect(await store.listDeliveries('acme', endpoint.id)).toBeUndefined();

      const rows = await sqlOf(db.store).query(
        `SELECT d.status, d.last_error, e.secret FROM ${WEBHOOK_DELIVERIES_TABLE} d
       JOIN ${WEBHOOK_ENDPOINTS_TABLE} e ON e.id = d.endpoint_id WHERE e.id = $1`,
        [endpoint.id],
      );
      expect(rows).toEqual([{ status: 'dead', last_error: 'endpoint disabled', secret: '' }]);
    },
  );

  it.skipIf(skip)(
    'two workers on two handles racing runOnce deliver 50 deliveries exactly once',
    async () => {
      const endpoints = await Promise.all([
        subscribe(['*'], 'acme', 'https://one.example.test/hook'),
        subscribe(['race.*'], 'acme', 'https://two.example.test/hook'),
      ]);
      for (let i = 0; i < 25; i++) {
        await store.publish({ tenantId: 'acme', type: 'race.tick', data: { i } });
      }
      const second = db.reopen();
      // Migrate each handle before the race (a SQLite migration holds the write lock).
      await sqlWebhookStore(sqlOf(second)).migrate();
      const sent = recordingFetch(clock);
      const workers = [sqlOf(db.store), sqlOf(second)].map((surface) =>
        createDeliveryWorker({ surface, clock, fetch: sent.fetch, batchSize: 7 }),
      );
      const perWorker = [0, 0];
      for (;;) {
        const counts = await Promise.all(workers.map((worker) => worker.runOnce()));
        counts.forEach((count, index) => {
          perWorker[index] = (perWorker[index] ?? 0) + count;
        });
        if (counts.every((count) => count === 0)) break;
      }
      expect(sent.requests).toHaveLength(50);
      const keys = sent.requests.map(
        (request) => `${request.url} ${request.headers['webhook-id']}`,
      );
      expect(new Set(keys).size).toBe(50);
      expect(perWorker[0]).toBeGreaterThan(0);
      expect(perWorker[1]).toBeGreaterThan(0);
      expect((perWorker[0] ?? 0) + (perWorker[1] ?? 0)).toBe(50);
      for (const endpoint of endpoints) {
        const log = (await store.listDeliveries('acme', endpoint.id, { limit: 100 })) ?? [];
        expect(log).toHaveLength(25);
        expect(
          log.every((delivery) => delivery.status === 'delivered' && delivery.attempts === 1),
        ).toBe(true);
      }
    },
  );

  it.skipIf(skip)(
    'start() polls in the background; stop() waits for the batch in flight',
    async () => {
      await subscribe(['*']);
      await store.publish({ tenantId: 'acme', type: 'a.b', data: {} });
      let entered!: () => void;
      const reached = new Promise<void>((resolve) => {
        entered = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const blocking: typeof fetch = async () => {
        entered();
        await released;
        return new Response(null, { status: 200 });
      };
      const worker = createDeliveryWorker({ surface: sqlOf(db.store), clock, fetch: blocking });
      worker.start();
      expect(worker.running).toBe(true);
      await reached;
      let stopped = false;
      const stopping = worker.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped).toBe(false);
      expect(worker.running).toBe(false);
      release();
      await stopping;
      const [endpoint] = await store.listEndpoints('acme');
      const log = await store.listDeliveries('acme', endpoint?.id ?? '');
      expect(log?.[0]?.status).toBe('delivered');
    },
  );
});
