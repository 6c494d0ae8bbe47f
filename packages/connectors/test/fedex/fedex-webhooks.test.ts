import { WebhookVerificationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { fedex } from '../../src/fedex/index.js';
import {
  FEDEX_SANDBOX_CREDENTIALS,
  fedexSandbox,
  signFedexWebhook,
} from '../../src/fedex/sandbox.js';

const securityToken = 'fdx-webhook-security-token-0001';

function connect(token: string | null = securityToken) {
  return connectSandbox(fedex, {
    config: { accountNumber: '740561073' },
    credentials: {
      ...FEDEX_SANDBOX_CREDENTIALS,
      ...(token === null ? {} : { webhookSecurityToken: token }),
    },
    sandbox: fedexSandbox,
  });
}

const push = JSON.stringify({
  trackingNumberInfo: { trackingNumber: '794843185271', carrierCode: 'FDXE' },
  latestStatusDetail: {
    code: 'OD',
    derivedCode: 'OD',
    description: 'On FedEx vehicle for delivery',
  },
  dateAndTimes: [{ type: 'ESTIMATED_DELIVERY', dateTime: '2025-03-14T17:00:00-05:00' }],
  scanEvents: [
    {
      date: '2025-03-14T07:12:00-05:00',
      eventType: 'OD',
      eventDescription: 'On FedEx vehicle for delivery',
      scanLocation: { city: 'NEW YORK', countryCode: 'US' },
      derivedStatusCode: 'OD',
    },
    {
      date: '2025-03-13T22:40:00-05:00',
      eventType: 'AR',
      eventDescription: 'At destination sort facility',
      scanLocation: { city: 'NEW YORK', countryCode: 'US' },
      derivedStatusCode: 'IT',
    },
  ],
});

describe('FedEx tracking webhooks (fdx-signature)', () => {
  it('accepts a genuine push and parses it into a normalized tracking update', async () => {
    const { client } = connect();
    const event = await client.verifyWebhook({
      body: push,
      headers: {
        'fdx-signature': signFedexWebhook(push, securityToken),
        'content-type': 'application/json',
      },
    });
    expect(event).toMatchObject({
      carrier: 'fedex',
      trackingNumber: '794843185271',
      status: 'out_for_delivery',
      estimatedDelivery: '2025-03-14T17:00:00-05:00',
    });
    expect(event.events.map((scan) => scan.code)).toEqual(['AR', 'OD']);
  });

  it('rejects a tampered body, a wrong token and a missing header', async () => {
    const { client } = connect();
    const signature = signFedexWebhook(push, securityToken);
    await expect(
      client.verifyWebhook({
        body: push.replace('794843185271', '794843185272'),
        headers: { 'fdx-signature': signature },
      }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(
      client.verifyWebhook({
        body: push,
        headers: { 'fdx-signature': signFedexWebhook(push, 'someone-elses-token') },
      }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(client.verifyWebhook({ body: push, headers: {} })).rejects.toMatchObject({
      code: 'missing_header',
    });
  });

  it('needs the security token credential to verify anything', async () => {
    const { client } = connect(null);
    await expect(
      client.verifyWebhook({
        body: push,
        headers: { 'fdx-signature': signFedexWebhook(push, securityToken) },
      }),
    ).rejects.toMatchObject({ code: 'invalid_secret' });
  });

  it('refuses a genuine push that is not a tracking update', async () => {
    const { client } = connect();
    const other = JSON.stringify({ hello: 'world' });
    await expect(
      client.verifyWebhook({
        body: other,
        headers: { 'fdx-signature': signFedexWebhook(other, securityToken) },
      }),
    ).rejects.toMatchObject({ code: 'invalid_payload' });
  });
});
