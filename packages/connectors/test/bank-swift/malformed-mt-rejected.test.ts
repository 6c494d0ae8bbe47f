import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { SwiftMessageRejectedError } from '../../src/bank-swift/index.js';
import { connectGateway, ROUTING, webhookRequestOf } from './connect-gateway.js';
import { MT700, MT700_WITHOUT_AMOUNT, MT707, NOT_A_SWIFT_MESSAGE } from './fixtures/messages.js';

const finMessagesPosts = (sandbox: ReturnType<typeof connectGateway>['sandbox']) =>
  sandbox.requests.filter(
    (request) => request.method === 'POST' && request.url.endsWith('/fin/messages'),
  );

describe('bank-swift: what the gateway refuses, and how it says so', () => {
  it('refuses a payload that is no FIN text block: a typed error with the gateway code and the FIN findings', async () => {
    const { client, gateway } = connectGateway();
    const error = await client.operations
      .submitLetterOfCredit({ message: NOT_A_SWIFT_MESSAGE, ...ROUTING })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SwiftMessageRejectedError);
    expect(error).toBeInstanceOf(ValidationError);
    const rejected = error as SwiftMessageRejectedError;
    expect(rejected.code).toBe('validation_failed');
    expect(rejected.gatewayCode).toBe('AC-400');
    expect(rejected.upstreamStatus).toBe(400);
    expect(rejected.issues.length).toBeGreaterThan(0);
    expect(rejected.issues[0]).toMatchObject({ code: 'T13', path: ['message'] });
    expect(rejected.message).toContain('not a FIN text block');
    expect(rejected.toProblem()).toMatchObject({ status: 400, gateway_code: 'AC-400' });
    // Nothing was taken: no callback to come.
    expect(await gateway.settle()).toEqual([]);
  });

  it('takes a readable but invalid MT700, then the network NAKs it with T13 (callback and status)', async () => {
    const { client, gateway, received } = connectGateway();
    const { submissionId } = await client.operations.submitLetterOfCredit({
      message: MT700_WITHOUT_AMOUNT,
      ...ROUTING,
    });
    const [nak] = await gateway.advance();
    expect(nak?.type).toBe('fin.transmission_report');

    const event = await client.verifyWebhook(await webhookRequestOf(received[0]));
    expect(event).toMatchObject({ type: 'submission.rejected', status: 'rejected', submissionId });
    if (event.type !== 'submission.rejected') throw new Error('unreachable');
    expect(event.rejection.code).toBe('T13');
    expect(event.rejection.reason).toContain('32B');

    const state = await client.operations.getSubmission({ submissionId });
    expect(state).toMatchObject({ status: 'rejected', rejection: { code: 'T13' } });
    expect(state.messageInputReference).toBeUndefined();
    // A NAKed message goes no further.
    expect(await gateway.settle()).toEqual([]);
  });

  it('NAKs with the code the network is told to use (gateway option)', async () => {
    const { client, gateway } = connectGateway({
      nak: { code: 'H25', reason: 'INVALID DESTINATION' },
    });
    const { submissionId } = await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
    });
    await gateway.advance();
    expect(await client.operations.getSubmission({ submissionId })).toMatchObject({
      status: 'rejected',
      rejection: { code: 'H25', reason: 'INVALID DESTINATION' },
    });
  });

  it('refuses bad input with a ValidationError before sending anything', async () => {
    const { client, sandbox } = connectGateway();
    await expect(
      client.operations.submitLetterOfCredit({ message: MT707, ...ROUTING }),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ code: 'message_type' }] });
    await expect(
      client.operations.submitLetterOfCredit({
        message: MT700,
        senderBic: 'NOT A BIC',
        receiverBic: 'BANKDEFF',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      client.operations.submitAmendment({ message: '', ...ROUTING }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      client.operations.submitLetterOfCredit({
        message: MT700,
        ...ROUTING,
        reference: 'x'.repeat(71),
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.requests).toEqual([]);
  });

  it('gets an invalid request (AC-400) back as a typed error too', async () => {
    const { client } = connectGateway();
    // A 108 message user reference longer than the API's 16 characters.
    const withLongMur = MT700.replace('{4:', '{3:{108:THIS-MUR-IS-FAR-TOO-LONG}}{4:');
    await expect(
      client.operations.submitLetterOfCredit({ message: withLongMur, ...ROUTING }),
    ).rejects.toMatchObject({
      gatewayCode: 'AC-400',
      issues: [{ code: 'AC-400', message: expect.stringContaining('message_user_reference') }],
    });
  });

  it('sends the text as the gateway gets it: no retry of a refused message', async () => {
    const { client, sandbox } = connectGateway();
    await client.operations
      .submitLetterOfCredit({ message: NOT_A_SWIFT_MESSAGE, ...ROUTING })
      .catch(() => {});
    expect(finMessagesPosts(sandbox)).toHaveLength(1);
  });
});
