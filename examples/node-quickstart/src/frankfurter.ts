/**
 * A connector for an FX reference-rate API shaped like Frankfurter's
 * (`GET /v1/latest?base=EUR&symbols=USD,BDT` →
 * `{ "amount": 1, "base": "EUR", "date": "…", "rates": { "USD": 1.0871 } }`),
 * written against `@tollgate/core`'s public API only.
 */
import { apiKey, defineConnector } from '@tollgate/core';
import { HttpResponse, http } from 'msw';
import { z } from 'zod';

const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');

/** ECB reference rates of 2026-11-20 as the sandbox serves them (units per 1 EUR). */
const SANDBOX_RATES: Record<string, number> = { USD: 1.0871, BDT: 132.64, INR: 91.82, JPY: 169.35 };

export const frankfurter = defineConnector({
  id: 'frankfurter-fx',
  kind: 'fx',
  displayName: 'Frankfurter FX reference rates',
  config: z.object({}),
  credentials: z.object({ apiKey: z.string().min(8) }),
  environments: {
    sandbox: 'https://sandbox.frankfurter.test/v1',
    production: 'https://api.frankfurter.dev/v1',
  },
  auth: ({ credentials }) => apiKey({ key: credentials.apiKey, name: 'X-Api-Key', in: 'header' }),
  transport: { retry: { maxAttempts: 3, baseDelayMs: 200 }, timeoutMs: 5000 },
  operations: {
    latestRates: {
      description: 'Latest reference rates for a base currency',
      input: z.object({ base: currency, symbols: z.array(currency).min(1) }),
      output: z.object({
        base: currency,
        date: z.string(),
        // The partner sends JSON numbers; keep the digits it sent as decimal strings (money is never a float).
        rates: z.record(
          z.string(),
          z.number().transform((rate) => String(rate)),
        ),
      }),
      idempotent: true,
      billable: 'fx.conversion',
      run: ({ base, symbols }, { http }) =>
        http.json({ path: '/latest', query: { base, symbols: symbols.join(',') } }),
    },
  },
  check: async ({ http }) => {
    await http.request({ path: '/latest', query: { base: 'EUR', symbols: 'USD' } });
  },
  sandbox: ({ baseUrl }) => [
    http.get(`${baseUrl}/latest`, ({ request }) => {
      if (!request.headers.get('x-api-key')) {
        return HttpResponse.json({ message: 'missing API key' }, { status: 401 });
      }
      const url = new URL(request.url);
      const base = url.searchParams.get('base') ?? 'EUR';
      const symbols = (url.searchParams.get('symbols') ?? 'USD').split(',');
      if (base !== 'EUR') return HttpResponse.json({ message: 'not found' }, { status: 404 });
      const rates = Object.fromEntries(
        symbols.filter((s) => s in SANDBOX_RATES).map((s) => [s, SANDBOX_RATES[s]]),
      );
      return HttpResponse.json({ amount: 1.0, base, date: '2026-11-20', rates });
    }),
  ],
});
