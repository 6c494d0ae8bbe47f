import type { IncomingMessage } from 'node:http';
import { WebhookVerificationError } from '../errors/index.js';

/** A webhook body exactly as received: text or bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`). */
export type RawWebhookPayload = string | Uint8Array | ArrayBuffer;

/**
 * Accept the raw body as text or bytes, and refuse anything else with a
 * clear `invalid_payload`: a parsed object can never be verified, because
 * the signature covers the exact bytes that were sent.
 */
export function toRawPayload(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  if (ArrayBuffer.isView(payload)) {
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  const what =
    payload === null ? 'null' : Array.isArray(payload) ? 'an array' : `a ${typeof payload}`;
  throw new WebhookVerificationError(
    'invalid_payload',
    `The webhook payload is ${what}, not the raw body: pass the exact bytes or text that were received (express.raw(), await request.arrayBuffer(), the collected chunks of a Node request), never a parsed or re-serialized JSON body.`,
  );
}

/** The raw payload as text (UTF-8; invalid sequences become U+FFFD, as `Buffer#toString` does). */
export function rawPayloadText(payload: string | Uint8Array): string {
  if (typeof payload === 'string') return payload;
  return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
}

/**
 * Parse a verified body as JSON. A body that was signed correctly but is not
 * JSON is an `invalid_payload` (the sender's fault, not a forgery).
 */
export function parseVerifiedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookVerificationError(
      'invalid_payload',
      'The webhook signature is valid but the body is not JSON.',
    );
  }
}

/** Options of {@link readNodeRequestBody}. */
export interface ReadNodeRequestBodyOptions {
  /** Refuse bodies larger than this many bytes (status 413). Default 1 MiB. */
  maxBytes?: number;
}

/**
 * Collect the exact bytes of a Node `http` request body, for verification.
 * Rejects with `invalid_payload`: with status 413 past `maxBytes` (reading
 * stops there, so a huge body cannot exhaust memory before its signature is
 * checked), and when a body parser already consumed the stream.
 */
export function readNodeRequestBody(
  request: IncomingMessage,
  { maxBytes = 1024 * 1024 }: ReadNodeRequestBodyOptions = {},
): Promise<Buffer> {
  if (request.readableEnded) {
    return Promise.reject(
      new WebhookVerificationError(
        'invalid_payload',
        'The request body was already read (a body parser ran before the webhook handler): verify the raw bytes instead.',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const fail = (error: WebhookVerificationError) => {
      cleanup();
      reject(error);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > maxBytes) {
        request.pause();
        fail(
          new WebhookVerificationError(
            'invalid_payload',
            `The webhook body is larger than ${maxBytes} bytes.`,
            {
              status: 413,
            },
          ),
        );
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (cause: unknown) =>
      fail(
        new WebhookVerificationError('invalid_payload', 'The request body could not be read.', {
          cause,
        }),
      );
    const onClose = () => {
      if (!request.complete) {
        fail(
          new WebhookVerificationError(
            'invalid_payload',
            'The client closed the request before its body was complete.',
          ),
        );
      }
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
