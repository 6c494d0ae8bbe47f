import { WebhookVerificationError } from '@tollgate/core';
import { describe, expect, it, vi } from 'vitest';
import { bankSwift } from '../../src/bank-swift/index.js';
import {
  connectGateway,
  OAUTH2,
  ROUTING,
  WEBHOOK_URL,
  webhookRequestOf,
} from './connect-gateway.js';
import { MT700 } from './fixtures/messages.js';

describe('bank-swift status callbacks (Standard Webhooks)', () => {
  it('posts a signed callback per step; genuine ones verify and parse into status events', async () => {
    const { client, gateway, received } = connectGateway();
    const { submissionId, reference } = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
      reference: 'LC2024BD0001',
    });

    const sent = await gateway.settle();
    expect(sent.map((delivery) => delivery.type)).toEqual([
      'fin.transmission_report',
      'fin.delivery_report',
    ]);
    expect(received).toHaveLength(2);
    expect(received[0]?.url).toBe(WEBHOOK_URL);
    expect(received[0]?.headers.get('webhook-signature')).toMatch(/^v1,/);

    const accepted = await client.verifyWebhook(await webhookRequestOf(received[0]));
    expect(accepted).toMatchObject({
      type: 'submission.accepted',
      status: 'accepted',
      submissionId,
      reference,
    });
    if (accepted.type !== 'submission.accepted') throw new Error('unreachable');
    expect(accepted.messageInputReference).toMatch(/^\d{6}BANKBDDHXXXX/);
    expect(accepted.distributionId).toBeGreaterThan(0);

    const delivered = await client.verifyWebhook(await webhookRequestOf(received[1]));
    expect(delivered).toMatchObject({
      type: 'submission.delivered',
      status: 'delivered',
      submissionId,
    });
  });

  it('rejects a tampered body, a wrong secret and a missing signature with WebhookVerificationError', async () => {
    const { client, gateway } = connectGateway();
    await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    const [delivery] = await gateway.advance();
    if (delivery === undefined) throw new Error('no callback');

    const tampered = delivery.body.replace('"Acked"', '"Nacked"');
    expect(tampered).not.toBe(delivery.body);
    const error = await client
      .verifyWebhook({ body: tampered, headers: delivery.headers })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ code: 'invalid_signature' });

    const otherSecret = bankSwift.connect({
      environment: 'sandbox',
      config: {},
      credentials: {
        ...OAUTH2,
        webhookSecret: `whsec_${Buffer.from('another-secret-of-24-b').toString('base64')}`,
      },
    });
    await expect(
      otherSecret.verifyWebhook({ body: delivery.body, headers: delivery.headers }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });

    const { 'webhook-signature': _dropped, ...unsigned } = delivery.headers;
    await expect(
      client.verifyWebhook({ body: delivery.body, headers: unsigned }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('fails verification with invalid_secret when the connection has no webhook secret', async () => {
    const { client, gateway } = connectGateway();
    await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    const [delivery] = await gateway.advance();
    const { webhookSecret: _none, ...withoutSecret } = OAUTH2;
    const noSecret = bankSwift.connect({
      environment: 'sandbox',
      config: {},
      credentials: withoutSecret,
    });
    await expect(
      noSecret.verifyWebhook({ body: delivery?.body ?? '', headers: delivery?.headers ?? {} }),
    ).rejects.toMatchObject({ code: 'invalid_secret' });
  });

  it('rejects a genuine callback whose body is not a gateway event (invalid_payload)', async () => {
    const { createWebhookHeaders } = await import('@tollgate/core/webhooks');
    const { client } = connectGateway();
    const body = JSON.stringify({
      type: 'fin.transmission_report',
      timestamp: 'yesterday',
      data: {},
    });
    const headers = createWebhookHeaders(OAUTH2.webhookSecret, body);
    await expect(client.verifyWebhook({ body, headers })).rejects.toMatchObject({
      code: 'invalid_payload',
    });
  });

  it('plays the network by itself with autoAdvanceMs, and posts with fetch to the webhook URL', async () => {
    const posted: Request[] = [];
    const { client, gateway } = connectGateway({
      autoAdvanceMs: 5,
      webhooks: {
        url: WEBHOOK_URL,
        secret: OAUTH2.webhookSecret,
        deliver: (request) => {
          posted.push(request);
          return new Response(null, { status: 202 });
        },
      },
    });
    const { submissionId } = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
    });
    await vi.waitFor(() => expect(gateway.deliveries).toHaveLength(2));
    expect(gateway.deliveries.map((delivery) => delivery.status)).toEqual([202, 202]);
    expect(posted).toHaveLength(2);
    expect(await client.operations.getSubmission({ submissionId })).toMatchObject({
      status: 'delivered',
    });
  });

  it('records a callback the platform failed to take, and carries on', async () => {
    const { client, gateway } = connectGateway({
      webhooks: {
        url: WEBHOOK_URL,
        secret: OAUTH2.webhookSecret,
        deliver: () => {
          throw new Error('connection refused');
        },
      },
    });
    await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    const [delivery] = await gateway.advance();
    expect(delivery).toMatchObject({
      type: 'fin.transmission_report',
      error: 'connection refused',
    });
  });
});
