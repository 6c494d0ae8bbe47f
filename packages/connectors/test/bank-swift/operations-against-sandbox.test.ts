import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { bankSwift } from '../../src/bank-swift/index.js';
import { parseSwiftMessage } from '../../src/swift-mt/index.js';
import { connectGateway, ROUTING } from './connect-gateway.js';
import { MT700, MT707, MT720 } from './fixtures/messages.js';

/** Capture the JSON bodies POSTed to `/fin/messages` without answering (the sandbox still does). */
function captureEmissions(sandbox: ReturnType<typeof connectGateway>['sandbox']) {
  const bodies: Record<string, unknown>[] = [];
  sandbox.use(
    http.post('*/fin/messages', async ({ request }) => {
      bodies.push((await request.clone().json()) as Record<string, unknown>);
      return undefined;
    }),
  );
  return bodies;
}

describe('bank-swift operations against the simulated gateway (OAuth2)', () => {
  it('declares the LC submission as the billable bank.recheck and nothing else', () => {
    expect(bankSwift.billableOperations).toEqual({ submitLetterOfCredit: 'bank.recheck' });
    expect(bankSwift.kind).toBe('bank');
  });

  it('submits an MT700 as Alliance Cloud FIN emission and gets the gateway reference back', async () => {
    const { client, sandbox } = connectGateway();
    const sent = captureEmissions(sandbox);
    const submission = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
      priority: 'urgent',
      reference: 'LC2024BD0001-R1',
    });

    expect(submission).toMatchObject({
      reference: 'LC2024BD0001-R1',
      submissionType: 'mt700',
      status: 'submitted',
    });
    expect(submission.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(submission.submittedAt)).not.toBeNaN();

    const [body] = sent;
    expect(body).toMatchObject({
      sender_reference: 'LC2024BD0001-R1',
      message_type: 'fin.700',
      sender: 'BANKBDDHXXXX',
      receiver: 'BANKDEFFXXXX',
      network_info: { network_priority: 'Urgent', delivery_monitoring: 'Delivery' },
    });
    const textBlock = Buffer.from(String(body?.payload), 'base64').toString('utf8');
    expect(textBlock.startsWith('\r\n:27:1/1\r\n:40A:IRREVOCABLE')).toBe(true);
    expect(textBlock.endsWith(':49:WITHOUT')).toBe(true);
    expect(textBlock).not.toContain('{1:');
  });

  it('asks for one token for several calls', async () => {
    const { client, sandbox } = connectGateway();
    await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    await client.operations.submitAmendment({ message: MT707, ...ROUTING });
    expect(
      sandbox.requests.filter((request) => request.url.endsWith('/oauth2/v1/token')),
    ).toHaveLength(1);
    expect(sandbox.requests.at(0)?.url).toBe('https://sandbox.swift.com/oauth2/v1/token');
  });

  it('submits a SwiftMessage built by the codec as well as FIN text', async () => {
    const { client, sandbox } = connectGateway();
    const sent = captureEmissions(sandbox);
    const parsed = parseSwiftMessage(MT700);
    const fromObject = await client.operations.submitLetterOfCredit({
      message: parsed,
      ...ROUTING,
    });
    const fromText = await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    expect(sent[0]?.payload).toBe(sent[1]?.payload);
    // Same content and routing, no reference given: the same digest reference, the same submission.
    expect(fromObject.submissionId).toBe(fromText.submissionId);
  });

  it('submits an MT707 amendment and an MT720 transfer', async () => {
    const { client, sandbox } = connectGateway();
    const sent = captureEmissions(sandbox);
    const amendment = await client.operations.submitAmendment({ message: MT707, ...ROUTING });
    const transfer = await client.operations.submitTransfer({
      message: MT720,
      senderBic: 'FOOHGB20A36',
      receiverBic: 'FOOXSGS0',
    });
    expect(amendment).toMatchObject({ submissionType: 'mt707', status: 'submitted' });
    expect(transfer).toMatchObject({ submissionType: 'mt720', status: 'submitted' });
    expect(sent.map((body) => [body.message_type, body.sender, body.receiver])).toEqual([
      ['fin.707', 'BANKBDDHXXXX', 'BANKDEFFXXXX'],
      ['fin.720', 'FOOHGB20XA36', 'FOOXSGS0XXXX'],
    ]);
  });

  it('reads a submission through its life: submitted, accepted (ACK with MIR), delivered', async () => {
    const { client, gateway } = connectGateway();
    const { submissionId } = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
    });

    const submitted = await client.operations.getSubmission({ submissionId });
    expect(submitted).toMatchObject({ submissionId, submissionType: 'mt700', status: 'submitted' });

    await gateway.advance();
    const accepted = await client.operations.getSubmission({ submissionId });
    expect(accepted.status).toBe('accepted');
    expect(accepted.messageInputReference).toMatch(/^\d{6}BANKBDDHXXXX0001\d{6}$/);
    expect(accepted.rejection).toBeUndefined();

    await gateway.advance();
    const delivered = await client.operations.getSubmission({ submissionId });
    expect(delivered).toMatchObject({
      status: 'delivered',
      messageInputReference: accepted.messageInputReference,
    });
  });

  it('answers an unknown submission id with the gateway 404 as an UpstreamError', async () => {
    const { client } = connectGateway();
    await expect(
      client.operations.getSubmission({ submissionId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 404 });
  });
});
