import { silentLogger, type TollgateLogger } from '../logging/logger.js';
import type { Alert, AlertDetailValue, AlertRule, AlertSeverity, Notifier } from './types.js';
import { CallWindow, latencyEdges, WINDOW_MINUTES } from './window.js';

/** The thresholds of the rules; every field optional in {@link AlertEngineOptions}. */
export interface AlertThresholds {
  /** `error_rate` fires when failed calls / calls in the last hour is above this share; default 0.05. */
  errorRate: number;
  /** Calls an integration needs in the last hour before `error_rate` or `latency_p95` judge it; default 20. */
  minCalls: number;
  /** `latency_p95` fires when the p95 of the last hour's call durations is above this, in ms; default 2000. */
  p95ThresholdMs: number;
}

/** The spec's thresholds: more than 5% errors, a p95 above 2 s, judged from 20 calls in the hour. */
export const DEFAULT_ALERT_THRESHOLDS: Readonly<AlertThresholds> = Object.freeze({
  errorRate: 0.05,
  minCalls: 20,
  p95ThresholdMs: 2000,
});

/** The severity each rule fires with. */
export const ALERT_SEVERITIES: Readonly<Record<AlertRule, AlertSeverity>> = Object.freeze({
  integration_down: 'critical',
  error_rate: 'error',
  billing_failure: 'critical',
  quota_exhausted: 'warning',
  latency_p95: 'warning',
});

/** Options of {@link createAlertEngine}. */
export interface AlertEngineOptions {
  /** Where alerts go; each alert is sent to all of them concurrently. */
  notifiers: readonly Notifier[];
  /** The engine's clock: windows, `Alert.at`, quota resets; default `() => new Date()`. */
  clock?: () => Date;
  /** Where notifier failures are logged (`alert.notify_failed`); default none. */
  logger?: Pick<TollgateLogger, 'error'>;
  /** Rule thresholds; defaults {@link DEFAULT_ALERT_THRESHOLDS}. */
  thresholds?: Partial<AlertThresholds>;
}

/** An integration's health as the monitoring route's tracker judges it. */
export type IntegrationHealth = 'up' | 'degraded' | 'down';

/** One finished partner call, as a connector's `request.success` / `request.failure` reports it. */
export interface IntegrationCall {
  /** Whether the call succeeded. */
  ok: boolean;
  /** How long the whole call took (every attempt and back-off), in ms. */
  durationMs: number;
}

/** A charge that should have been recorded and was not. */
export interface BillingFailureInput {
  operation: string;
  tenantId: string;
  /** Why, without secrets (clipped to 200 characters). */
  reason: string;
  /** The billing intent concerned, when known. */
  intentId?: string;
}

/** A tenant used up its quota of an operation for a period. */
export interface QuotaExhaustedInput {
  tenantId: string;
  operation: string;
  /** The quota period (`YYYY-MM` for the billing guard's monthly quotas). */
  period: string;
  /** When the quota resets: the alert resolves at the first {@link AlertEngine.evaluate} after it. */
  resetsAt?: Date;
  /** Usage in the period, for the alert's details. */
  used?: number;
  /** The quota, for the alert's details. */
  limit?: number;
}

/** The alert engine: feed it what happens, it fires and resolves alerts. */
export interface AlertEngine {
  /**
   * An integration's health verdict. `down` fires `integration_down`
   * (critical) unless it is firing already; `up` resolves it; `degraded`
   * changes nothing (a down integration stays down until a probe succeeds).
   */
  integrationHealth(integrationId: string, status: IntegrationHealth): void;
  /**
   * One finished partner call: recorded in the integration's one-hour window,
   * then `error_rate` and `latency_p95` are judged (see {@link evaluate}).
   */
  integrationCall(integrationId: string, call: IntegrationCall): void;
  /** Fire `billing_failure` (critical): every call sends a new alert, with a fresh id. */
  billingFailure(input: BillingFailureInput): void;
  /**
   * Fire `quota_exhausted` (warning) once per tenant, operation and period. It
   * resolves once `resetsAt` has passed (at an {@link evaluate}), or when the
   * same tenant and operation exhaust a later period.
   */
  quotaExhausted(input: QuotaExhaustedInput): void;
  /**
   * Judge every integration's window and quota alert at the clock's time:
   * resolves what aged out when no calls came. Inputs judge their own
   * subject; run this periodically ({@link start} does, every minute).
   *
   * With at least `minCalls` calls in the hour, `error_rate` fires while the
   * failed share is above `errorRate` and resolves at or below it, and
   * `latency_p95` likewise for the p95 against `p95ThresholdMs`. With fewer
   * calls neither changes (too little to judge either way), except that
   * an hour without any call resolves both.
   */
  evaluate(): void;
  /** The alerts firing now (not billing failures, which never resolve), oldest first. */
  active(): Alert[];
  /** Resolve once every notification sent so far (and any sent meanwhile) has settled. */
  flush(): Promise<void>;
  /** Run {@link evaluate} every `intervalMs` (default 60 000) until {@link stop}. */
  start(options?: { intervalMs?: number }): void;
  /** Stop the timer of {@link start} and {@link flush}: a `BackgroundWorker` for `startTollgateServer`. */
  stop(): Promise<void>;
}

/** Reasons are clipped to this many characters. */
const MAX_REASON_CHARS = 200;

/** The dedup id of `rule` for a subject: its parts URI-encoded, joined by `:`. */
function alertId(rule: AlertRule, ...parts: string[]): string {
  return [rule, ...parts.map((part) => encodeURIComponent(part))].join(':');
}

function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

function checkThresholds(thresholds: AlertThresholds): AlertThresholds {
  const { errorRate, minCalls, p95ThresholdMs } = thresholds;
  if (!(Number.isFinite(errorRate) && errorRate >= 0 && errorRate < 1)) {
    throw new RangeError('thresholds.errorRate must be a share in [0, 1)');
  }
  if (!(Number.isInteger(minCalls) && minCalls >= 1)) {
    throw new RangeError('thresholds.minCalls must be a positive integer');
  }
  if (!(Number.isFinite(p95ThresholdMs) && p95ThresholdMs > 0)) {
    throw new RangeError('thresholds.p95ThresholdMs must be a positive number of ms');
  }
  return thresholds;
}

/** What a notifier failure is logged as: name, message, code and status, never its cause or stack. */
function describeError(error: unknown): Record<string, AlertDetailValue> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const { code, upstreamStatus } = error as { code?: unknown; upstreamStatus?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof upstreamStatus === 'number' ? { upstream_status: upstreamStatus } : {}),
  };
}

interface QuotaState {
  tenantId: string;
  operation: string;
  period: string;
  alertId: string;
  resetsAtMs: number | undefined;
}

/**
 * Create an alert engine over `notifiers`: the spec's rules
 * (`integration_down`, `error_rate`, `latency_p95`, `billing_failure`,
 * `quota_exhausted`), fed by the app's events.
 *
 * An alert that is firing is not sent again until it resolved (billing
 * failures excepted: each is its own alert). Every notification goes to every
 * notifier concurrently; notifications of the same alert id reach one
 * notifier in order (a resolve never overtakes its trigger). A notifier that
 * throws or rejects is logged (`alert.notify_failed` with the notifier's name,
 * the alert id and the error's name, message, code and status: never its
 * cause or stack, where a URL could hide) and never stops the others or
 * reaches the caller. All state is in memory, per process.
 *
 * Latency precision: each integration keeps a fixed-bucket histogram per
 * minute (edges `p95ThresholdMs × 1.1^k` from 1 ms to 10 minutes). Whether the
 * p95 (nearest rank) is above `p95ThresholdMs` is decided exactly, the
 * threshold being a bucket edge; the `p95_ms` reported is an upper bound, at
 * most 10% above the true p95 (the longest call, beyond 10 minutes).
 */
export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const notifiers = [...options.notifiers];
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? silentLogger();
  const thresholds = checkThresholds({ ...DEFAULT_ALERT_THRESHOLDS, ...options.thresholds });
  const edges = latencyEdges(thresholds.p95ThresholdMs);
  const thresholdBucket = edges.indexOf(thresholds.p95ThresholdMs);

  const firing = new Map<string, Alert>();
  const windows = new Map<string, CallWindow>();
  const quotas = new Map<string, QuotaState>();
  /** The last notification per notifier and alert id, to keep each alert's order. */
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  /** Makes billing-failure ids unique within one millisecond. */
  let billingSequence = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function send(notifier: Notifier, alert: Alert): Promise<void> {
    try {
      await notifier.notify(alert);
    } catch (error) {
      try {
        logger.error(
          {
            notifier: notifier.name,
            alert_id: alert.id,
            rule: alert.rule,
            status: alert.status,
            error: describeError(error),
          },
          'alert.notify_failed',
        );
      } catch {
        // A failing logger must not break alerting either.
      }
    }
  }

  function dispatch(alert: Alert): void {
    notifiers.forEach((notifier, index) => {
      const key = `${index}\u0000${alert.id}`;
      const previous = tails.get(key) ?? Promise.resolve();
      const sent = previous.then(() => send(notifier, alert));
      tails.set(key, sent);
      inFlight.add(sent);
      void sent.then(() => {
        inFlight.delete(sent);
        if (tails.get(key) === sent) tails.delete(key);
      });
    });
  }

  function make(
    id: string,
    rule: AlertRule,
    status: Alert['status'],
    summary: string,
    details: Record<string, AlertDetailValue>,
  ): Alert {
    return Object.freeze({
      id,
      rule,
      severity: ALERT_SEVERITIES[rule],
      summary,
      details: Object.freeze({ ...details }),
      at: clock(),
      status,
    });
  }

  function fire(
    id: string,
    rule: AlertRule,
    summary: string,
    details: Record<string, AlertDetailValue>,
  ): void {
    if (firing.has(id)) return;
    const alert = make(id, rule, 'firing', summary, details);
    firing.set(id, alert);
    dispatch(alert);
  }

  function resolve(id: string, summary: string, details: Record<string, AlertDetailValue>): void {
    const open = firing.get(id);
    if (open === undefined) return;
    firing.delete(id);
    dispatch(make(id, open.rule, 'resolved', summary, details));
  }

  function judgeIntegration(integrationId: string, window: CallWindow): void {
    const snapshot = window.snapshot(clock().getTime());
    const errorId = alertId('error_rate', integrationId);
    const latencyId = alertId('latency_p95', integrationId);
    if (snapshot.calls === 0) {
      const details = { integration_id: integrationId, calls: 0, window_minutes: WINDOW_MINUTES };
      resolve(errorId, `Integration ${integrationId}: no calls in the last hour`, details);
      resolve(latencyId, `Integration ${integrationId}: no calls in the last hour`, details);
      return;
    }
    if (snapshot.calls < thresholds.minCalls) return;

    const share = snapshot.failures / snapshot.calls;
    const errorDetails = {
      integration_id: integrationId,
      calls: snapshot.calls,
      failures: snapshot.failures,
      error_rate: Number(share.toFixed(4)),
      threshold: thresholds.errorRate,
      window_minutes: WINDOW_MINUTES,
    };
    const errorSummary = `Integration ${integrationId}: ${percent(share)} of ${snapshot.calls} calls failed in the last hour (threshold ${percent(thresholds.errorRate)})`;
    if (share > thresholds.errorRate) fire(errorId, 'error_rate', errorSummary, errorDetails);
    else resolve(errorId, errorSummary, errorDetails);

    const p95Ms = Math.round(snapshot.p95Ms ?? 0);
    const latencyDetails = {
      integration_id: integrationId,
      calls: snapshot.calls,
      p95_ms: p95Ms,
      threshold_ms: thresholds.p95ThresholdMs,
      window_minutes: WINDOW_MINUTES,
    };
    const latencySummary = `Integration ${integrationId}: p95 latency ≤ ${p95Ms} ms over ${snapshot.calls} calls in the last hour (threshold ${thresholds.p95ThresholdMs} ms)`;
    if (snapshot.p95Bucket > thresholdBucket) {
      fire(latencyId, 'latency_p95', latencySummary, latencyDetails);
    } else {
      resolve(latencyId, latencySummary, latencyDetails);
    }
  }

  function resolveQuota(state: QuotaState): void {
    resolve(
      state.alertId,
      `Tenant ${state.tenantId}: the ${state.operation} quota of ${state.period} reset`,
      { tenant_id: state.tenantId, operation: state.operation, period: state.period },
    );
  }

  function quotaKey(tenantId: string, operation: string): string {
    return `${tenantId}\u0000${operation}`;
  }

  const engine: AlertEngine = {
    integrationHealth(integrationId, status) {
      const id = alertId('integration_down', integrationId);
      if (status === 'down') {
        fire(id, 'integration_down', `Integration ${integrationId} is down`, {
          integration_id: integrationId,
          status,
        });
      } else if (status === 'up') {
        resolve(id, `Integration ${integrationId} is up again`, {
          integration_id: integrationId,
          status,
        });
      }
    },

    integrationCall(integrationId, call) {
      let window = windows.get(integrationId);
      if (window === undefined) {
        window = new CallWindow(edges);
        windows.set(integrationId, window);
      }
      window.record(clock().getTime(), call.ok, call.durationMs);
      judgeIntegration(integrationId, window);
    },

    billingFailure(input) {
      const now = clock();
      billingSequence += 1;
      const reason = input.reason.slice(0, MAX_REASON_CHARS);
      // Sent every time, never kept as firing: nothing resolves a billing failure.
      dispatch(
        make(
          alertId(
            'billing_failure',
            input.tenantId,
            input.operation,
            `${now.getTime()}-${billingSequence}`,
          ),
          'billing_failure',
          'firing',
          `Billing failure for tenant ${input.tenantId}, ${input.operation}: ${reason}`,
          {
            tenant_id: input.tenantId,
            operation: input.operation,
            reason,
            ...(input.intentId === undefined ? {} : { intent_id: input.intentId }),
          },
        ),
      );
    },

    quotaExhausted(input) {
      const key = quotaKey(input.tenantId, input.operation);
      const previous = quotas.get(key);
      if (previous?.period === input.period) return;
      if (previous !== undefined) resolveQuota(previous);
      const state: QuotaState = {
        tenantId: input.tenantId,
        operation: input.operation,
        period: input.period,
        alertId: alertId('quota_exhausted', input.tenantId, input.operation, input.period),
        resetsAtMs: input.resetsAt?.getTime(),
      };
      quotas.set(key, state);
      fire(
        state.alertId,
        'quota_exhausted',
        `Tenant ${input.tenantId} exhausted its ${input.operation} quota for ${input.period}`,
        {
          tenant_id: input.tenantId,
          operation: input.operation,
          period: input.period,
          ...(input.used === undefined ? {} : { used: input.used }),
          ...(input.limit === undefined ? {} : { limit: input.limit }),
          ...(input.resetsAt === undefined ? {} : { resets_at: input.resetsAt.toISOString() }),
        },
      );
    },

    evaluate() {
      for (const [integrationId, window] of windows) judgeIntegration(integrationId, window);
      const now = clock().getTime();
      for (const [key, state] of quotas) {
        if (state.resetsAtMs === undefined || now < state.resetsAtMs) continue;
        resolveQuota(state);
        quotas.delete(key);
      }
    },

    active() {
      return [...firing.values()];
    },

    async flush() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },

    start(startOptions = {}) {
      if (timer !== undefined) return;
      const intervalMs = startOptions.intervalMs ?? 60_000;
      if (!(Number.isFinite(intervalMs) && intervalMs > 0)) {
        throw new RangeError('intervalMs must be a positive number of ms');
      }
      timer = setInterval(() => engine.evaluate(), intervalMs);
      (timer as { unref?: () => void }).unref?.();
    },

    async stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await engine.flush();
    },
  };
  return engine;
}
