import type { WebhookRequest } from '../connector/types.js';

/** Request headers as a `Headers` object or a plain record (Node's `req.headers`, Express, a test). */
export type WebhookHeaders = WebhookRequest['headers'];

/**
 * Read one header, whatever its letter case, from a `Headers` object (or
 * anything with a `get` method) or a plain record. Repeated values (a
 * `string[]` in Node's record) are joined with `separator`. Anything that is
 * not a string is treated as absent, so hostile input cannot make this throw.
 *
 * @param lowerName - the header name in lower case.
 */
export function readHeader(
  headers: unknown,
  lowerName: string,
  separator = ', ',
): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  // Getters, proxies and foreign `get` methods may throw: a header we cannot read is absent.
  try {
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function') {
      const value: unknown = get.call(headers, lowerName);
      return typeof value === 'string' ? value : undefined;
    }
    const record = headers as Record<string, unknown>;
    // Fast path: Node, Express and most frameworks already lower-case names.
    let value = Object.hasOwn(record, lowerName) ? record[lowerName] : undefined;
    if (value === undefined) {
      for (const key of Object.keys(record)) {
        if (key.length === lowerName.length && key.toLowerCase() === lowerName) {
          value = record[key];
          break;
        }
      }
    }
    return headerText(value, separator);
  } catch {
    return undefined;
  }
}

function headerText(value: unknown, separator: string): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) || value.length === 0) return undefined;
  for (const item of value) if (typeof item !== 'string') return undefined;
  return value.join(separator);
}

/** The three Standard Webhooks headers of a request, when present. */
export interface StandardWebhookHeaderValues {
  /** `webhook-id` (or `svix-id`). */
  id: string | undefined;
  /** `webhook-timestamp` (or `svix-timestamp`), unix seconds as text. */
  timestamp: string | undefined;
  /** `webhook-signature` (or `svix-signature`): space-separated `version,signature` pairs. */
  signature: string | undefined;
}

/**
 * Read `webhook-id`, `webhook-timestamp` and `webhook-signature`, falling back
 * to the `svix-*` names that Svix-powered senders (Clerk, Resend, …) use.
 * Several `webhook-signature` lines are joined with a space, as the
 * specification's list separator.
 */
export function readStandardWebhookHeaders(headers: unknown): StandardWebhookHeaderValues {
  return {
    id: readHeader(headers, 'webhook-id') ?? readHeader(headers, 'svix-id'),
    timestamp: readHeader(headers, 'webhook-timestamp') ?? readHeader(headers, 'svix-timestamp'),
    signature:
      readHeader(headers, 'webhook-signature', ' ') ?? readHeader(headers, 'svix-signature', ' '),
  };
}
