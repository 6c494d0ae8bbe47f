import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { SqlSurface, Store } from '@tollgate/billing';
import { Hono } from 'hono';
import type { ApiKeyPrincipal } from '../src/auth/api-keys.js';
import { problemResponse, ServerProblem } from '../src/errors/problem.js';
import { createLogger, type TollgateLogger } from '../src/logging/logger.js';
import {
  type OutgoingWebhookRoutesOptions,
  outgoingWebhookRoutes,
} from '../src/outgoing-webhooks/index.js';
import type { AppEnv } from '../src/types.js';

/** 2026-03-01T12:00:00Z, the tests' t0. */
export const T0 = Date.parse('2026-03-01T12:00:00.000Z');
export const MINUTE = 60_000;

/** The SQL surface of a SQL store (throws for the memory store). */
export function sqlOf(store: Store): SqlSurface {
  if (store.sql === undefined) throw new Error('not a SQL store');
  return store.sql;
}

/** A clock the test moves by hand. */
export interface TestClock {
  (): Date;
  /** Now, in epoch ms. */
  ms(): number;
  /** Jump to `T0 + offsetMs`. */
  set(offsetMs: number): void;
}

export function testClock(startOffsetMs = 0): TestClock {
  let now = T0 + startOffsetMs;
  const clock = (() => new Date(now)) as TestClock;
  clock.ms = () => now;
  clock.set = (offsetMs) => {
    now = T0 + offsetMs;
  };
  return clock;
}

/** One request a fake `fetch` or the receiver saw. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** The test clock when it was sent (fake fetch only). */
  atMs: number;
}

/** How a scripted endpoint answers: a status, or `'network'` / `'timeout'` to fail without one. */
export type ScriptedAnswer = number | 'network' | 'timeout';

/**
 * A `fetch` that records every request and answers from `answer(request)`
 * (default 200). `'network'` rejects like undici's connection refused;
 * `'timeout'` like `AbortSignal.timeout`. Yields once before answering so
 * concurrent workers interleave.
 */
export function recordingFetch(
  clock: () => Date,
  answer: (request: RecordedRequest) => ScriptedAnswer = () => 200,
) {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request: RecordedRequest = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: String(init?.body),
      atMs: clock().getTime(),
    };
    if (!(init?.signal instanceof AbortSignal)) throw new Error('every attempt needs a signal');
    requests.push(request);
    await new Promise((resolve) => setImmediate(resolve));
    const scripted = answer(request);
    if (scripted === 'network') {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    }
    if (scripted === 'timeout') {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    }
    return new Response(scripted === 204 ? null : 'ok', { status: scripted });
  };
  return { fetch, requests };
}

/** A real HTTP receiver on 127.0.0.1 and a free port, answering `answer()` (default 200). */
export interface Receiver {
  url: string;
  requests: RecordedRequest[];
  /** Change how the next requests are answered. */
  answer: (request: RecordedRequest) => number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Omit<Receiver, 'url' | 'close'> = { requests: [], answer: () => 200 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        url: req.url ?? '',
        method: req.method ?? '',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        atMs: Date.now(),
      };
      receiver.requests.push(request);
      res.statusCode = receiver.answer(request);
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}

/** A pino logger whose lines are kept in `lines`. */
export function capturingLogger(): { logger: TollgateLogger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

/**
 * A tiny app around the routes: the tenant is the `x-tenant` header (a fake
 * principal; no header is a 401-like 404 of the test), problems rendered as the server does.
 */
export function webhookTestApp(options: OutgoingWebhookRoutesOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => problemResponse(c, error));
  app.notFound((c) => problemResponse(c, new ServerProblem('not_found', 'No such route.')));
  app.use('*', async (c, next) => {
    const principal: ApiKeyPrincipal = {
      tenantId: c.req.header('x-tenant') ?? 'acme',
      role: 'sme',
      prefix: 'testkey',
      scopes: ['webhooks'],
    };
    c.set('principal', principal);
    await next();
  });
  app.route('/', outgoingWebhookRoutes(options));
  return app;
}

/** Call the test app as `tenant`, with a JSON body when one is given. */
export function callAs(
  app: Hono<AppEnv>,
  tenant: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const init: RequestInit = { method, headers: { 'x-tenant': tenant } };
  if (body !== undefined) {
    init.headers = { 'x-tenant': tenant, 'content-type': 'application/json' };
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  return Promise.resolve(app.request(path, init));
}
