// Auth strategies: how a connector proves who it is to a partner. Re-exports by name.
export { type ApiKeyOptions, ApiKeyStrategy, apiKey } from './api-key.js';
export { type BasicAuthOptions, BasicAuthStrategy, basicAuth } from './basic-auth.js';
export {
  type BearerTokenOptions,
  type BearerTokenProvider,
  BearerTokenStrategy,
  bearerToken,
} from './bearer-token.js';
export { CombinedAuthStrategy, combineAuth } from './combine-auth.js';
export {
  type MtlsOptions,
  MtlsStrategy,
  mtls,
  normalizeFingerprint256,
  type PemOrDer,
} from './mtls.js';
export {
  type OAuth2ClientCredentialsOptions,
  OAuth2ClientCredentialsStrategy,
  type OAuth2TokenRetryOptions,
  oauth2ClientCredentials,
} from './oauth2-client-credentials.js';
export type { AuthContext, AuthStrategy } from './types.js';
