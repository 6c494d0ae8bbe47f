import { money } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHash } from '../src/ledger/hash-chain.js';
import { createLedger, type Ledger } from '../src/ledger/ledger.js';
import { POSTGRES_CHAIN_CHECK_SQL } from '../src/stores/postgres.js';
import { postgresFactory, type TestStore } from './fixtures/stores.js';

describe.skipIf(!postgresFactory.available)(
  're-checking the chain from SQL alone (PostgreSQL)',
  () => {
    let test: TestStore;
    let ledger: Ledger;
    beforeEach(async () => {
      test = await postgresFactory.create();
      ledger = createLedger({ store: test.store });
    });
    afterEach(async () => {
      await test.cleanup();
    });

    async function brokenLinks() {
      return test.store.sql?.query<{ sequence: string; reason: string }>(POSTGRES_CHAIN_CHECK_SQL);
    }

    it('agrees with verify(): intact, then an edited row, then a forged hash', async () => {
      const events = [];
      for (const [i, tenantId] of ['acme', 'acme', 'globex', 'acme'].entries()) {
        events.push(
          await ledger.append({
            tenantId,
            actor: { id: 'u', role: 'sme' },
            sessionId: i % 2 ? null : 'S',
            operation: 'sme.validation',
            tier: i === 1 ? 'pro' : null,
            amount: money(BigInt(100 * (i + 1)), 'EUR'),
            idempotencyKey: `k${i}`,
            metadata: { nested: { list: [1, 2.5, 'ü'] }, flag: true },
          }),
        );
      }
      expect(await brokenLinks()).toEqual([]);

      const [, second, , fourth] = events;
      if (second === undefined || fourth === undefined) throw new Error('unreachable');
      await test.tamper.updateEvent(second.id, { amount: 1n });
      expect(await brokenLinks()).toEqual([
        expect.objectContaining({ sequence: '2', reason: 'row_mismatch' }),
      ]);

      const forged = second.canonical.replace('"amount":"200"', '"amount":"1"');
      await test.tamper.updateEvent(second.id, {
        canonical: forged,
        hash: chainHash(second.prevHash, forged),
      });
      expect(await brokenLinks()).toEqual([
        expect.objectContaining({ sequence: '3', reason: 'prev_hash_mismatch' }),
      ]);
      expect(await ledger.verify()).toMatchObject({
        ok: false,
        brokenAt: { tenantId: 'acme', sequence: 3n, eventId: fourth.id },
        reason: 'prev_hash_mismatch',
      });
    });
  },
);
