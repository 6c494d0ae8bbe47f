import { WebhookVerificationError } from '@tollgate/core/webhooks';
import { describe, expect, it } from 'vitest';
import type { SubmitDeclarationInput } from '../../src/customs/index.js';
import { createCustomsOutbox } from '../../src/customs/sandbox.js';
import { connectCustoms, options } from './customs-fixtures.js';

const declaration = {
  countryCode: 'AE',
  declarationType: 'import',
  customsOffice: 'JEA01',
  commodityCodes: ['62034200'],
} satisfies Omit<SubmitDeclarationInput, 'declarantReference'>;

describe('status webhooks (Standard Webhooks, verified through the connector)', () => {
  it('verifies every genuine callback and parses it into a status event', async () => {
    const { client, outbox } = connectCustoms();
    const { declarationId } = await client.operations.submitDeclaration({
      ...declaration,
      declarantReference: 'REJHS-AE-9',
    });
    const callbacks = outbox.take();
    expect(callbacks).toHaveLength(2);
    const events = [];
    for (const callback of callbacks) {
      expect(callback.headers['x-conversation-id']).toBe(declarationId);
      events.push(await client.verifyWebhook({ body: callback.body, headers: callback.headers }));
    }
    expect(events).toEqual([
      {
        type: 'customs.declaration.status',
        declarationId,
        notificationId: '000000000001-01',
        reference: 'REJHS-AE-9',
        mrn: null,
        countryCode: 'AE',
        functionCode: '02',
        status: 'received',
        issuedAt: '2026-03-02T09:30:01.000Z',
        reasons: [],
      },
      {
        type: 'customs.declaration.status',
        declarationId,
        notificationId: '000000000001-02',
        reference: 'REJHS-AE-9',
        mrn: null,
        countryCode: 'AE',
        functionCode: '03',
        status: 'rejected',
        issuedAt: '2026-03-02T09:30:02.000Z',
        reasons: [
          {
            code: 'SBX-CC-001',
            description: 'Commodity code is not valid in the national tariff for the declared date',
            pointer: 'goodsShipment.governmentAgencyGoodsItems[1].commodity.classifications[1].id',
          },
        ],
      },
    ]);
  });

  it('verifies a callback delivered as a Request (raw body read once)', async () => {
    const { client, outbox } = connectCustoms();
    await client.operations.submitDeclaration({ ...declaration, declarantReference: 'ACC-AE-1' });
    const request = outbox.take()[1]?.toRequest();
    expect(request?.url).toBe('https://callbacks.tollgate.test/webhooks/customs');
    const event = await client.verifyWebhook({
      body: (await request?.text()) ?? '',
      headers: request?.headers ?? {},
    });
    expect(event).toMatchObject({ status: 'accepted', mrn: '26AESBX00000000001' });
  });

  it('emits webhook.verified and webhook.rejected', async () => {
    const { client, outbox } = connectCustoms();
    const seen: string[] = [];
    client.events.on('webhook.verified', (event) => seen.push(`verified ${event.messageId}`));
    client.events.on('webhook.rejected', (event) => seen.push(`rejected ${event.code}`));
    await client.operations.submitDeclaration({ ...declaration, declarantReference: 'ACC-AE-2' });
    const [callback] = outbox.take();
    await client.verifyWebhook({ body: callback?.body ?? '', headers: callback?.headers ?? {} });
    await expect(
      client.verifyWebhook({ body: `${callback?.body} `, headers: callback?.headers ?? {} }),
    ).rejects.toThrow(WebhookVerificationError);
    expect(seen).toEqual(['verified 000000000001-01', 'rejected invalid_signature']);
  });

  it.each([
    [
      'a tampered body',
      (body: string, headers: Record<string, string>) => ({
        body: body.replace('"functionCode":"03"', '"functionCode":"09"'),
        headers,
      }),
      'invalid_signature',
    ],
    [
      'a tampered signature',
      (body: string, headers: Record<string, string>) => ({
        body,
        headers: { ...headers, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}` },
      }),
      'invalid_signature',
    ],
    [
      'another delivery id',
      (body: string, headers: Record<string, string>) => ({
        body,
        headers: { ...headers, 'webhook-id': 'replayed-id' },
      }),
      'invalid_signature',
    ],
    [
      'missing signature headers',
      (body: string) => ({ body, headers: { 'content-type': 'application/json' } }),
      'missing_header',
    ],
  ])('rejects %s', async (_name, tamper, code) => {
    const { client, outbox } = connectCustoms();
    await client.operations.submitDeclaration({ ...declaration, declarantReference: 'REJ-AE-3' });
    const rejection = outbox.take()[1];
    const forged = tamper(rejection?.body ?? '', rejection?.headers ?? {});
    const error = await client.verifyWebhook(forged).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ code });
  });

  it('rejects a callback signed with another secret', async () => {
    const outbox = createCustomsOutbox({
      secret: `whsec_${Buffer.from('some-other-gateway-secret-00001').toString('base64')}`,
    });
    const { client } = connectCustoms({ outbox });
    await client.operations.submitDeclaration({ ...declaration, declarantReference: 'ACC-AE-4' });
    const [callback] = outbox.take();
    await expect(
      client.verifyWebhook({ body: callback?.body ?? '', headers: callback?.headers ?? {} }),
    ).rejects.toMatchObject({ code: 'invalid_signature' });
  });

  it('rejects a callback older than the 5-minute tolerance (replay)', async () => {
    const outbox = createCustomsOutbox({ now: () => Date.now() - 10 * 60 * 1000 });
    const { client } = connectCustoms({ outbox });
    await client.operations.submitDeclaration({ ...declaration, declarantReference: 'ACC-AE-5' });
    const [callback] = outbox.take();
    await expect(
      client.verifyWebhook({ body: callback?.body ?? '', headers: callback?.headers ?? {} }),
    ).rejects.toMatchObject({ code: 'timestamp_too_old' });
  });

  it('cannot verify without a webhookSecret credential', async () => {
    const { webhookSecret: _omitted, ...credentials } = options.credentials;
    const { client, outbox } = connectCustoms({}, { credentials });
    await client.operations.submitDeclaration({ ...declaration, declarantReference: 'ACC-AE-6' });
    const [callback] = outbox.take();
    await expect(
      client.verifyWebhook({ body: callback?.body ?? '', headers: callback?.headers ?? {} }),
    ).rejects.toMatchObject({ code: 'invalid_secret' });
  });
});
