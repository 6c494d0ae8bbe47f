import { connectSandbox } from '@tollgate/core/testing';
import { bankSwift } from '../../src/bank-swift/index.js';
import {
  type BankSwiftGatewayOptions,
  createBankSwiftGateway,
  type SandboxOptions,
} from '../../src/bank-swift/sandbox.js';
import type { BankSwiftConfig } from '../../src/bank-swift/schema.js';

/** The Standard Webhooks secret the gateway signs with and the connector verifies with (24 bytes). */
export const WEBHOOK_SECRET = `whsec_${Buffer.from('bank-swift-sandbox-secret').toString('base64')}`;

/** OAuth2 credentials of the platform at the gateway. */
export const OAUTH2 = {
  clientId: 'tollgate-platform',
  clientSecret: 'sandbox-secret-0123456789',
  webhookSecret: WEBHOOK_SECRET,
};

/** Short retry delays and no circuit breaker, so fault tests stay fast and independent. */
export const FAST_TRANSPORT = {
  retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
  circuitBreaker: false,
} as const;

/** Where the gateway posts its callbacks in tests. */
export const WEBHOOK_URL = 'https://platform.test/webhooks/bank-swift';

/**
 * A fresh simulated gateway, the client connected to it (OAuth2 by default)
 * and the callbacks it posted (`received`).
 */
export function connectGateway(
  options: BankSwiftGatewayOptions & {
    credentials?: Parameters<typeof bankSwift.connect>[0]['credentials'];
    sandbox?: Omit<SandboxOptions<BankSwiftConfig>, 'baseUrl' | 'config'>;
    timeoutMs?: number;
    maxRetryAfterMs?: number;
  } = {},
) {
  const received: Request[] = [];
  const {
    credentials = OAUTH2,
    sandbox: scenario,
    timeoutMs,
    maxRetryAfterMs,
    ...gatewayOptions
  } = options;
  const gateway = createBankSwiftGateway({
    webhooks: {
      url: WEBHOOK_URL,
      secret: WEBHOOK_SECRET,
      deliver: (request) => {
        received.push(request);
        return new Response(null, { status: 204 });
      },
    },
    ...gatewayOptions,
  });
  const { client, sandbox } = connectSandbox(bankSwift, {
    sandbox: (connection) => gateway.sandbox({ ...connection, ...scenario }),
    config: {},
    credentials,
    transport: {
      ...FAST_TRANSPORT,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(maxRetryAfterMs === undefined
        ? {}
        : { retry: { ...FAST_TRANSPORT.retry, maxRetryAfterMs } }),
    },
  });
  return { client, sandbox, gateway, received };
}

/** The routing of the test credit. */
export const ROUTING = { senderBic: 'BANKBDDH', receiverBic: 'BANKDEFF' } as const;

/** A callback the gateway posted, as `verifyWebhook` takes it. */
export async function webhookRequestOf(request: Request | undefined) {
  if (request === undefined) throw new Error('no callback was posted');
  return { body: await request.text(), headers: request.headers };
}
