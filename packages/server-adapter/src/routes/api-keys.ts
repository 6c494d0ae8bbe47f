import { Hono } from 'hono';
import { z } from 'zod';
import {
  API_KEY_ROLES,
  API_KEY_SCOPES,
  type ApiKeyInfo,
  type ApiKeyPrincipal,
  type ApiKeyStore,
  defaultScopes,
} from '../auth/api-keys.js';
import { ServerProblem } from '../errors/problem.js';
import type { AppEnv } from '../types.js';
import { readJsonBody } from './input.js';

export const issueBody = z.strictObject({
  tenant_id: z.string().min(1).max(64).optional(),
  role: z.enum(API_KEY_ROLES),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).optional(),
  label: z.string().max(200).optional(),
});

export const rotateBody = z.strictObject({
  grace_seconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .optional(),
});

function keyJson(key: Omit<ApiKeyInfo, 'createdAt' | 'revokedAt' | 'label'> & Partial<ApiKeyInfo>) {
  return {
    prefix: key.prefix,
    tenant_id: key.tenantId,
    role: key.role,
    scopes: key.scopes,
    ...(key.label === undefined ? {} : { label: key.label }),
    ...(key.createdAt === undefined ? {} : { created_at: key.createdAt.toISOString() }),
    ...(key.revokedAt === undefined ? {} : { revoked_at: key.revokedAt?.toISOString() ?? null }),
  };
}

/** An admin manages every tenant's keys; any other key with the `api_keys` scope only its own tenant's, never admin keys. */
function mayManage(principal: ApiKeyPrincipal, tenantId: string, role?: string): boolean {
  if (principal.role === 'admin') return true;
  return tenantId === principal.tenantId && role !== 'admin';
}

/**
 * Key management (scope `api_keys`): `POST /api-keys` issues a key (the secret
 * is in this answer only), `GET /api-keys?tenant_id=` lists a tenant's keys,
 * `POST /api-keys/:prefix/rotate` issues a successor and revokes the old key
 * after `grace_seconds`, `DELETE /api-keys/:prefix` revokes at once. An admin
 * key manages every tenant; any other key only its own tenant's non-admin keys
 * (never issuing, rotating or revoking an admin key: 403) and grants at most the
 * scopes it holds. A key of another tenant is a 404.
 */
export function apiKeyRoutes(keys: ApiKeyStore): Hono<AppEnv> {
  /** A key the caller may rotate or revoke: an admin any; anyone else a non-admin key of its own tenant. */
  const manageableKey = async (principal: ApiKeyPrincipal, prefix: string) => {
    if (principal.role === 'admin') return;
    const target = (await keys.list(principal.tenantId)).find((key) => key.prefix === prefix);
    if (target === undefined) throw new ServerProblem('not_found', 'No such API key.');
    if (target.role === 'admin') {
      throw new ServerProblem('forbidden', 'Only an admin key may rotate or revoke an admin key.');
    }
  };

  return new Hono<AppEnv>()
    .post('/api-keys', async (c) => {
      const principal = c.get('principal');
      const body = await readJsonBody(c, issueBody, 'API key request');
      const tenantId = body.tenant_id ?? principal.tenantId;
      if (!mayManage(principal, tenantId, body.role)) {
        throw new ServerProblem(
          'forbidden',
          'This key may only issue non-admin keys of its own tenant.',
        );
      }
      // A non-admin key hands out no more than it holds itself.
      const scopes =
        principal.role === 'admin'
          ? body.scopes
          : (body.scopes ?? defaultScopes(body.role)).filter((scope) =>
              principal.scopes.includes(scope),
            );
      if (
        principal.role !== 'admin' &&
        body.scopes !== undefined &&
        scopes?.length !== body.scopes.length
      ) {
        throw new ServerProblem('forbidden', 'A key may only grant scopes it holds itself.');
      }
      if (scopes !== undefined && scopes.length === 0) {
        throw new ServerProblem('forbidden', 'A key may only grant scopes it holds itself.');
      }
      const issued = await keys.issue({
        tenantId,
        role: body.role,
        ...(scopes === undefined ? {} : { scopes }),
        ...(body.label === undefined ? {} : { label: body.label }),
      });
      return c.json({ ...keyJson({ ...issued, label: body.label ?? null }), key: issued.key }, 201);
    })
    .get('/api-keys', async (c) => {
      const principal = c.get('principal');
      const tenantId = c.req.query('tenant_id') ?? principal.tenantId;
      if (!mayManage(principal, tenantId)) throw new ServerProblem('not_found', 'No such tenant.');
      return c.json({ data: (await keys.list(tenantId)).map(keyJson) });
    })
    .post('/api-keys/:prefix/rotate', async (c) => {
      const hasBody = (c.req.header('content-type') ?? '').includes('json');
      const body = hasBody ? await readJsonBody(c, rotateBody, 'rotation request') : {};
      await manageableKey(c.get('principal'), c.req.param('prefix'));
      const issued = await keys.rotate(c.req.param('prefix'), {
        graceSeconds: body.grace_seconds ?? 0,
      });
      if (issued === undefined) throw new ServerProblem('not_found', 'No such live API key.');
      return c.json({ ...keyJson(issued), key: issued.key, replaces: c.req.param('prefix') }, 201);
    })
    .delete('/api-keys/:prefix', async (c) => {
      await manageableKey(c.get('principal'), c.req.param('prefix'));
      if (!(await keys.revoke(c.req.param('prefix')))) {
        throw new ServerProblem('not_found', 'No such live API key.');
      }
      return c.body(null, 204);
    });
}
