import { type AuthStrategy, oauth2ClientCredentials } from '@tollgate/core';
import { z } from 'zod';

/**
 * The OAuth2 client a carrier issues its integrators (FedEx's API key and
 * secret key, UPS's and MSC's client id and secret), as credentials; a
 * carrier's credentials schema extends it with its webhook secret.
 */
export const carrierOAuth2Client = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

/** Where a carrier's OAuth2 token endpoint is, and how it takes the client's id and secret. */
export interface CarrierTokenEndpoint {
  tokenUrl: string;
  clientAuthentication: 'client_secret_basic' | 'client_secret_post';
  /** Scopes asked for with the token, when the carrier assigns any. */
  scopes?: string[] | undefined;
}

/**
 * The OAuth2 client-credentials strategy of a carrier that issues its
 * integrators a client id and secret (FedEx, UPS, MSC, Maersk).
 */
export function carrierOAuth2(
  client: { clientId: string; clientSecret: string },
  endpoint: CarrierTokenEndpoint,
): AuthStrategy {
  return oauth2ClientCredentials({
    tokenUrl: endpoint.tokenUrl,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientAuthentication: endpoint.clientAuthentication,
    ...(endpoint.scopes === undefined ? {} : { scopes: endpoint.scopes }),
  });
}
