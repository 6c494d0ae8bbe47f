import { z } from 'zod';
import { AuthError, isTollgateError, type TollgateError } from '../errors/index.js';
import { isSafeHeaderValue } from './header-values.js';
import { INSPECT_CUSTOM, parseAuthOptions } from './parse-options.js';
import type { AuthContext, AuthStrategy } from './types.js';

/** A function that returns the current token, for tokens managed elsewhere. */
export type BearerTokenProvider = () => string | Promise<string>;

const optionsSchema = z.strictObject({
  token: z.union([
    z.string().min(1).refine(isSafeHeaderValue, { message: 'must not contain line breaks or NUL' }),
    z.custom<BearerTokenProvider>((value) => typeof value === 'function', {
      message: 'must be a string or a function returning one',
    }),
  ]),
});

/** Options of {@link bearerToken}. */
export interface BearerTokenOptions {
  /** A static token, or a function asked for the current one before every request. */
  token: string | BearerTokenProvider;
}

/** A bearer token: static, or asked of a provider before each request. */
export class BearerTokenStrategy implements AuthStrategy {
  /** Always `bearer`. */
  readonly type = 'bearer';
  readonly #provider: BearerTokenProvider | undefined;
  #token: string | undefined;
  #header: string | undefined;

  /** Use {@link bearerToken}; `options` are validated there. */
  constructor(options: BearerTokenOptions) {
    if (typeof options.token === 'string') {
      this.#token = options.token;
      this.#header = `Bearer ${options.token}`;
    } else {
      this.#provider = options.token;
    }
  }

  /** Set `Authorization: Bearer …`; synchronous for a static token or a synchronous provider. */
  authorize(request: Request, context: AuthContext): Request | Promise<Request> {
    if (this.#provider === undefined) {
      request.headers.set('authorization', this.#header as string);
      return request;
    }
    let token: string | Promise<string>;
    try {
      token = this.#provider();
    } catch (error) {
      throw providerFailed(context, error);
    }
    if (typeof token === 'string') return this.#apply(request, token, context);
    return Promise.resolve(token).then(
      (value) => this.#apply(request, value, context),
      (error: unknown) => {
        throw providerFailed(context, error);
      },
    );
  }

  /** With a provider: the next request asks it again, so one retry may succeed. */
  async refresh(): Promise<boolean> {
    return this.#provider !== undefined;
  }

  /** The current token, for scrubbing. */
  secretValues(): readonly string[] {
    return this.#token === undefined ? [] : [this.#token];
  }

  /** `{ type, source }`: never the token. */
  toJSON(): Record<string, unknown> {
    return { type: this.type, source: this.#provider === undefined ? 'static' : 'provider' };
  }

  /** `util.inspect` shows the same redacted description as {@link toJSON}. */
  [INSPECT_CUSTOM](): Record<string, unknown> {
    return this.toJSON();
  }

  #apply(request: Request, token: unknown, context: AuthContext): Request {
    if (typeof token !== 'string' || token === '' || !isSafeHeaderValue(token)) {
      throw new AuthError(
        'The bearer token provider returned no usable token (expected a non-empty string)',
        {
          connectorId: context.connectorId,
        },
      );
    }
    this.#token = token;
    request.headers.set('authorization', `Bearer ${token}`);
    return request;
  }
}

function providerFailed(context: AuthContext, cause: unknown): TollgateError {
  if (isTollgateError(cause)) return cause;
  return new AuthError('The bearer token provider failed', {
    cause,
    connectorId: context.connectorId,
  });
}

/** `Authorization: Bearer <token>`, from a static token or a function returning the current one. */
export function bearerToken(options: BearerTokenOptions): BearerTokenStrategy {
  return new BearerTokenStrategy(parseAuthOptions('bearerToken', optionsSchema, options));
}
