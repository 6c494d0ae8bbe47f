import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { ups } from '../../src/ups/index.js';
import { UPS_SANDBOX_CREDENTIALS, upsSandbox } from '../../src/ups/sandbox.js';

const webhookCredential = 'ups-track-alert-credential-0001';

const { client } = connectSandbox(ups, {
  config: { accountNumber: 'A1B2C3' },
  credentials: { ...UPS_SANDBOX_CREDENTIALS, webhookCredential },
  sandbox: upsSandbox,
});

const push = JSON.stringify({
  trackingNumber: '1ZA1B2C36512345678',
  localActivityDate: '20250313',
  localActivityTime: '071200',
  gmtActivityDate: '20250313',
  gmtActivityTime: '011200',
  scheduledDeliveryDate: '20250313',
  activityLocation: { city: 'DHAKA', country: 'BD' },
  activityStatus: { type: 'I', code: 'OT', description: 'Out For Delivery Today' },
});

describe('UPS Track Alert callbacks (credential header)', () => {
  it('accepts a push carrying the subscription credential and normalizes it', async () => {
    const event = await client.verifyWebhook({
      body: push,
      headers: { credential: webhookCredential, 'user-agent': 'UPSPubSubTrackingService' },
    });
    expect(event).toMatchObject({
      carrier: 'ups',
      trackingNumber: '1ZA1B2C36512345678',
      status: 'out_for_delivery',
      estimatedDelivery: '2025-03-13',
      event: { at: '2025-03-13T01:12:00Z', location: 'DHAKA, BD', code: 'OT' },
    });
  });

  it('rejects a wrong or missing credential', async () => {
    await expect(
      client.verifyWebhook({ body: push, headers: { credential: 'guessed-credential-0000' } }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(client.verifyWebhook({ body: push, headers: {} })).rejects.toMatchObject({
      code: 'missing_header',
    });
  });

  it('rejects a push with the credential but not a Track Alert body', async () => {
    await expect(
      client.verifyWebhook({
        body: '{"trackingNumber": 5}',
        headers: { credential: webhookCredential },
      }),
    ).rejects.toMatchObject({ code: 'invalid_payload' });
  });
});
