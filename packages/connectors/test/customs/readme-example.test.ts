import { money, toDecimalString } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { expect, it } from 'vitest';
import { customs } from '../../src/customs/index.js';
import {
  CUSTOMS_SANDBOX_CREDENTIALS,
  CUSTOMS_SANDBOX_WEBHOOK_SECRET,
  createCustomsOutbox,
  customsSandbox,
} from '../../src/customs/sandbox.js';

it('the README example runs as written', async () => {
  const log: unknown[] = [];
  const console = {
    log: (...values: unknown[]) => log.push(values.length === 1 ? values[0] : values),
  };
  // --- README example (imports from ../../src instead of @tollgate/connectors/customs) ---
  const outbox = createCustomsOutbox();
  const { client } = connectSandbox(customs, {
    config: { submitterIdentifier: 'BD000123456789' },
    credentials: { ...CUSTOMS_SANDBOX_CREDENTIALS, webhookSecret: CUSTOMS_SANDBOX_WEBHOOK_SECRET },
    sandbox: (connection) => customsSandbox({ ...connection, outbox }),
  });
  const { declarationId } = await client.operations.submitDeclaration(
    {
      countryCode: 'EU',
      declarationType: 'import',
      declarantReference: 'INS-PO-1001',
      customsOffice: 'NL000396',
      commodityCodes: ['6109.10.00.10'],
    },
    { idempotencyKey: 'po-1001' },
  );
  console.log((await client.operations.getDeclarationStatus({ declarationId })).status); // held_for_inspection
  for (const callback of outbox.take()) console.log((await client.verifyWebhook(callback)).status); // received, accepted, held_for_inspection
  const estimate = await client.operations.estimateDuties({
    countryCode: 'EU',
    memberState: 'DE',
    items: [{ hsCode: '6109100010', value: money(100_000n, 'EUR') }],
  });
  console.log(toDecimalString(estimate.total), estimate.currency); // 332.80 EUR (12 % duty, then 19 % VAT)
  // --- end ---
  expect(log).toEqual([
    'held_for_inspection',
    'received',
    'accepted',
    'held_for_inspection',
    ['332.80', 'EUR'],
  ]);
});
