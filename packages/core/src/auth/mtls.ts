import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { z } from 'zod';
import { AuthError, type ValidationIssue } from '../errors/index.js';
import type { FetchLike } from '../transport/fetch-like.js';
import { INSPECT_CUSTOM, invalidAuthOptions, parseAuthOptions } from './parse-options.js';
import type { AuthStrategy } from './types.js';

/** PEM text or DER/PEM bytes. */
export type PemOrDer = string | Uint8Array;

const material = z.union([z.string().min(1), z.instanceof(Uint8Array)]);

const optionsSchema = z.strictObject({
  cert: material.optional(),
  key: material.optional(),
  ca: z.union([material, z.array(material).min(1)]).optional(),
  passphrase: z.string().optional(),
  pinnedFingerprint256: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  servername: z.string().min(1).optional(),
});

/** Options of {@link mtls}. */
export interface MtlsOptions {
  /**
   * The client certificate (PEM, may include the intermediate chain). Give it
   * with `key`; leave both out only for TLS with a private `ca` or a pin alone.
   */
  cert?: PemOrDer;
  /** The client certificate's private key (PEM). Never logged, never in an error. */
  key?: PemOrDer;
  /** CA certificate(s) to trust for the server, instead of Node's default roots. */
  ca?: PemOrDer | readonly PemOrDer[];
  /** The private key's passphrase, if it is encrypted. */
  passphrase?: string;
  /**
   * Pin the server certificate: its SHA-256 fingerprint as colon-separated hex
   * (`AB:CD:…`, as `openssl x509 -fingerprint -sha256` prints it) or as base64
   * of the 32 bytes. Several pins (for a rotation) may be given.
   */
  pinnedFingerprint256?: string | readonly string[];
  /** TLS server name (SNI and certificate check) when it differs from the URL's host. */
  servername?: string;
}

const PIN_MISMATCH = 'ERR_TOLLGATE_PIN_MISMATCH';

/** OpenSSL alerts a server sends when it refuses the client certificate. */
const CLIENT_CERT_ALERTS = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_SSL/TLS_ALERT_HANDSHAKE_FAILURE',
]);

/** Why Node refused the server's certificate. */
const SERVER_CERT_ERRORS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What we know of one TLS connection, to explain a close that carries no alert. */
interface ConnectionState {
  protocol: string | null;
  /** The server sent a TLS 1.3 session ticket: it finished the handshake, client certificate accepted. */
  ticket: boolean;
}

/**
 * Mutual TLS: requests go through an undici 8 `Agent` that presents the client
 * certificate, optionally pinning the server certificate's SHA-256 fingerprint.
 */
export class MtlsStrategy implements AuthStrategy {
  /** Always `mtls`. */
  readonly type = 'mtls';
  readonly #tls: {
    cert?: string | Buffer;
    key?: string | Buffer;
    ca?: (string | Buffer)[];
    passphrase?: string;
    servername?: string;
  };
  readonly #pins: ReadonlySet<string> | undefined;
  readonly #connections = new Map<string, ConnectionState>();
  #agent: Agent | undefined;

  /** Use {@link mtls}; `options` are validated there. */
  constructor(options: MtlsOptions, pins: readonly string[] | undefined) {
    this.#tls = {
      ...(options.cert === undefined ? {} : { cert: toTlsMaterial(options.cert) }),
      ...(options.key === undefined ? {} : { key: toTlsMaterial(options.key) }),
      ...(options.ca === undefined
        ? {}
        : {
            ca: (Array.isArray(options.ca) ? options.ca : [options.ca as PemOrDer]).map(
              toTlsMaterial,
            ),
          }),
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
      ...(options.servername === undefined ? {} : { servername: options.servername }),
    };
    this.#pins = pins === undefined ? undefined : new Set(pins);
  }

  /** mTLS works below HTTP: the request goes out unchanged. */
  authorize(request: Request): Request {
    return request;
  }

  /**
   * Send through the client certificate. Node's global `fetch` (its bundled
   * undici) and undici 8's `fetch` are replaced by undici 8's `fetch` with this
   * strategy's `Agent`: the request is rebuilt as (url, init) because undici 8
   * does not accept a global `Request`, and the answer is turned back into a
   * global `Response`. Any other `fetch` (a sandbox) is called unchanged with
   * `init.dispatcher` set: a custom `fetch` that reaches a real server must
   * honour `dispatcher`, or neither the client certificate nor the pin applies.
   */
  wrapFetch(fetch: FetchLike): FetchLike {
    const dispatcher = this.#dispatcher();
    if (fetch !== globalThis.fetch && fetch !== (undiciFetch as unknown)) {
      return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
    }
    return async (input, init) => {
      const request =
        input instanceof Request && init === undefined ? input : new Request(input, init);
      const body = request.body === null ? undefined : await request.arrayBuffer();
      let response: Awaited<ReturnType<typeof undiciFetch>>;
      try {
        response = await undiciFetch(request.url, {
          method: request.method,
          headers: [...request.headers],
          body,
          signal: request.signal,
          redirect: request.redirect,
          dispatcher,
        });
      } catch (error) {
        throw this.#explain(error, new URL(request.url)) ?? error;
      }
      return toGlobalResponse(response);
    };
  }

  /** The private key and its passphrase, for scrubbing. */
  secretValues(): readonly string[] {
    const { key, passphrase } = this.#tls;
    const values: string[] = [];
    if (key !== undefined) values.push(typeof key === 'string' ? key : key.toString('utf8'));
    if (passphrase !== undefined && passphrase !== '') values.push(passphrase);
    return values;
  }

  /** `{ type, pinnedFingerprint256 }`: never the key. */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      pinnedFingerprint256: this.#pins === undefined ? undefined : [...this.#pins],
    };
  }

  /** `util.inspect` shows the same redacted description as {@link toJSON}. */
  [INSPECT_CUSTOM](): Record<string, unknown> {
    return this.toJSON();
  }

  /** Close the connection pool. */
  async close(): Promise<void> {
    const agent = this.#agent;
    this.#agent = undefined;
    await agent?.close();
  }

  #dispatcher(): Agent {
    if (this.#agent !== undefined) return this.#agent;
    const pins = this.#pins;
    const connector = buildConnector({
      ...this.#tls,
      ...(pins === undefined
        ? {}
        : {
            checkServerIdentity: (host: string, cert: PeerCertificate) => {
              const hostError = checkServerIdentity(host, cert);
              if (hostError !== undefined) return hostError;
              if (pins.has(cert.fingerprint256)) return undefined;
              return Object.assign(
                new Error(
                  `server certificate SHA-256 ${cert.fingerprint256} matches no pinned fingerprint`,
                ),
                { code: PIN_MISMATCH },
              );
            },
          }),
    });
    this.#agent = new Agent({
      connect: (options, callback) => {
        connector(options, (error, socket) => {
          if (socket && 'getProtocol' in socket) this.#track(socket);
          (callback as (...args: unknown[]) => void)(error, socket);
        });
      },
    });
    return this.#agent;
  }

  #track(socket: TLSSocket): void {
    const key = `${socket.localAddress}:${socket.localPort}`;
    const state: ConnectionState = { protocol: socket.getProtocol(), ticket: false };
    this.#connections.set(key, state);
    socket.once('session', () => {
      state.ticket = true;
    });
    socket.once('close', () => {
      // Keep the state a moment: the failed request is explained after the socket closed.
      setTimeout(() => {
        if (this.#connections.get(key) === state) this.#connections.delete(key);
      }, 5_000).unref();
    });
  }

  /** An {@link AuthError} when `error` is a TLS authentication failure, else `undefined`. */
  #explain(error: unknown, url: URL): AuthError | undefined {
    if (url.protocol !== 'https:') return undefined;
    const host = url.host;
    const refused =
      this.#tls.cert === undefined
        ? `${host} requires a TLS client certificate and none is configured`
        : `${host} refused the TLS client certificate`;
    const fail = (message: string) => new AuthError(`mTLS: ${message}`, { cause: error });
    for (let current = error, depth = 0; current instanceof Error && depth < 6; depth++) {
      const { code, message } = current as Error & { code?: unknown };
      if (code === PIN_MISMATCH) {
        return fail(
          `the server certificate of ${host} does not match the pinned SHA-256 fingerprint`,
        );
      }
      if (typeof code === 'string' && CLIENT_CERT_ALERTS.has(code))
        return fail(`${refused} (${code})`);
      if (typeof code === 'string' && SERVER_CERT_ERRORS.has(code)) {
        return fail(
          `the server certificate of ${host} is not trusted (${code}); pass its CA as \`ca\``,
        );
      }
      if (
        code === 'ECONNRESET' &&
        message.includes('before secure TLS connection was established')
      ) {
        return fail(`${refused}: it closed the connection during the TLS handshake`);
      }
      if (code === 'UND_ERR_SOCKET' && this.#closedAfterHandshake(current)) {
        return fail(
          `${refused}: it closed the connection right after the TLS handshake without answering`,
        );
      }
      current = current.cause;
    }
    return undefined;
  }

  /**
   * In TLS 1.3 the server checks the client certificate after the client's
   * handshake is done, and may just close (Node's own servers send no alert).
   * A connection that got neither a session ticket nor a byte of response was refused.
   */
  #closedAfterHandshake(error: Error): boolean {
    const socket = (
      error as { socket?: { localAddress?: string; localPort?: number; bytesRead?: number } }
    ).socket;
    if (socket === undefined || socket.bytesRead !== 0) return false;
    const state = this.#connections.get(`${socket.localAddress}:${socket.localPort}`);
    return state !== undefined && state.protocol === 'TLSv1.3' && !state.ticket;
  }
}

/**
 * Mutual TLS with a client certificate (and optional CA and server
 * certificate pin; without `cert`/`key` it is TLS with a private CA or a pin
 * only). Validates that the key can be read and matches the
 * certificate; use it with a transport (it implements `wrapFetch`) or combine
 * it with OAuth2 via {@link combineAuth}.
 */
export function mtls(options: MtlsOptions): MtlsStrategy {
  const parsed = parseAuthOptions('mtls', optionsSchema, options);
  const issues: ValidationIssue[] = [];

  if ((parsed.cert === undefined) !== (parsed.key === undefined)) {
    issues.push({
      path: [parsed.cert === undefined ? 'cert' : 'key'],
      code: 'missing',
      message: 'cert and key go together: give both',
    });
  } else if (
    parsed.cert === undefined &&
    parsed.ca === undefined &&
    parsed.pinnedFingerprint256 === undefined
  ) {
    issues.push({
      path: ['cert'],
      code: 'missing',
      message: 'give a client certificate (cert and key), or at least ca or pinnedFingerprint256',
    });
  }

  const privateKey =
    parsed.key === undefined ? undefined : readPrivateKey(parsed.key, parsed.passphrase, issues);
  const certificate =
    parsed.cert === undefined ? undefined : readCertificate(parsed.cert, ['cert'], issues);
  if (
    privateKey !== undefined &&
    certificate !== undefined &&
    !certificate.checkPrivateKey(privateKey)
  ) {
    issues.push({
      path: ['key'],
      code: 'key_mismatch',
      message: 'does not belong to the certificate',
    });
  }

  const cas = parsed.ca === undefined ? [] : Array.isArray(parsed.ca) ? parsed.ca : [parsed.ca];
  cas.forEach((ca, index) => {
    readCertificate(ca, Array.isArray(parsed.ca) ? ['ca', index] : ['ca'], issues);
  });

  let pins: string[] | undefined;
  if (parsed.pinnedFingerprint256 !== undefined) {
    const given = Array.isArray(parsed.pinnedFingerprint256)
      ? parsed.pinnedFingerprint256
      : [parsed.pinnedFingerprint256];
    pins = [];
    given.forEach((pin, index) => {
      const normalized = normalizeFingerprint256(pin);
      if (normalized === undefined) {
        issues.push({
          path: Array.isArray(parsed.pinnedFingerprint256)
            ? ['pinnedFingerprint256', index]
            : ['pinnedFingerprint256'],
          code: 'invalid_fingerprint',
          message: 'must be a SHA-256 fingerprint: 32 bytes as hex (AB:CD:…) or base64',
        });
      } else {
        pins?.push(normalized);
      }
    });
  }

  if (issues.length > 0) throw invalidAuthOptions('mtls', issues);
  return new MtlsStrategy(parsed as MtlsOptions, pins);
}

/**
 * A SHA-256 fingerprint in Node's `fingerprint256` form (`AB:CD:…`, upper
 * case), from colon-separated or plain hex, or base64; `undefined` if invalid.
 */
export function normalizeFingerprint256(pin: string): string | undefined {
  const trimmed = pin.trim();
  let bytes: Buffer | undefined;
  if (/^[0-9a-f]{2}(:[0-9a-f]{2}){31}$/i.test(trimmed))
    bytes = Buffer.from(trimmed.replaceAll(':', ''), 'hex');
  else if (/^[0-9a-f]{64}$/i.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) bytes = Buffer.from(trimmed, 'base64');
  if (bytes?.length !== 32) return undefined;
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function readPrivateKey(
  key: PemOrDer,
  passphrase: string | undefined,
  issues: ValidationIssue[],
): KeyObject | undefined {
  try {
    return createPrivateKey({
      key: toBuffer(key),
      ...(passphrase === undefined ? {} : { passphrase }),
    });
  } catch (error) {
    const needsPassphrase = (error as { code?: unknown }).code === 'ERR_MISSING_PASSPHRASE';
    issues.push({
      path: ['key'],
      code: 'invalid_key',
      message: needsPassphrase
        ? 'is encrypted: pass its passphrase'
        : 'is not a readable private key (PEM), or the passphrase is wrong',
    });
    return undefined;
  }
}

function readCertificate(
  cert: PemOrDer,
  path: ValidationIssue['path'],
  issues: ValidationIssue[],
): X509Certificate | undefined {
  try {
    return new X509Certificate(toBuffer(cert));
  } catch {
    issues.push({
      path,
      code: 'invalid_certificate',
      message: 'is not a readable X.509 certificate',
    });
    return undefined;
  }
}

function toTlsMaterial(value: PemOrDer): string | Buffer {
  return typeof value === 'string' ? value : toBuffer(value);
}

function toBuffer(value: PemOrDer): Buffer {
  return typeof value === 'string'
    ? Buffer.from(value)
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** Rebuild undici 8's `Response` as a global one, so `instanceof Response` holds downstream. */
function toGlobalResponse(response: Awaited<ReturnType<typeof undiciFetch>>): Response {
  const body = response.body as ReadableStream<Uint8Array> | null;
  const result = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
  });
  Object.defineProperties(result, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return result;
}
