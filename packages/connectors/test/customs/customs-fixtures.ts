import { type ConnectSandboxOptions, connectSandbox } from '@tollgate/core/testing';
import { customs } from '../../src/customs/index.js';
import {
  CUSTOMS_SANDBOX_WEBHOOK_SECRET,
  type CustomsNotificationOutbox,
  type CustomsSandboxOptions,
  createCustomsOutbox,
  customsSandbox,
} from '../../src/customs/sandbox.js';

/** A connection's config and credentials for the customs sandbox. */
export const options = {
  config: { submitterIdentifier: 'BD000123456789' },
  credentials: {
    clientId: 'tollgate-platform',
    clientSecret: 'sandbox-client-secret-0001',
    webhookSecret: CUSTOMS_SANDBOX_WEBHOOK_SECRET,
  },
} as const;

/** The sandbox's fixed business clock in tests. */
export const RECEIVED_AT = new Date('2026-03-02T09:30:00.000Z');

type Extra = Omit<CustomsSandboxOptions, 'baseUrl' | 'config'>;

/** The customs client against its sandbox, with fast retries, and the outbox it notifies. */
export function connectCustoms(
  extra: Extra & { outbox?: CustomsNotificationOutbox } = {},
  overrides: Partial<ConnectSandboxOptions<typeof customs.config, typeof customs.credentials>> = {},
) {
  const outbox = extra.outbox ?? createCustomsOutbox();
  const { client, sandbox } = connectSandbox(customs, {
    ...options,
    transport: { retry: { baseDelayMs: 5, maxDelayMs: 20, jitter: false } },
    ...overrides,
    sandbox: (connection) =>
      customsSandbox({ ...connection, now: () => RECEIVED_AT, ...extra, outbox }),
  });
  return { client, sandbox, outbox };
}
