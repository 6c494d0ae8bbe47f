import { WebhookVerificationError } from '../errors/index.js';
import {
  hexEquals,
  hmacHex,
  type PartnerWebhookSecrets,
  textSecretKey,
  textSecretKeys,
} from './hmac-keys.js';
import {
  parseVerifiedJson,
  type RawWebhookPayload,
  rawPayloadText,
  toRawPayload,
} from './raw-body.js';

/** The header GitHub and Meta (WhatsApp Cloud API, Messenger, Instagram) sign webhooks in. */
export const HUB_SIGNATURE_256_HEADER = 'x-hub-signature-256';

const SCHEME = 'X-Hub-Signature-256';
const PREFIX = 'sha256=';

/**
 * Sign `payload` as GitHub and Meta do, for sandboxes and tests: the
 * `X-Hub-Signature-256` value `sha256=<hex HMAC-SHA256 of the raw body>`.
 *
 * @param secret - the webhook secret (GitHub) or the app secret (Meta).
 */
export function signHubSignature256(payload: string | Uint8Array, secret: string): string {
  return `${PREFIX}${hmacHex(textSecretKey(secret, SCHEME), toRawPayload(payload))}`;
}

/**
 * Verify an `X-Hub-Signature-256: sha256=<hex>` header over the raw body
 * (WhatsApp Cloud API and other Meta webhooks, GitHub) and return the parsed
 * JSON body. The hex must be lower case, as both senders write it. The scheme
 * signs no timestamp: de-duplicate deliveries by their id
 * (`X-GitHub-Delivery`, the WhatsApp message id) to refuse replays.
 *
 * @param payload - the raw body exactly as received.
 * @param header - the `X-Hub-Signature-256` header value.
 * @param secret - the secret, or several while rotating.
 */
export function verifyHubSignature256(
  payload: RawWebhookPayload,
  header: string | readonly string[] | null | undefined,
  secret: PartnerWebhookSecrets,
): unknown {
  const raw = toRawPayload(payload);
  const keys = textSecretKeys(secret, SCHEME);
  const value = typeof header === 'string' ? header : undefined;
  if (!value) {
    throw new WebhookVerificationError(
      'missing_header',
      Array.isArray(header) && header.length > 1
        ? 'X-Hub-Signature-256 was sent more than once.'
        : 'The X-Hub-Signature-256 header is missing.',
    );
  }
  if (!value.startsWith(PREFIX)) {
    throw new WebhookVerificationError(
      'invalid_signature',
      'X-Hub-Signature-256 must start with "sha256=".',
    );
  }
  const given = value.slice(PREFIX.length);
  for (const key of keys) {
    if (hexEquals(given, hmacHex(key, raw))) return parseVerifiedJson(rawPayloadText(raw));
  }
  throw new WebhookVerificationError(
    'invalid_signature',
    'X-Hub-Signature-256 does not match the payload. Pass the exact raw body that was sent ' +
      '(a body parsed and re-serialized will not verify: see docs/webhooks-raw-body.md), and the right secret.',
  );
}
