import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  createWebhookVerifierRegistry,
  type WebhookRequest,
  type WebhookScheme,
  type WebhookSchemeOptions,
  WebhookVerificationError,
} from '@tollgate/core';

/** The header FedEx signs tracking webhooks in: base64 HMAC-SHA256 of the raw body. */
export const FEDEX_SIGNATURE_HEADER = 'fdx-signature';
/** The header UPS Track Alert echoes the subscription's credential in. */
export const UPS_CREDENTIAL_HEADER = 'credential';
/** The DCSA callback header: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const DCSA_SIGNATURE_HEADER = 'notification-signature';
/** The DCSA callback header naming the subscription a notification belongs to. */
export const DCSA_SUBSCRIPTION_ID_HEADER = 'subscription-id';

/** The smallest DCSA shared secret accepted, in bytes after base64 decoding. */
export const MIN_DCSA_SECRET_BYTES = 32;

/** One header's value from either header shape; `undefined` when absent or sent twice. */
export function headerValue(headers: WebhookRequest['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
    return value;
  }
  return undefined;
}

function rawBytes(body: string | Uint8Array): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
}

function textSecrets(secret: WebhookSchemeOptions['secret'], scheme: string): string[] {
  const list: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  if (list.length === 0 || !list.every((one) => typeof one === 'string' && one.length > 0)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `The ${scheme} secret must be a non-empty string (or a list of them while rotating).`,
    );
  }
  return list as string[];
}

function equalInConstantTime(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

function parseJsonBody(body: Buffer, scheme: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new WebhookVerificationError(
      'invalid_payload',
      `The ${scheme} webhook is genuine but its body is not JSON.`,
    );
  }
}

/** The `header` of a request, or a `missing_header` error naming it as `label`. */
function requiredHeader(request: WebhookRequest, header: string, label: string): string {
  const value = headerValue(request.headers, header);
  if (!value) {
    throw new WebhookVerificationError('missing_header', `The ${label} header is missing.`);
  }
  return value;
}

function mismatch(header: string): WebhookVerificationError {
  return new WebhookVerificationError(
    'invalid_signature',
    `${header} does not match the payload. Pass the exact raw body that was sent, and the right secret.`,
  );
}

/** `fdx-signature` as FedEx computes it: base64 of HMAC-SHA256 keyed with the security token. */
export function signFedexWebhook(body: string | Uint8Array, securityToken: string): string {
  return createHmac('sha256', Buffer.from(securityToken, 'utf8'))
    .update(rawBytes(body))
    .digest('base64');
}

/**
 * FedEx tracking webhooks (Advanced Integrated Visibility / Shipment
 * Visibility): `fdx-signature` is base64(HMAC-SHA256(security token, raw body)).
 */
export const fedexSignatureScheme: WebhookScheme = {
  name: 'fdx-signature',
  verify(request, options) {
    const tokens = textSecrets(options.secret, 'FedEx webhook security token');
    const given = requiredHeader(request, FEDEX_SIGNATURE_HEADER, 'fdx-signature');
    const body = rawBytes(request.body);
    for (const token of tokens) {
      if (equalInConstantTime(given.trim(), signFedexWebhook(body, token))) {
        return { payload: parseJsonBody(body, 'FedEx'), messageId: undefined };
      }
    }
    throw mismatch('fdx-signature');
  },
};

/**
 * UPS Track Alert: UPS signs nothing; it sends back, in the `credential`
 * header, the credential given when subscribing. Compared in constant time.
 * Treat the credential as a password and serve the callback over HTTPS only.
 */
export const upsCredentialScheme: WebhookScheme = {
  name: 'ups-credential',
  verify(request, options) {
    const credentials = textSecrets(options.secret, 'UPS Track Alert credential');
    const given = requiredHeader(request, UPS_CREDENTIAL_HEADER, 'credential');
    if (!credentials.some((credential) => equalInConstantTime(given, credential))) {
      throw new WebhookVerificationError(
        'invalid_signature',
        'The credential header does not match the subscription credential.',
      );
    }
    return { payload: parseJsonBody(rawBytes(request.body), 'UPS'), messageId: undefined };
  },
};

function dcsaKey(secret: string): Buffer {
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(secret) ? Buffer.from(secret, 'base64') : undefined;
  if (key === undefined || key.length < MIN_DCSA_SECRET_BYTES) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `A DCSA subscription secret is base64 of at least ${MIN_DCSA_SECRET_BYTES} bytes.`,
    );
  }
  return key;
}

/**
 * `Notification-Signature` as a DCSA publisher computes it: `sha256=` and the
 * lower-case hex HMAC-SHA256 of the raw body, keyed with the subscription's
 * base64-decoded shared secret.
 */
export function signDcsaNotification(body: string | Uint8Array, secretBase64: string): string {
  return `sha256=${createHmac('sha256', dcsaKey(secretBase64)).update(rawBytes(body)).digest('hex')}`;
}

/**
 * DCSA Track & Trace 2.2 subscription callbacks (Maersk, MSC and other
 * DCSA carriers): `Notification-Signature: sha256=<hex>` over the raw body.
 * The body is an array of events.
 */
export const dcsaNotificationSignatureScheme: WebhookScheme = {
  name: 'dcsa-notification-signature',
  verify(request, options) {
    const secrets = textSecrets(options.secret, 'DCSA subscription secret');
    const given = requiredHeader(request, DCSA_SIGNATURE_HEADER, 'Notification-Signature');
    const separator = given.indexOf('=');
    if (separator < 1 || given.slice(0, separator).trim().toLowerCase() !== 'sha256') {
      throw new WebhookVerificationError(
        'invalid_signature',
        'Notification-Signature must be "sha256=<hex>".',
      );
    }
    const body = rawBytes(request.body);
    for (const secret of secrets) {
      const expected = signDcsaNotification(body, secret);
      if (equalInConstantTime(`sha256=${given.slice(separator + 1).trim()}`, expected)) {
        return {
          payload: parseJsonBody(body, 'DCSA'),
          messageId: headerValue(request.headers, DCSA_SUBSCRIPTION_ID_HEADER),
        };
      }
    }
    throw mismatch('Notification-Signature');
  },
};

/**
 * A webhook verifier registry with the carriers' schemes (`fdx-signature`,
 * `ups-credential`, `dcsa-notification-signature`), used by the logistics
 * connectors' `defineWebhook`; a server can verify with it directly too.
 */
export const logisticsWebhookRegistry = createWebhookVerifierRegistry({
  schemes: [fedexSignatureScheme, upsCredentialScheme, dcsaNotificationSignatureScheme],
});
