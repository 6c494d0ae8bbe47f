/**
 * The customs sandbox's notification outbox: what the gateway would push to
 * the platform's callback URL, held until a test takes it, so delivery is
 * deterministic (no timers). Each callback is signed per Standard Webhooks
 * with the outbox's secret and carries HMRC's `X-Conversation-ID` header.
 * @module
 */
import { Buffer } from 'node:buffer';
import { Webhook } from '@tollgate/core/webhooks';
import type { WireNotification } from './gateway-wire.js';

/**
 * The Standard Webhooks secret the sandbox signs with unless told otherwise.
 * Public on purpose: it only ever signs sandbox callbacks.
 */
export const CUSTOMS_SANDBOX_WEBHOOK_SECRET = `whsec_${Buffer.from('tollgate-customs-sandbox-secret!').toString('base64')}`;

/** Where sandbox callbacks say they are going, unless told otherwise. */
export const CUSTOMS_SANDBOX_CALLBACK_URL = 'https://callbacks.tollgate.test/webhooks/customs';

/** Options of {@link createCustomsOutbox}. */
export interface CustomsOutboxOptions {
  /** Standard Webhooks secret (`whsec_…`) to sign callbacks with. Default {@link CUSTOMS_SANDBOX_WEBHOOK_SECRET}. */
  secret?: string;
  /** The callback URL the requests are addressed to. Default {@link CUSTOMS_SANDBOX_CALLBACK_URL}. */
  callbackUrl?: string;
  /**
   * `on-submit` (default): every notification planned for a declaration is
   * issued as soon as it is submitted. `manual`: each one waits for
   * {@link CustomsNotificationOutbox.release}, so a test can watch the status
   * move step by step.
   */
  release?: 'on-submit' | 'manual';
  /** Clock of the signatures' `webhook-timestamp`. Default `Date.now`. */
  now?: () => number;
}

/** A signed status callback, ready to hand to `client.verifyWebhook` or to POST. */
export interface CustomsCallback {
  notification: WireNotification;
  url: string;
  /** The exact raw body that was signed. */
  body: string;
  headers: Record<string, string>;
  /** The callback as a `Request` to `url`. */
  toRequest(): Request;
}

/** The sandbox's notification outbox. */
export interface CustomsNotificationOutbox {
  /** Notifications planned but not issued yet (only with `release: 'manual'`). */
  readonly scheduled: number;
  /** Issue the oldest planned notification; its signed callback (also queued for {@link take}). */
  release(): CustomsCallback | undefined;
  /** Issue every planned notification, oldest first. */
  releaseAll(): CustomsCallback[];
  /** The signed callbacks issued since the last `take`, oldest first. */
  take(): CustomsCallback[];
  /** Notifications already issued for a conversation (what the pull endpoint answers). */
  issuedFor(conversationId: string): readonly WireNotification[];
  /** @internal The sandbox plans a declaration's notifications here. */
  plan(notifications: readonly WireNotification[]): void;
}

/** A new outbox; pass it to `customsSandbox({ outbox })` and read callbacks from it in tests. */
export function createCustomsOutbox(options: CustomsOutboxOptions = {}): CustomsNotificationOutbox {
  const webhook = new Webhook(options.secret ?? CUSTOMS_SANDBOX_WEBHOOK_SECRET);
  const url = options.callbackUrl ?? CUSTOMS_SANDBOX_CALLBACK_URL;
  const now = options.now ?? Date.now;
  const planned: WireNotification[] = [];
  const issued = new Map<string, WireNotification[]>();
  let queue: CustomsCallback[] = [];

  const sign = (notification: WireNotification): CustomsCallback => {
    const body = JSON.stringify(notification);
    const timestamp = new Date(now());
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-conversation-id': notification.conversationId,
      'webhook-id': notification.notificationId,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': webhook.sign(notification.notificationId, timestamp, body),
    };
    return {
      notification,
      url,
      body,
      headers,
      toRequest: () => new Request(url, { method: 'POST', headers, body }),
    };
  };

  const issue = (notification: WireNotification): CustomsCallback => {
    const list = issued.get(notification.conversationId) ?? [];
    list.push(notification);
    issued.set(notification.conversationId, list);
    const callback = sign(notification);
    queue.push(callback);
    return callback;
  };

  const outbox: CustomsNotificationOutbox = {
    get scheduled() {
      return planned.length;
    },
    release() {
      const next = planned.shift();
      return next === undefined ? undefined : issue(next);
    },
    releaseAll() {
      const released: CustomsCallback[] = [];
      for (let next = planned.shift(); next !== undefined; next = planned.shift()) {
        released.push(issue(next));
      }
      return released;
    },
    take() {
      const taken = queue;
      queue = [];
      return taken;
    },
    issuedFor: (conversationId) => issued.get(conversationId) ?? [],
    plan(notifications) {
      if (options.release === 'manual') planned.push(...notifications);
      else for (const notification of notifications) issue(notification);
    },
  };
  return outbox;
}
