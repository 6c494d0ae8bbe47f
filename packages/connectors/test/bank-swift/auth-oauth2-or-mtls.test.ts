import { AuthError, type FetchLike, ValidationError } from '@tollgate/core';
import { createSandboxFetch } from '@tollgate/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
// Core's test CA (@peculiar/x509): a client certificate made for this run, no key kept in the repository.
import { createTestCa } from '../../../core/test/fixtures/auth-certs.js';
import { bankSwift } from '../../src/bank-swift/index.js';
import { createBankSwiftGateway } from '../../src/bank-swift/sandbox.js';
import {
  connectGateway,
  FAST_TRANSPORT,
  OAUTH2,
  ROUTING,
  WEBHOOK_SECRET,
} from './connect-gateway.js';
import { MT700 } from './fixtures/messages.js';

const MTLS = { cert: '', key: '', webhookSecret: WEBHOOK_SECRET };

beforeAll(async () => {
  const ca = await createTestCa('bank-swift test CA');
  const client = await ca.issue({ commonName: 'bank-swift-sandbox-client', usage: 'client' });
  MTLS.cert = client.cert;
  MTLS.key = client.key;
});

const connect = (credentials: unknown, fetch?: FetchLike) =>
  bankSwift.connect({
    environment: 'sandbox',
    config: {},
    credentials: credentials as Parameters<typeof bankSwift.connect>[0]['credentials'],
    transport: FAST_TRANSPORT,
    ...(fetch === undefined ? {} : { fetch }),
  });

describe('bank-swift auth: OAuth2 client credentials or mTLS, chosen by the credentials given', () => {
  it('chooses OAuth2 for a client id and secret, mTLS for a certificate and key', () => {
    expect(connect(OAUTH2).toJSON().auth).toMatchObject({ type: 'oauth2-client-credentials' });
    expect(connect({ method: 'oauth2', ...OAUTH2 }).toJSON().auth).toMatchObject({
      type: 'oauth2-client-credentials',
    });
    const viaCertificate = connect(MTLS);
    expect(viaCertificate.toJSON().auth).toMatchObject({ type: 'mtls' });
    expect(connect({ method: 'mtls', ...MTLS }).toJSON().auth).toMatchObject({ type: 'mtls' });
  });

  it('never shows the secrets: not the client secret, not the private key', () => {
    const oauth2 = JSON.stringify(connect(OAUTH2).toJSON());
    const mtls = JSON.stringify(connect(MTLS).toJSON());
    expect(oauth2).not.toContain(OAUTH2.clientSecret);
    expect(oauth2).not.toContain(WEBHOOK_SECRET);
    expect(mtls).not.toContain('PRIVATE KEY');
    expect(mtls).not.toContain(MTLS.key.slice(40, 80));
  });

  it('refuses unusable credentials with a ValidationError before anything is sent', () => {
    expect(() =>
      connect({ cert: MTLS.cert, key: 'not a key', webhookSecret: WEBHOOK_SECRET }),
    ).toThrow(ValidationError);
    expect(() => connect({ cert: MTLS.cert })).toThrow(ValidationError);
    expect(() => connect({ webhookSecret: WEBHOOK_SECRET })).toThrow(ValidationError);
    expect(() => connect({ method: 'oauth2', ...MTLS })).toThrow(ValidationError);
    expect(() => connect({ ...OAUTH2, clientSecret: 'short' })).toThrow(ValidationError);
    expect(() => connect({ ...OAUTH2, webhookSecret: 'plain-text-secret' })).toThrow(
      ValidationError,
    );
    const error = (() => {
      try {
        connect({ ...MTLS, key: MTLS.cert });
      } catch (caught) {
        return caught as ValidationError;
      }
      return undefined;
    })();
    expect(error?.issues.map((issue) => issue.path.join('.'))).toContain('key');
  });

  it('sends mTLS calls through the client-certificate agent, with no token', async () => {
    const gateway = createBankSwiftGateway({ clientAuthentication: 'mtls' });
    const sandbox = createSandboxFetch(
      gateway.sandbox({ baseUrl: bankSwift.environments.sandbox }),
    );
    const dispatchers: unknown[] = [];
    const client = connect(MTLS, (input, init) => {
      dispatchers.push((init as { dispatcher?: unknown } | undefined)?.dispatcher);
      return sandbox(input, init);
    });

    const submission = await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    expect(submission.status).toBe('submitted');
    expect(await client.check()).toMatchObject({ ok: true });
    expect(sandbox.requests.some((request) => request.url.includes('/oauth2/'))).toBe(false);
    expect(dispatchers.length).toBeGreaterThan(0);
    expect(dispatchers.every((dispatcher) => dispatcher?.constructor.name === 'Agent')).toBe(true);
  });

  it('is refused (AuthError) by a gateway that wants OAuth2 tokens when it only presents a certificate', async () => {
    const { client } = connectGateway({ credentials: MTLS });
    await expect(
      client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING }),
    ).rejects.toBeInstanceOf(AuthError);
  });

  it('a client the gateway does not know gets invalid_client: an AuthError, and nothing is submitted', async () => {
    const { client, sandbox } = connectGateway({
      credentials: { ...OAUTH2, clientSecret: 'not-the-registered-secret' },
    });
    await expect(
      client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING }),
    ).rejects.toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('invalid_client'),
    });
    expect(sandbox.requests.some((request) => request.url.endsWith('/fin/messages'))).toBe(false);
  });
});
