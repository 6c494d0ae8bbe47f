import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { msc } from '../../src/msc/index.js';
import {
  MSC_SANDBOX_CREDENTIALS,
  MSC_SANDBOX_TOKEN_URL,
  mscSandbox,
  mscSandboxNotification,
  signDcsaNotification,
} from '../../src/msc/sandbox.js';

const notificationSecret = Buffer.alloc(32, 42).toString('base64');
const { client } = connectSandbox(msc, {
  config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
  credentials: { ...MSC_SANDBOX_CREDENTIALS, notificationSecret },
  sandbox: mscSandbox,
});
const body = mscSandboxNotification('MSCU240000124');

describe('MSC DCSA notifications (Notification-Signature)', () => {
  it('accepts a genuine notification as raw bytes and maps it', async () => {
    const event = await client.verifyWebhook({
      body: new TextEncoder().encode(body),
      headers: new Headers({
        'Notification-Signature': signDcsaNotification(body, notificationSecret),
      }),
    });
    expect(event.carrier).toBe('msc');
    expect(event.events.some((entry) => entry.event.status === 'arrived')).toBe(true);
  });

  it('rejects a tampered body and a signature without the sha256= prefix', async () => {
    const signature = signDcsaNotification(body, notificationSecret);
    await expect(
      client.verifyWebhook({ body: `${body} `, headers: { 'Notification-Signature': signature } }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(
      client.verifyWebhook({
        body,
        headers: { 'Notification-Signature': signature.replace('sha256=', 'sha512=') },
      }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
  });

  it('refuses a subscription secret too short to be a DCSA secret', async () => {
    const weak = connectSandbox(msc, {
      config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
      credentials: { ...MSC_SANDBOX_CREDENTIALS, notificationSecret: 'c2hvcnQ=' },
      sandbox: mscSandbox,
    }).client;
    await expect(
      weak.verifyWebhook({ body, headers: { 'Notification-Signature': 'sha256=00' } }),
    ).rejects.toMatchObject({ code: 'invalid_secret' });
  });
});
