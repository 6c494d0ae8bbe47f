import { defineConnector, money } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fxOperationsFromReferenceRates,
  isFxProvider,
  parseDecimalRate,
} from '../../src/fx/index.js';

// The README's "Writing another FX provider" example, run for real: a USD-based provider with BHD.
const acmeConfig = z.object({ interestRatesPercent: z.record(z.string(), z.string()).default({}) });

const acmeFx = defineConnector({
  id: 'acme-fx',
  kind: 'fx',
  displayName: 'Acme FX',
  config: acmeConfig,
  credentials: z.object({}),
  environments: {
    sandbox: 'https://sandbox.acme-fx.test',
    production: 'https://api.acme-fx.example',
  },
  operations: {
    ...fxOperationsFromReferenceRates<z.output<typeof acmeConfig>>({
      connectorId: 'acme-fx',
      load: async ({ http }) => {
        const body = await http.json<{ base: string; date: string; rates: Record<string, string> }>(
          {
            path: '/rates',
          },
        );
        const rates = Object.fromEntries(
          Object.entries(body.rates).map(([c, r]) => [c, parseDecimalRate(r)]),
        );
        return { provider: 'Acme', base: body.base, date: body.date, rates };
      },
      forward: (config) => ({ interestRatesPercent: config.interestRatesPercent }),
    }),
  },
  check: async ({ http }) => {
    await http.request({ method: 'HEAD', path: '/rates' });
  },
});

const acmeSandbox = ({ baseUrl }: { baseUrl: string }) => [
  http.get(`${baseUrl}/rates`, () =>
    HttpResponse.json({ base: 'USD', date: '2024-02-27', rates: { BHD: '0.376', JPY: '150.18' } }),
  ),
  http.head(`${baseUrl}/rates`, () => new HttpResponse(null, { status: 200 })),
];

describe('another provider reuses the contract and its math', () => {
  it('gets rates, convert and forwardQuote from a table loader alone', async () => {
    expect(isFxProvider(acmeFx)).toBe(true);
    const { client } = connectSandbox(acmeFx, {
      sandbox: acmeSandbox,
      config: { interestRatesPercent: { USD: '5.33', BHD: '5.75' } },
      credentials: {},
    });
    expect(await client.operations.rates({ base: 'BHD', symbols: ['JPY'] })).toEqual({
      base: 'BHD',
      date: '2024-02-27',
      rates: { JPY: '399.4148936' },
    });
    const converted = await client.operations.convert({
      amount: { amount: '12345', currency: 'USD' },
      to: 'BHD',
    });
    expect(converted.to).toEqual(money(46_417n, 'BHD'));
    const forward = await client.operations.forwardQuote({
      pair: 'USD/BHD',
      amount: { amount: '100000', currency: 'USD' },
      valueDate: '2024-03-28',
    });
    // 0.376 × (1 + 0.0575 × 30/360) / (1 + 0.0533 × 30/360) = 0.37613101806… → 0.3761310181
    expect(forward).toMatchObject({ days: 30, forwardRate: '0.3761310181' });
    expect((await client.check()).ok).toBe(true);
  });
});
