import { ValidationError } from '@tollgate/core';
import { connectSandbox, faults } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { acmeFreight } from '../src/index.js';

const options = {
  config: { accountNumber: 'AF000123' },
  credentials: { clientId: 'platform-1', clientSecret: 'acme-secret-0123456789' },
};

describe('Acme Freight connector (a partner package on public types only)', () => {
  it('quotes through OAuth2 (one token for several calls)', async () => {
    const { client, sandbox } = connectSandbox(acmeFreight, options);
    const express = await client.operations.quote({
      origin: 'BD',
      destination: 'DE',
      weightKg: '2.4',
    });
    const economy = await client.operations.quote({
      origin: 'BD',
      destination: 'DE',
      weightKg: '2.4',
      service: 'economy',
    });
    expect(express).toEqual({
      quoteId: 'Q-BDDE-3',
      total: { amount: '37.50', currency: 'USD' },
      transitDays: 3,
    });
    expect(economy.total.amount).toBe('22.50');
    expect(sandbox.requests.filter((r) => r.url.endsWith('/oauth/token'))).toHaveLength(1);
  });

  it('books retry-safely with an idempotency key: a 503 is retried, the booking happens once', async () => {
    const { client, sandbox } = connectSandbox(acmeFreight, options);
    sandbox.use(faults.status(503, { times: 1, method: 'POST', url: '*/v2/bookings' }));
    const booking = await client.operations.book(
      { quoteId: 'Q-BDDE-3', shipperReference: 'PO-981' },
      { idempotencyKey: 'booking-PO-981' },
    );
    const again = await client.operations.book(
      { quoteId: 'Q-BDDE-3', shipperReference: 'PO-981' },
      { idempotencyKey: 'booking-PO-981' },
    );
    expect(booking).toEqual({ bookingId: 'B-1', trackingNumber: 'AF700000', status: 'booked' });
    expect(again).toEqual(booking);
  });

  it('does not retry a booking without an idempotency key', async () => {
    const { client, sandbox } = connectSandbox(acmeFreight, options);
    sandbox.use(faults.status(503, { times: 1, method: 'POST', url: '*/v2/bookings' }));
    await expect(
      client.operations.book({ quoteId: 'Q-1', shipperReference: 'PO-1' }),
    ).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 503 });
    expect(sandbox.requests.filter((r) => r.url.endsWith('/v2/bookings'))).toHaveLength(1);
  });

  it('checks health and rejects a bad account number before sending anything', async () => {
    const { client } = connectSandbox(acmeFreight, options);
    expect((await client.check()).ok).toBe(true);
    expect(() =>
      connectSandbox(acmeFreight, { ...options, config: { accountNumber: '123' } }),
    ).toThrow(ValidationError);
  });
});
