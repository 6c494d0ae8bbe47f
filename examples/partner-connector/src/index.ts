/**
 * Acme Freight's Tollgate connector, as a partner would publish it in its own
 * npm package: it imports `@tollgate/core`'s public API and nothing else.
 */
import { defineConnector, oauth2ClientCredentials } from '@tollgate/core';
import { acmeSandbox } from './sandbox.js';
import {
  acmeConfig,
  acmeCredentials,
  bookInput,
  bookOutput,
  quoteInput,
  quoteOutput,
} from './schema.js';

export const acmeFreight = defineConnector({
  id: 'acme-freight',
  kind: 'logistics',
  displayName: 'Acme Freight',
  config: acmeConfig,
  credentials: acmeCredentials,
  environments: {
    sandbox: 'https://sandbox.acme-freight.test',
    production: 'https://api.acme-freight.example',
  },
  auth: ({ credentials }) =>
    oauth2ClientCredentials({
      tokenUrl: '/oauth/token',
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      scopes: ['rates:read', 'bookings:write'],
    }),
  transport: { rateLimit: { requestsPerSecond: 20 }, retry: { baseDelayMs: 50 } },
  operations: {
    quote: {
      description: 'Price a shipment',
      input: quoteInput,
      output: quoteOutput,
      idempotent: true,
      billable: 'logistics.quote',
      run: async (input, { http, config }) => {
        const body = await http.json<{
          quote_id: string;
          total: { amount: string; currency: string };
          transit_days: number;
        }>({
          method: 'POST',
          path: '/v2/quotes',
          json: { ...input, account: config.accountNumber },
          idempotent: true, // Acme documents quotes as side-effect free
        });
        return { quoteId: body.quote_id, total: body.total, transitDays: body.transit_days };
      },
    },
    book: {
      description: 'Book a quoted shipment (send an idempotency key to make it retry-safe)',
      input: bookInput,
      output: bookOutput,
      idempotent: false,
      billable: 'logistics.booking',
      run: async (input, { http }) => {
        const body = await http.json<{
          booking_id: string;
          tracking_number: string;
          status: 'booked';
        }>({
          method: 'POST',
          path: '/v2/bookings',
          json: { quote_id: input.quoteId, reference: input.shipperReference },
        });
        return {
          bookingId: body.booking_id,
          trackingNumber: body.tracking_number,
          status: body.status,
        };
      },
    },
  },
  check: async ({ http }) => {
    await http.request({ path: '/v2/ping' });
  },
  sandbox: acmeSandbox,
});
