/** The alert rules of the spec, one per condition the engine watches. */
export type AlertRule =
  | 'integration_down'
  | 'error_rate'
  | 'billing_failure'
  | 'quota_exhausted'
  | 'latency_p95';

/** How bad an alert is; the same four levels as PagerDuty's Events API v2 `severity`. */
export type AlertSeverity = 'critical' | 'error' | 'warning' | 'info';

/** Whether an alert's condition holds (`firing`) or stopped holding (`resolved`). */
export type AlertStatus = 'firing' | 'resolved';

/** A value of {@link Alert.details}: flat and JSON-safe, never a secret. */
export type AlertDetailValue = string | number | boolean | null;

/**
 * One notification about an alert rule's condition for one subject (an
 * integration, a tenant's operation …). A `resolved` alert carries the same
 * `id` as the `firing` one it ends.
 */
export interface Alert {
  /**
   * Stable dedup key of the rule and its subject, e.g.
   * `error_rate:demo-ecb` (parts are URI-encoded, joined by `:`): the
   * PagerDuty `dedup_key`. Billing failures get a fresh id each time.
   */
  readonly id: string;
  /** The rule that fired or resolved. */
  readonly rule: AlertRule;
  /** How bad it is. */
  readonly severity: AlertSeverity;
  /** One line for a human, without secrets. */
  readonly summary: string;
  /** The figures behind the alert (ids, counts, thresholds), without secrets. */
  readonly details: Readonly<Record<string, AlertDetailValue>>;
  /** When the engine fired or resolved it (its clock). */
  readonly at: Date;
  /** Whether this notification opens (`firing`) or closes (`resolved`) the alert. */
  readonly status: AlertStatus;
}

/**
 * Where alerts go: Slack, PagerDuty, a log … `notify` may reject; the engine
 * logs the failure and carries on with the other notifiers.
 */
export interface Notifier {
  /** A short name for logs (`slack`, `pagerduty`, `log`). Never a URL or key. */
  readonly name: string;
  /** Deliver one alert; resolve when it was accepted. */
  notify(alert: Alert): Promise<void>;
}
