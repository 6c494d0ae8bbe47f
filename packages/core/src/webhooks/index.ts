// Webhook signing and verification: Standard Webhooks (a drop-in for `standardwebhooks`) and
// partner schemes (Stripe, X-Hub-Signature-256, Mailgun), a scheme registry, raw-body helpers.
// Re-exports by name; also published as the subpath `@tollgate/core/webhooks`, which also
// re-exports the error class so a webhook handler needs one import.
export { type WebhookVerificationCode, WebhookVerificationError } from '../errors/index.js';

export type { PartnerWebhookSecrets } from './hmac-keys.js';
export {
  HUB_SIGNATURE_256_HEADER,
  signHubSignature256,
  verifyHubSignature256,
} from './hub-signature.js';
export {
  type MailgunSignature,
  type MailgunVerifyOptions,
  signMailgun,
  verifyMailgunSignature,
} from './mailgun.js';
export {
  type RawWebhookPayload,
  type ReadNodeRequestBodyOptions,
  readNodeRequestBody,
} from './raw-body.js';
export {
  BUILT_IN_WEBHOOK_SCHEMES,
  createWebhookVerifierRegistry,
  type DefineWebhookOptions,
  defineWebhook,
  hubSignature256Scheme,
  mailgunScheme,
  type RegistryVerifyOptions,
  standardWebhooksScheme,
  stripeScheme,
  type VerifiedWebhook,
  verifyWithScheme,
  type WebhookConnection,
  type WebhookScheme,
  type WebhookSchemeOptions,
  type WebhookVerifierRegistry,
  type WebhookVerifierRegistryOptions,
} from './registry.js';
export {
  generateWebhookKeyPair,
  generateWebhookSecret,
  MIN_WEBHOOK_SECRET_BYTES,
  WEBHOOK_PUBLIC_KEY_PREFIX,
  WEBHOOK_SECRET_KEY_PREFIX,
  WEBHOOK_SECRET_PREFIX,
  type WebhookKeyPair,
  type WebhookSecretInput,
} from './secrets.js';
export {
  createMemorySeenTokenStore,
  type MemorySeenTokenStoreOptions,
  type SeenTokenStore,
  type SyncSeenTokenStore,
} from './seen-tokens.js';
export {
  createWebhookHeaders,
  type StandardWebhookHeaders,
  Webhook,
  type WebhookOptions,
  type WebhookVerifyHeaders,
  type WebhookVerifyOptions,
} from './standard-webhooks.js';
export {
  STRIPE_SIGNATURE_HEADER,
  type StripeVerifyOptions,
  signStripePayload,
  verifyStripeSignature,
} from './stripe.js';
export {
  DEFAULT_WEBHOOK_TOLERANCE_IN_SECONDS,
  type WebhookClock,
  type WebhookTimestampOptions,
} from './timestamps.js';
export {
  answerWhatsAppSubscription,
  respondToWhatsAppSubscription,
  type WhatsAppSubscriptionAnswer,
  type WhatsAppSubscriptionQuery,
} from './whatsapp-subscription.js';
