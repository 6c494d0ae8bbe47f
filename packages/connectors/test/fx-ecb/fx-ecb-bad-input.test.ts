import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { connectEcb } from './ecb-sandbox-client.js';

describe('fx-ecb refuses bad input with a ValidationError and sends nothing', () => {
  it.each([
    ['rates', { base: 'eur' }],
    ['rates', { base: 'EUR', symbols: [] }],
    ['convert', { amount: { amount: 1250, currency: 'USD' }, to: 'EUR' }],
    ['convert', { amount: { amount: '12.50', currency: 'USD' }, to: 'EUR' }],
    ['convert', { amount: { amount: '1250', currency: 'USD' }, to: 'EUR', rounding: 'bankers' }],
    [
      'forwardQuote',
      { pair: 'EURUSD', amount: { amount: '100', currency: 'EUR' }, valueDate: '2024-05-27' },
    ],
    [
      'forwardQuote',
      { pair: 'EUR/USD', amount: { amount: '100', currency: 'USD' }, valueDate: '2024-05-27' },
    ],
    [
      'forwardQuote',
      { pair: 'EUR/USD', amount: { amount: '100', currency: 'EUR' }, valueDate: '27/05/2024' },
    ],
    ['history', { from: '2024-02-26', to: '2024-02-20' }],
  ] as const)('%s %j', async (operation, input) => {
    const { client, sandbox } = connectEcb();
    const error = await client.run(operation, input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, connectorId: 'fx-ecb', operation });
    expect((error as ValidationError).issues[0]?.path[0]).toBe('input');
    expect(sandbox.requests).toEqual([]);
  });

  it.each([
    [{ historicalDate: 'yesterday' }],
    [{ historicalDate: '2024-02-30' }],
    [{ interestRatesPercent: { USD: 5.33 } }],
    [{ interestRatesPercent: { usd: '5.33' } }],
    [{ dayCounts: { USD: '30/360' } }],
    [{ crossRateSignificantDigits: 3 }],
    [{ cache: 'forever' }],
  ])('config %j', (config) => {
    expect(() => connectEcb({ config })).toThrowError(ValidationError);
  });
});
