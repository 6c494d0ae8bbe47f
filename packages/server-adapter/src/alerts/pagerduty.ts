import { postJson, timeoutOption } from './http.js';
import type { Alert, AlertDetailValue, AlertSeverity, Notifier } from './types.js';

/** PagerDuty's Events API v2 endpoint for alert events. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** The `source` of trigger events by default. */
export const DEFAULT_PAGERDUTY_SOURCE = 'tollgate';

/** Options of {@link pagerDutyNotifier}. */
export interface PagerDutyNotifierOptions {
  /**
   * The integration key of an Events API v2 integration on a PagerDuty
   * service. It is a secret: it never appears in an error message or a log line.
   */
  routingKey: string;
  /** How events are sent; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** `payload.source` of trigger events (the affected system); default `tollgate`. */
  source?: string;
  /**
   * Where events are posted; default {@link PAGERDUTY_EVENTS_URL} (use
   * `https://events.eu.pagerduty.com/v2/enqueue` for an EU account, a local
   * server in tests).
   */
  endpoint?: string;
  /** How long one POST may take, in ms; default 10 000. */
  timeoutMs?: number;
  /** The notifier's name in logs; default `pagerduty`. */
  name?: string;
}

/** The `payload` of a PagerDuty trigger event (PD-CEF). */
export interface PagerDutyPayload {
  summary: string;
  source: string;
  severity: AlertSeverity;
  timestamp: string;
  component?: string;
  class: string;
  custom_details: Record<string, AlertDetailValue>;
}

/** One Events API v2 alert event: a trigger with its payload, or a resolve of a `dedup_key`. */
export type PagerDutyEvent =
  | {
      routing_key: string;
      event_action: 'trigger';
      dedup_key: string;
      payload: PagerDutyPayload;
    }
  | { routing_key: string; event_action: 'resolve'; dedup_key: string };

/** PagerDuty's limits: `dedup_key` 255 characters, `summary` 1024. */
const MAX_DEDUP_KEY = 255;
const MAX_SUMMARY = 1024;

/**
 * The `dedup_key` of an alert id: the id itself, or, when longer than the 255
 * characters PagerDuty takes, `sha256:` and its SHA-256 in hex (stable, so a
 * resolve still matches its trigger).
 */
export async function pagerDutyDedupKey(alertId: string): Promise<string> {
  if (alertId.length <= MAX_DEDUP_KEY) return alertId;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(alertId));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));
  return `sha256:${hex.join('')}`;
}

/**
 * The Events API v2 event of an alert. A firing alert is a `trigger` with
 * `payload` `{ summary, source, severity, timestamp, component?, class,
 * custom_details }`: `class` is the rule, `component` the alert's
 * `integration_id` or else its `operation` detail (omitted when it has
 * neither), `custom_details` its details, `summary` clipped to 1024
 * characters. A resolved alert is a `resolve` with only `routing_key`,
 * `event_action` and `dedup_key`: PagerDuty reads no payload on resolve.
 */
export async function pagerDutyEvent(
  alert: Alert,
  options: { routingKey: string; source?: string },
): Promise<PagerDutyEvent> {
  const dedupKey = await pagerDutyDedupKey(alert.id);
  if (alert.status === 'resolved') {
    return { routing_key: options.routingKey, event_action: 'resolve', dedup_key: dedupKey };
  }
  const component = alert.details.integration_id ?? alert.details.operation;
  const summary =
    alert.summary.length <= MAX_SUMMARY
      ? alert.summary
      : `${alert.summary.slice(0, MAX_SUMMARY - 1)}…`;
  return {
    routing_key: options.routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary,
      source: options.source ?? DEFAULT_PAGERDUTY_SOURCE,
      severity: alert.severity,
      timestamp: alert.at.toISOString(),
      ...(typeof component === 'string' && component !== '' ? { component } : {}),
      class: alert.rule,
      custom_details: { ...alert.details },
    },
  };
}

/**
 * A {@link Notifier} that sends each alert to PagerDuty's Events API v2 as
 * {@link pagerDutyEvent}: firing alerts trigger (or update) the PagerDuty
 * alert whose `dedup_key` is the alert id, resolved ones resolve it. PagerDuty
 * answers 202 Accepted; any other status rejects with `@tollgate/core`'s
 * `UpstreamError` (`upstreamStatus`, the answer's body with the routing key
 * redacted), a failed request with an `UpstreamError` without status. Neither
 * message contains the routing key. No retries: the engine logs the failure.
 */
export function pagerDutyNotifier(options: PagerDutyNotifierOptions): Notifier {
  if (typeof options.routingKey !== 'string' || options.routingKey.trim() === '') {
    throw new TypeError('pagerDutyNotifier: routingKey is required');
  }
  const endpoint = options.endpoint ?? PAGERDUTY_EVENTS_URL;
  try {
    new URL(endpoint);
  } catch {
    throw new TypeError('pagerDutyNotifier: endpoint is not a valid URL');
  }
  const timeoutMs = timeoutOption(options.timeoutMs);
  const eventOptions = {
    routingKey: options.routingKey,
    ...(options.source === undefined ? {} : { source: options.source }),
  };
  return {
    name: options.name ?? 'pagerduty',
    async notify(alert) {
      await postJson({
        notifier: 'pagerduty',
        service: 'PagerDuty Events API',
        fetch: options.fetch ?? globalThis.fetch,
        url: endpoint,
        body: await pagerDutyEvent(alert, eventOptions),
        timeoutMs,
        secrets: [options.routingKey],
        accepted: (status) => status === 202,
      });
    },
  };
}
