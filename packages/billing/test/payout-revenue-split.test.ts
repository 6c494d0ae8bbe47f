import { addMoney, money, ValidationError } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePartnerPayouts, type PartnerShare } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { billingEvent } from './fixtures/invoice-events.js';

let sequence = 0n;
function event(operation: string, cents: bigint, extra: Partial<BillingEvent> = {}): BillingEvent {
  sequence += 1n;
  return billingEvent({
    id: `e${sequence}`,
    operation,
    amount: money(cents, 'USD'),
    sequence,
    ...extra,
  });
}

describe('computePartnerPayouts', () => {
  it('splits each operation exactly, by hand-computed amounts', async () => {
    const payouts = await computePartnerPayouts({
      events: [
        event('customs.submission', 5000n),
        event('customs.submission', 5001n), // revenue 10001
        event('fx.conversion', 2n),
        event('fx.conversion', 1n), // revenue 3
        event('sme.validation', 450n), // no partner: all the platform's
      ],
      shares: [
        { partnerId: 'customs-co', operation: 'customs.submission', share: '0.30' },
        { partnerId: 'fx-b', operations: ['fx.conversion'], share: '0.25' },
        { partnerId: 'fx-c', operations: ['fx.conversion', 'customs.submission'], share: '0.25' },
      ],
    });
    expect(payouts.operations).toEqual([
      {
        operation: 'customs.submission',
        revenue: money(10001n, 'USD'),
        // exact: customs-co 3000.3, fx-c 2500.25, platform 4500.45 → 3000, 2500, 4500; the leftover
        // cent goes to the largest remainder, the platform's .45
        platform: money(4501n, 'USD'),
        partners: [
          { partnerId: 'customs-co', share: '0.30', amount: money(3000n, 'USD') },
          { partnerId: 'fx-c', share: '0.25', amount: money(2500n, 'USD') },
        ],
      },
      {
        operation: 'fx.conversion',
        revenue: money(3n, 'USD'),
        // exact: fx-b 0.75, fx-c 0.75, platform 1.5 → 0, 0, 1; two cents left go to fx-b and fx-c
        platform: money(1n, 'USD'),
        partners: [
          { partnerId: 'fx-b', share: '0.25', amount: money(1n, 'USD') },
          { partnerId: 'fx-c', share: '0.25', amount: money(1n, 'USD') },
        ],
      },
      {
        operation: 'sme.validation',
        revenue: money(450n, 'USD'),
        platform: money(450n, 'USD'),
        partners: [],
      },
    ]);
    expect(payouts.partners).toEqual([
      {
        partnerId: 'customs-co',
        total: money(3000n, 'USD'),
        operations: [
          { operation: 'customs.submission', share: '0.30', amount: money(3000n, 'USD') },
        ],
      },
      {
        partnerId: 'fx-b',
        total: money(1n, 'USD'),
        operations: [{ operation: 'fx.conversion', share: '0.25', amount: money(1n, 'USD') }],
      },
      {
        partnerId: 'fx-c',
        total: money(2501n, 'USD'),
        operations: [
          { operation: 'customs.submission', share: '0.25', amount: money(2500n, 'USD') },
          { operation: 'fx.conversion', share: '0.25', amount: money(1n, 'USD') },
        ],
      },
    ]);
  });

  it('nets reversals out of revenue and keeps currencies apart', async () => {
    async function* events() {
      yield event('bank.recheck', 4000n);
      yield event('bank.recheck', 4000n);
      yield event('bank.recheck', -4000n, { reverses: 'e-any' });
      yield event('bank.recheck', 1000n, { amount: money(1000n, 'JPY') });
    }
    const payouts = await computePartnerPayouts({
      events: events(),
      shares: [{ partnerId: 'bank', operation: 'bank.recheck', share: '0.5' }],
    });
    expect(
      payouts.operations.map((split) => [split.revenue, split.platform, split.partners[0]?.amount]),
    ).toEqual([
      [money(1000n, 'JPY'), money(500n, 'JPY'), money(500n, 'JPY')],
      [money(4000n, 'USD'), money(2000n, 'USD'), money(2000n, 'USD')],
    ]);
    expect(payouts.partners.map((payout) => payout.total)).toEqual([
      money(500n, 'JPY'),
      money(2000n, 'USD'),
    ]);
  });

  it('refuses shares above 1 in total, a partner twice, floats, and an unclear scope', async () => {
    const issuesOf = async (shares: unknown) => {
      try {
        await computePartnerPayouts({ events: [], shares: shares as PartnerShare[] });
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => [issue.path, issue.code]);
      }
      throw new Error('expected a ValidationError');
    };
    expect(
      await issuesOf([
        { partnerId: 'a', operation: 'x', share: '0.6' },
        { partnerId: 'b', operation: 'x', share: '0.5' },
        { partnerId: 'a', operation: 'x', share: '0' },
        { partnerId: 'c', operation: 'y', share: 0.3 },
        { partnerId: 'd', operation: 'y', operations: ['z'], share: '0.1' },
      ]),
    ).toEqual([
      [[3, 'share'], 'number_not_allowed'],
      [[4], 'ambiguous_operations'],
      [[2], 'duplicate_share'],
      [[], 'shares_above_one'],
    ]);
  });

  it('always pays out exactly the revenue (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.bigInt({ min: -5_000n, max: 1_000_000n }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 5 }),
        async (amounts, permille) => {
          // Scale the shares down so they add up to at most 1.
          const total = permille.reduce((sum, share) => sum + share, 0);
          const shares = permille.map((share, index) => {
            const scaled = Math.floor((share * 1000) / Math.max(total, 1000));
            const decimal = scaled === 1000 ? '1' : `0.${scaled.toString().padStart(3, '0')}`;
            return { partnerId: `p${index}`, operation: 'op', share: decimal };
          });
          const payouts = await computePartnerPayouts({
            events: amounts.map((cents) => event('op', cents)),
            shares,
          });
          const [split] = payouts.operations;
          if (split === undefined) throw new Error('no split');
          const paid = split.partners.reduce(
            (sum, partner) => addMoney(sum, partner.amount),
            split.platform,
          );
          expect(paid).toEqual(split.revenue);
          expect(split.revenue.amount).toBe(amounts.reduce((sum, cents) => sum + cents, 0n));
        },
      ),
    );
  });
});
