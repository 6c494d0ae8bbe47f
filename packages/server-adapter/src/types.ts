import type { RequestIdVariables } from 'hono/request-id';
import type { ApiKeyPrincipal } from './auth/api-keys.js';
import type { TollgateLogger } from './logging/logger.js';

/** The Hono environment of the app: what middleware puts on the context. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    /** Set by `requireApiKey` on authenticated routes. */
    principal: ApiKeyPrincipal;
    /** The request's logger (a child carrying `request_id`), set by `requestLog`. */
    log: TollgateLogger;
  };
}
