import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { ECB_CURRENCIES, ECB_FILES } from '../../src/fx-ecb/index.js';
import { connectEcb } from './ecb-sandbox-client.js';

const DAILY = `https://sandbox.ecb-eurofxref.test${ECB_FILES.daily}`;

describe('fx-ecb against its sandbox (the real ECB files of 2024-02-27)', () => {
  it('rates: EUR-based rates exactly as published, one GET of the daily file', async () => {
    const { client, sandbox } = connectEcb();
    const result = await client.operations.rates({ base: 'EUR' });
    expect(result.base).toBe('EUR');
    expect(result.date).toBe('2024-02-27');
    expect(Object.keys(result.rates)).toEqual(ECB_CURRENCIES);
    expect(result.rates).toMatchObject({ USD: '1.0856', GBP: '0.85620', JPY: '163.04' });
    expect(sandbox.requests).toEqual([{ method: 'GET', url: DAILY }]);
  });

  it('rates: another base gets cross rates (10 significant digits, half-even), EUR included', async () => {
    const { client } = connectEcb();
    const result = await client.operations.rates({ base: 'USD', symbols: ['JPY', 'EUR', 'GBP'] });
    expect(result).toEqual({
      base: 'USD',
      date: '2024-02-27',
      // 163.04 / 1.0856, 1 / 1.0856, 0.85620 / 1.0856
      rates: { JPY: '150.1842299', EUR: '0.9211495947', GBP: '0.788688283' }, // …830 printed without its trailing zero
    });
  });

  it('convert: bigint minor units, the stated rate, billable as fx.conversion', async () => {
    const { client } = connectEcb();
    const result = await client.operations.convert({
      amount: { amount: '1250000', currency: 'USD' }, // 12,500.00 USD
      to: 'JPY',
    });
    // 12,500.00 × 150.1842299 = 1,877,302.87375 JPY → 1,877,303 (JPY has no minor unit)
    expect(result).toEqual({
      from: money(1_250_000n, 'USD'),
      to: money(1_877_303n, 'JPY'),
      rate: '150.1842299',
      rateDate: '2024-02-27',
      rounding: 'half-even',
    });
    // Over HTTP the answer needs no bigint-aware serializer: Money prints minor units as strings.
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({
      from: { amount: '1250000', currency: 'USD' },
      to: { amount: '1877303', currency: 'JPY' },
    });
  });

  it('forwardQuote: indicative, from the configured interest rates', async () => {
    const { client } = connectEcb({
      config: { interestRatesPercent: { EUR: '3.90', USD: '5.33' } },
    });
    const quote = await client.operations.forwardQuote({
      pair: 'EUR/USD',
      amount: { amount: 100_000_000n, currency: 'EUR' },
      valueDate: '2024-05-27',
    });
    expect(quote).toMatchObject({
      indicative: true,
      spotRate: '1.0856',
      spotDate: '2024-02-27',
      days: 90,
      forwardRate: '1.089443545',
      forwardPoints: '0.003843545',
    });
    expect(quote.counterAmount).toEqual(money(108_944_354n, 'USD'));
  });

  it('history: the 90-day file, oldest first, rebased when asked', async () => {
    const { client, sandbox } = connectEcb();
    const result = await client.operations.history({
      base: 'USD',
      symbols: ['EUR'],
      from: '2024-02-22',
      to: '2024-02-26',
    });
    expect(result).toEqual({
      base: 'USD',
      days: [
        { date: '2024-02-22', rates: { EUR: '0.9221689414' } }, // 1 / 1.0844 = 0.92216894135…
        { date: '2024-02-23', rates: { EUR: '0.9230201218' } }, // 1 / 1.0834
        { date: '2024-02-26', rates: { EUR: '0.9214891264' } }, // 1 / 1.0852
      ],
    });
    expect(sandbox.requests.map((r) => r.url)).toEqual([
      `https://sandbox.ecb-eurofxref.test${ECB_FILES.hist90d}`,
    ]);
  });

  it('history: a range older than the 90-day window reads the full history file', async () => {
    const { client, sandbox } = connectEcb();
    const result = await client.operations.history({
      symbols: ['USD'],
      from: '2024-01-04',
      to: '2024-01-05',
    });
    expect(result.days).toEqual([
      { date: '2024-01-04', rates: { USD: '1.0953' } },
      { date: '2024-01-05', rates: { USD: '1.0921' } },
    ]);
    expect(sandbox.requests.map((r) => new URL(r.url).pathname)).toEqual([
      ECB_FILES.hist90d,
      ECB_FILES.hist,
    ]);
  });

  it('historicalDate: the rates of that day, or of the last publication before it', async () => {
    const friday = connectEcb({ config: { historicalDate: '2024-02-23' } });
    expect(await friday.client.operations.rates({ base: 'EUR', symbols: ['USD'] })).toEqual({
      base: 'EUR',
      date: '2024-02-23',
      rates: { USD: '1.0834' },
    });
    const saturday = connectEcb({ config: { historicalDate: '2024-02-24' } });
    const converted = await saturday.client.operations.convert({
      amount: { amount: '10000', currency: 'EUR' },
      to: 'USD',
    });
    expect(converted).toMatchObject({
      rateDate: '2024-02-23',
      rate: '1.0834',
      to: money(10_834n, 'USD'),
    });
  });

  it('historicalDate older than the 90-day window: the full history file', async () => {
    const { client, sandbox } = connectEcb({ config: { historicalDate: '2024-01-05' } });
    const result = await client.operations.rates({ base: 'EUR', symbols: ['USD'] });
    expect(result).toEqual({ base: 'EUR', date: '2024-01-05', rates: { USD: '1.0921' } });
    expect(sandbox.requests).toHaveLength(2);
  });

  it('historicalDate before any publication: a typed error naming the date', async () => {
    const { client } = connectEcb({ config: { historicalDate: '1998-12-31' } });
    await expect(client.operations.rates({ base: 'EUR' })).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [
        expect.objectContaining({ code: 'no_rates_for_date', path: ['config', 'historicalDate'] }),
      ],
    });
  });

  it.each([
    ['rates', { base: 'BDT' }, ['input', 'base']],
    ['rates', { base: 'EUR', symbols: ['USD', 'BDT'] }, ['input', 'symbols', 1]],
    ['convert', { amount: { amount: '100', currency: 'USD' }, to: 'BDT' }, ['input', 'to']],
    [
      'convert',
      { amount: { amount: '100', currency: 'BDT' }, to: 'USD' },
      ['input', 'amount', 'currency'],
    ],
  ] as const)(
    '%s with BDT (not published by the ECB) is a clear typed error',
    async (operation, input, path) => {
      const { client } = connectEcb();
      const error = await client.run(operation, input as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        status: 400,
        connectorId: 'fx-ecb',
        operation,
        message: expect.stringMatching(
          /^BDT is not among the currencies the ECB publishes \(AUD, BGN, .*ZAR\)$/,
        ),
        issues: [{ code: 'unsupported_currency', path }],
        details: expect.objectContaining({ currency: 'BDT' }),
      });
    },
  );

  it('forwardQuote without an interest rate for a leg is a typed error naming the setting', async () => {
    const { client } = connectEcb({ config: { interestRatesPercent: { EUR: '3.90' } } });
    await expect(
      client.operations.forwardQuote({
        pair: 'EUR/USD',
        amount: { amount: '100', currency: 'EUR' },
        valueDate: '2024-05-27',
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: 'interest_rate_not_configured' })],
      operation: 'forwardQuote',
    });
  });

  it('check(): HEAD of the daily file, ok', async () => {
    const { client, sandbox } = connectEcb();
    const health = await client.check();
    expect(health.ok).toBe(true);
    expect(sandbox.requests).toEqual([{ method: 'HEAD', url: DAILY }]);
  });

  it('declares no webhooks: the ECB sends none', async () => {
    const { client } = connectEcb();
    await expect(client.verifyWebhook({ body: '{}', headers: {} })).rejects.toThrow(
      /declares no webhooks/,
    );
  });
});
