import { memoryStore } from '@tollgate/billing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTollgateApp } from '../src/index.js';

describe('createTollgateApp({ jwt })', () => {
  it('accepts a JWT of the identity provider as a tenant principal, and only that', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256' };
    const app = createTollgateApp({
      store: memoryStore(),
      jwt: { jwks: { keys: [jwk] }, issuer: 'https://idp.example', audience: 'tollgate' },
    });
    const token = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
        .setIssuer('https://idp.example')
        .setAudience('tollgate')
        .setSubject('user-42')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    const events = async (bearer: string) =>
      app.request('/billing/events', { headers: { authorization: `Bearer ${bearer}` } });

    const ok = await events(await token({ tenant_id: 'acme', tollgate_role: 'sme' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: [], next_cursor: null });

    const noBilling = await events(
      await token({ tenant_id: 'acme', tollgate_role: 'sme', scope: 'uploads' }),
    );
    expect(noBilling.status).toBe(403);
    const noTenant = await events(await token({ tollgate_role: 'sme' }));
    expect(noTenant.status).toBe(401);
    expect(await noTenant.text()).not.toContain('eyJ');
  });
});
