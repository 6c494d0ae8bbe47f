import { describe, expect, it } from 'vitest';
import { connectGateway, OAUTH2, ROUTING } from './connect-gateway.js';
import { MT700 } from './fixtures/messages.js';

describe('bank-swift check()', () => {
  it('is ok when the gateway answers GET /distributions with a token', async () => {
    const { client, sandbox } = connectGateway();
    const result = await client.check();
    expect(result).toMatchObject({ ok: true });
    expect(sandbox.requests.map((request) => request.url)).toEqual([
      'https://sandbox.swift.com/oauth2/v1/token',
      'https://sandbox.swift.com/alliancecloud/v2/distributions?limit=1',
    ]);
  });

  it('lists the gateway distributions (reports) it made', async () => {
    const { client, gateway, sandbox } = connectGateway();
    await client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });
    await gateway.settle();
    const response = await client.transport.json<{ distributions: { type: string }[] }>({
      path: '/distributions',
    });
    expect(response.data.distributions.map((distribution) => distribution.type)).toEqual([
      'transmissionReport',
      'deliveryReport',
    ]);
    expect(sandbox.requests.length).toBeGreaterThan(0);
  });

  it('is not ok, with a reason and no secret, when the gateway fails', async () => {
    const { client } = connectGateway({ sandbox: { scenario: 'server-error' } });
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('upstream_error');
  });

  it('is not ok when the gateway refuses the client credentials', async () => {
    const { client } = connectGateway({
      clients: { 'tollgate-platform': 'another-secret-entirely' },
    });
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('auth_failed');
    expect(result.reason).not.toContain(OAUTH2.clientSecret);
  });

  it('is not ok when the gateway does not answer in time', async () => {
    const { client } = connectGateway({
      sandbox: { scenario: 'slow', slowMs: 500 },
      timeoutMs: 50,
    });
    const result = await client.check({ timeoutMs: 2000 });
    expect(result.ok).toBe(false);
  });
});
