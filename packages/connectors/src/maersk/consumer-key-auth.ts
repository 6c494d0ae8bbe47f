import { type AuthStrategy, combineAuth, type FetchLike } from '@tollgate/core';
import { carrierOAuth2 } from '../logistics/carrier-oauth2.js';

/** The header Maersk identifies an app by, on API calls and on token requests alike. */
export const MAERSK_CONSUMER_KEY_HEADER = 'Consumer-Key';

/**
 * Maersk's `Consumer-Key` header as an auth strategy. It also wraps the
 * transport's `fetch`, because Maersk wants the header on the OAuth2 token
 * request too, which core's OAuth2 strategy sends through that `fetch`.
 */
export function maerskConsumerKey(consumerKey: string): AuthStrategy {
  const set = (request: Request) => {
    request.headers.set(MAERSK_CONSUMER_KEY_HEADER, consumerKey);
    return request;
  };
  return {
    type: 'maersk-consumer-key',
    authorize: (request) => set(request),
    wrapFetch:
      (fetch: FetchLike): FetchLike =>
      (input, init) =>
        fetch(input instanceof Request ? set(input) : input, init),
    secretValues: () => [consumerKey],
    toJSON: () => ({ type: 'maersk-consumer-key' }),
  };
}

/**
 * How a Maersk connection authenticates: the `Consumer-Key` on every call,
 * and with a client secret an OAuth2 client-credentials bearer token too
 * (`POST /customer-identity/oauth/v2/access_token`, id and secret in the form).
 */
export function maerskAuth(consumerKey: string, clientSecret: string | undefined): AuthStrategy {
  const key = maerskConsumerKey(consumerKey);
  if (clientSecret === undefined) return key;
  return combineAuth(
    key,
    carrierOAuth2(
      { clientId: consumerKey, clientSecret },
      {
        tokenUrl: '/customer-identity/oauth/v2/access_token',
        clientAuthentication: 'client_secret_post',
      },
    ),
  );
}
