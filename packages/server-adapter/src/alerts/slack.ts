import { postJson, timeoutOption } from './http.js';
import type { Alert, Notifier } from './types.js';

/** Options of {@link slackNotifier}. */
export interface SlackNotifierOptions {
  /**
   * The Slack incoming-webhook URL (`https://hooks.slack.com/services/…`).
   * It is a secret: it never appears in an error message or a log line.
   */
  webhookUrl: string;
  /** How messages are sent; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** How long one POST may take, in ms; default 10 000. */
  timeoutMs?: number;
  /** The notifier's name in logs; default `slack`. */
  name?: string;
}

/** A Slack Block Kit block, as JSON. */
export type SlackBlock = Record<string, unknown>;

/**
 * The JSON an incoming webhook takes: `text` is the message (and the
 * notification fallback when `blocks` are given); `blocks` its Block Kit layout.
 */
export interface SlackMessage {
  text: string;
  blocks?: SlackBlock[];
}

/** Slack's documented limits: section text 3000 chars, a field's 2000, at most 10 fields. */
const MAX_SECTION_TEXT = 3000;
const MAX_FIELD_TEXT = 2000;
const MAX_FIELDS = 10;

/** Escape the three characters Slack's mrkdwn treats as control characters. */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The Slack message of an alert: a `text` line
 * (`[FIRING] critical integration_down: Integration demo-ecb is down`), and
 * blocks: a section with the status, severity, rule and summary, a section of
 * up to ten `details` fields (the tenth says how many more there were) and a
 * context line with the alert id and time. `&`, `<` and `>` are escaped, so a
 * subject's name cannot inject links or mentions.
 */
export function slackMessage(alert: Alert): SlackMessage {
  const label = `[${alert.status.toUpperCase()}] ${alert.severity} ${alert.rule}`;
  const text = escapeMrkdwn(`${label}: ${alert.summary}`);
  const blocks: SlackBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(alert.summary)}`, MAX_SECTION_TEXT),
      },
    },
  ];
  const entries = Object.entries(alert.details);
  if (entries.length > 0) {
    const shown = entries.length > MAX_FIELDS ? entries.slice(0, MAX_FIELDS - 1) : entries;
    const fields = shown.map(([key, value]) => ({
      type: 'mrkdwn',
      text: clip(`*${escapeMrkdwn(key)}*\n${escapeMrkdwn(String(value))}`, MAX_FIELD_TEXT),
    }));
    if (shown.length < entries.length) {
      fields.push({ type: 'mrkdwn', text: `_${entries.length - shown.length} more details_` });
    }
    blocks.push({ type: 'section', fields });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: clip(
          `alert \`${escapeMrkdwn(alert.id)}\` · ${alert.at.toISOString()}`,
          MAX_FIELD_TEXT,
        ),
      },
    ],
  });
  return { text, blocks };
}

/** The parts of a webhook URL that must not survive in an error body: the URL and its path. */
function urlSecrets(url: URL, raw: string): string[] {
  const segments = url.pathname.split('/').filter((segment) => segment.length >= 8);
  return [raw, url.href, url.pathname, ...segments];
}

/**
 * A {@link Notifier} that posts each alert to a Slack incoming webhook as
 * {@link slackMessage} (`POST`, `content-type: application/json`). Slack
 * answers 200 `ok`; any other status rejects with `@tollgate/core`'s
 * `UpstreamError` (`upstreamStatus`, and Slack's error string such as
 * `invalid_payload` as `body`), a failed request with an `UpstreamError`
 * without status. Neither message contains the webhook URL. No retries: the
 * engine logs the failure.
 */
export function slackNotifier(options: SlackNotifierOptions): Notifier {
  let url: URL;
  try {
    url = new URL(options.webhookUrl);
  } catch {
    throw new TypeError('slackNotifier: webhookUrl is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('slackNotifier: webhookUrl must be an http(s) URL');
  }
  const timeoutMs = timeoutOption(options.timeoutMs);
  const secrets = urlSecrets(url, options.webhookUrl);
  return {
    name: options.name ?? 'slack',
    notify: (alert) =>
      postJson({
        notifier: 'slack',
        service: 'Slack webhook',
        fetch: options.fetch ?? globalThis.fetch,
        url: options.webhookUrl,
        body: slackMessage(alert),
        timeoutMs,
        secrets,
        accepted: (status) => status >= 200 && status < 300,
      }),
  };
}
