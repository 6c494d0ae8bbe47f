import { z } from 'zod';
import { carrierOAuth2Client } from '../logistics/carrier-oauth2.js';

/** Non-secret settings of an MSC connection. */
export const mscConfig = z.object({
  /**
   * MSC's OAuth2 token endpoint. MSC gives it (and the API host) to each
   * customer at onboarding; they are not published, so there is no default.
   */
  tokenUrl: z.url({ protocol: /^https?$/ }),
  /** Scopes asked for with the token, if MSC assigned any. */
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/)).optional(),
  /** How the client authenticates at the token endpoint. Default `client_secret_post`. */
  clientAuthentication: z
    .enum(['client_secret_basic', 'client_secret_post'])
    .default('client_secret_post'),
  /** Path of the DCSA Track & Trace 2.2 events endpoint. Default `/v2/events`. */
  eventsPath: z.string().startsWith('/').default('/v2/events'),
  /** The DCSA event subscription whose notifications this connection accepts (`Subscription-ID`). */
  subscriptionId: z.string().min(1).optional(),
});

/**
 * MSC credentials: the OAuth2 client id and secret MSC issued, and the
 * base64 shared secret of a DCSA event subscription, to verify its notifications.
 */
export const mscCredentials = carrierOAuth2Client.extend({
  notificationSecret: z.string().min(1).optional(),
});

/** Parsed {@link mscConfig}. */
export type MscConfig = z.output<typeof mscConfig>;
/** Parsed {@link mscCredentials}. */
export type MscCredentials = z.output<typeof mscCredentials>;
