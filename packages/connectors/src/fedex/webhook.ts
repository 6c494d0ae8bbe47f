import { defineWebhook } from '@tollgate/core';
import { z } from 'zod';
import { logisticsWebhookRegistry } from '../logistics/webhook-schemes.js';
import { FEDEX_ID, trackResultFromFedex } from './responses.js';
import { type FedexConfig, type FedexCredentials, fedexTrackResult } from './schema.js';

/**
 * A FedEx tracking webhook push: one track result, in the Track API's shape
 * (`trackingNumberInfo`, `latestStatusDetail`, `scanEvents`, `dateAndTimes`),
 * a top-level `trackingNumber` accepted as well. Parsed into the contract's
 * tracking result, with the push kept as `raw`.
 */
export const fedexWebhookEvent = fedexTrackResult
  .extend({ trackingNumber: z.string().optional() })
  .refine(
    (push) => (push.trackingNumber ?? push.trackingNumberInfo?.trackingNumber) !== undefined,
    {
      message: 'a tracking webhook push names its tracking number',
    },
  )
  .transform((push) => ({
    ...trackResultFromFedex(
      push,
      push.trackingNumber ?? push.trackingNumberInfo?.trackingNumber ?? '',
    ),
    carrier: FEDEX_ID,
    raw: push,
  }));

/** A verified, parsed FedEx tracking push. */
export type FedexWebhookEvent = z.output<typeof fedexWebhookEvent>;

/**
 * FedEx tracking webhooks: `fdx-signature` (base64 HMAC-SHA256 of the raw
 * body keyed with the security token) checked with the `webhookSecurityToken`
 * credential.
 */
export const fedexWebhooks = defineWebhook<typeof fedexWebhookEvent, FedexConfig, FedexCredentials>(
  {
    scheme: 'fdx-signature',
    event: fedexWebhookEvent,
    credential: 'webhookSecurityToken',
    registry: logisticsWebhookRegistry,
  },
);
