/**
 * Alerting for the reference server: an engine that watches the spec's alert
 * rules (integration down, more than 5% errors over an hour, billing
 * failures, exhausted quotas, p95 latency) and notifiers for Slack incoming
 * webhooks, PagerDuty Events API v2 and a pino log.
 * @module
 */

export {
  ALERT_SEVERITIES,
  type AlertEngine,
  type AlertEngineOptions,
  type AlertThresholds,
  type BillingFailureInput,
  createAlertEngine,
  DEFAULT_ALERT_THRESHOLDS,
  type IntegrationCall,
  type IntegrationHealth,
  type QuotaExhaustedInput,
} from './engine.js';
export { DEFAULT_NOTIFIER_TIMEOUT_MS } from './http.js';
export { logNotifier } from './log.js';
export {
  DEFAULT_PAGERDUTY_SOURCE,
  PAGERDUTY_EVENTS_URL,
  type PagerDutyEvent,
  type PagerDutyNotifierOptions,
  type PagerDutyPayload,
  pagerDutyDedupKey,
  pagerDutyEvent,
  pagerDutyNotifier,
} from './pagerduty.js';
export {
  type SlackBlock,
  type SlackMessage,
  type SlackNotifierOptions,
  slackMessage,
  slackNotifier,
} from './slack.js';
export {
  alertingHealthTracker,
  alertOnBillingEvents,
  alertOnIntegrationCalls,
  EXPIRED_INTENT_REASON,
} from './sources.js';
export type {
  Alert,
  AlertDetailValue,
  AlertRule,
  AlertSeverity,
  AlertStatus,
  Notifier,
} from './types.js';
export {
  LATENCY_BUCKET_RATIO,
  LATENCY_RANGE_MS,
  latencyEdges,
  MINUTE_MS,
  WINDOW_MINUTES,
} from './window.js';
