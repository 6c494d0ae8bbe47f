import { money, PaymentRequiredError } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BANK_RECHECK, bankRecheck, guardOver, smeValidation } from './fixtures/guard.js';
import { memoryFactory, sqliteFactory, type TestStore } from './fixtures/stores.js';

async function quoteOf(promise: Promise<unknown>): Promise<PaymentRequiredError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PaymentRequiredError);
  return error as PaymentRequiredError;
}

for (const factory of [memoryFactory, sqliteFactory]) {
  describe(`bank recheck rule (${factory.name})`, () => {
    let test: TestStore;
    beforeEach(async () => {
      test = await factory.create();
    });
    afterEach(async () => {
      await test.cleanup();
    });

    it('answers a bank with 402 and a quote; its consent authorizes and bills the bank', async () => {
      const { guard, ledger, clock } = guardOver(test.store);
      const quotes: string[] = [];
      guard.events.on('quote.created', (payload) => quotes.push(payload.quoteId));
      const refused = await quoteOf(guard.authorize(bankRecheck('b1')));
      expect(refused.status).toBe(402);
      expect(refused.quote).toEqual({
        quoteId: expect.stringMatching(/^quote_/),
        operation: 'bank.recheck',
        amount: 2500n,
        currency: 'USD',
        expiresAt: new Date(clock.now().getTime() + 15 * 60_000),
      });
      expect(refused.toProblem()).toMatchObject({
        type: 'https://tollgate.dev/problems/payment_required',
        reason: 'consent_required',
        quote: { quote_id: refused.quote.quoteId, amount: '2500', currency: 'USD' },
      });
      expect(quotes).toEqual([refused.quote.quoteId]);
      expect(await test.store.countIntents('pending')).toBe(0);

      const { event } = await guard.run(bankRecheck('b1', refused.quote.quoteId), () => 'sent');
      expect(event).toMatchObject({
        actor: { role: 'bank' },
        operation: 'bank.recheck',
        amount: BANK_RECHECK,
        metadata: { quoteId: refused.quote.quoteId },
      });
      expect((await ledger.list()).events).toHaveLength(1);
    });

    it('never lets an SME’s paid events satisfy the bank: each role pays for the same session', async () => {
      const { guard, ledger } = guardOver(test.store);
      await guard.run(smeValidation('sme-1'), () => 'valid');
      await guard.run(smeValidation('sme-2'), () => 'valid again');
      await quoteOf(guard.authorize(bankRecheck('b1')));
      // Even asking for the SME's own operation, the bank must consent to its own charge.
      const asSme = await quoteOf(
        guard.authorize({ ...bankRecheck('b2'), operation: 'sme.validation' }),
      );
      expect(asSme.quote).toMatchObject({ operation: 'sme.validation', amount: 500n });
      const totals = await ledger.totals({ tenantId: 'acme' });
      expect(totals).toEqual([
        {
          tenantId: 'acme',
          operation: 'sme.validation',
          charges: 2,
          reversals: 0,
          net: money(1000n, 'USD'),
        },
      ]);
    });

    it('binds a quote to its tenant, session, operation, payer and price', async () => {
      const { guard, prices } = guardOver(test.store);
      const { quote } = await quoteOf(guard.authorize(bankRecheck('b1')));
      const cases: Array<[Parameters<typeof guard.authorize>[0], string]> = [
        [{ ...bankRecheck('x1', quote.quoteId), tenantId: 'globex' }, 'quote_mismatch'],
        [bankRecheck('x2', quote.quoteId, 'another-session'), 'quote_mismatch'],
        [
          { ...bankRecheck('x3', quote.quoteId), operation: 'customs.submission' },
          'quote_mismatch',
        ],
        [
          { ...bankRecheck('x4', quote.quoteId), actor: { id: 'other-bank', role: 'bank' } },
          'quote_mismatch',
        ],
        [bankRecheck('x5', 'quote_made-up'), 'quote_unknown'],
      ];
      for (const [request, reason] of cases) {
        const refused = await quoteOf(guard.authorize(request));
        expect(refused.details.reason).toBe(reason);
        expect(refused.quote.quoteId).not.toBe(quote.quoteId);
      }
      prices.prices['bank.recheck'] = money(3000n, 'USD');
      const repriced = await quoteOf(guard.authorize(bankRecheck('b1', quote.quoteId)));
      expect(repriced.details.reason).toBe('price_changed');
      expect(repriced.quote.amount).toBe(3000n);
      expect(await test.store.countIntents('pending')).toBe(0);
    });

    it('rejects an expired quote with a fresh one', async () => {
      const { guard, clock } = guardOver(test.store, { quoteTtlMs: 60_000 });
      const { quote } = await quoteOf(guard.authorize(bankRecheck('b1')));
      clock.advance(60_000);
      const refused = await quoteOf(guard.authorize(bankRecheck('b1', quote.quoteId)));
      expect(refused.details.reason).toBe('quote_expired');
      const { event } = await guard.run(bankRecheck('b1', refused.quote.quoteId), () => 'ok');
      expect(event.amount).toEqual(BANK_RECHECK);
    });

    it('lets one quote pay for one request only', async () => {
      const { guard } = guardOver(test.store);
      const { quote } = await quoteOf(guard.authorize(bankRecheck('b1')));
      await guard.run(bankRecheck('b1', quote.quoteId), () => 'ok');
      const refused = await quoteOf(guard.authorize(bankRecheck('b2', quote.quoteId)));
      expect(refused.details.reason).toBe('quote_used');
    });
  });
}
