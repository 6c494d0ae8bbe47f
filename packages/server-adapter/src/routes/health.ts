import type { Store } from '@tollgate/billing';
import { Hono } from 'hono';
import type { AppEnv } from '../types.js';

/**
 * `GET /health`: `{ status: 'ok', database: 'ok' }` when the store answers a
 * trivial query (`SELECT 1` through its SQL surface; the memory store has
 * none and is always up), else 503 with `database: 'error'`.
 */
export function healthRoutes(store: Store): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    try {
      if (store.sql !== undefined) await store.sql.query('SELECT 1 AS ok');
      return c.json({ status: 'ok', database: 'ok' });
    } catch {
      return c.json({ status: 'error', database: 'error' }, 503);
    }
  });
}
