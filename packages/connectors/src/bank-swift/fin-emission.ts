import { createHash } from 'node:crypto';
import { ValidationError } from '@tollgate/core';
import { buildSwiftMessage, type SwiftMessageInput } from '../swift-mt/index.js';
import type { FinSubmissionInput, SubmissionType } from './schema.js';
import type { FinMessageEmission } from './wire.js';

/** The MT number each submission type carries. */
export const MT_OF: Readonly<Record<SubmissionType, string>> = {
  mt700: '700',
  mt707: '707',
  mt720: '720',
};

/** A FIN address (12 characters) from a BIC8, a BIC11 or a FIN address; the logical terminal is `X`. */
export function toFinAddress(bic: string): string {
  if (bic.length === 12) return bic;
  if (bic.length === 11) return `${bic.slice(0, 8)}X${bic.slice(8)}`;
  return `${bic}XXXX`;
}

/** Every line break as CRLF, as FIN wants. */
function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/**
 * The text block's contents as Alliance Cloud's `payload` holds them: from
 * the line break after `{4:` to the last field, without the `-}` terminator.
 * Text without a `{4:` block is taken as the text block itself. Nothing is
 * validated here: the gateway validates what it receives.
 */
export function textBlockOf(text: string): string {
  const normalized = crlf(text.trim());
  const start = normalized.indexOf('{4:');
  let body = start === -1 ? normalized : normalized.slice(start + 3);
  if (start !== -1) {
    const end = body.lastIndexOf('-}');
    if (end !== -1) body = body.slice(0, end);
  } else if (body.endsWith('\r\n-')) {
    body = body.slice(0, -1);
  }
  body = body.replace(/(\r\n)+$/, '');
  return body.startsWith('\r\n') ? body : `\r\n${body}`;
}

/** The MT number block 2 names (`{2:I700…}` → `700`), if the text has a block 2. */
export function headerMessageType(text: string): string | undefined {
  return /\{2:[IO](\d{3})/.exec(text)?.[1];
}

/** Block 3 tags that map to `network_info` (MUR 108, validation flag 119, UETR 121). */
function networkInfoOfUserHeader(text: string): FinMessageEmission['network_info'] {
  const block3 = /\{3:((?:\{[^{}]*\})+)\}/.exec(text)?.[1];
  if (block3 === undefined) return {};
  const tags = new Map<string, string>();
  for (const [, tag, value] of block3.matchAll(/\{(\d{3}):([^{}]*)\}/g)) {
    if (tag !== undefined && value !== undefined) tags.set(tag, value);
  }
  return {
    ...(tags.has('108') ? { message_user_reference: tags.get('108') } : {}),
    ...(tags.has('119') ? { validation_identifier: tags.get('119') } : {}),
    ...(tags.has('121') ? { uetr: tags.get('121') } : {}),
  };
}

/** The FIN text of the input's message: as given, or built by the codec. */
function finTextOf(message: string | SwiftMessageInput): string {
  return typeof message === 'string' ? message : buildSwiftMessage(message);
}

/** A `sender_reference` that is the same for the same submission: the idempotency key, or a digest. */
function senderReferenceFor(
  body: Omit<FinMessageEmission, 'sender_reference'>,
  idempotencyKey: string | undefined,
): string {
  if (idempotencyKey !== undefined && /^[A-Za-z0-9/\-?:().,'+ ]{1,70}$/.test(idempotencyKey)) {
    return idempotencyKey;
  }
  const digest = createHash('sha256')
    .update(idempotencyKey ?? JSON.stringify(body))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
  return `TG${digest}`;
}

/**
 * Build the body of `POST /fin/messages` for a submission. Throws a
 * `ValidationError` (nothing is sent) when the message's block 2 names
 * another MT than the operation sends.
 */
export function finMessageEmissionFor(
  type: SubmissionType,
  input: Omit<FinSubmissionInput, 'priority'> & { priority: 'normal' | 'urgent' },
  idempotencyKey: string | undefined,
): FinMessageEmission {
  const mt = MT_OF[type];
  const given =
    typeof input.message === 'string'
      ? headerMessageType(input.message)
      : (input.message.blocks.applicationHeader?.messageType ?? input.message.type);
  if (given !== undefined && given !== '' && given !== mt) {
    throw new ValidationError(`The message is an MT${given}; this operation sends an MT${mt}.`, [
      {
        path: ['message'],
        code: 'message_type',
        message: `expected an MT${mt}, got an MT${given}`,
      },
    ]);
  }
  const text = finTextOf(input.message);
  const networkInfo = {
    ...networkInfoOfUserHeader(text),
    network_priority: input.priority === 'urgent' ? 'Urgent' : 'Normal',
    delivery_monitoring: 'Delivery',
  } as const;
  const body = {
    message_type: `fin.${mt}`,
    sender: toFinAddress(input.senderBic),
    receiver: toFinAddress(input.receiverBic),
    network_info: networkInfo,
    payload: Buffer.from(textBlockOf(text), 'utf8').toString('base64'),
  };
  return { sender_reference: input.reference ?? senderReferenceFor(body, idempotencyKey), ...body };
}
