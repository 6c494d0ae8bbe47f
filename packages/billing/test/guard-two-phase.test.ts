import { money, ValidationError } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBillingGuard } from '../src/guard/guard.js';
import { createLedger } from '../src/ledger/ledger.js';
import { createPriceBook } from '../src/pricing/index.js';
import { memoryStore } from '../src/stores/memory.js';
import { guardOver, smeValidation } from './fixtures/guard.js';
import { memoryFactory, sqliteFactory, type TestStore } from './fixtures/stores.js';

for (const factory of [memoryFactory, sqliteFactory]) {
  describe(`two-phase billing guard (${factory.name})`, () => {
    let test: TestStore;
    beforeEach(async () => {
      test = await factory.create();
    });
    afterEach(async () => {
      await test.cleanup();
    });

    it('authorize writes a pending intent and bills nothing; commit appends exactly one event', async () => {
      const { guard, ledger } = guardOver(test.store);
      const intent = await guard.authorize(smeValidation('k1'));
      expect(intent).toMatchObject({
        status: 'pending',
        amount: money(500n, 'USD'),
        replayed: false,
      });
      expect((await ledger.list()).events).toHaveLength(0);
      const event = await intent.commit({ reference: 'submission-7', metadata: { findings: 0 } });
      expect(event).toMatchObject({
        tenantId: 'acme',
        actor: { id: 'sme-user', role: 'sme' },
        sessionId: 'S',
        operation: 'sme.validation',
        amount: money(500n, 'USD'),
        idempotencyKey: 'k1',
        externalReference: 'submission-7',
        metadata: { findings: 0, intentId: intent.id },
      });
      expect(intent.status).toBe('committed');
      expect((await ledger.list()).events).toEqual([event]);
      expect(await ledger.verify()).toMatchObject({ ok: true, count: 1 });
    });

    it('resolves an intent at most once', async () => {
      const { guard, clock } = guardOver(test.store);
      const committed = await guard.authorize(smeValidation('a'));
      await committed.commit();
      await expect(committed.commit()).rejects.toMatchObject({
        code: 'already_committed',
        status: 409,
      });
      await expect(committed.void()).rejects.toMatchObject({ code: 'already_committed' });

      const voided = await guard.authorize(smeValidation('b'));
      await voided.void('validation failed');
      await expect(voided.commit()).rejects.toMatchObject({ code: 'already_voided' });
      await expect(voided.void()).rejects.toMatchObject({ code: 'already_voided' });

      const late = await guard.authorize(smeValidation('c'));
      clock.advance(5 * 60_000);
      await expect(late.commit()).rejects.toMatchObject({ code: 'expired' });
      await expect(late.commit()).rejects.toMatchObject({ code: 'expired' });
      expect((await guard.ledger.list()).events).toHaveLength(1);
    });

    it('voids expired intents in the sweeper and on next access', async () => {
      const { guard, clock } = guardOver(test.store, { intentTimeoutMs: 1000 });
      const voidedEvents: string[] = [];
      guard.events.on('billing.voided', (payload) => voidedEvents.push(payload.reason));
      const swept = await guard.authorize(smeValidation('s1'));
      const accessed = await guard.authorize(smeValidation('s2'));
      clock.advance(1000);
      expect(await guard.getIntent(accessed.id)).toMatchObject({ status: 'voided' });
      expect(await guard.sweep()).toMatchObject({ expired: 1 });
      expect(await guard.getIntent(swept.id)).toMatchObject({ status: 'voided' });
      expect(voidedEvents).toEqual(['expired', 'expired']);
      // An expired key may be authorized again, as a new intent.
      const again = await guard.authorize(smeValidation('s1'));
      expect(again.id).not.toBe(swept.id);
      expect(again.status).toBe('pending');
    });

    it('gives a key left pending past its expiry (a crashed caller) a new intent on its next use', async () => {
      const { guard, clock } = guardOver(test.store, { intentTimeoutMs: 1000 });
      const voided: string[] = [];
      guard.events.on('billing.voided', (payload) => voided.push(payload.intentId));
      const crashed = await guard.authorize(smeValidation('k1'));
      clock.advance(500);
      // Still within its time: the same key is the same intent, replayed.
      const replayed = await guard.authorize(smeValidation('k1'));
      expect(replayed).toMatchObject({ id: crashed.id, replayed: true, status: 'pending' });
      clock.advance(500);
      const fresh = await guard.authorize(smeValidation('k1'));
      expect(fresh).toMatchObject({ replayed: false, status: 'pending' });
      expect(fresh.id).not.toBe(crashed.id);
      expect(voided).toEqual([crashed.id]);
      expect(await guard.getIntent(crashed.id)).toMatchObject({ status: 'voided' });
      await fresh.commit();
      expect((await guard.ledger.list()).events).toHaveLength(1);
    });

    it('run commits on success and returns fn’s result with the event', async () => {
      const { guard } = guardOver(test.store);
      const committed: string[] = [];
      guard.events.on('billing.committed', ({ event }) => committed.push(event.id));
      const outcome = await guard.run(
        smeValidation('r1'),
        async (intent) => ({ checked: intent.operation }),
        {
          commit: (result) => ({ reference: `ref-${result.checked}` }),
        },
      );
      expect(outcome).toMatchObject({
        result: { checked: 'sme.validation' },
        replayed: false,
        event: { externalReference: 'ref-sme.validation' },
      });
      expect(committed).toEqual([outcome.event.id]);
    });

    it('run voids on failure, bills nothing, and hands fn’s own error back', async () => {
      const { guard, ledger } = guardOver(test.store);
      const failure = new Error('MT700 field 45A missing');
      let seen: string | undefined;
      await expect(
        guard.run(smeValidation('f1'), (intent) => {
          seen = intent.id;
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await guard.getIntent(seen as string)).toMatchObject({ status: 'voided' });
      expect((await ledger.list()).events).toHaveLength(0);
      // The failed attempt's key can be tried again.
      const retry = await guard.run(smeValidation('f1'), () => 'ok');
      expect(retry).toMatchObject({ result: 'ok', replayed: false });
    });

    it('refuses a malformed request with a ValidationError and writes nothing', async () => {
      const { guard } = guardOver(test.store);
      for (const bad of [
        { ...smeValidation('v'), tenantId: '' },
        { ...smeValidation('v'), actor: { id: 'x' } },
        { ...smeValidation('v'), operation: 'NOT VALID' },
        { ...smeValidation(''), idempotencyKey: '' },
        { ...smeValidation('v'), metadata: { at: new Date() } },
      ]) {
        await expect(guard.authorize(bad as never)).rejects.toBeInstanceOf(ValidationError);
      }
      expect(await test.store.countIntents('pending')).toBe(0);
    });

    it('refuses an operation the tenant is not entitled to (403)', async () => {
      const { guard } = guardOver(test.store, {
        entitled: (request) => request.operation !== 'customs.submission',
      });
      await expect(
        guard.authorize({ ...smeValidation('e1'), operation: 'customs.submission' }),
      ).rejects.toMatchObject({ code: 'not_entitled', status: 403 });
      expect(await test.store.countIntents('pending')).toBe(0);
    });
  });
}

it('takes the price book as its price source, tier and transaction value included', async () => {
  const prices = createPriceBook({
    currency: 'USD',
    rates: [
      { operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' },
      { operation: 'sme.validation', tier: 'pro', model: 'per-unit', unitPrice: '4.50' },
      { operation: 'fx.conversion', model: 'percentage', share: '0.005' },
    ],
  });
  const ledger = createLedger({ store: memoryStore() });
  const guard = createBillingGuard({ ledger, prices });
  const pro = await guard.run({ ...smeValidation('p1'), tier: 'pro' }, () => 'ok');
  expect(pro.event).toMatchObject({ tier: 'pro', amount: money(450n, 'USD') });
  const fx = await guard.run(
    {
      ...smeValidation('fx1'),
      operation: 'fx.conversion',
      transactionValue: money(100_000n, 'USD'),
    },
    () => 'ok',
  );
  expect(fx.event.metadata.transactionValue).toEqual({ amount: '100000', currency: 'USD' });
  expect(fx.event.amount).toEqual(money(500n, 'USD'));
});
