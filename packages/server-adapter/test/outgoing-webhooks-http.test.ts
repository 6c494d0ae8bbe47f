import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../src/errors/problem.js';
import {
  createDeliveryWorker,
  sqlWebhookStore,
  type WebhookStore,
} from '../src/outgoing-webhooks/index.js';
import type { AppEnv } from '../src/types.js';
import {
  callAs,
  MINUTE,
  recordingFetch,
  sqlOf,
  T0,
  type TestClock,
  testClock,
  webhookTestApp,
} from './outgoing-webhooks-helpers.js';
import { SQL_DATABASES, type TestDatabase } from './stores.js';

interface EndpointJson {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  created_at: string;
  secret?: string;
}

interface DeliveryJson {
  id: string;
  endpoint_id: string;
  event_type: string;
  event_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem.code).toBe(code);
  return problem;
}

const HOOK = 'https://hooks.example.test/tollgate';

describe.each(SQL_DATABASES)('webhook endpoint routes on $dialect', ({ skip, open }) => {
  let db: TestDatabase;
  let clock: TestClock;
  let store: WebhookStore;
  let app: Hono<AppEnv>;

  beforeEach(async () => {
    if (skip) return;
    db = await open();
    clock = testClock();
    store = sqlWebhookStore(sqlOf(db.store), { clock });
    app = webhookTestApp({ store });
  });
  afterEach(async () => {
    await db?.dispose();
  });

  const create = async (tenant: string, body: unknown) => {
    const response = await callAs(app, tenant, 'POST', '/webhook-endpoints', body);
    expect(response.status).toBe(201);
    return (await response.json()) as EndpointJson & { secret: string };
  };

  it.skipIf(skip)('subscribes, lists without secrets, shows one, deletes', async () => {
    const created = await create('acme', {
      url: HOOK,
      events: ['session.validated', 'submission.*'],
      description: 'ERP bridge',
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^whe_/),
      url: HOOK,
      events: ['session.validated', 'submission.*'],
      description: 'ERP bridge',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]+=*$/),
      created_at: new Date(T0).toISOString(),
    });
    const second = await create('acme', { url: `${HOOK}/2`, events: ['*'] });
    expect(second.description).toBeNull();
    expect(second.secret).not.toBe(created.secret);

    const listed = await callAs(app, 'acme', 'GET', '/webhook-endpoints');
    expect(listed.status).toBe(200);
    const text = await listed.text();
    const { secret: _secret, ...withoutSecret } = created;
    expect(JSON.parse(text)).toEqual({
      data: [withoutSecret, expect.objectContaining({ id: second.id })],
    });
    expect(text).not.toContain('whsec_');
    expect(text).not.toContain(created.secret.slice('whsec_'.length));

    const one = await callAs(app, 'acme', 'GET', `/webhook-endpoints/${created.id}`);
    expect(await one.json()).toEqual(withoutSecret);

    const deleted = await callAs(app, 'acme', 'DELETE', `/webhook-endpoints/${created.id}`);
    expect(deleted.status).toBe(204);
    const after = (await (await callAs(app, 'acme', 'GET', '/webhook-endpoints')).json()) as {
      data: EndpointJson[];
    };
    expect(after.data.map((endpoint) => endpoint.id)).toEqual([second.id]);
    await expectProblem(
      await callAs(app, 'acme', 'GET', `/webhook-endpoints/${created.id}`),
      404,
      'not_found',
    );
    await expectProblem(
      await callAs(app, 'acme', 'DELETE', `/webhook-endpoints/${created.id}`),
      404,
      'not_found',
    );
  });

  it.skipIf(skip)('refuses bad input with 400 validation_failed and writes nothing', async () => {
    const bad: unknown[] = [
      { url: HOOK },
      { url: HOOK, events: [] },
      { url: HOOK, events: ['sub*'] },
      { url: HOOK, events: ['*.created'] },
      { url: HOOK, events: ['a..b'] },
      { url: HOOK, events: 'session.validated' },
      { url: 'http://hooks.example.test/x', events: ['*'] },
      { url: 'http://localhost:8080/x', events: ['*'] },
      { url: 'ftp://hooks.example.test/x', events: ['*'] },
      { url: 'https://user:pw@hooks.example.test/x', events: ['*'] },
      { url: 'not a url', events: ['*'] },
      { url: HOOK, events: ['*'], description: 'x'.repeat(501) },
      { url: HOOK, events: ['*'], secret: 'whsec_mine' },
      '{"url": ',
      [],
    ];
    for (const body of bad) {
      const problem = await expectProblem(
        await callAs(app, 'acme', 'POST', '/webhook-endpoints', body),
        400,
        'validation_failed',
      );
      expect(Array.isArray(problem.issues)).toBe(true);
    }
    const problem = await expectProblem(
      await callAs(app, 'acme', 'POST', '/webhook-endpoints', {
        url: 'http://hooks.example.test/x',
        events: ['ok.type', 'bad*'],
      }),
      400,
      'validation_failed',
    );
    expect(problem.issues).toEqual([
      expect.objectContaining({ path: ['url'], code: 'invalid_url' }),
      expect.objectContaining({ path: ['events', 1], code: 'invalid_event_filter' }),
    ]);
    const listed = (await (await callAs(app, 'acme', 'GET', '/webhook-endpoints')).json()) as {
      data: unknown[];
    };
    expect(listed.data).toEqual([]);
    expect(await sqlOf(db.store).query('SELECT id FROM tollgate_webhook_endpoints')).toEqual([]);
  });

  it.skipIf(skip)(
    'allows http://localhost and 127.0.0.1 only with allowInsecureLocalhost',
    async () => {
      const local = webhookTestApp({
        surface: sqlOf(db.store),
        clock,
        allowInsecureLocalhost: true,
      });
      for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1:9/hook']) {
        const response = await callAs(local, 'acme', 'POST', '/webhook-endpoints', {
          url,
          events: ['*'],
        });
        expect(response.status).toBe(201);
      }
      await expectProblem(
        await callAs(local, 'acme', 'POST', '/webhook-endpoints', {
          url: 'http://10.0.0.1/hook',
          events: ['*'],
        }),
        400,
        'validation_failed',
      );
    },
  );

  it.skipIf(skip)('isolates tenants: another tenant’s endpoint and its log are 404', async () => {
    const created = await create('acme', { url: HOOK, events: ['*'] });
    await store.publish({ tenantId: 'acme', type: 'a.b', data: {} });
    const [delivery] = (await store.listDeliveries('acme', created.id)) ?? [];
    const paths: Array<[string, string]> = [
      ['GET', `/webhook-endpoints/${created.id}`],
      ['GET', `/webhook-endpoints/${created.id}/deliveries`],
      ['POST', `/webhook-endpoints/${created.id}/deliveries/${delivery?.id}/replay`],
      ['DELETE', `/webhook-endpoints/${created.id}`],
    ];
    for (const [method, path] of paths) {
      await expectProblem(await callAs(app, 'globex', method, path), 404, 'not_found');
    }
    const theirs = (await (await callAs(app, 'globex', 'GET', '/webhook-endpoints')).json()) as {
      data: unknown[];
    };
    expect(theirs.data).toEqual([]);
    // Still there for its owner.
    expect((await callAs(app, 'acme', 'GET', `/webhook-endpoints/${created.id}`)).status).toBe(200);
  });

  it.skipIf(skip)(
    'shows the delivery log without secrets and replays a dead delivery',
    async () => {
      const created = await create('acme', { url: HOOK, events: ['session.*'] });
      let status = 503;
      const sent = recordingFetch(clock, () => status);
      const worker = createDeliveryWorker({ surface: sqlOf(db.store), clock, fetch: sent.fetch });
      const published = await store.publish({
        tenantId: 'acme',
        type: 'session.validated',
        data: { session_id: 's_1' },
      });
      await store.publish({ tenantId: 'acme', type: 'billing.invoiced', data: {} });
      await worker.runOnce();

      const logPath = `/webhook-endpoints/${created.id}/deliveries`;
      const first = await callAs(app, 'acme', 'GET', logPath);
      expect(first.status).toBe(200);
      const firstText = await first.text();
      expect(firstText).not.toContain(created.secret.slice('whsec_'.length));
      const [failed] = (JSON.parse(firstText) as { data: DeliveryJson[] }).data;
      expect(failed).toEqual({
        id: expect.stringMatching(/^whd_/),
        endpoint_id: created.id,
        event_type: 'session.validated',
        event_id: published.eventId,
        status: 'failed',
        attempts: 1,
        next_attempt_at: new Date(T0 + 2 * MINUTE).toISOString(),
        last_status_code: 503,
        last_error: 'HTTP 503',
        created_at: new Date(T0).toISOString(),
        delivered_at: null,
      });
      const replayPath = `${logPath}/${failed?.id}/replay`;
      await expectProblem(
        await callAs(app, 'acme', 'POST', replayPath),
        409,
        'delivery_not_replayable',
      );

      for (const minutes of [2, 4, 8, 16]) {
        clock.set(minutes * MINUTE);
        await worker.runOnce();
      }
      const dead = (
        (await (await callAs(app, 'acme', 'GET', `${logPath}?status=dead`)).json()) as {
          data: DeliveryJson[];
        }
      ).data;
      expect(dead).toEqual([
        expect.objectContaining({ id: failed?.id, status: 'dead', attempts: 5 }),
      ]);

      status = 200;
      clock.set(60 * MINUTE);
      const replayed = await callAs(app, 'acme', 'POST', replayPath);
      expect(replayed.status).toBe(202);
      expect(await replayed.json()).toMatchObject({
        id: failed?.id,
        status: 'pending',
        attempts: 0,
        next_attempt_at: new Date(T0 + 60 * MINUTE).toISOString(),
      });
      expect(await worker.runOnce()).toBe(1);
      const log = (
        (await (await callAs(app, 'acme', 'GET', `${logPath}?limit=1`)).json()) as {
          data: DeliveryJson[];
        }
      ).data;
      expect(log).toEqual([
        expect.objectContaining({
          status: 'delivered',
          attempts: 1,
          last_status_code: 200,
          delivered_at: new Date(T0 + 60 * MINUTE).toISOString(),
        }),
      ]);
      expect(sent.requests).toHaveLength(6);
      expect(sent.requests.every((r) => r.headers['webhook-id'] === published.eventId)).toBe(true);

      await expectProblem(
        await callAs(app, 'acme', 'POST', `${logPath}/whd_nope/replay`),
        404,
        'not_found',
      );
      await expectProblem(
        await callAs(app, 'acme', 'GET', `${logPath}?limit=0`),
        400,
        'validation_failed',
      );
      await expectProblem(
        await callAs(app, 'acme', 'GET', `${logPath}?status=lost`),
        400,
        'validation_failed',
      );
    },
  );
});
