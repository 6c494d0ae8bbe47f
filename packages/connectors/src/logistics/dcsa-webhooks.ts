import { defineWebhook, type WebhookDefinition, WebhookVerificationError } from '@tollgate/core';
import { dcsaNotificationEvent } from './dcsa.js';
import {
  DCSA_SUBSCRIPTION_ID_HEADER,
  headerValue,
  logisticsWebhookRegistry,
} from './webhook-schemes.js';

/** The event a DCSA carrier's webhook yields: its events mapped to the contract, with their references. */
export type DcsaNotificationEventSchema = ReturnType<typeof dcsaNotificationEvent>;

/**
 * The `webhooks` block of a DCSA carrier: `Notification-Signature` checked
 * with the base64 subscription secret held in the `credential` credential,
 * and, when the connection's config names a `subscriptionId`, the
 * `Subscription-ID` header checked against it (a notification for another
 * subscription is refused).
 */
export function dcsaWebhooks<Config extends { subscriptionId?: string | undefined }, Credentials>(
  carrier: string,
  credential: string,
): WebhookDefinition<DcsaNotificationEventSchema, Config, Credentials> {
  const base = defineWebhook<DcsaNotificationEventSchema, Config, Credentials>({
    scheme: 'dcsa-notification-signature',
    event: dcsaNotificationEvent(carrier),
    credential,
    registry: logisticsWebhookRegistry,
  });
  return {
    ...base,
    verify: async (request, connection) => {
      const expected = connection.config.subscriptionId;
      if (expected !== undefined) {
        const given = headerValue(request.headers, DCSA_SUBSCRIPTION_ID_HEADER);
        if (given === undefined) {
          throw new WebhookVerificationError(
            'missing_header',
            'The Subscription-ID header is missing.',
          );
        }
        if (given.trim() !== expected) {
          throw new WebhookVerificationError(
            'invalid_signature',
            'The Subscription-ID header names another subscription.',
          );
        }
      }
      return base.verify(request, connection);
    },
  };
}
