import { IdempotencyConflictError, money } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardOver, smeValidation } from './fixtures/guard.js';
import {
  memoryFactory,
  postgresFactory,
  sqliteFactory,
  type TestStore,
} from './fixtures/stores.js';

for (const factory of [memoryFactory, sqliteFactory, postgresFactory]) {
  describe.skipIf(!factory.available)(`idempotency (${factory.name})`, () => {
    let test: TestStore;
    beforeEach(async () => {
      test = await factory.create();
    });
    afterEach(async () => {
      await test.cleanup();
    });

    it('returns the same intent and the same event for the same key, and bills once', async () => {
      const { guard, ledger } = guardOver(test.store);
      const first = await guard.authorize(smeValidation('k'));
      const again = await guard.authorize(smeValidation('k'));
      expect(again.id).toBe(first.id);
      expect(again.replayed).toBe(true);
      const event = await first.commit();
      const replay = await guard.authorize(smeValidation('k'));
      expect(replay).toMatchObject({ id: first.id, status: 'committed', event });
      await expect(replay.commit()).rejects.toMatchObject({ code: 'already_committed' });
      const run = await guard.run(smeValidation('k'), () => {
        throw new Error('must not run again');
      });
      expect(run).toEqual({ result: undefined, event, replayed: true });
      expect((await ledger.list()).events).toEqual([event]);
    });

    it('treats the same key with another operation, session or amount as a conflict (409)', async () => {
      const { guard, prices } = guardOver(test.store);
      await guard.run(smeValidation('k'), () => 'ok');
      const conflicts = [
        { ...smeValidation('k'), operation: 'customs.submission' },
        smeValidation('k', 'another-session'),
        { ...smeValidation('k'), actor: { id: 'someone-else', role: 'sme' } },
      ];
      for (const request of conflicts) {
        await expect(guard.authorize(request)).rejects.toBeInstanceOf(IdempotencyConflictError);
      }
      prices.prices['sme.validation'] = money(650n, 'USD');
      await expect(guard.authorize(smeValidation('k'))).rejects.toMatchObject({
        code: 'idempotency_conflict',
        status: 409,
      });
      // The same key in another tenant is another request altogether.
      const other = await guard.authorize({ ...smeValidation('k'), tenantId: 'globex' });
      expect(other.replayed).toBe(false);
    });

    it('bills once when the same key runs many times at once', async () => {
      const { guard, ledger } = guardOver(test.store);
      let runs = 0;
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, () =>
          guard.run(smeValidation('hot'), async () => {
            runs += 1;
            await new Promise((resolve) => setTimeout(resolve, 20));
            return 'done';
          }),
        ),
      );
      expect(runs).toBe(1);
      expect(new Set(outcomes.map((o) => o.event.id)).size).toBe(1);
      expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
      expect((await ledger.list()).events).toHaveLength(1);
    });

    it('runs a waiting duplicate itself when the first attempt fails', async () => {
      const { guard, ledger } = guardOver(test.store);
      let attempt = 0;
      const work = async () => {
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (attempt === 1) throw new Error('first attempt fails');
        return attempt;
      };
      const [first, second] = await Promise.allSettled([
        guard.run(smeValidation('retry'), work),
        guard.run(smeValidation('retry'), work),
      ]);
      expect(first.status).toBe('rejected');
      expect(second).toMatchObject({ status: 'fulfilled', value: { result: 2, replayed: false } });
      expect((await ledger.list()).events).toHaveLength(1);
    });
  });
}

describe('a key held pending by another caller', () => {
  it('is waited for up to waitMs, then refused with in_progress (409)', async () => {
    const test = await memoryFactory.create();
    const { guard } = guardOver(test.store);
    const held = await guard.authorize(smeValidation('held'));
    let ran = false;
    const refused = await guard
      .run(
        smeValidation('held'),
        () => {
          ran = true;
        },
        { waitMs: 50 },
      )
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'in_progress', status: 409, retryable: true });
    expect(ran).toBe(false);
    await held.commit();
    expect(await guard.run(smeValidation('held'), () => 'again')).toMatchObject({ replayed: true });
  });
});
