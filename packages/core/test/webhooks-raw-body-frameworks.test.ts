import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { Webhook as StandardWebhooks } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookVerificationError } from '../src/errors/index.js';
import { readNodeRequestBody, Webhook } from '../src/webhooks/index.js';
import { POST as nextRoutePost } from './fixtures/webhooks/next-route-handler.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const webhook = new Webhook(secret);

// What partners really send: pretty-printed, non-ASCII escaped as \u00f6 (Meta does), emoji as UTF-8.
const raw =
  '{\n  "type": "declaration.cleared",\n  "data": {\n    "consignee": "J\\u00f6rg M\\u00fcller",\n    "note": "Freigabe \u2705"\n  }\n}';

/** Headers signed by the reference `standardwebhooks` library: an independent sender. */
function signedHeaders(body = raw): Record<string, string> {
  const now = new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
    'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    'webhook-signature': new StandardWebhooks(secret).sign(
      'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      now,
      body,
    ),
  };
}

/** What a handler answers: the verified event, or the problem document of the failure. */
function answer(verify: () => unknown): { status: number; body: unknown } {
  try {
    const event = verify() as { type: string; data: { consignee: string } };
    return { status: 200, body: { received: event.type, consignee: event.data.consignee } };
  } catch (error) {
    if (error instanceof WebhookVerificationError)
      return { status: error.status, body: error.toProblem() };
    throw error;
  }
}

const genuine = { received: 'declaration.cleared', consignee: 'Jörg Müller' };

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(url: string, body: string = raw, headers = signedHeaders()) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
}

function expectReserializationCaught(result: { status: number; body: unknown }) {
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ code: 'invalid_signature' });
  expect((result.body as { detail: string }).detail).toContain('re-serialized');
}

it('re-serializing the body really changes its bytes (\\u00f6 becomes ö, the layout is lost)', () => {
  const reserialized = JSON.stringify(JSON.parse(raw));
  expect(reserialized).not.toBe(raw);
  expect(reserialized).toContain('Jörg Müller');
  expect(raw).toContain('J\\u00f6rg');
  expect(JSON.parse(reserialized)).toEqual(JSON.parse(raw));
});

describe('Node http: collect the chunks', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      try {
        const url = req.url ?? '';
        const body = await readNodeRequestBody(req, { maxBytes: 4096 });
        const result = url.endsWith('/reparsed')
          ? answer(() =>
              webhook.verify(JSON.stringify(JSON.parse(body.toString('utf8'))), req.headers),
            )
          : answer(() => webhook.verify(body, req.headers));
        res
          .writeHead(result.status, { 'content-type': 'application/json' })
          .end(JSON.stringify(result.body));
      } catch (error) {
        const status = error instanceof WebhookVerificationError ? error.status : 500;
        res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify(error instanceof WebhookVerificationError ? error.toProblem() : {}));
      }
    });
    base = await listen(server);
  });
  afterAll(() => server.close());

  it('verifies the exact bytes', async () => {
    expect(await post(`${base}/webhooks`)).toEqual({ status: 200, body: genuine });
  });

  it('refuses the re-serialized body with invalid_signature', async () => {
    expectReserializationCaught(await post(`${base}/webhooks/reparsed`));
  });

  it('stops reading past maxBytes with 413', async () => {
    const big = `{"pad":"${'x'.repeat(5000)}"}`;
    const result = await post(`${base}/webhooks`, big, signedHeaders(big));
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ code: 'invalid_payload' });
  });

  it('says so when a body parser already consumed the request', async () => {
    const consumed = createServer(async (req, res) => {
      for await (const _ of req) {
        // a body parser that ran first
      }
      const error = await readNodeRequestBody(req).catch((caught: unknown) => caught);
      res.end(
        JSON.stringify({
          code: (error as WebhookVerificationError).code,
          detail: (error as Error).message,
        }),
      );
    });
    const url = await listen(consumed);
    try {
      const result = await post(url);
      expect(result.body).toMatchObject({ code: 'invalid_payload' });
      expect((result.body as { detail: string }).detail).toContain('already read');
    } finally {
      consumed.close();
    }
  });
});

describe('Hono / Fetch: await req.arrayBuffer()', () => {
  const app = new Hono();
  app.post('/webhooks', async (c) => {
    const body = await c.req.arrayBuffer();
    const result = answer(() => webhook.verify(body, c.req.raw.headers));
    return c.json(result.body as object, result.status as 200 | 400);
  });
  app.post('/webhooks/reparsed', async (c) => {
    const parsed = await c.req.json();
    const result = answer(() => webhook.verify(JSON.stringify(parsed), c.req.raw.headers));
    return c.json(result.body as object, result.status as 200 | 400);
  });

  it('verifies the exact bytes, in process (app.request)', async () => {
    const response = await app.request('/webhooks', {
      method: 'POST',
      headers: signedHeaders(),
      body: raw,
    });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: genuine,
    });
  });

  describe('on a real @hono/node-server', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createAdaptorServer({ fetch: app.fetch }) as Server;
      base = await listen(server);
    });
    afterAll(() => server.close());

    it('verifies the exact bytes', async () => {
      expect(await post(`${base}/webhooks`)).toEqual({ status: 200, body: genuine });
    });

    it('refuses the body read with c.req.json() and re-serialized', async () => {
      expectReserializationCaught(await post(`${base}/webhooks/reparsed`));
    });
  });
});

describe('Express: express.raw()', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.post('/webhooks', express.raw({ type: '*/*' }), (req, res) => {
      const result = answer(() => webhook.verify(req.body as Buffer, req.headers));
      res.status(result.status).json(result.body);
    });
    app.post('/webhooks/reparsed', express.json(), (req, res) => {
      const result = answer(() => webhook.verify(JSON.stringify(req.body), req.headers));
      res.status(result.status).json(result.body);
    });
    app.post('/webhooks/parsed-object', express.json(), (req, res) => {
      const result = answer(() => webhook.verify(req.body, req.headers));
      res.status(result.status).json(result.body);
    });
    server = createServer(app);
    base = await listen(server);
  });
  afterAll(() => server.close());

  it('verifies the Buffer express.raw() gives', async () => {
    expect(await post(`${base}/webhooks`)).toEqual({ status: 200, body: genuine });
  });

  it('refuses express.json() + JSON.stringify with invalid_signature', async () => {
    expectReserializationCaught(await post(`${base}/webhooks/reparsed`));
  });

  it('refuses the parsed object itself with invalid_payload, saying to pass the raw body', async () => {
    const result = await post(`${base}/webhooks/parsed-object`);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'invalid_payload' });
    expect((result.body as { detail: string }).detail).toContain('express.raw()');
  });
});

describe('Next.js App Router route handler: await request.arrayBuffer()', () => {
  beforeAll(() => {
    process.env.TOLLGATE_WEBHOOK_SECRET = secret;
  });
  afterAll(() => {
    delete process.env.TOLLGATE_WEBHOOK_SECRET;
  });

  const request = (body: string) =>
    new Request('https://app.example/api/webhooks/tollgate', {
      method: 'POST',
      headers: signedHeaders(),
      body,
    });

  it('verifies the exact bytes', async () => {
    const response = await nextRoutePost(request(raw));
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: genuine,
    });
  });

  it('answers 400 problem+json with invalid_signature for a re-serialized body', async () => {
    const response = await nextRoutePost(request(JSON.stringify(JSON.parse(raw))));
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expectReserializationCaught({ status: response.status, body: await response.json() });
  });
});
