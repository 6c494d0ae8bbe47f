import type { SqlSurface } from '@tollgate/billing';
import { createWebhookHeaders } from '@tollgate/core/webhooks';
import { Agent, fetch as undiciFetch } from 'undici';
import { describeRequestFailure } from '../errors/request-failure.js';
import type { TollgateLogger } from '../logging/logger.js';
import {
  addressesOf,
  DESTINATION_REFUSED_CODE,
  destinationProblem,
  publicAddressLookup,
  type ResolveAll,
} from './destination.js';
import { type ClaimedDelivery, sqlWebhookStore, type WebhookAttemptOutcome } from './store.js';

/** How long one attempt may take before it counts as failed, by default (10 s). */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** The `user-agent` of every delivery. */
export const WEBHOOK_USER_AGENT = 'Tollgate-Webhooks/1';

/** Options of {@link createDeliveryWorker}. */
export interface DeliveryWorkerOptions {
  /** The database the queue lives in: the billing store's `store.sql`. */
  surface: SqlSurface;
  /**
   * How deliveries are sent; default undici's `fetch` whose connections resolve
   * hosts through the destination check itself (see `checkDestination`).
   */
  fetch?: typeof fetch;
  /** The clock of schedules, leases and `webhook-timestamp`; default `() => new Date()`. */
  clock?: () => Date;
  /** How many due deliveries one `runOnce` claims and attempts (concurrently); default 20. */
  batchSize?: number;
  /** How long `start()` waits between polls when the last batch was not full, in ms; default 1000. */
  pollIntervalMs?: number;
  /** How long one attempt may take (`AbortSignal.timeout`), in ms; default 10 000. */
  timeoutMs?: number;
  /**
   * How long a claim is leased, in ms (by `clock`); default `timeoutMs + 60 000`.
   * A worker that dies mid-batch leaves its deliveries to be claimed again
   * after the lease; keep it well above `timeoutMs` so a slow attempt is never
   * claimed twice.
   */
  leaseMs?: number;
  /** Where attempts are logged (ids, event type, status, never the secret or URL); default none. */
  logger?: TollgateLogger;
  /** Called with an error of a `start()` poll (a database error); default: logged, or ignored. */
  onError?: (error: unknown) => void;
  /**
   * Refuse private, loopback and link-local destinations (the attempt fails as
   * `destination not allowed`): the host is resolved before each attempt, and
   * the default `fetch` connects only to an address that passes the same check
   * when it connects, so a DNS answer that changes in between (DNS rebinding)
   * reaches nothing private. Default: on unless `fetch` is injected (a proxy, a
   * test double decides where requests go itself; then only the first check runs).
   */
  checkDestination?: boolean;
  /** With `checkDestination`: let loopback addresses through (local development). Default false. */
  allowLoopback?: boolean;
  /** How endpoint hosts are resolved for the checks and connections; default the system's `dns.lookup`. */
  resolveAll?: ResolveAll;
}

/** A delivery loop over the outgoing-webhook queue; a `BackgroundWorker` for `startTollgateServer`. */
export interface DeliveryWorker {
  /**
   * Claim the due deliveries (up to `batchSize`), attempt them concurrently
   * and record each outcome; resolves with how many were attempted. Rejects
   * (after every attempt is recorded or failed) when the database failed.
   */
  runOnce(): Promise<number>;
  /** Poll in the background: `runOnce`, then again at once when the batch was full, else after `pollIntervalMs`. */
  start(): void;
  /** Stop polling; resolves once the batch in flight (if any) is attempted and recorded. */
  stop(): Promise<void>;
  /** Whether `start()` was called and `stop()` not since. */
  readonly running: boolean;
}

/** POST one signed delivery; never throws. */
async function attempt(
  claim: ClaimedDelivery,
  send: typeof fetch,
  clock: () => Date,
  timeoutMs: number,
  guard: { check: boolean; allowLoopback: boolean; resolve?: (host: string) => Promise<string[]> },
): Promise<WebhookAttemptOutcome> {
  if (guard.check) {
    const refused = await destinationProblem(claim.url, guard.allowLoopback, guard.resolve);
    if (refused !== undefined) return { ok: false, statusCode: null, error: refused };
  }
  let signed: ReturnType<typeof createWebhookHeaders>;
  try {
    signed = createWebhookHeaders(claim.secret, claim.payload, {
      msgId: claim.eventId,
      timestamp: clock(),
    });
  } catch {
    return { ok: false, statusCode: null, error: 'the delivery could not be signed' };
  }
  try {
    const response = await send(claim.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': WEBHOOK_USER_AGENT,
        ...signed,
      },
      body: claim.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not kept: drain it so the connection is freed.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) {
      return { ok: true, statusCode: response.status };
    }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === DESTINATION_REFUSED_CODE) {
      return {
        ok: false,
        statusCode: null,
        error: 'destination not allowed (not a public address)',
      };
    }
    return { ok: false, statusCode: null, error: describeRequestFailure(error, timeoutMs) };
  }
}

/**
 * undici's `fetch` over an agent whose connections resolve hosts with
 * {@link publicAddressLookup}: it connects only to public addresses (or
 * loopback too, with `allowLoopback`), whatever DNS answered before. `close`
 * ends its kept-alive connections (a later `send` opens new ones).
 */
function publicOnlyFetch(
  allowLoopback: boolean,
  resolveAll: ResolveAll | undefined,
): { send: typeof fetch; close: () => Promise<void> } {
  const lookup = publicAddressLookup(allowLoopback, resolveAll);
  let agent: Agent | undefined;
  const send = ((input: string, init?: RequestInit) => {
    agent ??= new Agent({ connect: { lookup } });
    return undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    });
  }) as unknown as typeof fetch;
  const close = async () => {
    const open = agent;
    agent = undefined;
    await open?.close();
  };
  return { send, close };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) {
    throw new RangeError(`${name} must be a positive number.`);
  }
  return chosen;
}

/**
 * The outgoing-webhook delivery worker. Each attempt POSTs the stored JSON
 * payload `{ type, timestamp, data }` with the Standard Webhooks headers
 * `webhook-id` (the event id, the same on every attempt), `webhook-timestamp`
 * (the attempt's time) and `webhook-signature` (core's signer, with the
 * endpoint's `whsec_` secret). A 2xx answer is `delivered`; any other status
 * (redirects are not followed), a network error or a timeout schedules the
 * next attempt ({@link WEBHOOK_RETRY_OFFSETS_MS}: +0, +2, +4, +8, +16 min
 * after the first), and the 5th failure makes it `dead`. Safe to run in
 * several processes on one database: claims are leased and exclusive.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const clock = options.clock ?? (() => new Date());
  const store = sqlWebhookStore(options.surface, { clock });
  const resolveAll = options.resolveAll;
  const destinationGuard = {
    check: options.checkDestination ?? options.fetch === undefined,
    allowLoopback: options.allowLoopback ?? false,
    ...(resolveAll === undefined ? {} : { resolve: addressesOf(resolveAll) }),
  };
  const pinned =
    options.fetch === undefined && destinationGuard.check
      ? publicOnlyFetch(destinationGuard.allowLoopback, resolveAll)
      : undefined;
  const send = options.fetch ?? pinned?.send ?? globalThis.fetch.bind(globalThis);
  const batchSize = Math.floor(positive(options.batchSize, 20, 'batchSize'));
  const pollIntervalMs = positive(options.pollIntervalMs, 1000, 'pollIntervalMs');
  const timeoutMs = positive(options.timeoutMs, DEFAULT_WEBHOOK_TIMEOUT_MS, 'timeoutMs');
  const leaseMs = positive(options.leaseMs, timeoutMs + 60_000, 'leaseMs');
  const logger = options.logger;
  const onError =
    options.onError ?? ((error: unknown) => logger?.error({ err: error }, 'webhook.worker.failed'));

  const inFlight = new Set<Promise<unknown>>();
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const deliver = async (claim: ClaimedDelivery) => {
    const outcome = await attempt(claim, send, clock, timeoutMs, destinationGuard);
    const recorded = await store.recordAttempt(claim, outcome);
    logger?.[outcome.ok ? 'info' : 'warn'](
      {
        delivery_id: claim.id,
        endpoint_id: claim.endpointId,
        event_id: claim.eventId,
        event_type: claim.eventType,
        attempt: claim.attempt,
        status_code: outcome.statusCode,
        ...(outcome.ok ? {} : { error: outcome.error }),
        delivery_status: recorded?.status ?? 'superseded',
      },
      outcome.ok ? 'webhook.delivered' : 'webhook.attempt_failed',
    );
  };

  const runBatch = async (): Promise<number> => {
    const claims = await store.claimDue({ limit: batchSize, leaseMs });
    const results = await Promise.allSettled(claims.map(deliver));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    return claims.length;
  };

  const runOnce = (): Promise<number> => {
    const run = runBatch();
    inFlight.add(run);
    const forget = () => inFlight.delete(run);
    run.then(forget, forget);
    return run;
  };

  const poll = async () => {
    timer = undefined;
    if (!running) return;
    let attempted = 0;
    try {
      attempted = await runOnce();
    } catch (error) {
      onError(error);
    }
    if (running) timer = setTimeout(poll, attempted >= batchSize ? 0 : pollIntervalMs);
  };

  return {
    runOnce,
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      timer = setTimeout(poll, 0);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
      await pinned?.close();
    },
  };
}
