import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { PROBLEM_CONTENT_TYPE, problemResponse, ServerProblem } from '../src/errors/problem.js';
import {
  assertPolicyName,
  assertTokenBucketPolicy,
  describeBucket,
  memoryRateLimitStore,
  type RateLimitOptions,
  type RateLimitStore,
  rateLimit,
  rateLimitPolicyValue,
  rateLimitValue,
  type TokenBucketPolicy,
  type TokenBucketState,
  takeToken,
  windowSeconds,
} from '../src/rate-limit/index.js';
import type { AppEnv } from '../src/types.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0 + offsetMs);

/** Take `count` tokens at one instant, threading the state; returns every outcome and the last state. */
function drain(policy: TokenBucketPolicy, state: TokenBucketState | undefined, count: number) {
  const outcomes = [];
  let current = state;
  for (let i = 0; i < count; i += 1) {
    const step = takeToken(policy, current, at(0));
    outcomes.push(step.outcome);
    current = step.state;
  }
  if (current === undefined) throw new Error('drain takes at least one token');
  return { outcomes, state: current };
}

describe('token bucket', () => {
  const policy = { capacity: 5, refillPerSecond: 1 };

  it('starts full, hands out capacity tokens at one instant, then refuses without going negative', () => {
    const { outcomes, state } = drain(policy, undefined, 7);
    expect(outcomes.map((o) => o.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(outcomes.map((o) => o.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    expect(outcomes.map((o) => o.retryAfterSeconds)).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(outcomes[0]).toEqual({
      allowed: true,
      remaining: 4,
      retryAfterSeconds: 0,
      resetSeconds: 1,
    });
    expect(state).toEqual({ tokens: 0, updatedAtMs: T0 });
  });

  it('refills continuously for the time elapsed and keeps the fraction', () => {
    const empty = drain(policy, undefined, 5).state;
    const step = takeToken(policy, empty, at(2500));
    expect(step.outcome).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
      resetSeconds: 1,
    });
    expect(step.state).toEqual({ tokens: 1.5, updatedAtMs: T0 + 2500 });
  });

  it('caps the refill at capacity after a long idle', () => {
    const empty = drain(policy, undefined, 5).state;
    const step = takeToken(policy, empty, at(3_600_000));
    expect(step.outcome.remaining).toBe(4);
    expect(step.state.tokens).toBe(4);
  });

  it('computes Retry-After as whole seconds (ceil, at least 1) until one token is back', () => {
    const slow = { capacity: 1, refillPerSecond: 0.5 };
    const empty = takeToken(slow, undefined, at(0));
    expect(empty.outcome).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
      resetSeconds: 2,
    });
    const refusals = [0, 1000, 1999].map((ms) => takeToken(slow, empty.state, at(ms)).outcome);
    expect(refusals.map((o) => [o.allowed, o.retryAfterSeconds, o.resetSeconds])).toEqual([
      [false, 2, 2],
      [false, 1, 1],
      [false, 1, 1],
    ]);
    expect(takeToken(slow, empty.state, at(2000)).outcome.allowed).toBe(true);
  });

  it('counts a token as back exactly when a fractional rate says so, despite float rounding', () => {
    // 49 000 ms × (1/49) tokens/s ÷ 1000 is 0.9999999999999999 in floating point.
    const slow = { capacity: 2, refillPerSecond: 1 / 49 };
    const { outcomes, state } = drain(slow, undefined, 3);
    expect(outcomes[2]).toMatchObject({ allowed: false, retryAfterSeconds: 49, resetSeconds: 49 });
    expect(takeToken(slow, state, at(48_999)).outcome).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(takeToken(slow, state, at(49_000)).outcome).toMatchObject({
      allowed: true,
      remaining: 0,
      resetSeconds: 49,
    });
    const perMinute = { capacity: 10, refillPerSecond: 10 / 60 };
    const drained = drain(perMinute, undefined, 11);
    expect(drained.outcomes[10]).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    expect(takeToken(perMinute, drained.state, at(6000)).outcome.allowed).toBe(true);
    expect(takeToken(perMinute, drained.state, at(60_000)).outcome.remaining).toBe(9);
  });

  it('refills nothing when the clock goes back, and never moves the stored instant back', () => {
    const later = drain(policy, undefined, 5).state;
    const moved = takeToken(policy, { ...later, updatedAtMs: T0 + 10_000 }, at(0));
    expect(moved.outcome.allowed).toBe(false);
    expect(moved.state).toEqual({ tokens: 0, updatedAtMs: T0 + 10_000 });
  });

  it('stays within its bounds and never hands out more than capacity + refill, over a random walk', () => {
    const walk = { capacity: 4, refillPerSecond: 0.7 };
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let state: TokenBucketState | undefined;
    let clock = 0;
    let latest = 0;
    let allowed = 0;
    for (let i = 0; i < 2000; i += 1) {
      clock += Math.floor(random() * 1200) - 200; // mostly forward, sometimes back
      latest = Math.max(latest, clock);
      const step = takeToken(walk, state, at(clock));
      const { outcome } = step;
      expect(step.state.tokens).toBeGreaterThanOrEqual(0);
      expect(step.state.tokens).toBeLessThanOrEqual(walk.capacity);
      expect(step.state.updatedAtMs).toBeGreaterThanOrEqual(state?.updatedAtMs ?? 0);
      expect(Number.isInteger(outcome.remaining)).toBe(true);
      expect(outcome.remaining).toBeGreaterThanOrEqual(0);
      expect(outcome.remaining).toBeLessThan(walk.capacity);
      expect(outcome.retryAfterSeconds >= 1).toBe(!outcome.allowed);
      expect(Number.isInteger(outcome.retryAfterSeconds)).toBe(true);
      if (outcome.allowed) allowed += 1;
      state = step.state;
    }
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThanOrEqual(walk.capacity + Math.max(0, latest) * 0.7e-3 + 1e-6);
  });

  it('describes a full bucket with no wait', () => {
    expect(describeBucket(policy, 5, true)).toEqual({
      allowed: true,
      remaining: 5,
      retryAfterSeconds: 0,
      resetSeconds: 0,
    });
  });

  it('refuses unusable policies', () => {
    for (const bad of [
      { capacity: 0, refillPerSecond: 1 },
      { capacity: 1.5, refillPerSecond: 1 },
      { capacity: Number.NaN, refillPerSecond: 1 },
      { capacity: 5, refillPerSecond: 0 },
      { capacity: 5, refillPerSecond: -1 },
      { capacity: 5, refillPerSecond: Number.POSITIVE_INFINITY },
    ]) {
      expect(() => assertTokenBucketPolicy(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
    expect(() => assertTokenBucketPolicy({ capacity: 1, refillPerSecond: 0.01 })).not.toThrow();
  });
});

describe('rate-limit header values', () => {
  it('writes the policy as quota and the seconds an empty bucket takes to fill', () => {
    expect(rateLimitPolicyValue('default', { capacity: 60, refillPerSecond: 1 })).toBe(
      '"default";q=60;w=60',
    );
    expect(windowSeconds({ capacity: 10, refillPerSecond: 10 / 60 })).toBe(60);
    expect(windowSeconds({ capacity: 5, refillPerSecond: 2 })).toBe(3);
    expect(windowSeconds({ capacity: 1, refillPerSecond: 100 })).toBe(1);
  });

  it('writes the current limit as r (whole tokens left) and t (seconds until the next token)', () => {
    const outcome = { allowed: true, remaining: 12, retryAfterSeconds: 0, resetSeconds: 5 };
    expect(rateLimitValue('burst', outcome)).toBe('"burst";r=12;t=5');
  });

  it('accepts only names that need no escaping and cannot collide in store keys', () => {
    expect(() => assertPolicyName('per-key_v1.2')).not.toThrow();
    for (const bad of ['', 'a"b', 'a:b', 'with space', 'x'.repeat(65)]) {
      expect(() => assertPolicyName(bad), bad).toThrow(RangeError);
    }
  });
});

describe('memoryRateLimitStore', () => {
  const policy = { capacity: 2, refillPerSecond: 1 };

  it('keeps one bucket per key', async () => {
    const store = memoryRateLimitStore();
    const a = [];
    for (let i = 0; i < 3; i += 1) a.push((await store.take('a', policy, at(0))).allowed);
    expect(a).toEqual([true, true, false]);
    expect((await store.take('b', policy, at(0))).remaining).toBe(1);
  });

  it('never hands out more than capacity to concurrent takes', async () => {
    const store = memoryRateLimitStore();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.take('k', { capacity: 10, refillPerSecond: 1 }, at(0)),
      ),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(10);
  });

  it('forgets buckets once they are full again, at most once per sweep interval', async () => {
    const store = memoryRateLimitStore({ sweepIntervalMs: 1000 });
    await store.take('a', policy, at(0)); // full again by 2 s
    await store.take('b', policy, at(1000)); // sweeps: a is not full yet
    expect(store.size).toBe(2);
    await store.take('c', policy, at(1500)); // within the interval: no sweep
    expect(store.size).toBe(3);
    await store.take('c', policy, at(3100)); // sweeps a (full at 2 s) and b (full at 3 s)
    expect(store.size).toBe(1);
    // A forgotten bucket comes back full: exactly what it would have been.
    expect((await store.take('a', policy, at(3100))).remaining).toBe(1);
  });
});

/**
 * A Hono app: a fake `requireApiKey` (the `x-key` header is the key prefix,
 * every key belongs to tenant `acme`), then the limiter.
 */
function limitedApp(options: Partial<RateLimitOptions> & { clock: { ms: number } }) {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => problemResponse(c, error));
  app.use('*', async (c, next) => {
    const prefix = c.req.header('x-key');
    if (prefix !== undefined) {
      c.set('principal', { tenantId: 'acme', role: 'sme', prefix, scopes: [] });
    }
    await next();
  });
  app.use(
    '*',
    rateLimit({
      store: memoryRateLimitStore(),
      policy: { capacity: 2, refillPerSecond: 0.5 },
      now: () => at(options.clock.ms),
      ...options,
    }),
  );
  app.get('/ping', (c) => c.json({ ok: true }));
  app.get('/missing', () => {
    throw new ServerProblem('not_found', 'No such resource.');
  });
  return app;
}

const get = (app: Hono<AppEnv>, path: string, key?: string) =>
  app.request(path, { headers: key === undefined ? {} : { 'x-key': key } });

describe('rateLimit middleware', () => {
  it('sets RateLimit-Policy and RateLimit on allowed responses', async () => {
    const app = limitedApp({ clock: { ms: 0 } });
    const res = await get(app, '/ping', 'k1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('RateLimit-Policy')).toBe('"default";q=2;w=4');
    expect(res.headers.get('RateLimit')).toBe('"default";r=1;t=2');
    expect(res.headers.get('Retry-After')).toBeNull();
  });

  it('answers a 429 rate_limited problem with Retry-After once the bucket is empty, skipping the handler', async () => {
    const onLimited = vi.fn();
    const handler = vi.fn();
    const app = limitedApp({ clock: { ms: 0 }, onLimited });
    app.get('/counted', (c) => {
      handler();
      return c.json({ ok: true });
    });
    expect((await get(app, '/counted', 'k1')).status).toBe(200);
    expect((await get(app, '/counted', 'k1')).status).toBe(200);
    const res = await get(app, '/counted', 'k1');
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(res.headers.get('Retry-After')).toBe('2');
    expect(res.headers.get('RateLimit-Policy')).toBe('"default";q=2;w=4');
    expect(res.headers.get('RateLimit')).toBe('"default";r=0;t=2');
    expect(await res.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      title: 'Too many requests',
      retry_after_seconds: 2,
      instance: '/counted',
    });
    expect(handler).toHaveBeenCalledTimes(2);
    expect(onLimited).toHaveBeenCalledTimes(1);
    expect(onLimited.mock.calls[0]?.[1]).toBe('k1');
  });

  it('gives each key its own bucket', async () => {
    const app = limitedApp({ clock: { ms: 0 } });
    for (let i = 0; i < 3; i += 1) await get(app, '/ping', 'k1');
    expect((await get(app, '/ping', 'k1')).status).toBe(429);
    const other = await get(app, '/ping', 'k2');
    expect(other.status).toBe(200);
    expect(other.headers.get('RateLimit')).toBe('"default";r=1;t=2');
  });

  it('lets requests through again once the clock has refilled a token', async () => {
    const clock = { ms: 0 };
    const app = limitedApp({ clock });
    await get(app, '/ping', 'k1');
    await get(app, '/ping', 'k1');
    expect((await get(app, '/ping', 'k1')).headers.get('Retry-After')).toBe('2');
    clock.ms = 1000;
    expect((await get(app, '/ping', 'k1')).headers.get('Retry-After')).toBe('1');
    clock.ms = 2000;
    const res = await get(app, '/ping', 'k1');
    expect(res.status).toBe(200);
    expect(res.headers.get('RateLimit')).toBe('"default";r=0;t=2');
    clock.ms = 60_000;
    expect((await get(app, '/ping', 'k1')).headers.get('RateLimit')).toBe('"default";r=1;t=2');
  });

  it('does not limit (nor label) requests without a principal', async () => {
    const app = limitedApp({ clock: { ms: 0 } });
    for (let i = 0; i < 5; i += 1) {
      const res = await get(app, '/ping');
      expect(res.status).toBe(200);
      expect(res.headers.get('RateLimit')).toBeNull();
      expect(res.headers.get('RateLimit-Policy')).toBeNull();
    }
  });

  it('labels error responses of the handler too', async () => {
    const res = await get(limitedApp({ clock: { ms: 0 } }), '/missing', 'k1');
    expect(res.status).toBe(404);
    expect(res.headers.get('RateLimit')).toBe('"default";r=1;t=2');
  });

  it('takes from the bucket a custom key names (here: one per tenant)', async () => {
    const onLimited = vi.fn();
    const app = limitedApp({
      clock: { ms: 0 },
      policyName: 'tenant',
      key: (c) => c.get('principal').tenantId,
      onLimited,
    });
    expect((await get(app, '/ping', 'k1')).status).toBe(200);
    expect((await get(app, '/ping', 'k2')).status).toBe(200);
    const res = await get(app, '/ping', 'k3');
    expect(res.status).toBe(429);
    expect(res.headers.get('RateLimit')).toBe('"tenant";r=0;t=2');
    expect(onLimited.mock.calls[0]?.[1]).toBe('acme');
  });

  it('lists one member per policy when limiters are stacked', async () => {
    const store = memoryRateLimitStore();
    const app = limitedApp({ clock: { ms: 0 }, store, policyName: 'burst' });
    app.use(
      '*',
      rateLimit({ store, policy: { capacity: 10, refillPerSecond: 10 }, now: () => at(0) }),
    );
    app.get('/both', (c) => c.json({ ok: true }));
    const res = await get(app, '/both', 'k1');
    expect(res.headers.get('RateLimit-Policy')).toBe('"default";q=10;w=1, "burst";q=2;w=4');
    expect(res.headers.get('RateLimit')).toBe('"default";r=9;t=1, "burst";r=1;t=2');
  });

  it('fails the request when the store fails, instead of letting it through', async () => {
    const broken: RateLimitStore = {
      take: () => Promise.reject(new Error('database is down')),
    };
    const res = await get(limitedApp({ clock: { ms: 0 }, store: broken }), '/ping', 'k1');
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: 'internal_error' });
  });

  it('refuses a bad policy or policy name when it is built', () => {
    const store = memoryRateLimitStore();
    expect(() => rateLimit({ store, policy: { capacity: 0, refillPerSecond: 1 } })).toThrow(
      RangeError,
    );
    expect(() =>
      rateLimit({ store, policy: { capacity: 1, refillPerSecond: 1 }, policyName: 'a"b' }),
    ).toThrow(RangeError);
  });
});
