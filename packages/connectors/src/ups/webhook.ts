import { defineWebhook } from '@tollgate/core';
import type { z } from 'zod';
import { locationName } from '../logistics/normalize.js';
import { logisticsWebhookRegistry } from '../logistics/webhook-schemes.js';
import { upsActivityStatus, upsDate, upsTime } from './codes.js';
import { UPS_ID } from './responses.js';
import { type UpsConfig, type UpsCredentials, upsTrackAlertPayload } from './schema.js';

/**
 * A UPS Track Alert push, parsed into one normalized tracking event: the
 * instant in UTC when UPS gives GMT date and time (else local time without
 * offset), the status from the activity type and code, the raw push as `raw`.
 */
export const upsWebhookEvent = upsTrackAlertPayload.transform((push) => {
  const gmtDate = upsDate(push.gmtActivityDate);
  const gmtTime = upsTime(push.gmtActivityTime);
  const at =
    gmtDate !== undefined && gmtTime !== undefined
      ? `${gmtDate}T${gmtTime}Z`
      : `${upsDate(push.localActivityDate)}T${upsTime(push.localActivityTime)}`;
  const status = upsActivityStatus(push.activityStatus.type, push.activityStatus.code);
  const delivered = upsDate(push.actualDeliveryDate);
  return {
    carrier: UPS_ID,
    trackingNumber: push.trackingNumber,
    status,
    estimatedDelivery: delivered ?? upsDate(push.scheduledDeliveryDate) ?? null,
    event: {
      at,
      location: locationName(push.activityLocation?.city, push.activityLocation?.country),
      code: push.activityStatus.code ?? push.activityStatus.type,
      description: push.activityStatus.description ?? '',
      status,
    },
    raw: push,
  };
});

/** A verified, parsed UPS Track Alert push. */
export type UpsWebhookEvent = z.output<typeof upsWebhookEvent>;

/**
 * UPS Track Alert callbacks: UPS signs nothing but echoes the subscription's
 * credential in the `credential` header, compared in constant time with the
 * `webhookCredential` credential.
 */
export const upsWebhooks = defineWebhook<typeof upsWebhookEvent, UpsConfig, UpsCredentials>({
  scheme: 'ups-credential',
  event: upsWebhookEvent,
  credential: 'webhookCredential',
  registry: logisticsWebhookRegistry,
});
