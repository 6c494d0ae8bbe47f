import { ValidationError, type ValidationIssue } from '@tollgate/core';
import { literalHostProblem } from './destination.js';

/** The longest event type or event filter accepted, in characters. */
export const MAX_EVENT_TYPE_LENGTH = 100;

/** The most event filters one endpoint may hold. */
export const MAX_EVENT_FILTERS = 32;

/** The longest endpoint URL accepted, in characters. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** The longest endpoint description accepted, in characters. */
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;

const SEGMENT = '[A-Za-z0-9_-]+';
const EVENT_TYPE = new RegExp(`^${SEGMENT}(\\.${SEGMENT})*$`);
const PREFIX_FILTER = new RegExp(`^${SEGMENT}(\\.${SEGMENT})*\\.\\*$`);

/** Hosts an `http:` URL may name when insecure localhost endpoints are allowed. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `type` is a concrete event type: dot-separated segments of
 * letters, digits, `_` and `-` (`session.validated`, `submission.accepted`), no wildcard.
 */
export function isWebhookEventType(type: unknown): type is string {
  return typeof type === 'string' && type.length <= MAX_EVENT_TYPE_LENGTH && EVENT_TYPE.test(type);
}

/** Why `filter` is not an event filter (`*`, an exact type, or a type prefix ending in `.*`), or `undefined`. */
export function eventFilterProblem(filter: string): string | undefined {
  if (filter.length > MAX_EVENT_TYPE_LENGTH) {
    return `An event filter has at most ${MAX_EVENT_TYPE_LENGTH} characters.`;
  }
  if (filter === '*' || EVENT_TYPE.test(filter) || PREFIX_FILTER.test(filter)) return undefined;
  return 'An event filter is "*", an event type ("session.validated") or a prefix ending in ".*" ("submission.*").';
}

/**
 * Whether an event of type `type` matches any of `filters`: `*` matches every
 * type; `a.b.*` every type that starts with `a.b.` (at any depth, so
 * `submission.*` matches `submission.accepted` and `submission.partner.failed`,
 * but not `submission` itself); anything else only that exact type.
 */
export function matchesEventFilters(filters: readonly string[], type: string): boolean {
  return filters.some((filter) => {
    if (filter === '*') return true;
    if (filter.endsWith('.*')) return type.startsWith(filter.slice(0, -1));
    return filter === type;
  });
}

/**
 * Why `url` may not receive webhooks, or `undefined` when it may: an absolute
 * `https:` URL without credentials or fragment, not naming a private, loopback
 * or link-local address or `localhost`; `http:` only for `localhost`,
 * `127.0.0.1` or `[::1]`, and only with `allowInsecureLocalhost`. (Names are
 * resolved and checked again before every delivery.)
 */
export function webhookUrlProblem(
  url: string,
  allowInsecureLocalhost: boolean,
): string | undefined {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    return `The URL has at most ${MAX_WEBHOOK_URL_LENGTH} characters.`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The URL is not an absolute URL.';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'The URL may not carry credentials (user:password@).';
  }
  if (parsed.hash !== '') return 'The URL may not have a fragment (#…).';
  const hostProblem = literalHostProblem(parsed.hostname, allowInsecureLocalhost);
  if (hostProblem !== undefined) return hostProblem;
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    if (allowInsecureLocalhost && LOCAL_HOSTS.has(parsed.hostname)) return undefined;
    return allowInsecureLocalhost
      ? 'An http: URL is only allowed for localhost or 127.0.0.1; use https:.'
      : 'The URL must use https:.';
  }
  return 'The URL must use https:.';
}

/** What an endpoint is created from, before it is checked. */
export interface WebhookEndpointFields {
  url: string;
  events: readonly string[];
  description?: string | undefined;
}

/**
 * Every problem of an endpoint's fields (URL, filters, description), as
 * validation issues; empty when they are fine. Messages never repeat the URL.
 */
export function webhookEndpointIssues(
  fields: WebhookEndpointFields,
  allowInsecureLocalhost: boolean,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const urlProblem =
    typeof fields.url === 'string'
      ? webhookUrlProblem(fields.url, allowInsecureLocalhost)
      : 'The URL must be a string.';
  if (urlProblem !== undefined)
    issues.push({ path: ['url'], code: 'invalid_url', message: urlProblem });
  if (!Array.isArray(fields.events) || fields.events.length === 0) {
    issues.push({
      path: ['events'],
      code: 'too_small',
      message: 'Name at least one event filter.',
    });
  } else {
    if (fields.events.length > MAX_EVENT_FILTERS) {
      issues.push({
        path: ['events'],
        code: 'too_big',
        message: `An endpoint has at most ${MAX_EVENT_FILTERS} event filters.`,
      });
    }
    fields.events.forEach((filter, index) => {
      const problem =
        typeof filter === 'string' ? eventFilterProblem(filter) : 'An event filter is a string.';
      if (problem !== undefined) {
        issues.push({ path: ['events', index], code: 'invalid_event_filter', message: problem });
      }
    });
  }
  if (
    fields.description !== undefined &&
    (typeof fields.description !== 'string' ||
      fields.description.length > MAX_WEBHOOK_DESCRIPTION_LENGTH)
  ) {
    issues.push({
      path: ['description'],
      code: 'too_big',
      message: `A description is a string of at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters.`,
    });
  }
  return issues;
}

/** Throw a 400 `validation_failed` listing `issues` when there are any. */
export function assertNoIssues(issues: readonly ValidationIssue[], what: string): void {
  if (issues.length > 0) throw new ValidationError(`The ${what} is invalid.`, issues);
}
