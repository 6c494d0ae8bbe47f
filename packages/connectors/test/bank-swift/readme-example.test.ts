import { readFileSync } from 'node:fs';
import { connectSandbox } from '@tollgate/core/testing';
import { generateWebhookSecret } from '@tollgate/core/webhooks';
import { expect, it } from 'vitest';
// In the README these are '@tollgate/connectors/bank-swift' and '@tollgate/connectors/bank-swift/sandbox'.
import { bankSwift } from '../../src/bank-swift/index.js';
import {
  BANK_SWIFT_SANDBOX_CREDENTIALS,
  createBankSwiftGateway,
} from '../../src/bank-swift/sandbox.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
// The README reads `mt700.txt`; the full MT700 fixture stands in for it.
const mt700 = readFileSync(new URL('../swift-mt/fixtures/mt700-full.fin', import.meta.url), 'utf8');

it('the README example runs as written: submission, settle, then the three signed callbacks and the final status', async () => {
  const logged: unknown[] = [];
  const log = (value: unknown) => logged.push(value);

  const webhookSecret = generateWebhookSecret();
  const gateway = createBankSwiftGateway({
    discrepancyAdvice: true,
    webhooks: {
      url: 'https://app.example/webhooks/bank-swift',
      secret: webhookSecret,
      deliver: async (request) =>
        log(await client.verifyWebhook({ body: await request.text(), headers: request.headers })),
    },
  });
  const { client } = connectSandbox(bankSwift, {
    sandbox: gateway.sandbox,
    config: {},
    credentials: { ...BANK_SWIFT_SANDBOX_CREDENTIALS, webhookSecret },
  });

  const lc = await client.operations.submitLetterOfCredit(
    { message: mt700, senderBic: 'BANKBDDH', receiverBic: 'BANKDEFF' },
    { idempotencyKey: 'session-42' },
  );
  await gateway.settle();
  const submission = await client.operations.getSubmission({ submissionId: lc.submissionId });

  expect(logged.map((event) => (event as { type: string }).type)).toEqual([
    'submission.accepted',
    'submission.delivered',
    'discrepancy.advised',
  ]);
  expect(submission.status).toBe('delivered');
  // The README shows these same calls and says what they log.
  expect(readme).toContain(
    'await gateway.settle(); // logs submission.accepted, submission.delivered, discrepancy.advised',
  );
  expect(readme).toContain(
    "console.log(await client.operations.getSubmission({ submissionId: lc.submissionId })); // status: 'delivered'",
  );
  expect(readme).toContain('createBankSwiftGateway({ discrepancyAdvice: true, webhooks: {');
});
