import { QuotaExceededError } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuotaEventPayload } from '../src/guard/events.js';
import { createQuotaPolicy } from '../src/quotas/quotas.js';
import { guardOver, smeValidation } from './fixtures/guard.js';
import { memoryFactory, sqliteFactory, type TestStore } from './fixtures/stores.js';

const quotas = createQuotaPolicy({
  limits: { 'sme.validation': 5 },
  tenants: { acme: { timeZone: 'Asia/Dhaka' } },
});

for (const factory of [memoryFactory, sqliteFactory]) {
  describe(`monthly quotas (${factory.name})`, () => {
    let test: TestStore;
    beforeEach(async () => {
      test = await factory.create();
    });
    afterEach(async () => {
      await test.cleanup();
    });

    it('counts pending and committed intents, refuses the next with 429 and when it resets', async () => {
      const { guard, clock } = guardOver(test.store, { quotas });
      clock.set('2026-11-20T12:00:00Z');
      const pending = [];
      for (let i = 0; i < 3; i += 1) pending.push(await guard.authorize(smeValidation(`p${i}`)));
      await guard.run(smeValidation('c1'), () => 'ok');
      await guard.run(smeValidation('c2'), () => 'ok');
      const refused = await guard.authorize(smeValidation('over')).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(QuotaExceededError);
      expect(refused).toMatchObject({
        status: 429,
        // Midnight of 1 December in Dhaka (UTC+6).
        resetsAt: new Date('2026-11-30T18:00:00Z'),
        details: { limit: 5, used: 5, period: '2026-11' },
      });
      expect(await guard.quotaUsage('acme', 'sme.validation')).toEqual({
        tenantId: 'acme',
        operation: 'sme.validation',
        period: '2026-11',
        used: 5,
        limit: 5,
        resetsAt: new Date('2026-11-30T18:00:00Z'),
      });
      // A voided intent gives its unit back; an idempotent replay costs nothing.
      await pending[0]?.void('validation failed');
      await guard.authorize(smeValidation('p1'));
      const fifth = await guard.authorize(smeValidation('after-void'));
      expect(fifth.status).toBe('pending');
      await expect(guard.authorize(smeValidation('over'))).rejects.toBeInstanceOf(
        QuotaExceededError,
      );
      // A failed run gives its unit back too.
      await pending[1]?.void('x');
      await expect(
        guard.run(smeValidation('fails'), () => Promise.reject(new Error('no'))),
      ).rejects.toThrow('no');
      expect((await guard.quotaUsage('acme', 'sme.validation')).used).toBe(4);
      // Midnight in Dhaka starts a new month, with a fresh quota.
      clock.set('2026-11-30T18:00:00Z');
      expect((await guard.authorize(smeValidation('december'))).status).toBe('pending');
      expect(await guard.quotaUsage('acme', 'sme.validation')).toMatchObject({
        period: '2026-12',
        used: 1,
      });
    });

    it('emits quota.warning at 80% and quota.exhausted at 100%', async () => {
      const { guard } = guardOver(test.store, { quotas });
      const seen: Array<[string, QuotaEventPayload]> = [];
      guard.events.on('quota.warning', (payload) => seen.push(['warning', payload]));
      guard.events.on('quota.exhausted', (payload) => seen.push(['exhausted', payload]));
      for (let i = 0; i < 5; i += 1) {
        await guard.run(smeValidation(`k${i}`), () => 'ok');
        expect(seen).toHaveLength(i < 3 ? 0 : i === 3 ? 1 : 2);
      }
      expect(seen).toEqual([
        [
          'warning',
          expect.objectContaining({
            tenantId: 'acme',
            operation: 'sme.validation',
            used: 4,
            limit: 5,
          }),
        ],
        ['exhausted', expect.objectContaining({ used: 5, limit: 5, period: '2026-11' })],
      ]);
    });

    it('never overshoots under concurrent authorizations', async () => {
      const { guard } = guardOver(test.store, {
        quotas: createQuotaPolicy({ limits: { 'sme.validation': 7 } }),
      });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => guard.authorize(smeValidation(`c${i}`))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(QuotaExceededError);
      }
    });
  });
}
