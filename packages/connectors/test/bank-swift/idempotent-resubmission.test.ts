import { IdempotencyConflictError } from '@tollgate/core';
import { faults } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { connectGateway, ROUTING } from './connect-gateway.js';
import { MT700, MT707 } from './fixtures/messages.js';

const posts = (sandbox: ReturnType<typeof connectGateway>['sandbox']) =>
  sandbox.requests.filter(
    (request) => request.method === 'POST' && request.url.endsWith('/fin/messages'),
  );

describe('bank-swift: resubmitting is safe', () => {
  it('returns the same submission for the same reference, and the network sees one message', async () => {
    const { client, gateway } = connectGateway();
    const input = { message: MT700, ...ROUTING, reference: 'LC2024BD0001-V1' };
    const first = await client.operations.submitLetterOfCredit(input);
    const again = await client.operations.submitLetterOfCredit(input);
    expect(again.submissionId).toBe(first.submissionId);
    expect(again.reference).toBe('LC2024BD0001-V1');
    // One message: one ACK, one delivery.
    expect((await gateway.settle()).map((delivery) => delivery.type)).toEqual([
      'fin.transmission_report',
      'fin.delivery_report',
    ]);
  });

  it('uses the idempotency key as the reference when none is given', async () => {
    const { client } = connectGateway();
    const first = await client.operations.submitLetterOfCredit(
      { message: MT700, ...ROUTING },
      { idempotencyKey: 'validate-session-42' },
    );
    const again = await client.operations.submitLetterOfCredit(
      { message: MT700, ...ROUTING },
      { idempotencyKey: 'validate-session-42' },
    );
    expect(first.reference).toBe('validate-session-42');
    expect(again.submissionId).toBe(first.submissionId);

    const long = await client.operations.submitLetterOfCredit(
      { message: MT700, ...ROUTING },
      { idempotencyKey: `k-${'9'.repeat(80)}` },
    );
    expect(long.reference).toMatch(/^TG[0-9A-F]{32}$/);
  });

  it('refuses a reference reused for another message with IdempotencyConflictError', async () => {
    const { client } = connectGateway();
    await client.operations.submitLetterOfCredit({
      message: MT700,
      ...ROUTING,
      reference: 'REF-1',
    });
    const error = await client.operations
      .submitAmendment({ message: MT707, ...ROUTING, reference: 'REF-1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IdempotencyConflictError);
    expect(error).toMatchObject({
      code: 'idempotency_conflict',
      details: { gateway_code: 'AC-409' },
    });
  });

  it('retries a submission through a 503 without sending the credit twice', async () => {
    const { client, sandbox, gateway } = connectGateway();
    sandbox.use(faults.status(503, { times: 1, method: 'POST', url: '*/fin/messages' }));
    const submission = await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    expect(submission.status).toBe('submitted');
    expect(posts(sandbox)).toHaveLength(2);
    expect(await gateway.advance()).toHaveLength(1);
  });
});
