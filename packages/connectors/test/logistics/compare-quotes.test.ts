import { compareMoney, convertMoney, money, ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { dhlExpress } from '../../src/dhl-express/index.js';
import {
  DHL_EXPRESS_SANDBOX_CREDENTIALS,
  dhlExpressSandbox,
} from '../../src/dhl-express/sandbox.js';
import { fedex } from '../../src/fedex/index.js';
import { FEDEX_SANDBOX_CREDENTIALS, fedexSandbox } from '../../src/fedex/sandbox.js';
import { compareQuotes, type QuotingClient } from '../../src/logistics/index.js';
import type { SandboxScenario } from '../../src/shared/sandbox-scenario.js';
import { ups } from '../../src/ups/index.js';
import { UPS_SANDBOX_CREDENTIALS, upsSandbox } from '../../src/ups/sandbox.js';

const retry = { retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false } };

function dhlClient(scenario?: SandboxScenario) {
  return connectSandbox(dhlExpress, {
    config: { accountNumber: '123456789' },
    credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
    sandbox: (connection) =>
      dhlExpressSandbox({ ...connection, ...(scenario === undefined ? {} : { scenario }) }),
    transport: retry,
  }).client;
}

function fedexClient(preferredCurrency = 'EUR') {
  return connectSandbox(fedex, {
    config: { accountNumber: '740561073', preferredCurrency },
    credentials: FEDEX_SANDBOX_CREDENTIALS,
    sandbox: fedexSandbox,
    transport: retry,
  }).client;
}

function upsClient(scenario?: SandboxScenario) {
  return connectSandbox(ups, {
    config: { accountNumber: 'A1B2C3' },
    credentials: UPS_SANDBOX_CREDENTIALS,
    sandbox: (connection) =>
      upsSandbox({
        ...connection,
        ...(scenario === undefined ? {} : { scenario, slowMs: 3000 }),
      }),
    transport: retry,
  }).client;
}

const input = {
  origin: { countryCode: 'DE', city: 'Bonn', postalCode: '53113' },
  destination: { countryCode: 'BD', city: 'Dhaka' },
  packages: [{ weightKg: '2.5' }],
  shipDate: '2025-03-10',
};

describe('compareQuotes', () => {
  it('asks every carrier at once and ranks the answers cheapest first', async () => {
    const comparison = await compareQuotes([dhlClient(), fedexClient(), upsClient()], input);
    expect(comparison.failures).toEqual([]);
    expect(comparison.mixedCurrencies).toBe(false);
    expect(comparison.comparedIn).toBe('EUR');
    expect(comparison.ranked.map((quote) => quote.rank)).toEqual([1, 2, 3]);
    expect(new Set(comparison.ranked.map((quote) => quote.carrier))).toEqual(
      new Set(['dhl-express', 'fedex', 'ups']),
    );
    for (let index = 1; index < comparison.ranked.length; index += 1) {
      const previous = comparison.ranked[index - 1];
      const current = comparison.ranked[index];
      if (previous === undefined || current === undefined) throw new Error('missing quote');
      expect(compareMoney(previous.total, current.total)).toBeLessThanOrEqual(0);
    }
    expect(comparison.byCurrency.EUR).toEqual(comparison.ranked);
  });

  it('still ranks the others when one carrier keeps answering 500, and reports it', async () => {
    const comparison = await compareQuotes(
      { dhl: dhlClient('server-error'), fedex: fedexClient(), ups: upsClient() },
      input,
    );
    expect(comparison.ranked.map((quote) => quote.carrier).sort()).toEqual(['fedex', 'ups']);
    expect(comparison.failures).toHaveLength(1);
    expect(comparison.failures[0]).toMatchObject({
      carrier: 'dhl-express',
      code: 'upstream_error',
      retryable: true,
    });
  });

  it('does not wait for a slow carrier past its time limit', async () => {
    const started = Date.now();
    const comparison = await compareQuotes([dhlClient(), fedexClient(), upsClient('slow')], input, {
      timeoutMs: 400,
    });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(comparison.ranked.map((quote) => quote.carrier).sort()).toEqual([
      'dhl-express',
      'fedex',
    ]);
    expect(comparison.failures).toMatchObject([
      { carrier: 'ups', code: 'timeout', retryable: true },
    ]);
  });

  it('never ranks different currencies against each other without a converter', async () => {
    const comparison = await compareQuotes([dhlClient(), fedexClient('USD'), upsClient()], input);
    expect(comparison.mixedCurrencies).toBe(true);
    expect(comparison.comparedIn).toBeNull();
    expect(comparison.ranked).toEqual([]);
    expect(comparison.byCurrency.USD?.map((quote) => quote.carrier)).toEqual(['fedex']);
    expect(comparison.byCurrency.EUR?.map((quote) => quote.rank)).toEqual([1, 2]);
  });

  it('ranks mixed currencies together once given a converter, keeping each original total', async () => {
    const comparison = await compareQuotes([dhlClient(), fedexClient('USD'), upsClient()], input, {
      currency: 'EUR',
      convert: (amount, currency) => convertMoney(amount, currency, '0.92'),
    });
    expect(comparison.comparedIn).toBe('EUR');
    expect(comparison.ranked).toHaveLength(3);
    const fedexQuote = comparison.ranked.find((quote) => quote.carrier === 'fedex');
    expect(fedexQuote?.total.currency).toBe('USD');
    expect(fedexQuote?.comparableTotal.currency).toBe('EUR');
    expect(fedexQuote?.comparableTotal.amount).toBe(
      convertMoney(fedexQuote?.total ?? money(0n, 'USD'), 'EUR', '0.92').amount,
    );
  });

  it('can refuse mixed currencies outright', async () => {
    await expect(
      compareQuotes([dhlClient(), fedexClient('USD')], input, { onMixedCurrencies: 'error' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('reports a client without a quote operation as unsupported', async () => {
    const ocean: QuotingClient = { connectorId: 'msc', operations: {} };
    const comparison = await compareQuotes([dhlClient(), ocean], input);
    expect(comparison.ranked).toHaveLength(1);
    expect(comparison.failures).toMatchObject([{ carrier: 'msc', code: 'unsupported_operation' }]);
  });

  it('ranks by transit time, or by weights of price and transit, when asked', async () => {
    const fake = (carrier: string, amount: bigint, transitDays: number | null): QuotingClient => ({
      connectorId: carrier,
      operations: {
        quote: async () => ({
          carrier,
          service: 'S',
          serviceCode: 'S',
          serviceType: 'express',
          total: money(amount, 'EUR'),
          transitDays,
          estimatedDelivery: null,
          quoteId: `${carrier}:S`,
          alternatives: [],
        }),
      },
    });
    const clients = [
      fake('cheap-slow', 5000n, 6),
      fake('dear-fast', 9000n, 1),
      fake('mid', 6000n, 3),
    ];
    // A converter without a target currency (or the reverse) is a mistake, not something to ignore.
    await expect(
      compareQuotes(clients, input, { convert: async (total) => total }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(compareQuotes(clients, input, { currency: 'EUR' })).rejects.toMatchObject({
      issues: [{ path: ['convert'], code: 'missing_option' }],
    });
    const byPrice = await compareQuotes(clients, input);
    expect(byPrice.ranked.map((quote) => quote.carrier)).toEqual([
      'cheap-slow',
      'mid',
      'dear-fast',
    ]);
    const byTransit = await compareQuotes(clients, input, { rankBy: 'transit' });
    expect(byTransit.ranked.map((quote) => quote.carrier)).toEqual([
      'dear-fast',
      'mid',
      'cheap-slow',
    ]);
    const weighted = await compareQuotes(clients, input, { rankBy: { price: 1, transit: 0.5 } });
    expect(weighted.ranked[0]?.carrier).toBe('mid');
    expect(weighted.ranked[0]?.score).toBeCloseTo(1.2 + 0.5 * 2, 5);
  });

  it('passes one idempotency key per carrier and lets the caller abort everything', async () => {
    const keys: Array<string | undefined> = [];
    const spy: QuotingClient = {
      connectorId: 'spy',
      operations: {
        quote: async (_input, options) => {
          keys.push(options?.idempotencyKey);
          return new Promise(() => undefined);
        },
      },
    };
    const controller = new AbortController();
    const pending = compareQuotes([spy], input, {
      idempotencyKey: 'quote-session-1',
      signal: controller.signal,
    });
    controller.abort(new Error('user left'));
    const comparison = await pending;
    expect(keys).toEqual(['quote-session-1:spy']);
    expect(comparison.failures).toMatchObject([{ carrier: 'spy', message: 'user left' }]);
  });
});
