import type { ApiKeyPrincipal } from './auth/api-keys.js';

/** The Hono environment of the app: what middleware puts on the context. */
export interface AppEnv {
  Variables: {
    /** Set by `requireApiKey` on authenticated routes. */
    principal: ApiKeyPrincipal;
  };
}
