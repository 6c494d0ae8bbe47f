import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { UpstreamError } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Alert,
  createAlertEngine,
  logNotifier,
  PAGERDUTY_EVENTS_URL,
  pagerDutyDedupKey,
  pagerDutyNotifier,
  slackNotifier,
} from '../src/alerts/index.js';
import { createLogger } from '../src/logging/logger.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const SLACK_PATH = '/services/T0000TEST/B0000TEST/xoxSecretWebhookToken123';
const ROUTING_KEY = 'R0UT1NGK3Y0123456789abcdefABCDEF';

const firing: Alert = {
  id: 'error_rate:demo-ecb',
  rule: 'error_rate',
  severity: 'error',
  summary: 'Integration demo-ecb: 9.52% of 21 calls failed in the last hour (threshold 5%)',
  details: { integration_id: 'demo-ecb', calls: 21, failures: 2, error_rate: 0.0952 },
  at: T0,
  status: 'firing',
};
const resolved: Alert = {
  ...firing,
  summary: 'Integration demo-ecb: 4% of 50 calls failed in the last hour (threshold 5%)',
  at: new Date('2026-03-01T12:30:00.000Z'),
  status: 'resolved',
};

interface Recorded {
  method: string | undefined;
  url: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** A real HTTP server on a free port that records requests and answers from a script. */
async function scriptedServer(answers: { status: number; body?: string }[], fallbackStatus = 200) {
  const requests: Recorded[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method,
        url: request.url,
        contentType: request.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = answers.shift() ?? { status: fallbackStatus };
      response.writeHead(answer.status, { 'content-type': 'text/plain' });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { requests, origin: `http://127.0.0.1:${port}`, server };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** The error `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('slackNotifier', () => {
  it('posts the exact Block Kit message to the incoming webhook', async () => {
    const { requests, origin } = await scriptedServer([{ status: 200, body: 'ok' }]);
    const notifier = slackNotifier({ webhookUrl: `${origin}${SLACK_PATH}` });
    expect(notifier.name).toBe('slack');
    await notifier.notify(firing);
    await notifier.notify(resolved);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: SLACK_PATH,
      contentType: 'application/json',
    });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      text: '[FIRING] error error_rate: Integration demo-ecb: 9.52% of 21 calls failed in the last hour (threshold 5%)',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*[FIRING] error error_rate*\nIntegration demo-ecb: 9.52% of 21 calls failed in the last hour (threshold 5%)',
          },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*integration_id*\ndemo-ecb' },
            { type: 'mrkdwn', text: '*calls*\n21' },
            { type: 'mrkdwn', text: '*failures*\n2' },
            { type: 'mrkdwn', text: '*error_rate*\n0.0952' },
          ],
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: 'alert `error_rate:demo-ecb` · 2026-03-01T12:00:00.000Z' },
          ],
        },
      ],
    });
    expect(JSON.parse(requests[1]?.body ?? '')).toMatchObject({
      text: '[RESOLVED] error error_rate: Integration demo-ecb: 4% of 50 calls failed in the last hour (threshold 5%)',
    });
  });

  it('escapes mrkdwn control characters and caps the fields at ten', async () => {
    const { requests, origin } = await scriptedServer([]);
    const details = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
    await slackNotifier({ webhookUrl: `${origin}${SLACK_PATH}` }).notify({
      ...firing,
      summary: 'Integration <!channel> & <https://evil.example|click>',
      details,
    });
    const body = JSON.parse(requests[0]?.body ?? '');
    expect(body.text).toBe(
      '[FIRING] error error_rate: Integration &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    expect(body.blocks[1].fields).toHaveLength(10);
    expect(body.blocks[1].fields[9]).toEqual({ type: 'mrkdwn', text: '_3 more details_' });
  });

  it('rejects a non-2xx answer with an UpstreamError that names no URL or token', async () => {
    const { origin } = await scriptedServer([
      { status: 404, body: `no_service for ${SLACK_PATH}` },
      { status: 500, body: 'rollup_error' },
    ]);
    const notifier = slackNotifier({ webhookUrl: `${origin}${SLACK_PATH}` });
    const error = await rejection(notifier.notify(firing));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      code: 'upstream_error',
      upstreamStatus: 404,
      retryable: false,
      message: 'Slack webhook answered HTTP 404',
      body: 'no_service for [REDACTED]',
      details: { notifier: 'slack', upstream_status: 404 },
    });
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).stack)}`;
    expect(text).not.toContain('xoxSecretWebhookToken123');
    expect(text).not.toContain(origin);

    const serverError = await rejection(notifier.notify(firing));
    expect(serverError).toMatchObject({
      upstreamStatus: 500,
      retryable: true,
      body: 'rollup_error',
    });
  });

  it('rejects a failed request without quoting the URL', async () => {
    const { origin, server } = await scriptedServer([]);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await rejection(
      slackNotifier({ webhookUrl: `${origin}${SLACK_PATH}` }).notify(firing),
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toMatch(/^Slack webhook request failed: network error/);
    expect((error as Error).message).not.toContain('xoxSecretWebhookToken123');
    expect((error as Error).cause).toBeUndefined();
  });

  it('refuses a webhook URL that is not http(s) without echoing it', () => {
    expect(() => slackNotifier({ webhookUrl: 'not a url xoxSecret' })).toThrow(
      'slackNotifier: webhookUrl is not a valid URL',
    );
    expect(() => slackNotifier({ webhookUrl: 'ftp://hooks.example/xoxSecret' })).toThrow(
      /must be an http\(s\) URL$/,
    );
  });
});

describe('pagerDutyNotifier', () => {
  it('sends Events API v2 trigger and resolve events to the endpoint', async () => {
    const { requests, origin } = await scriptedServer([
      { status: 202, body: '{"status":"success","message":"Event processed","dedup_key":"x"}' },
      { status: 202, body: '{"status":"success"}' },
    ]);
    const notifier = pagerDutyNotifier({
      routingKey: ROUTING_KEY,
      endpoint: `${origin}/v2/enqueue`,
      source: 'tollgate-eu-1',
    });
    expect(notifier.name).toBe('pagerduty');
    await notifier.notify(firing);
    await notifier.notify(resolved);
    expect(requests.map((request) => [request.method, request.url, request.contentType])).toEqual([
      ['POST', '/v2/enqueue', 'application/json'],
      ['POST', '/v2/enqueue', 'application/json'],
    ]);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'error_rate:demo-ecb',
      payload: {
        summary: 'Integration demo-ecb: 9.52% of 21 calls failed in the last hour (threshold 5%)',
        source: 'tollgate-eu-1',
        severity: 'error',
        timestamp: '2026-03-01T12:00:00.000Z',
        component: 'demo-ecb',
        class: 'error_rate',
        custom_details: { integration_id: 'demo-ecb', calls: 21, failures: 2, error_rate: 0.0952 },
      },
    });
    expect(JSON.parse(requests[1]?.body ?? '')).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: 'error_rate:demo-ecb',
    });
  });

  it('defaults to the real endpoint and source, and uses the operation as component', async () => {
    const seen: { url: string; body: unknown }[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      seen.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return new Response('{"status":"success"}', { status: 202 });
    };
    await pagerDutyNotifier({ routingKey: ROUTING_KEY, fetch }).notify({
      id: 'billing_failure:acme:fx.conversion:1-1',
      rule: 'billing_failure',
      severity: 'critical',
      summary: 'Billing failure',
      details: { tenant_id: 'acme', operation: 'fx.conversion', reason: 'x' },
      at: T0,
      status: 'firing',
    });
    expect(seen[0]?.url).toBe(PAGERDUTY_EVENTS_URL);
    expect(seen[0]?.url).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(seen[0]?.body).toMatchObject({
      payload: { source: 'tollgate', severity: 'critical', component: 'fx.conversion' },
    });
  });

  it('rejects any answer but 202 with an UpstreamError that names no routing key', async () => {
    const { origin } = await scriptedServer([
      {
        status: 400,
        body: `{"status":"invalid event","message":"Event object is invalid","errors":["bad key ${ROUTING_KEY}"]}`,
      },
      { status: 200, body: 'ok' },
      { status: 429, body: '' },
    ]);
    const notifier = pagerDutyNotifier({
      routingKey: ROUTING_KEY,
      endpoint: `${origin}/v2/enqueue`,
    });
    const error = await rejection(notifier.notify(firing));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      upstreamStatus: 400,
      message: 'PagerDuty Events API answered HTTP 400',
      details: { notifier: 'pagerduty' },
    });
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as UpstreamError).body)}`;
    expect(text).not.toContain(ROUTING_KEY);
    expect((error as UpstreamError).body).toContain('bad key [REDACTED]');

    await expect(notifier.notify(firing)).rejects.toMatchObject({ upstreamStatus: 200 });
    await expect(notifier.notify(firing)).rejects.toMatchObject({ upstreamStatus: 429 });
  });

  it('hashes ids longer than the 255 characters PagerDuty takes as dedup_key', async () => {
    const long = `quota_exhausted:${'t'.repeat(300)}:op:2026-03`;
    const key = await pagerDutyDedupKey(long);
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await pagerDutyDedupKey(long)).toBe(key);
    expect(await pagerDutyDedupKey('short')).toBe('short');
  });

  it('requires a routing key and a valid endpoint', () => {
    expect(() => pagerDutyNotifier({ routingKey: ' ' })).toThrow('routingKey is required');
    expect(() => pagerDutyNotifier({ routingKey: ROUTING_KEY, endpoint: 'nope' })).toThrow(
      'endpoint is not a valid URL',
    );
  });
});

describe('logNotifier', () => {
  it('logs firing alerts at warn and resolved ones at info', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
        callback();
      },
    });
    const notifier = logNotifier(createLogger({ destination }));
    expect(notifier.name).toBe('log');
    await notifier.notify(firing);
    await notifier.notify(resolved);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, 'alert.firing'],
      [30, 'alert.resolved'],
    ]);
    expect(lines[0]?.alert).toEqual({ ...firing, at: '2026-03-01T12:00:00.000Z' });
  });
});

describe('engine with real notifiers', () => {
  it('a failing Slack webhook does not stop PagerDuty, and the log names no secret', async () => {
    const slack = await scriptedServer([], 500);
    const pagerDuty = await scriptedServer([], 202);
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const engine = createAlertEngine({
      notifiers: [
        slackNotifier({ webhookUrl: `${slack.origin}${SLACK_PATH}` }),
        pagerDutyNotifier({ routingKey: ROUTING_KEY, endpoint: `${pagerDuty.origin}/v2/enqueue` }),
      ],
      clock: () => T0,
      logger: createLogger({ destination }),
    });
    engine.integrationHealth('bank-gw', 'down');
    await engine.flush();
    expect(slack.requests).toHaveLength(1);
    expect(pagerDuty.requests).toHaveLength(1);
    expect(JSON.parse(pagerDuty.requests[0]?.body ?? '')).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'integration_down:bank-gw',
      payload: { severity: 'critical', component: 'bank-gw', class: 'integration_down' },
    });
    const log = lines.join('');
    expect(JSON.parse(log)).toMatchObject({
      level: 50,
      msg: 'alert.notify_failed',
      notifier: 'slack',
      alert_id: 'integration_down:bank-gw',
      error: {
        type: 'UpstreamError',
        message: 'Slack webhook answered HTTP 500',
        upstream_status: 500,
      },
    });
    expect(log).not.toContain('xoxSecretWebhookToken123');
    expect(log).not.toContain(ROUTING_KEY);
    expect(log).not.toContain(slack.origin);
  });
});
