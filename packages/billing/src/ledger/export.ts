import type { BillingEvent } from './types.js';

/** The columns of a CSV export, in order. */
export const CSV_COLUMNS = [
  'id',
  'tenant_id',
  'sequence',
  'created_at',
  'actor_id',
  'actor_role',
  'session_id',
  'operation',
  'tier',
  'amount_minor',
  'currency',
  'idempotency_key',
  'external_reference',
  'reverses',
  'metadata',
  'prev_hash',
  'hash',
  'canonical',
] as const;

/**
 * One event as a JSON object with every field, amounts in minor units as
 * strings, so that an export can be re-verified on its own (`canonical`,
 * `prevHash` and `hash` included).
 */
export function eventToJson(event: BillingEvent): Record<string, unknown> {
  return {
    id: event.id,
    tenantId: event.tenantId,
    sequence: event.sequence.toString(),
    createdAt: event.createdAt.toISOString(),
    actor: { id: event.actor.id, role: event.actor.role },
    sessionId: event.sessionId,
    operation: event.operation,
    tier: event.tier,
    amount: { amount: event.amount.amount.toString(), currency: event.amount.currency },
    idempotencyKey: event.idempotencyKey,
    externalReference: event.externalReference,
    reverses: event.reverses,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
    canonical: event.canonical,
  };
}

/** One event as a JSON Lines line, newline included. */
export function eventToJsonLine(event: BillingEvent): string {
  return `${JSON.stringify(eventToJson(event))}\n`;
}

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV header line (RFC 4180, CRLF), for {@link eventToCsvRow}. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/**
 * One event as a CSV record (RFC 4180: quoted when needed, CRLF). Values are
 * written exactly as stored (no spreadsheet formula escaping), amounts in minor
 * units, an empty field for `null`.
 */
export function eventToCsvRow(event: BillingEvent): string {
  const fields: Array<string | null> = [
    event.id,
    event.tenantId,
    event.sequence.toString(),
    event.createdAt.toISOString(),
    event.actor.id,
    event.actor.role,
    event.sessionId,
    event.operation,
    event.tier,
    event.amount.amount.toString(),
    event.amount.currency,
    event.idempotencyKey,
    event.externalReference,
    event.reverses,
    JSON.stringify(event.metadata),
    event.prevHash,
    event.hash,
    event.canonical,
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
}
