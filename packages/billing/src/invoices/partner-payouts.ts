import { addMoney, allocateMoney, type Money, money } from '@tollgate/core';
import { z } from 'zod';
import { addCodedIssue, fractionString, nameString } from '../pricing/config-values.js';
import { DECIMAL_PATTERN, parseDecimal } from '../pricing/exact-decimal.js';
import { validateInput } from '../pricing/validate-input.js';
import { IssueCollector } from './issue-codes.js';
import type { BillingEventSource } from './types.js';

/** A partner's share of the revenue of one or more operations. */
export type PartnerShare = {
  partnerId: string;
  /** A decimal fraction: `'0.30'` is 30 % of the operation's revenue. */
  share: string;
} & (
  | { operation: string; operations?: never }
  | { operations: readonly string[]; operation?: never }
);

/** What `computePartnerPayouts` takes. */
export interface PartnerPayoutOptions {
  /** The billing events whose revenue is shared (a period's, typically); reversals reduce it. */
  events: BillingEventSource;
  shares: readonly PartnerShare[];
}

/** One operation's revenue in one currency and who gets what of it. */
export interface OperationPayout {
  operation: string;
  /** The sum of the events' amounts, reversals included. */
  revenue: Money;
  /** What the platform keeps: `revenue` minus the partners' amounts, exactly. */
  platform: Money;
  /** By partner id. */
  partners: Array<{ partnerId: string; share: string; amount: Money }>;
}

/** One partner's payout in one currency, by operation. */
export interface PartnerPayout {
  partnerId: string;
  total: Money;
  /** By operation. */
  operations: Array<{ operation: string; share: string; amount: Money }>;
}

/** The payouts, seen by operation and by partner. */
export interface PartnerPayouts {
  /** By operation, then currency. */
  operations: OperationPayout[];
  /** By partner id, then currency. */
  partners: PartnerPayout[];
}

interface ShareEntry {
  readonly partnerId: string;
  readonly share: string;
}

const shareSchema = z
  .object({
    partnerId: nameString,
    share: fractionString,
    operation: nameString.optional(),
    operations: z.array(nameString).min(1).optional(),
  })
  .superRefine((entry, ctx) => {
    if ((entry.operation === undefined) === (entry.operations === undefined)) {
      addCodedIssue(
        ctx,
        'ambiguous_operations',
        'Give either operation or operations (one of them, not both)',
      );
    }
  });

function sharesOf(entry: z.output<typeof shareSchema>): string[] {
  return entry.operations ?? (entry.operation === undefined ? [] : [entry.operation]);
}

/** Shares per operation may add up to at most 1, and name a partner once per operation. */
const sharesSchema = z.array(shareSchema).superRefine((entries, ctx) => {
  const byOperation = new Map<string, { total: bigint; scale: number; partners: Set<string> }>();
  entries.forEach((entry, index) => {
    if (typeof entry.share !== 'string' || !DECIMAL_PATTERN.test(entry.share)) return;
    for (const operation of sharesOf(entry)) {
      const sums = byOperation.get(operation) ?? { total: 0n, scale: 0, partners: new Set() };
      if (sums.partners.has(entry.partnerId)) {
        addCodedIssue(
          ctx,
          'duplicate_share',
          `Partner ${entry.partnerId} has two shares of ${operation}`,
          [index],
        );
      }
      sums.partners.add(entry.partnerId);
      const share = parseDecimal(entry.share);
      const scale = Math.max(sums.scale, share.scale);
      sums.total =
        sums.total * 10n ** BigInt(scale - sums.scale) +
        share.digits * 10n ** BigInt(scale - share.scale);
      sums.scale = scale;
      byOperation.set(operation, sums);
    }
  });
  for (const [operation, sums] of byOperation) {
    if (sums.total > 10n ** BigInt(sums.scale)) {
      addCodedIssue(
        ctx,
        'shares_above_one',
        `The partners' shares of ${operation} add up to more than 1`,
      );
    }
  }
});

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Weights at one scale for `allocateMoney`: the partners' shares, then what is left for the platform. */
function weightsOf(shares: readonly ShareEntry[]): bigint[] {
  const decimals = shares.map((entry) => parseDecimal(entry.share));
  const scale = decimals.reduce((max, decimal) => Math.max(max, decimal.scale), 0);
  const partners = decimals.map((decimal) => decimal.digits * 10n ** BigInt(scale - decimal.scale));
  const platform = 10n ** BigInt(scale) - partners.reduce((sum, weight) => sum + weight, 0n);
  return [...partners, platform];
}

/**
 * Split each operation's revenue between partners and the platform. Revenue
 * is the sum of the events' amounts per operation and currency (a reversal's
 * negative amount reduces it). Each split is made with `allocateMoney`, so the
 * platform's amount plus the partners' amounts equal the revenue to the minor
 * unit: every part is rounded toward zero, and the minor units left over go
 * to the largest remainders, ties to partners in id order before the platform.
 * Bad shares (above 1 in total, a partner twice on an operation, a float)
 * throw one `ValidationError` listing every issue.
 */
export async function computePartnerPayouts(
  options: PartnerPayoutOptions,
): Promise<PartnerPayouts> {
  const entries = validateInput(sharesSchema, options.shares, 'partner shares');
  const sharesByOperation = new Map<string, ShareEntry[]>();
  for (const entry of entries) {
    for (const operation of sharesOf(entry)) {
      const list = sharesByOperation.get(operation) ?? [];
      list.push({ partnerId: entry.partnerId, share: entry.share });
      sharesByOperation.set(operation, list);
    }
  }

  const issues = new IssueCollector();
  const revenue = new Map<string, { operation: string; revenue: Money }>();
  let index = 0;
  for await (const event of options.events) {
    const position = index++;
    const amount = event?.amount;
    if (typeof event?.operation !== 'string' || typeof amount?.amount !== 'bigint') {
      issues.add('invalid_event', `Event ${position} is not a BillingEvent`, ['events', position]);
      continue;
    }
    const key = JSON.stringify([event.operation, amount.currency]);
    const sum = revenue.get(key);
    revenue.set(key, {
      operation: event.operation,
      revenue:
        sum === undefined ? money(amount.amount, amount.currency) : addMoney(sum.revenue, amount),
    });
  }
  issues.throwIfAny('Cannot compute partner payouts');

  const operations = [...revenue.values()]
    .sort(
      (a, b) =>
        compareText(a.operation, b.operation) ||
        compareText(a.revenue.currency, b.revenue.currency),
    )
    .map(({ operation, revenue: total }): OperationPayout => {
      const shares = [...(sharesByOperation.get(operation) ?? [])].sort((a, b) =>
        compareText(a.partnerId, b.partnerId),
      );
      const parts = allocateMoney(total, weightsOf(shares));
      return {
        operation,
        revenue: total,
        platform: parts.at(-1) ?? total,
        partners: shares.map((entry, position) => ({
          partnerId: entry.partnerId,
          share: entry.share,
          amount: parts[position] ?? money(0n, total.currency),
        })),
      };
    });

  const partners = new Map<string, PartnerPayout>();
  for (const operation of operations) {
    for (const part of operation.partners) {
      const key = JSON.stringify([part.partnerId, part.amount.currency]);
      const payout = partners.get(key) ?? {
        partnerId: part.partnerId,
        total: money(0n, part.amount.currency),
        operations: [],
      };
      payout.total = addMoney(payout.total, part.amount);
      payout.operations.push({
        operation: operation.operation,
        share: part.share,
        amount: part.amount,
      });
      partners.set(key, payout);
    }
  }
  return {
    operations,
    partners: [...partners.values()].sort(
      (a, b) =>
        compareText(a.partnerId, b.partnerId) || compareText(a.total.currency, b.total.currency),
    ),
  };
}
