import { Hono } from 'hono';
import { ServerProblem } from '../errors/problem.js';
import { type SessionStore, sessionToJson } from '../sessions/session-store.js';
import type { AppEnv } from '../types.js';

/** `GET /sessions/:id`: the caller's own session; anyone else's is a 404, as if it did not exist. */
export function sessionRoutes(sessions: SessionStore): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/sessions/:id', async (c) => {
    const session = await sessions.get(c.req.param('id'), c.get('principal').tenantId);
    if (session === undefined) throw new ServerProblem('not_found', 'No such session.');
    return c.json(sessionToJson(session));
  });
}
