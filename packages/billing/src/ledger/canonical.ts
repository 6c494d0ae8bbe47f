import type { BillingEvent, NewBillingEvent } from './types.js';

/** The version of the canonical event text; it is part of every hashed text. */
export const CANONICAL_VERSION = 1;

/** Where the writer is in the value, kept as steps and turned into text only for an error. */
type Path = Array<string | number>;

function pathText(path: Path): string {
  let text = '$';
  for (const step of path) text += typeof step === 'number' ? `[${step}]` : `.${step}`;
  return text;
}

function write(value: unknown, path: Path): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${pathText(path)} is not a finite number`);
      return JSON.stringify(value);
    case 'bigint':
      // Digits and a sign: nothing to escape.
      return `"${value.toString()}"`;
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        let text = '[';
        for (let index = 0; index < value.length; index++) {
          if (index > 0) text += ',';
          path.push(index);
          // A hole is `undefined`, which has no JSON form: refused like any other.
          text += write(value[index], path);
          path.pop();
        }
        return `${text}]`;
      }
      const record = value as Record<string, unknown>;
      // Code-unit order, as JSON Canonicalization (RFC 8785) sorts keys: the default
      // sort of strings, independent of locale.
      const keys = Object.keys(record).sort();
      let text = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (text.length > 1) text += ',';
        path.push(key);
        text += `${JSON.stringify(key)}:${write(item, path)}`;
        path.pop();
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`${pathText(path)} cannot be serialized (${typeof value})`);
  }
}

/**
 * Canonical JSON: object keys in code-unit order at every depth, no
 * whitespace, `bigint` as a decimal string, `Date` as an ISO 8601 string,
 * `undefined` members left out. The same value always gives the same text,
 * whatever the order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
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
