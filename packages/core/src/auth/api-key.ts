import { z } from 'zod';
import { HTTP_TOKEN, isSafeHeaderValue } from './header-values.js';
import { INSPECT_CUSTOM, parseAuthOptions } from './parse-options.js';
import type { AuthStrategy } from './types.js';

const key = z
  .string()
  .min(1)
  .refine(isSafeHeaderValue, { message: 'must not contain line breaks or NUL' });

const optionsSchema = z.discriminatedUnion('in', [
  z.strictObject({
    in: z.literal('header'),
    name: z.string().regex(HTTP_TOKEN, { message: 'must be a valid HTTP header name' }),
    key,
    prefix: z
      .string()
      .regex(HTTP_TOKEN, { message: 'must be a single word such as ApiKey' })
      .optional(),
  }),
  z.strictObject({
    in: z.literal('query'),
    name: z.string().min(1),
    key,
  }),
]);

/** Options of {@link apiKey}. */
export type ApiKeyOptions =
  | {
      /** Send the key in a request header. */
      in: 'header';
      /** The header name, e.g. `X-API-Key` or `Authorization`. */
      name: string;
      /** The API key. Never logged, never in an error. */
      key: string;
      /** A scheme put before the key with one space (`ApiKey abc…`). */
      prefix?: string;
    }
  | {
      /** Send the key as a query parameter. */
      in: 'query';
      /** The query parameter name, e.g. `api_key`. */
      name: string;
      /** The API key. Never logged, never in an error. */
      key: string;
    };

/** An API key sent in a header or a query parameter. */
export class ApiKeyStrategy implements AuthStrategy {
  /** Always `api-key`. */
  readonly type = 'api-key';
  readonly #in: 'header' | 'query';
  readonly #name: string;
  readonly #key: string;
  readonly #value: string;

  /** Use {@link apiKey}; `options` are validated there. */
  constructor(options: ApiKeyOptions) {
    this.#in = options.in;
    this.#name = options.name;
    this.#key = options.key;
    this.#value =
      options.in === 'header' && options.prefix !== undefined
        ? `${options.prefix} ${options.key}`
        : options.key;
  }

  /** Set the header on `request`, or return a new `Request` whose URL carries the key. */
  authorize(request: Request): Request {
    if (this.#in === 'header') {
      request.headers.set(this.#name, this.#value);
      return request;
    }
    const url = new URL(request.url);
    url.searchParams.set(this.#name, this.#value);
    return new Request(url, request);
  }

  /** The key (and its prefixed header form), for scrubbing. */
  secretValues(): readonly string[] {
    return this.#value === this.#key ? [this.#key] : [this.#key, this.#value];
  }

  /** `{ type, in, name }`: never the key. */
  toJSON(): Record<string, unknown> {
    return { type: this.type, in: this.#in, name: this.#name };
  }

  /** `util.inspect` shows the same redacted description as {@link toJSON}. */
  [INSPECT_CUSTOM](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** An API key in a header (`X-API-Key: …`, optionally with a prefix) or in the query string. */
export function apiKey(options: ApiKeyOptions): ApiKeyStrategy {
  return new ApiKeyStrategy(parseAuthOptions('apiKey', optionsSchema, options));
}
