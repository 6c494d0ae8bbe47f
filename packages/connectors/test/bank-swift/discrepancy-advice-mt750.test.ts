import { createWebhookHeaders } from '@tollgate/core/webhooks';
import { describe, expect, it } from 'vitest';
import { parseSwiftMessage } from '../../src/swift-mt/index.js';
import { connectGateway, ROUTING, WEBHOOK_SECRET } from './connect-gateway.js';
import { fixture, MT700, MT707 } from './fixtures/messages.js';

describe('bank-swift MT750 discrepancy advices', () => {
  it('delivers an MT750 for a delivered MT700; the verified event carries the typed advice', async () => {
    const { client, gateway, received } = connectGateway({ discrepancyAdvice: true });
    const { submissionId } = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
    });

    const sent = await gateway.settle();
    expect(sent.map((delivery) => delivery.type)).toEqual([
      'fin.transmission_report',
      'fin.delivery_report',
      'fin.message',
    ]);
    const last = received.at(-1);
    if (last === undefined) throw new Error('no callback');
    const event = await client.verifyWebhook({ body: await last.text(), headers: last.headers });

    expect(event.type).toBe('discrepancy.advised');
    if (event.type !== 'discrepancy.advised') throw new Error('unreachable');
    expect(event.messageId).not.toBe(submissionId);
    // The presenting bank (the MT700's receiver) advises the issuing bank (its sender).
    expect(event.sender).toBe('BANKDEFFXXXX');
    expect(event.receiver).toBe('BANKBDDHXXXX');
    expect(event.advice).toMatchObject({
      relatedReference: 'LC2024BD0001',
      principalAmount: { amount: 15_000_000n, currency: 'EUR' },
      discrepancies: ['+LATE PRESENTATION', '+INVOICE AMOUNT EXCEEDS CREDIT AMOUNT'],
    });
    expect(event.advice.sendersReference).toMatch(/^DISC\d{6}$/);
    // The FIN text is rebuilt with an output block 2 and parses cleanly in strict mode.
    expect(event.finText).toMatch(/^\{1:F01BANKBDDHXXXX0000000000\}\{2:O750\d{4}\d{6}BANKDEFFXXXX/);
    const strict = parseSwiftMessage(event.finText, { mode: 'strict' });
    expect(strict.type).toBe('750');
    expect(strict.errors).toEqual([]);
    expect(event.message.type).toBe('750');
  });

  it('lets a test ask for an advice with its own discrepancies, for a credit already delivered', async () => {
    const { client, gateway } = connectGateway();
    const { submissionId } = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
    });
    await gateway.settle();
    gateway.adviseDiscrepancy(submissionId, ['Bill of lading not clean: cartons wet']);
    const [advice] = await gateway.advance();
    if (advice === undefined) throw new Error('no advice');
    const event = await client.verifyWebhook({ body: advice.body, headers: advice.headers });
    if (event.type !== 'discrepancy.advised') throw new Error(`got ${event.type}`);
    expect(event.advice.discrepancies).toEqual(['+BILL OF LADING NOT CLEAN: CARTONS WET']);

    // The advice is also downloadable from the gateway, as a FIN message distribution.
    const download = await client.transport.json<{ message: { message_type: string } }>({
      path: `/fin/messages/${event.distributionId}`,
    });
    expect(download.data.message.message_type).toBe('fin.750');
  });

  it('answers only MT700s with an advice', async () => {
    const { client, gateway } = connectGateway({ discrepancyAdvice: ['LATE PRESENTATION'] });
    const { submissionId } = await client.operations.submitAmendment({
      message: MT707,
      ...ROUTING,
    });
    expect((await gateway.settle()).map((delivery) => delivery.type)).not.toContain('fin.message');
    expect(() => gateway.adviseDiscrepancy(submissionId)).toThrow(/MT750 answers an MT700/);
  });

  it('reads an MT750 as a bank sent it (the Prowide sample) from a genuine callback', async () => {
    const { client } = connectGateway();
    const sample = parseSwiftMessage(fixture('prowide-core_MT750_SwiftMessageUtilsTest.txt'), {
      mode: 'lenient',
    });
    const textBlock = `\r\n${sample.fields.map((field) => `:${field.tag}:${field.value}`).join('\r\n')}`;
    const body = JSON.stringify({
      type: 'fin.message',
      timestamp: new Date().toISOString(),
      data: {
        distribution: { id: 7, service: 'fin', type: 'message' },
        message_cloud_reference: 'c169124c-30c7-4485-8cb1-b894df526ec9',
        message: {
          sender_reference: 'c169124c-30c7-4485-8cb1-b894df526ec9',
          message_type: 'fin.750',
          sender: 'BBBBUS33XXXX',
          receiver: 'AAAAUS33AXXX',
          version: 0,
          direction: 'Incoming',
          payload: Buffer.from(textBlock).toString('base64'),
        },
      },
    });
    const event = await client.verifyWebhook({
      body,
      headers: createWebhookHeaders(WEBHOOK_SECRET, body),
    });
    if (event.type !== 'discrepancy.advised') throw new Error(`got ${event.type}`);
    expect(event.advice).toMatchObject({
      sendersReference: 'FOO',
      relatedReference: 'BAR',
      principalAmount: { amount: 100_000n, currency: 'USD' },
      totalAmount: { amount: 120_000n, currency: 'USD' },
    });
    // Block 2 is rebuilt in the input form when the network info is missing.
    expect(event.finText.startsWith('{1:F01AAAAUS33AXXX0000000000}{2:I750BBBBUS33XXXXN}{4:')).toBe(
      true,
    );
  });

  it('passes other incoming messages through as message.received', async () => {
    const { client } = connectGateway();
    const body = JSON.stringify({
      type: 'fin.message',
      timestamp: new Date().toISOString(),
      data: {
        distribution: { id: 8, service: 'fin', type: 'message' },
        message_cloud_reference: '6c6cf8b9-9c9c-4ef4-be70-da426c1d19dd',
        message: {
          sender_reference: '6c6cf8b9-9c9c-4ef4-be70-da426c1d19dd',
          message_type: 'fin.799',
          sender: 'BANKDEFFXXXX',
          receiver: 'BANKBDDHXXXX',
          version: 0,
          direction: 'Incoming',
          payload: Buffer.from('\r\n:20:REF1\r\n:79:PLEASE CALL US').toString('base64'),
        },
      },
    });
    const event = await client.verifyWebhook({
      body,
      headers: createWebhookHeaders(WEBHOOK_SECRET, body),
    });
    expect(event).toMatchObject({ type: 'message.received', messageType: 'fin.799' });
  });
});
