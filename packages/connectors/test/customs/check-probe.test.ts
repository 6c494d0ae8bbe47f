import { faults } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { connectCustoms, options } from './customs-fixtures.js';

describe('check(): GET /hello/application with a fresh OAuth token', () => {
  it('is ok against a healthy sandbox', async () => {
    const { client, sandbox } = connectCustoms();
    const result = await client.check();
    expect(result.ok).toBe(true);
    expect(sandbox.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /oauth/token',
      'GET /hello/application',
    ]);
  });

  it('is not ok when the gateway keeps failing', async () => {
    const { client } = connectCustoms({ scenario: 'server-error' });
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/HTTP 500/);
  });

  it('is not ok when the gateway answers garbage', async () => {
    const { client } = connectCustoms({ scenario: 'malformed' });
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/not JSON/);
  });

  it('is not ok when the gateway is slower than the probe allows', async () => {
    const { client } = connectCustoms({ scenario: 'slow', slowMs: 2_000 });
    const result = await client.check({ timeoutMs: 100 });
    expect(result.ok).toBe(false);
  });

  it('is not ok with credentials the OAuth service refuses, and the secret stays out of the reason', async () => {
    const { client } = connectCustoms(
      {},
      { credentials: { ...options.credentials, clientSecret: 'invalid-secret-9f8e7d' } },
    );
    const result = await client.check();
    expect(result).toMatchObject({ ok: false });
    expect(result.reason).toMatch(/invalid_client/);
    expect(result.reason).not.toContain('invalid-secret-9f8e7d');
  });

  it('is not ok when the token endpoint itself keeps failing (first attempt and 2 retries)', async () => {
    const { client, sandbox } = connectCustoms();
    sandbox.use(faults.status(503, { url: '*/oauth/token', times: 3 }));
    expect((await client.check()).ok).toBe(false);
  });
});
