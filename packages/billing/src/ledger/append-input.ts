import {
  describeIssues,
  isMoney,
  issuesFromZod,
  type Money,
  ValidationError,
} from '@tollgate/core';
import { z } from 'zod';
import type { BillingActor } from './types.js';

/** The largest amount a store column holds: a signed 64-bit integer of minor units. */
const MAX_MINOR_UNITS = 2n ** 63n - 1n;
/** Longest id, key or reference accepted. */
const MAX_TEXT = 256;

const text = z.string().min(1).max(MAX_TEXT);

/** A NUL character, which PostgreSQL cannot store in text or JSON. */
const NUL = '\u0000';

/** Plain JSON all the way down, without a NUL in any string or key (checked in one walk). */
function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'string') return !value.includes(NUL);
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    // An index loop, not `every`: a hole (a sparse array) is `undefined`, not JSON.
    for (let index = 0; index < value.length; index++) {
      if (!isJsonValue(value[index], depth + 1)) return false;
    }
    return true;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key in value) {
      if (key.includes(NUL) || !isJsonValue((value as Record<string, unknown>)[key], depth + 1)) {
        return false;
      }
    }
    return true;
  }
  return false;
}

/** Plain JSON metadata: objects, arrays, strings, finite numbers, booleans, null; no NUL character. */
export const metadataSchema = z.custom<Record<string, unknown>>(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value, 0),
  { message: 'metadata must be a plain JSON object (no bigint, Date, NaN, Infinity or \\u0000)' },
);

/** A billing actor: who caused an event or asks for an operation. */
export const actorSchema = z.object({ id: text, role: text });

/** An operation name: `sme.validation`, `bank.recheck`, … (lower case, dots, dashes, underscores). */
export const operationSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'operation must look like "sme.validation"');

const moneySchema = z.custom<Money>(
  (value) => isMoney(value) && value.amount <= MAX_MINOR_UNITS && value.amount >= -MAX_MINOR_UNITS,
  {
    message: 'amount must be Money: a bigint of minor units (within 64 bits) and an ISO 4217 code',
  },
);

const appendInputSchema = z
  .object({
    tenantId: text,
    actor: actorSchema,
    sessionId: text.nullable().optional(),
    operation: operationSchema,
    tier: text.nullable().optional(),
    amount: moneySchema,
    idempotencyKey: text,
    externalReference: text.nullable().optional(),
    reverses: text.nullable().optional(),
    metadata: metadataSchema.optional(),
  })
  .superRefine((input, context) => {
    if (isMoney(input.amount) && input.amount.amount < 0n && !input.reverses) {
      context.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'a negative amount is only allowed on a reversing event (set reverses)',
      });
    }
  });

/** What `ledger.append` takes; `sessionId`, `tier`, `externalReference`, `reverses` default to `null`, `metadata` to `{}`. */
export interface AppendInput {
  tenantId: string;
  actor: BillingActor;
  sessionId?: string | null;
  operation: string;
  tier?: string | null;
  amount: Money;
  idempotencyKey: string;
  externalReference?: string | null;
  reverses?: string | null;
  metadata?: Record<string, unknown>;
}

/** Throw a `ValidationError` listing every issue of `error`, prefixed with `what`. */
export function invalid(what: string, error: z.ZodError): never {
  const issues = issuesFromZod(error);
  throw new ValidationError(`Invalid ${what}: ${describeIssues('', issues)}`, issues);
}

/** Check `input` and fill in the defaults; a `ValidationError` lists every problem. */
export function parseAppendInput(input: AppendInput) {
  const parsed = appendInputSchema.safeParse(input);
  if (!parsed.success) invalid('billing event', parsed.error);
  const value = parsed.data;
  return {
    tenantId: value.tenantId,
    actor: { id: value.actor.id, role: value.actor.role },
    sessionId: value.sessionId ?? null,
    operation: value.operation,
    tier: value.tier ?? null,
    amount: value.amount,
    idempotencyKey: value.idempotencyKey,
    externalReference: value.externalReference ?? null,
    reverses: value.reverses ?? null,
    metadata: value.metadata ?? {},
  };
}
