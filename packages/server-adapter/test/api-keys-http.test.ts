import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, sendJson, startTestServer, type TestServer } from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const call = (method: string, path: string, key: string, body?: unknown) =>
  sendJson(`${server.url}${path}`, method, key, body);

interface IssuedKeyJson {
  key: string;
  prefix: string;
  tenant_id: string;
  role: string;
  scopes: string[];
}

describe('API keys over HTTP', () => {
  it('lets an admin issue a key for a tenant; the secret is shown once and works', async () => {
    const created = await call('POST', '/api-keys', server.keys.admin, {
      tenant_id: 'newco',
      role: 'sme',
      label: 'integration tests',
    });
    expect(created.status).toBe(201);
    const issued = (await created.json()) as IssuedKeyJson;
    expect(issued).toMatchObject({ tenant_id: 'newco', role: 'sme', label: 'integration tests' });
    expect(issued.key.startsWith(`tg_${issued.prefix}_`)).toBe(true);

    const own = await call('GET', '/sessions/does-not-exist', issued.key);
    await expectProblem(own, 404, 'not_found'); // authenticated: 404, not 401

    const listed = await call('GET', '/api-keys?tenant_id=newco', server.keys.admin);
    const text = await listed.text();
    expect(JSON.parse(text).data).toEqual([
      expect.objectContaining({ prefix: issued.prefix, revoked_at: null }),
    ]);
    expect(text).not.toContain(issued.key);
  });

  it('authenticates and rate-limits /api-keys once per request', async () => {
    const listed = await call('GET', '/api-keys', server.keys.admin);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('ratelimit')?.split(',')).toHaveLength(1);
  });

  it('refuses key management to keys without the api_keys scope (403)', async () => {
    await expectProblem(
      await call('POST', '/api-keys', server.keys.acme, { role: 'sme' }),
      403,
      'forbidden',
    );
    await expectProblem(await call('GET', '/api-keys', server.keys.demoBank), 403, 'forbidden');
  });

  it('limits a scoped key to its route families', async () => {
    const problem = await expectProblem(
      await call('GET', '/sessions/anything', server.keys.uploadsOnly),
      403,
      'forbidden',
    );
    expect(problem.required_scope).toBe('sessions');
  });

  it('rotates and revokes; the old key is refused at once', async () => {
    const issued = (await (
      await call('POST', '/api-keys', server.keys.admin, { tenant_id: 'rotco', role: 'bank' })
    ).json()) as IssuedKeyJson;
    const rotated = await call('POST', `/api-keys/${issued.prefix}/rotate`, server.keys.admin);
    expect(rotated.status).toBe(201);
    const next = (await rotated.json()) as IssuedKeyJson & { replaces: string };
    expect(next).toMatchObject({ tenant_id: 'rotco', role: 'bank', replaces: issued.prefix });
    await expectProblem(await call('GET', '/sessions/x', issued.key), 401, 'auth_failed');
    await expectProblem(await call('GET', '/sessions/x', next.key), 404, 'not_found');

    const revoked = await call('DELETE', `/api-keys/${next.prefix}`, server.keys.admin);
    expect(revoked.status).toBe(204);
    await expectProblem(await call('GET', '/sessions/x', next.key), 401, 'auth_failed');
    await expectProblem(
      await call('DELETE', `/api-keys/${next.prefix}`, server.keys.admin),
      404,
      'not_found',
    );
  });

  it('keeps a tenant key manager inside its tenant and away from admin keys', async () => {
    const manager = (await (
      await call('POST', '/api-keys', server.keys.admin, {
        tenant_id: 'acme',
        role: 'sme',
        scopes: ['api_keys', 'sessions'],
      })
    ).json()) as IssuedKeyJson;
    // It hands out no more than it holds: a bank key of its tenant with only `sessions`.
    const own = (await (
      await call('POST', '/api-keys', manager.key, { role: 'bank' })
    ).json()) as IssuedKeyJson;
    expect(own).toMatchObject({ tenant_id: 'acme', role: 'bank', scopes: ['sessions'] });
    await expectProblem(
      await call('POST', '/api-keys', manager.key, { role: 'sme', scopes: ['billing'] }),
      403,
      'forbidden',
    );
    // An admin key of its own tenant is out of its reach: no rotating it into a fresh admin secret.
    const tenantAdmin = (await (
      await call('POST', '/api-keys', server.keys.admin, { tenant_id: 'acme', role: 'admin' })
    ).json()) as IssuedKeyJson;
    await expectProblem(
      await call('POST', `/api-keys/${tenantAdmin.prefix}/rotate`, manager.key),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('DELETE', `/api-keys/${tenantAdmin.prefix}`, manager.key),
      403,
      'forbidden',
    );
    expect((await call('GET', '/api-keys?tenant_id=globex', tenantAdmin.key)).status).toBe(200);
    await expectProblem(
      await call('POST', '/api-keys', manager.key, { tenant_id: 'globex', role: 'sme' }),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('POST', '/api-keys', manager.key, { role: 'admin' }),
      403,
      'forbidden',
    );
    await expectProblem(
      await call('GET', '/api-keys?tenant_id=globex', manager.key),
      404,
      'not_found',
    );
    // Another tenant's key cannot be rotated or revoked: it does not exist for this caller.
    const other = (await (
      await call('POST', '/api-keys', server.keys.admin, { tenant_id: 'globex', role: 'sme' })
    ).json()) as IssuedKeyJson;
    await expectProblem(
      await call('DELETE', `/api-keys/${other.prefix}`, manager.key),
      404,
      'not_found',
    );
    await expectProblem(await call('GET', '/sessions/x', other.key), 404, 'not_found');
  });

  it('answers a bad request with 400 listing the issues, issuing nothing', async () => {
    const problem = await expectProblem(
      await call('POST', '/api-keys', server.keys.admin, {
        tenant_id: 'x',
        role: 'root',
        scopes: ['everything'],
      }),
      400,
      'validation_failed',
    );
    expect(
      (problem.issues as { path: string[] }[]).map((issue) => issue.path.join('.')).sort(),
    ).toEqual(['role', 'scopes.0']);
    const listed = (await (
      await call('GET', '/api-keys?tenant_id=x', server.keys.admin)
    ).json()) as {
      data: unknown[];
    };
    expect(listed.data).toEqual([]);
    await expectProblem(
      await call('POST', '/api-keys', server.keys.admin, { tenant_id: 'bad tenant!', role: 'sme' }),
      400,
      'validation_failed',
    );
  });
});
