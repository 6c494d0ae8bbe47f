import { z } from 'zod';
import { basicAuthorization } from './header-values.js';
import { INSPECT_CUSTOM, parseAuthOptions } from './parse-options.js';
import type { AuthStrategy } from './types.js';

const optionsSchema = z.strictObject({
  // RFC 7617 §2: the user-id cannot contain a colon; control characters are not allowed in either.
  username: z
    .string()
    .min(1)
    .refine((value) => !value.includes(':'), { message: 'must not contain a colon' })
    .refine((value) => !/\p{Cc}/u.test(value), { message: 'must not contain control characters' }),
  password: z.string().refine((value) => !/\p{Cc}/u.test(value), {
    message: 'must not contain control characters',
  }),
});

/** Options of {@link basicAuth}. */
export interface BasicAuthOptions {
  /** The user id (no colon). */
  username: string;
  /** The password. Never logged, never in an error. */
  password: string;
}

/** HTTP Basic authentication (RFC 7617), UTF-8 encoded. */
export class BasicAuthStrategy implements AuthStrategy {
  /** Always `basic`. */
  readonly type = 'basic';
  readonly #username: string;
  readonly #password: string;
  readonly #header: string;

  /** Use {@link basicAuth}; `options` are validated there. */
  constructor(options: BasicAuthOptions) {
    this.#username = options.username;
    this.#password = options.password;
    this.#header = basicAuthorization(options.username, options.password);
  }

  /** Set `Authorization: Basic …` on `request`. */
  authorize(request: Request): Request {
    request.headers.set('authorization', this.#header);
    return request;
  }

  /** The password and the encoded credentials, for scrubbing. */
  secretValues(): readonly string[] {
    const encoded = this.#header.slice('Basic '.length);
    return this.#password === '' ? [encoded] : [this.#password, encoded];
  }

  /** `{ type, username }`: never the password. */
  toJSON(): Record<string, unknown> {
    return { type: this.type, username: this.#username };
  }

  /** `util.inspect` shows the same redacted description as {@link toJSON}. */
  [INSPECT_CUSTOM](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** HTTP Basic authentication (RFC 7617): `Authorization: Basic base64(utf8(user:password))`. */
export function basicAuth(options: BasicAuthOptions): BasicAuthStrategy {
  return new BasicAuthStrategy(parseAuthOptions('basicAuth', optionsSchema, options));
}
