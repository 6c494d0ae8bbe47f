import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { maersk } from '../../src/maersk/index.js';
import {
  MAERSK_SANDBOX_CREDENTIALS,
  maerskSandbox,
  maerskSandboxNotification,
  signDcsaNotification,
} from '../../src/maersk/sandbox.js';

const notificationSecret = Buffer.alloc(48, 7).toString('base64');

function connect(subscriptionId?: string) {
  return connectSandbox(maersk, {
    config: subscriptionId === undefined ? {} : { subscriptionId },
    credentials: { ...MAERSK_SANDBOX_CREDENTIALS, notificationSecret },
    sandbox: maerskSandbox,
  }).client;
}

const body = maerskSandboxNotification('MAEU241234560');

describe('Maersk DCSA event-subscription notifications (Notification-Signature)', () => {
  it('accepts a genuine notification and maps its events', async () => {
    const event = await connect().verifyWebhook({
      body,
      headers: {
        'Notification-Signature': signDcsaNotification(body, notificationSecret),
        'Subscription-ID': 'c8a7f0b6-1e2b-4a43-9b1a-3e3f1c2d4e5f',
        'content-type': 'application/json',
      },
    });
    expect(event.carrier).toBe('maersk');
    expect(event.events.length).toBeGreaterThan(8);
    expect(event.events[0]?.references).toContain('MAEU241234560');
    expect(event.events.map((entry) => entry.event.code)).toContain('LOAD');
    expect(event.raw[0]?.eventType).toBe('SHIPMENT');
  });

  it('rejects a tampered body, another secret and a missing signature', async () => {
    const client = connect();
    const signature = signDcsaNotification(body, notificationSecret);
    await expect(
      client.verifyWebhook({
        body: body.replace('"LOAD"', '"DISC"'),
        headers: { 'Notification-Signature': signature },
      }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    const otherSecret = Buffer.alloc(48, 9).toString('base64');
    await expect(
      client.verifyWebhook({
        body,
        headers: { 'Notification-Signature': signDcsaNotification(body, otherSecret) },
      }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(client.verifyWebhook({ body, headers: {} })).rejects.toMatchObject({
      code: 'missing_header',
    });
  });

  it('accepts only its own subscription when the config names one', async () => {
    const client = connect('c8a7f0b6-1e2b-4a43-9b1a-3e3f1c2d4e5f');
    const headers = { 'Notification-Signature': signDcsaNotification(body, notificationSecret) };
    await expect(
      client.verifyWebhook({
        body,
        headers: { ...headers, 'Subscription-ID': 'another-subscription' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(
      client.verifyWebhook({
        body,
        headers: { ...headers, 'Subscription-ID': 'c8a7f0b6-1e2b-4a43-9b1a-3e3f1c2d4e5f' },
      }),
    ).resolves.toMatchObject({ carrier: 'maersk' });
  });
});
