import { PaymentRequiredError } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BANK_RECHECK,
  bankRecheck,
  guardOver,
  SME_VALIDATION,
  smeValidation,
} from './fixtures/guard.js';
import {
  memoryFactory,
  postgresFactory,
  sqliteFactory,
  type TestStore,
} from './fixtures/stores.js';

/**
 * The scenario of DESIGN.md ("One request through the system"), steps 2–4:
 * the SME pays for its validation of session S, the bank pays separately for
 * its own recheck of S after consenting to a quote, and the bank's repeat is
 * not billed again.
 */
for (const factory of [memoryFactory, sqliteFactory, postgresFactory]) {
  describe.skipIf(!factory.available)(`dual billing of one session (${factory.name})`, () => {
    let test: TestStore;
    beforeEach(async () => {
      test = await factory.create();
    });
    afterEach(async () => {
      await test.cleanup();
    });

    it('bills the SME once and the bank once, each for its own operation', async () => {
      const { guard, ledger } = guardOver(test.store);

      // 1. The SME validates session S: billed SME_VALIDATION.
      const sme = await guard.run(smeValidation('sme-upload-1', 'S'), () => ({ findings: [] }));
      expect(sme.event).toMatchObject({
        actor: { role: 'sme' },
        sessionId: 'S',
        operation: 'sme.validation',
        amount: SME_VALIDATION,
      });

      // 2. The bank asks for S: 402 with a quote; the SME's payment does not cover it.
      const refused = await guard
        .run(bankRecheck('bank-req-1'), () => 'must not run')
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(PaymentRequiredError);
      const { quote } = refused as PaymentRequiredError;
      expect(quote).toMatchObject({ operation: 'bank.recheck', amount: 2500n, currency: 'USD' });

      // 3. The bank consents: billed BANK_RECHECK.
      let sentToBank = 0;
      const bank = await guard.run(bankRecheck('bank-req-1', quote.quoteId), () => {
        sentToBank += 1;
        return 'MT700 sent';
      });
      expect(bank).toMatchObject({
        result: 'MT700 sent',
        replayed: false,
        event: {
          actor: { role: 'bank' },
          sessionId: 'S',
          operation: 'bank.recheck',
          amount: BANK_RECHECK,
        },
      });

      // 4. The bank repeats with the same idempotency key: the same event, no second charge.
      const repeat = await guard.run(bankRecheck('bank-req-1', quote.quoteId), () => {
        sentToBank += 1;
        return 'MT700 sent twice';
      });
      expect(repeat).toEqual({ result: undefined, event: bank.event, replayed: true });
      expect(sentToBank).toBe(1);

      const events = (await ledger.list({ sessionId: 'S' })).events;
      expect(events.map((e) => [e.actor.role, e.operation, e.amount.amount])).toEqual([
        ['sme', 'sme.validation', 500n],
        ['bank', 'bank.recheck', 2500n],
      ]);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 2 });
    });
  });
}
