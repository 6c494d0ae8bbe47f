import { Hono } from 'hono';
import { z } from 'zod';
import { ServerProblem } from '../errors/problem.js';
import { type SessionStore, sessionToJson } from '../sessions/session-store.js';
import type { AppEnv } from '../types.js';
import { readJsonBody } from './input.js';

export const shareBody = z.strictObject({
  tenant_id: z.string().min(1).max(256),
});

/**
 * `GET /sessions/:id`: the session, to its own tenant and to the tenants it
 * was shared with; anyone else gets a 404, as if it did not exist.
 * `POST /sessions/:id/share` with `{ tenant_id }`: the owning tenant shares the
 * session with another tenant (a bank), idempotently; only the owner may share.
 */
export function sessionRoutes(sessions: SessionStore): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/sessions/:id', async (c) => {
      const session = await sessions.get(c.req.param('id'), c.get('principal').tenantId);
      if (session === undefined) throw new ServerProblem('not_found', 'No such session.');
      return c.json(sessionToJson(session));
    })
    .post('/sessions/:id/share', async (c) => {
      const body = await readJsonBody(c, shareBody, 'share request');
      const session = await sessions.share(
        c.req.param('id'),
        c.get('principal').tenantId,
        body.tenant_id,
      );
      if (session === undefined) throw new ServerProblem('not_found', 'No such session.');
      return c.json({ session_id: session.id, shared_with: session.sharedWith });
    });
}
