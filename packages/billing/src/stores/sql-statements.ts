import type { EventQuery, SqlValue, TotalsQuery } from './types.js';

/** A statement and its parameters. */
export interface BoundStatement {
  sql: string;
  params: SqlValue[];
}

function conditions(
  query: Omit<EventQuery, 'limit' | 'after'> & TotalsQuery,
  params: SqlValue[],
  time: (date: Date) => SqlValue,
): string[] {
  const where: string[] = [];
  const bind = (value: SqlValue) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.tenantId !== undefined) where.push(`tenant_id = ${bind(query.tenantId)}`);
  if (query.sessionId !== undefined) where.push(`session_id = ${bind(query.sessionId)}`);
  if (query.operation !== undefined) where.push(`operation = ${bind(query.operation)}`);
  if (query.actorRole !== undefined) where.push(`actor_role = ${bind(query.actorRole)}`);
  if (query.from !== undefined) where.push(`created_at >= ${bind(time(query.from))}`);
  if (query.to !== undefined) where.push(`created_at < ${bind(time(query.to))}`);
  if (query.fromId !== undefined) where.push(`id >= ${bind(query.fromId)}`);
  if (query.toId !== undefined) where.push(`id < ${bind(query.toId)}`);
  return where;
}

/**
 * `SELECT` for a page of events in id order (which is (`created_at`, `id`)
 * order), for either dialect; `time` turns a `Date` into the dialect's time value.
 */
export function listEventsStatement(
  query: EventQuery,
  time: (date: Date) => SqlValue,
): BoundStatement {
  const params: SqlValue[] = [];
  const where = conditions(query, params, time);
  if (query.after !== undefined) {
    params.push(query.after);
    where.push(`id > $${params.length}`);
  }
  params.push(query.limit);
  return {
    sql: `SELECT * FROM billing_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`,
    params,
  };
}

/** `SELECT` for charge and reversal counts and net amounts per tenant, operation and currency. */
export function totalsStatement(
  query: TotalsQuery,
  time: (date: Date) => SqlValue,
): BoundStatement {
  const params: SqlValue[] = [];
  const where = conditions(query, params, time);
  return {
    sql: `SELECT tenant_id, operation, currency,
        SUM(CASE WHEN reverses IS NULL THEN 1 ELSE 0 END) AS charges,
        SUM(CASE WHEN reverses IS NULL THEN 0 ELSE 1 END) AS reversals,
        SUM(amount) AS net
      FROM billing_events${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
      GROUP BY tenant_id, operation, currency
      ORDER BY tenant_id, operation, currency`,
    params,
  };
}
