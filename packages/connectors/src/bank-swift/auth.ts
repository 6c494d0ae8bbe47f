import { type AuthStrategy, mtls, oauth2ClientCredentials } from '@tollgate/core';
import type { BankSwiftConfig, BankSwiftCredentials } from './schema.js';

/**
 * The auth strategy the credentials ask for: OAuth2 client credentials
 * (`client_secret_basic` at the gateway's token endpoint) or mutual TLS with
 * the client certificate. A certificate that cannot be read or does not
 * match its key fails here, with a `ValidationError`, before anything is sent.
 */
export function bankSwiftAuth({
  config,
  credentials,
}: {
  config: BankSwiftConfig;
  credentials: BankSwiftCredentials;
}): AuthStrategy {
  if (credentials.method === 'mtls') {
    return mtls({
      cert: credentials.cert,
      key: credentials.key,
      ...(credentials.passphrase === undefined ? {} : { passphrase: credentials.passphrase }),
      ...(credentials.ca === undefined ? {} : { ca: credentials.ca }),
    });
  }
  return oauth2ClientCredentials({
    tokenUrl: config.tokenUrl,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    scopes: config.scopes,
  });
}
