import { describe, expect, it } from 'vitest';
import {
  logisticsWebhookRegistry,
  signDcsaNotification,
  signFedexWebhook,
} from '../../src/logistics/index.js';

describe('the logistics webhook registry', () => {
  it('names the carriers schemes and verifies with several secrets while rotating', async () => {
    expect(logisticsWebhookRegistry.names().sort()).toEqual([
      'dcsa-notification-signature',
      'fdx-signature',
      'ups-credential',
    ]);
    const body = '{"trackingNumber":"794843185271"}';
    await expect(
      logisticsWebhookRegistry.verify(
        'fdx-signature',
        { body, headers: { 'FDX-Signature': signFedexWebhook(body, 'new-token') } },
        { secret: ['old-token', 'new-token'] },
      ),
    ).resolves.toEqual({ trackingNumber: '794843185271' });
  });

  it('computes the DCSA signature over the raw bytes with the decoded secret', async () => {
    const secret = Buffer.alloc(32, 1).toString('base64');
    const body = '[]';
    const signature = signDcsaNotification(body, secret);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    await expect(
      logisticsWebhookRegistry.verify(
        'dcsa-notification-signature',
        {
          body,
          headers: {
            'notification-signature': signature.toUpperCase().replace('SHA256=', 'sha256='),
          },
        },
        { secret },
      ),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(
      logisticsWebhookRegistry.verify(
        'dcsa-notification-signature',
        { body, headers: { 'notification-signature': [signature, signature] } },
        { secret },
      ),
    ).rejects.toMatchObject({ code: 'missing_header' });
  });
});
