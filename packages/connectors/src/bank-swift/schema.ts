import { z } from 'zod';
import type { SwiftMessageInput } from '../swift-mt/index.js';

/** Non-secret settings of a bank gateway connection. */
export const bankSwiftConfig = z.object({
  /**
   * Token endpoint of the gateway (OAuth2 only). Relative to the host: the
   * Swift API gateway serves `/oauth2/v1/token` beside `/alliancecloud/v2`.
   */
  tokenUrl: z.string().min(1).default('/oauth2/v1/token'),
  /** OAuth2 scopes to ask for. */
  scopes: z.array(z.string().min(1)).default(['swift.alliancecloud.api']),
});

/** The validated config. */
export type BankSwiftConfig = z.output<typeof bankSwiftConfig>;

const pem = z.string().min(1, 'a PEM text');

/**
 * A Standard Webhooks secret (`whsec_` + base64) the gateway signs its
 * status callbacks with. Optional: without it `verifyWebhook` fails with
 * `invalid_secret`.
 */
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'a Standard Webhooks secret: whsec_ followed by base64')
  .optional();

/** OAuth2 client credentials issued by the gateway. */
export const bankSwiftOAuth2Credentials = z.strictObject({
  method: z.literal('oauth2'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(8),
  webhookSecret,
});

/** A TLS client certificate the gateway trusts (mutual TLS). */
export const bankSwiftMtlsCredentials = z.strictObject({
  method: z.literal('mtls'),
  /** The client certificate, PEM (may include the intermediate chain). */
  cert: pem,
  /** Its private key, PEM. */
  key: pem,
  /** The private key's passphrase, if it is encrypted. */
  passphrase: z.string().optional(),
  /** CA certificate(s), PEM, to trust for the gateway instead of Node's roots. */
  ca: z.union([pem, z.array(pem).min(1)]).optional(),
  webhookSecret,
});

/** The credentials once `method` is known: OAuth2 or mTLS. */
export const bankSwiftCredentialsUnion = z.discriminatedUnion('method', [
  bankSwiftOAuth2Credentials,
  bankSwiftMtlsCredentials,
]);

/** Credentials as a caller gives them: `method` may be left out, it follows from the fields given. */
export type BankSwiftCredentialsInput =
  | (Omit<z.input<typeof bankSwiftOAuth2Credentials>, 'method'> & { method?: 'oauth2' })
  | (Omit<z.input<typeof bankSwiftMtlsCredentials>, 'method'> & { method?: 'mtls' });

/** Fill in `method` from the fields given: a client id means OAuth2, a certificate means mTLS. */
function withAuthMethod(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || 'method' in value) return value;
  if ('clientId' in value || 'clientSecret' in value) return { ...value, method: 'oauth2' };
  if ('cert' in value || 'key' in value) return { ...value, method: 'mtls' };
  return value;
}

/**
 * Secret settings: OAuth2 client credentials **or** a TLS client certificate
 * (a discriminated union on `method`, which is inferred from the fields
 * given), plus the webhook secret.
 */
export const bankSwiftCredentials = z.preprocess<
  unknown,
  typeof bankSwiftCredentialsUnion,
  BankSwiftCredentialsInput
>(withAuthMethod, bankSwiftCredentialsUnion);

/** The validated credentials. */
export type BankSwiftCredentials = z.output<typeof bankSwiftCredentialsUnion>;

/** A BIC: 8 or 11 characters, or 12 (BIC8 + logical terminal + branch, as FIN addresses are). */
export const bic = z
  .string()
  .regex(
    /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3}|[A-Z0-9]{4})?$/,
    'a BIC: 8 or 11 characters (or a 12-character FIN address)',
  );

/** A built or parsed message of the SWIFT MT codec. */
const swiftMessageObject = z.custom<SwiftMessageInput>(
  (value) =>
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { blocks?: unknown }).blocks === 'object' &&
    Array.isArray((value as { fields?: unknown }).fields),
  { message: 'a SwiftMessage (from the swift-mt codec) or the FIN text' },
);

/** Input of every submission: the message and its routing. */
export const finSubmissionInput = z.object({
  /** The FIN text (full message, or only the text block), or a `SwiftMessage` from the codec. */
  message: z.union([z.string().min(1, 'the FIN text'), swiftMessageObject]),
  /** The sending institution (you). */
  senderBic: bic,
  /** The correspondent (the advising bank for an MT700). */
  receiverBic: bic,
  /** FIN network priority. */
  priority: z.enum(['normal', 'urgent']).default('normal'),
  /**
   * Your unique reference for this submission (Alliance Cloud's
   * `sender_reference`, a UUMID, up to 70 characters). Resubmitting with the
   * same reference returns the same submission. Default: the call's
   * idempotency key, else a digest of the message and its routing.
   */
  reference: z
    .string()
    .regex(/^[A-Za-z0-9/\-?:().,'+ ]{1,70}$/, 'up to 70 characters of the SWIFT x character set')
    .optional(),
});

/** What a submission is: the MT it carries. */
export const submissionType = z.enum(['mt700', 'mt707', 'mt720']);

/**
 * Where a submission is: `submitted` (taken by the gateway), `accepted`
 * (ACK: the network took it), `rejected` (NAK, or refused by the gateway
 * before the network), `delivered` (to the receiver), `undelivered`
 * (aborted or overdue).
 */
export const submissionStatus = z.enum([
  'submitted',
  'accepted',
  'rejected',
  'delivered',
  'undelivered',
]);

/** Why the network or the gateway refused a message: the FIN error code (`T13`, `D05`, …) and its text. */
export const rejection = z.object({ code: z.string(), reason: z.string() });

/** What a submission returns. */
export const submissionOutput = z.object({
  /** The gateway's id of the message (Alliance Cloud's `message_cloud_reference`). */
  submissionId: z.string().min(1),
  /** Your reference (`sender_reference`). */
  reference: z.string(),
  submissionType,
  status: submissionStatus,
  /** When the gateway took the message (ISO 8601). */
  submittedAt: z.iso.datetime({ offset: true }),
});

/** Input of `getSubmission`. */
export const getSubmissionInput = z.object({ submissionId: z.string().min(1) });

/** A submission as the gateway sees it now. */
export const submissionState = submissionOutput.extend({
  /** The network's message input reference (MIR), once ACKed. */
  messageInputReference: z.string().optional(),
  /** When the status last changed (ISO 8601). */
  updatedAt: z.iso.datetime({ offset: true }),
  /** Why it was refused, when `status` is `rejected`. */
  rejection: rejection.optional(),
});

/** Input of the submit operations. */
export type FinSubmissionInput = z.input<typeof finSubmissionInput>;
/** What the submit operations return. */
export type Submission = z.output<typeof submissionOutput>;
/** What `getSubmission` returns. */
export type SubmissionState = z.output<typeof submissionState>;
/** A submission's status. */
export type SubmissionStatus = z.output<typeof submissionStatus>;
/** A submission's MT. */
export type SubmissionType = z.output<typeof submissionType>;
