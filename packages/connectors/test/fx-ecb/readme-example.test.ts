import { connectSandbox } from '@tollgate/core/testing';
import { expect, it } from 'vitest';
// In the README these are '@tollgate/connectors/fx-ecb' and '@tollgate/connectors/fx-ecb/sandbox'.
import { fxEcb } from '../../src/fx-ecb/index.js';
import { fxEcbSandbox } from '../../src/fx-ecb/sandbox.js';

it('the README example runs as written', async () => {
  const { client } = connectSandbox(fxEcb, {
    sandbox: fxEcbSandbox, // the ECB's real files of 2024-02-27, served in-process
    config: { interestRatesPercent: { EUR: '3.90', USD: '5.33' } },
    credentials: {}, // the ECB's files are public
  });
  const { rates } = await client.operations.rates({ base: 'USD', symbols: ['JPY', 'EUR'] });
  const usdJpy = await client.operations.convert({
    amount: { amount: '1250000', currency: 'USD' }, // 12,500.00 USD in minor units
    to: 'JPY',
  });
  const forward = await client.operations.forwardQuote({
    pair: 'EUR/USD',
    amount: { amount: '100000000', currency: 'EUR' },
    valueDate: '2024-05-27',
  });

  expect(rates).toEqual({ JPY: '150.1842299', EUR: '0.9211495947' });
  expect(usdJpy.rate).toBe('150.1842299');
  expect(usdJpy.to).toEqual({ amount: 1_877_303n, currency: 'JPY' });
  expect(forward.forwardRate).toBe('1.089443545');
  expect(forward.counterAmount.amount).toBe(108_944_354n);
  expect((await client.check()).ok).toBe(true);
});
