import { Writable } from 'node:stream';
import {
  createBillingEventBus,
  createBillingGuard,
  createLedger,
  createQuotaPolicy,
  memoryStore,
} from '@tollgate/billing';
import { createEventBus, type HealthCheckResult, money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  type Alert,
  type AlertEngine,
  type AlertEngineOptions,
  alertingHealthTracker,
  alertOnBillingEvents,
  alertOnIntegrationCalls,
  createAlertEngine,
  EXPIRED_INTENT_REASON,
  latencyEdges,
  type Notifier,
} from '../src/alerts/index.js';
import { CallWindow } from '../src/alerts/window.js';
import { createLogger } from '../src/logging/logger.js';
import { createHealthTracker } from '../src/routes/monitoring.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;

/** A clock the test moves by hand, in ms after T0. */
function manualClock() {
  let now = T0;
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(offsetMs: number) {
      now = T0 + offsetMs;
    },
  });
}

/** A notifier that keeps what it was sent. */
function recorder(name = 'recorder') {
  const sent: Alert[] = [];
  const notifier: Notifier = {
    name,
    async notify(alert) {
      sent.push(alert);
    },
  };
  return { notifier, sent };
}

/** A notifier whose sends wait until the test releases them. */
function gated(name = 'gated') {
  const sent: Alert[] = [];
  const delivered: Alert[] = [];
  const releases: (() => void)[] = [];
  const notifier: Notifier = {
    name,
    notify(alert) {
      sent.push(alert);
      return new Promise<void>((resolve) => {
        releases.push(() => {
          delivered.push(alert);
          resolve();
        });
      });
    },
  };
  return {
    notifier,
    sent,
    delivered,
    releaseAll() {
      for (const release of releases.splice(0)) release();
    },
  };
}

/** A pino logger writing JSON lines into an array. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

function setup(options: Partial<AlertEngineOptions> = {}) {
  const clock = manualClock();
  const { notifier, sent } = recorder();
  const engine = createAlertEngine({ notifiers: [notifier], clock, ...options });
  return { engine, clock, sent };
}

/** Feed `count` calls of one kind. */
function calls(engine: AlertEngine, id: string, count: number, ok: boolean, durationMs = 100) {
  for (let i = 0; i < count; i += 1) engine.integrationCall(id, { ok, durationMs });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('integration_down', () => {
  it('fires once when an integration goes down and resolves when it is up again', async () => {
    const { engine, clock, sent } = setup();
    engine.integrationHealth('demo-ecb', 'degraded');
    engine.integrationHealth('demo-ecb', 'up');
    await engine.flush();
    expect(sent).toEqual([]);

    engine.integrationHealth('demo-ecb', 'down');
    engine.integrationHealth('demo-ecb', 'down');
    engine.integrationHealth('demo-ecb', 'degraded');
    await engine.flush();
    expect(sent).toEqual([
      {
        id: 'integration_down:demo-ecb',
        rule: 'integration_down',
        severity: 'critical',
        summary: 'Integration demo-ecb is down',
        details: { integration_id: 'demo-ecb', status: 'down' },
        at: new Date(T0),
        status: 'firing',
      },
    ]);
    expect(engine.active().map((alert) => alert.id)).toEqual(['integration_down:demo-ecb']);

    clock.set(5 * MINUTE);
    engine.integrationHealth('demo-ecb', 'up');
    engine.integrationHealth('demo-ecb', 'up');
    await engine.flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({
      id: 'integration_down:demo-ecb',
      rule: 'integration_down',
      severity: 'critical',
      summary: 'Integration demo-ecb is up again',
      details: { integration_id: 'demo-ecb', status: 'up' },
      at: new Date(T0 + 5 * MINUTE),
      status: 'resolved',
    });
    expect(engine.active()).toEqual([]);

    engine.integrationHealth('demo-ecb', 'down');
    await engine.flush();
    expect(sent.map((alert) => alert.status)).toEqual(['firing', 'resolved', 'firing']);
  });

  it('keeps integrations apart and encodes ids into the dedup key', async () => {
    const { engine, sent } = setup();
    engine.integrationHealth('a:b', 'down');
    engine.integrationHealth('a', 'down');
    await engine.flush();
    expect(sent.map((alert) => alert.id)).toEqual(['integration_down:a%3Ab', 'integration_down:a']);
  });
});

describe('error_rate', () => {
  it('fires above 5% with at least 20 calls, once, and resolves back at 5%', async () => {
    const { engine, sent } = setup();
    calls(engine, 'fx', 19, false);
    await engine.flush();
    expect(sent).toEqual([]); // 19 failures, but fewer than minCalls

    const { engine: second, sent: seen } = setup();
    calls(second, 'fx', 19, true);
    calls(second, 'fx', 1, false); // 1/20 = 5%: not above
    await second.flush();
    expect(seen).toEqual([]);

    calls(second, 'fx', 1, false); // 2/21 = 9.52%
    calls(second, 'fx', 3, false); // still firing: not sent again
    await second.flush();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      id: 'error_rate:fx',
      rule: 'error_rate',
      severity: 'error',
      status: 'firing',
      summary: 'Integration fx: 9.52% of 21 calls failed in the last hour (threshold 5%)',
      details: {
        integration_id: 'fx',
        calls: 21,
        failures: 2,
        error_rate: 0.0952,
        threshold: 0.05,
        window_minutes: 60,
      },
    });

    // 5 failures: back to 5% at 100 calls.
    calls(second, 'fx', 75, true);
    await second.flush();
    expect(seen).toHaveLength(1);
    calls(second, 'fx', 1, true);
    await second.flush();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({
      id: 'error_rate:fx',
      status: 'resolved',
      details: { calls: 100, failures: 5, error_rate: 0.05 },
    });
    expect(second.active()).toEqual([]);
  });

  it('drops calls older than an hour from the window', async () => {
    const { engine, clock, sent } = setup();
    calls(engine, 'fx', 10, false); // at 12:00:00
    clock.set(30 * MINUTE);
    calls(engine, 'fx', 30, true); // 10/40 = 25%
    await engine.flush();
    expect(sent.map((alert) => [alert.id, alert.status])).toEqual([['error_rate:fx', 'firing']]);

    // One ms before the hour is over, the failures still count.
    clock.set(60 * MINUTE - 1);
    engine.integrationCall('fx', { ok: true, durationMs: 100 });
    await engine.flush();
    expect(sent).toHaveLength(1);
    expect(engine.active()).toHaveLength(1);

    // At 13:00 the 12:00 minute left the window: 0 failures in 31 calls.
    clock.set(60 * MINUTE);
    engine.integrationCall('fx', { ok: true, durationMs: 100 });
    await engine.flush();
    expect(sent[1]).toMatchObject({
      id: 'error_rate:fx',
      status: 'resolved',
      at: new Date(T0 + 60 * MINUTE),
      details: { calls: 32, failures: 0 },
    });
  });

  it('holds its state on too few calls and resolves after an hour without any (evaluate)', async () => {
    const { engine, clock, sent } = setup();
    calls(engine, 'fx', 20, false);
    clock.set(60 * MINUTE);
    engine.integrationCall('fx', { ok: true, durationMs: 100 }); // 1 call: too few to judge
    engine.evaluate();
    await engine.flush();
    expect(sent.map((alert) => alert.status)).toEqual(['firing']);

    clock.set(2 * 60 * MINUTE);
    engine.evaluate();
    await engine.flush();
    expect(sent[1]).toMatchObject({
      id: 'error_rate:fx',
      status: 'resolved',
      summary: 'Integration fx: no calls in the last hour',
      details: { integration_id: 'fx', calls: 0, window_minutes: 60 },
    });
    expect(engine.active()).toEqual([]);
  });

  it('takes custom thresholds and refuses invalid ones', async () => {
    const { engine, sent } = setup({ thresholds: { errorRate: 0.5, minCalls: 2 } });
    engine.integrationCall('fx', { ok: false, durationMs: 1 });
    engine.integrationCall('fx', { ok: true, durationMs: 1 }); // 50%: not above
    await engine.flush();
    expect(sent).toEqual([]);
    engine.integrationCall('fx', { ok: false, durationMs: 1 }); // 66.67%
    await engine.flush();
    expect(sent[0]).toMatchObject({ rule: 'error_rate', details: { calls: 3, threshold: 0.5 } });

    expect(() => createAlertEngine({ notifiers: [], thresholds: { errorRate: 1.5 } })).toThrow(
      RangeError,
    );
    expect(() => createAlertEngine({ notifiers: [], thresholds: { minCalls: 0 } })).toThrow(
      RangeError,
    );
    expect(() => createAlertEngine({ notifiers: [], thresholds: { p95ThresholdMs: -1 } })).toThrow(
      RangeError,
    );
  });
});

describe('latency_p95', () => {
  it('fires when the p95 of the hour is above 2000 ms and resolves when it is not', async () => {
    const { engine, sent } = setup();
    calls(engine, 'carrier', 19, true, 100);
    calls(engine, 'carrier', 1, true, 9000); // p95 of 20 = the 19th smallest = 100 ms
    await engine.flush();
    expect(sent).toEqual([]);

    engine.integrationCall('carrier', { ok: true, durationMs: 2100 }); // 21 calls: the 20th = 2100
    await engine.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      id: 'latency_p95:carrier',
      rule: 'latency_p95',
      severity: 'warning',
      status: 'firing',
      details: { integration_id: 'carrier', calls: 21, threshold_ms: 2000, window_minutes: 60 },
    });
    // The reported p95 is an upper bound at most 10% above the true 2100 ms.
    const p95 = sent[0]?.details.p95_ms as number;
    expect(p95).toBeGreaterThanOrEqual(2100);
    expect(p95).toBeLessThanOrEqual(2100 * 1.1);

    calls(engine, 'carrier', 18, true, 100); // 39 calls: the 38th smallest is still 2100 ms
    await engine.flush();
    expect(sent).toHaveLength(1);
    engine.integrationCall('carrier', { ok: true, durationMs: 100 }); // 40: the 38th is 100 ms
    await engine.flush();
    expect(sent[1]).toMatchObject({
      id: 'latency_p95:carrier',
      status: 'resolved',
      details: { calls: 40 },
    });
    // 100 ms, reported as its bucket's upper edge: within 10%.
    expect(sent[1]?.details.p95_ms).toBeGreaterThanOrEqual(100);
    expect(sent[1]?.details.p95_ms).toBeLessThanOrEqual(110);
  });

  it('decides exactly at the threshold and needs minCalls calls', async () => {
    const { engine, sent } = setup({ thresholds: { p95ThresholdMs: 2000, minCalls: 20 } });
    calls(engine, 'a', 20, true, 2000); // exactly the threshold: not above
    await engine.flush();
    expect(sent).toEqual([]);
    calls(engine, 'b', 19, true, 2000.5);
    await engine.flush();
    expect(sent).toEqual([]); // above, but only 19 calls
    engine.integrationCall('b', { ok: true, durationMs: 2000.5 });
    await engine.flush();
    expect(sent.map((alert) => alert.id)).toEqual(['latency_p95:b']);
    expect(sent[0]?.details.p95_ms).toBe(2001); // the longest call, rounded
  });

  it('counts failed calls too and forgets calls older than an hour', async () => {
    const { engine, clock, sent } = setup();
    calls(engine, 'x', 20, false, 30_000); // timeouts: slow and failing
    await engine.flush();
    expect(sent.map((alert) => alert.rule).sort()).toEqual(['error_rate', 'latency_p95']);
    clock.set(60 * MINUTE);
    calls(engine, 'x', 20, true, 50);
    await engine.flush();
    expect(sent.slice(2).map((alert) => [alert.rule, alert.status])).toEqual([
      ['error_rate', 'resolved'],
      ['latency_p95', 'resolved'],
    ]);
  });
});

describe('the call window', () => {
  it('puts the threshold on a bucket edge, 1.1 apart, from 1 ms to 10 minutes', () => {
    const edges = latencyEdges(2000);
    expect(edges).toContain(2000);
    expect(edges[0]).toBeLessThanOrEqual(1);
    expect(edges.at(-1)).toBeGreaterThanOrEqual(600_000);
    for (let i = 1; i < edges.length; i += 1) {
      expect((edges[i] as number) / (edges[i - 1] as number)).toBeCloseTo(1.1, 9);
    }
  });

  it('computes the nearest-rank p95 within a bucket and keeps at most 60 minutes', () => {
    const window = new CallWindow(latencyEdges(2000));
    for (let i = 1; i <= 100; i += 1) window.record(T0, i % 10 !== 0, i * 10); // 10 … 1000 ms
    const snapshot = window.snapshot(T0);
    expect(snapshot).toMatchObject({ calls: 100, failures: 10 });
    expect(snapshot.p95Ms).toBeGreaterThanOrEqual(950); // the 95th smallest
    expect(snapshot.p95Ms).toBeLessThanOrEqual(950 * 1.1);

    // A call every minute for two hours: the window holds the last 60 minutes.
    const rolling = new CallWindow(latencyEdges(2000));
    for (let minute = 0; minute < 120; minute += 1) rolling.record(T0 + minute * MINUTE, true, 5);
    expect(rolling.snapshot(T0 + 119 * MINUTE).calls).toBe(60);
    expect(rolling.snapshot(T0 + 150 * MINUTE).calls).toBe(29);
    expect(rolling.snapshot(T0 + 179 * MINUTE).calls).toBe(0);
    expect(rolling.snapshot(T0 + 179 * MINUTE).p95Ms).toBeNull();
  });

  it('counts a call in the latest minute when the clock steps back', () => {
    const window = new CallWindow(latencyEdges(2000));
    window.record(T0 + 10 * MINUTE, true, 5);
    window.record(T0, true, 5);
    expect(window.snapshot(T0 + 69 * MINUTE).calls).toBe(2);
    expect(window.snapshot(T0 + 70 * MINUTE).calls).toBe(0);
  });
});

describe('billing_failure', () => {
  it('sends every failure as its own critical alert, never kept as active', async () => {
    const { engine, sent } = setup();
    engine.billingFailure({ tenantId: 'acme', operation: 'fx.conversion', reason: 'store down' });
    engine.billingFailure({ tenantId: 'acme', operation: 'fx.conversion', reason: 'store down' });
    await engine.flush();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      id: `billing_failure:acme:fx.conversion:${T0}-1`,
      rule: 'billing_failure',
      severity: 'critical',
      summary: 'Billing failure for tenant acme, fx.conversion: store down',
      details: { tenant_id: 'acme', operation: 'fx.conversion', reason: 'store down' },
      at: new Date(T0),
      status: 'firing',
    });
    expect(sent[1]?.id).toBe(`billing_failure:acme:fx.conversion:${T0}-2`);
    expect(engine.active()).toEqual([]);
  });
});

describe('quota_exhausted', () => {
  it('fires once per tenant, operation and period and resolves when the quota resets', async () => {
    const { engine, clock, sent } = setup();
    const resetsAt = new Date('2026-04-01T00:00:00.000Z');
    const base = { tenantId: 'acme', operation: 'fx.conversion', period: '2026-03', resetsAt };
    engine.quotaExhausted({ ...base, used: 100, limit: 100 });
    engine.quotaExhausted(base);
    engine.quotaExhausted({ ...base, operation: 'customs.submission' });
    await engine.flush();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({
      id: 'quota_exhausted:acme:fx.conversion:2026-03',
      rule: 'quota_exhausted',
      severity: 'warning',
      summary: 'Tenant acme exhausted its fx.conversion quota for 2026-03',
      details: {
        tenant_id: 'acme',
        operation: 'fx.conversion',
        period: '2026-03',
        used: 100,
        limit: 100,
        resets_at: '2026-04-01T00:00:00.000Z',
      },
      at: new Date(T0),
      status: 'firing',
    });
    expect(sent[1]?.id).toBe('quota_exhausted:acme:customs.submission:2026-03');

    clock.set(resetsAt.getTime() - T0 - 1);
    engine.evaluate();
    await engine.flush();
    expect(sent).toHaveLength(2);

    clock.set(resetsAt.getTime() - T0);
    engine.evaluate();
    await engine.flush();
    expect(sent.slice(2).map((alert) => [alert.id, alert.status])).toEqual([
      ['quota_exhausted:acme:fx.conversion:2026-03', 'resolved'],
      ['quota_exhausted:acme:customs.submission:2026-03', 'resolved'],
    ]);
    expect(engine.active()).toEqual([]);
  });

  it('without resetsAt, resolves the old period when a new one is exhausted', async () => {
    const { engine, sent } = setup();
    engine.quotaExhausted({ tenantId: 't', operation: 'op', period: '2026-03' });
    engine.quotaExhausted({ tenantId: 't', operation: 'op', period: '2026-04' });
    await engine.flush();
    // Each alert's notifications keep their order; different alerts go out concurrently.
    expect(sent.map((alert) => [alert.id, alert.status])).toEqual(
      expect.arrayContaining([
        ['quota_exhausted:t:op:2026-03', 'firing'],
        ['quota_exhausted:t:op:2026-03', 'resolved'],
        ['quota_exhausted:t:op:2026-04', 'firing'],
      ]),
    );
    expect(sent).toHaveLength(3);
    expect(sent.findIndex((alert) => alert.status === 'resolved')).toBeGreaterThan(
      sent.findIndex((alert) => alert.id.endsWith('2026-03')),
    );
    expect(engine.active().map((alert) => alert.id)).toEqual(['quota_exhausted:t:op:2026-04']);
  });
});

describe('notifiers', () => {
  it('a failing notifier neither stops the others nor throws into the caller; it is logged', async () => {
    const { logger, lines } = capturedLogger();
    const { notifier: good, sent } = recorder('good');
    const throwing: Notifier = {
      name: 'throwing',
      notify() {
        throw new Error('sync boom');
      },
    };
    const rejecting: Notifier = {
      name: 'rejecting',
      notify: () => Promise.reject(Object.assign(new Error('async boom'), { code: 'E_TEST' })),
    };
    const engine = createAlertEngine({
      notifiers: [throwing, rejecting, good],
      clock: manualClock(),
      logger,
    });
    expect(() => engine.integrationHealth('fx', 'down')).not.toThrow();
    await engine.flush();
    expect(sent.map((alert) => alert.id)).toEqual(['integration_down:fx']);
    const failures = lines.filter((line) => line.msg === 'alert.notify_failed');
    expect(failures).toHaveLength(2);
    expect(failures.map((line) => line.level)).toEqual([50, 50]);
    expect(failures[0]).toMatchObject({
      notifier: 'throwing',
      alert_id: 'integration_down:fx',
      rule: 'integration_down',
      status: 'firing',
      error: { type: 'Error', message: 'sync boom' },
    });
    expect(failures[1]).toMatchObject({
      notifier: 'rejecting',
      error: { type: 'Error', message: 'async boom', code: 'E_TEST' },
    });
    expect(JSON.stringify(failures)).not.toContain('stack');
  });

  it('runs notifiers concurrently, and flush waits for every notification in flight', async () => {
    const slow = gated('slow');
    const { notifier: fast, sent } = recorder('fast');
    const engine = createAlertEngine({ notifiers: [slow.notifier, fast], clock: manualClock() });
    engine.integrationHealth('fx', 'down');
    let flushed = false;
    const flushing = engine.flush().then(() => {
      flushed = true;
    });
    await tick();
    expect(slow.sent).toHaveLength(1); // started
    expect(sent).toHaveLength(1); // the fast one did not wait for the slow one
    expect(flushed).toBe(false);
    slow.releaseAll();
    await flushing;
    expect(flushed).toBe(true);
    expect(slow.delivered).toHaveLength(1);
  });

  it('never lets a resolve overtake its trigger at one notifier', async () => {
    const slow = gated();
    const engine = createAlertEngine({ notifiers: [slow.notifier], clock: manualClock() });
    engine.integrationHealth('fx', 'down');
    engine.integrationHealth('fx', 'up');
    engine.integrationHealth('other', 'down');
    await tick();
    // The trigger of fx and the (independent) one of other are in flight; fx's resolve waits.
    expect(slow.sent.map((alert) => [alert.id, alert.status])).toEqual([
      ['integration_down:fx', 'firing'],
      ['integration_down:other', 'firing'],
    ]);
    slow.releaseAll();
    await tick();
    expect(slow.sent.at(-1)).toMatchObject({ id: 'integration_down:fx', status: 'resolved' });
    slow.releaseAll();
    await engine.flush();
    expect(slow.delivered.map((alert) => alert.status)).toEqual(['firing', 'firing', 'resolved']);
  });

  it('hands out frozen alerts', async () => {
    const { engine, sent } = setup();
    engine.integrationHealth('fx', 'down');
    await engine.flush();
    expect(Object.isFrozen(sent[0])).toBe(true);
    expect(Object.isFrozen(sent[0]?.details)).toBe(true);
  });

  it('start() evaluates on a timer and stop() ends it after flushing', async () => {
    const { engine } = setup();
    engine.start({ intervalMs: 60_000 });
    engine.start(); // idempotent
    await expect(engine.stop()).resolves.toBeUndefined();
    expect(() => engine.start({ intervalMs: 0 })).toThrow(RangeError);
  });
});

describe('event sources', () => {
  it('alertOnIntegrationCalls feeds request.success / request.failure with their duration', async () => {
    const { engine, sent } = setup({ thresholds: { minCalls: 2 } });
    const events = createEventBus();
    const base = {
      connectorId: 'fx-ecb',
      operation: 'rates',
      method: 'GET',
      url: 'https://partner.example/rates',
      attempt: 1,
      requestId: 'r1',
    };
    const stop = alertOnIntegrationCalls(engine, {
      fx: { 'demo-ecb': { events } },
      logistics: { 'no-bus': {} },
    });
    events.emit('request.success', { ...base, status: 200, durationMs: 3000 });
    events.emit('request.failure', {
      ...base,
      status: 503,
      code: 'upstream_error',
      durationMs: 10,
    });
    await engine.flush();
    expect(sent.map((alert) => [alert.id, alert.details.calls])).toEqual([
      ['error_rate:demo-ecb', 2],
      ['latency_p95:demo-ecb', 2],
    ]);
    stop();
    events.emit('request.failure', {
      ...base,
      status: 503,
      code: 'upstream_error',
      durationMs: 10,
    });
    expect(engine.active().map((alert) => alert.details.calls)).toEqual([2, 2]);
  });

  it('alertingHealthTracker reports the tracker verdicts', async () => {
    const { engine, sent } = setup();
    const tracker = alertingHealthTracker(createHealthTracker(), engine);
    const failed: HealthCheckResult = { ok: false, latencyMs: 5, reason: 'http_503' };
    expect(tracker.record('bank', failed).status).toBe('degraded');
    tracker.record('bank', failed);
    expect(tracker.record('bank', failed)).toEqual({ status: 'down', consecutiveFailures: 3 });
    tracker.record('bank', { ok: true, latencyMs: 5 });
    await engine.flush();
    expect(sent.map((alert) => [alert.id, alert.status])).toEqual([
      ['integration_down:bank', 'firing'],
      ['integration_down:bank', 'resolved'],
    ]);
  });

  it('alertOnBillingEvents: quota.exhausted, and billing.voided only when expired', async () => {
    const { engine, sent } = setup();
    const events = createBillingEventBus();
    alertOnBillingEvents(engine, events);
    events.emit('billing.voided', {
      intentId: 'i1',
      tenantId: 'acme',
      operation: 'fx.conversion',
      reason: 'failed: upstream_error',
    });
    events.emit('billing.voided', {
      intentId: 'i2',
      tenantId: 'acme',
      operation: 'fx.conversion',
      reason: 'expired',
    });
    events.emit('quota.exhausted', {
      tenantId: 'acme',
      operation: 'fx.conversion',
      period: '2026-03',
      used: 10,
      limit: 10,
      resetsAt: new Date('2026-04-01T00:00:00Z'),
    });
    await engine.flush();
    expect(sent.map((alert) => alert.rule)).toEqual(['billing_failure', 'quota_exhausted']);
    expect(sent[0]?.details).toEqual({
      tenant_id: 'acme',
      operation: 'fx.conversion',
      reason: EXPIRED_INTENT_REASON,
      intent_id: 'i2',
    });
    expect(sent[1]?.details).toMatchObject({ used: 10, limit: 10, period: '2026-03' });
  });

  it('with a real billing guard: quota exhaustion and an expired intent alert, a failed run does not', async () => {
    const clock = manualClock();
    const { notifier, sent } = recorder();
    const engine = createAlertEngine({ notifiers: [notifier], clock });
    const guard = createBillingGuard({
      ledger: createLedger({ store: memoryStore(), clock }),
      prices: { quote: () => ({ amount: money(50n, 'USD'), tier: null }) },
      quotas: createQuotaPolicy({ limits: { 'fx.conversion': 2 } }),
      clock,
      intentTimeoutMs: 1000,
    });
    alertOnBillingEvents(engine, guard.events);
    const request = (tenantId: string, key: string) => ({
      tenantId,
      actor: { id: 'u', role: 'sme' },
      operation: 'fx.conversion',
      idempotencyKey: key,
    });
    await expect(
      guard.run(request('acme', 'k0'), () => Promise.reject(new Error('partner down'))),
    ).rejects.toThrow('partner down');
    await guard.run(request('acme', 'k1'), () => 'ok');
    await guard.run(request('acme', 'k2'), () => 'ok');
    await guard.authorize(request('globex', 'g1'));
    clock.set(2000);
    await guard.sweep();
    await engine.flush();
    expect(sent.map((alert) => [alert.rule, alert.details.tenant_id])).toEqual([
      ['quota_exhausted', 'acme'],
      ['billing_failure', 'globex'],
    ]);
    expect(sent[0]?.id).toBe('quota_exhausted:acme:fx.conversion:2026-03');
    expect(sent[0]?.details.resets_at).toBe('2026-04-01T00:00:00.000Z');
  });
});
