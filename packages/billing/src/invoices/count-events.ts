import { addMoney, type Money, money } from '@tollgate/core';
import type { BillingEvent } from '../ledger/types.js';
import type { BillingPeriod } from '../pricing/index.js';
import type { IssueCollector } from './issue-codes.js';
import { localMonthOf } from './local-month.js';
import type { BillingEventSource } from './types.js';

/** The events of one operation and tier that count in the period. */
export interface CountedGroup {
  readonly operation: string;
  readonly tier: string | null;
  /** The counted events, by id, in id order. */
  readonly events: BillingEvent[];
}

/** Reversals in the period of charges from earlier periods, by operation and tier. */
export interface CorrectionGroup {
  readonly operation: string;
  readonly tier: string | null;
  quantity: number;
  amount: Money;
}

/** What the period's events add up to: the charges that count and the corrections. */
export interface CountedEvents {
  readonly groups: CountedGroup[];
  readonly corrections: CorrectionGroup[];
}

interface EventRecord {
  readonly event: BillingEvent;
  readonly inPeriod: boolean;
  cancelledBy: string | undefined;
}

function groupKey(operation: string, tier: string | null): string {
  return JSON.stringify([operation, tier]);
}

function byId(a: BillingEvent, b: BillingEvent): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isEventShape(value: unknown): value is BillingEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<BillingEvent>;
  return (
    typeof event.id === 'string' &&
    typeof event.tenantId === 'string' &&
    typeof event.operation === 'string' &&
    (event.tier === null || typeof event.tier === 'string') &&
    (event.reverses === null || typeof event.reverses === 'string') &&
    event.createdAt instanceof Date &&
    !Number.isNaN(event.createdAt.getTime()) &&
    typeof event.amount?.amount === 'bigint' &&
    typeof event.amount.currency === 'string'
  );
}

async function readEvents(
  source: BillingEventSource,
  tenantId: string,
  period: BillingPeriod,
  timeZone: string,
  currency: string,
  issues: IssueCollector,
): Promise<Map<string, EventRecord>> {
  const records = new Map<string, EventRecord>();
  let index = 0;
  for await (const event of source) {
    const position = index++;
    if (!isEventShape(event)) {
      issues.add('invalid_event', `Event ${position} is not a BillingEvent`, ['events', position]);
      continue;
    }
    const path = ['events', event.id];
    if (records.has(event.id)) {
      issues.add('duplicate_event', `Event ${event.id} is given twice`, path);
      continue;
    }
    if (event.tenantId !== tenantId) {
      issues.add(
        'wrong_tenant',
        `Event ${event.id} belongs to tenant ${event.tenantId}, not ${tenantId}`,
        [...path, 'tenantId'],
      );
      continue;
    }
    const month = localMonthOf(event.createdAt, timeZone);
    const inPeriod = month.year === period.year && month.month === period.month;
    if (inPeriod && event.amount.currency !== currency) {
      issues.add(
        'currency_mismatch',
        `Event ${event.id} is in ${event.amount.currency}; tenant ${tenantId} is invoiced in ${currency}`,
        [...path, 'amount', 'currency'],
      );
    }
    records.set(event.id, { event, inPeriod, cancelledBy: undefined });
  }
  return records;
}

/**
 * Read a tenant's events and count what the period holds. An event counts in
 * the period its `createdAt` falls in, in `timeZone`; events outside it are
 * only used to match reversals. A reversal in the period cancels its original
 * when the original is in the period too (neither is counted); a reversal of
 * a charge from an earlier period becomes a correction at the reversal's own
 * (negative) amount. Problems — another tenant's event, another currency, an
 * id given twice, a charge reversed twice — are all collected in `issues`.
 */
export async function countEvents(
  source: BillingEventSource,
  tenantId: string,
  period: BillingPeriod,
  timeZone: string,
  currency: string,
  issues: IssueCollector,
): Promise<CountedEvents> {
  const records = await readEvents(source, tenantId, period, timeZone, currency, issues);
  const corrections = new Map<string, CorrectionGroup>();

  for (const record of records.values()) {
    const { event } = record;
    // A reversal in another currency is already an issue; it is left out of the sums.
    if (event.reverses === null || !record.inPeriod || event.amount.currency !== currency) continue;
    const original = records.get(event.reverses);
    const path = ['events', event.id, 'reverses'];
    if (original !== undefined && original.event.reverses !== null) {
      issues.add(
        'unsupported_reversal',
        `Event ${event.id} reverses ${original.event.id}, which is itself a reversal`,
        path,
      );
    } else if (original?.inPeriod) {
      if (original.cancelledBy !== undefined) {
        issues.add(
          'duplicate_reversal',
          `Events ${original.cancelledBy} and ${event.id} both reverse ${original.event.id}`,
          path,
        );
      }
      original.cancelledBy = event.id;
    } else {
      const key = groupKey(event.operation, event.tier);
      const group = corrections.get(key);
      if (group === undefined) {
        corrections.set(key, {
          operation: event.operation,
          tier: event.tier,
          quantity: -1,
          amount: money(event.amount.amount, event.amount.currency),
        });
      } else {
        group.quantity -= 1;
        group.amount = addMoney(group.amount, event.amount);
      }
    }
  }

  const groups = new Map<string, CountedGroup>();
  for (const record of records.values()) {
    const { event } = record;
    if (!record.inPeriod || event.reverses !== null || record.cancelledBy !== undefined) continue;
    const key = groupKey(event.operation, event.tier);
    const group = groups.get(key) ?? { operation: event.operation, tier: event.tier, events: [] };
    group.events.push(event);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.events.sort(byId);
  return { groups: [...groups.values()], corrections: [...corrections.values()] };
}
