import type { BillingEvent, NewBillingEvent } from './types.js';

/** The version of the canonical event text; it is part of every hashed text. */
export const CANONICAL_VERSION = 1;

function compareKeys(a: string, b: string): number {
  // Code-unit order, as JSON Canonicalization (RFC 8785) sorts keys: independent of locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number`);
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => compareKeys(a, b));
      return `{${entries
        .map(([key, item]) => `${JSON.stringify(key)}:${write(item, `${path}.${key}`)}`)
        .join(',')}}`;
    }
    default:
      throw new TypeError(`${path} cannot be serialized (${typeof value})`);
  }
}

/**
 * Canonical JSON: object keys in code-unit order at every depth, no
 * whitespace, `bigint` as a decimal string, `Date` as an ISO 8601 string,
 * `undefined` members left out. The same value always gives the same text,
 * whatever the order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** The event fields the canonical text covers: everything but the chain position and hashes. */
export type CanonicalEventFields = NewBillingEvent & Pick<BillingEvent, 'id' | 'createdAt'>;

/**
 * The canonical text of a billing event: the text that is hashed and stored
 * beside the event. It covers every field a reader sees except `sequence`,
 * `prevHash` and `hash`, which the chain itself fixes (the hash covers
 * `prevHash`, and `verify()` checks that sequences run 1, 2, 3 …).
 */
export function canonicalEventText(event: CanonicalEventFields): string {
  return canonicalJson({
    v: CANONICAL_VERSION,
    id: event.id,
    tenantId: event.tenantId,
    actor: { id: event.actor.id, role: event.actor.role },
    sessionId: event.sessionId,
    operation: event.operation,
    tier: event.tier,
    amount: event.amount.amount,
    currency: event.amount.currency,
    idempotencyKey: event.idempotencyKey,
    externalReference: event.externalReference,
    reverses: event.reverses,
    metadata: event.metadata,
    createdAt: event.createdAt,
  });
}
