import { issuesFromZod, ValidationError } from '@tollgate/core';
import { z } from 'zod';
import type { JwtVerifierOptions } from '../auth/jwt.js';
import { jwtOptionsFromEnv } from '../auth/jwt-config.js';

/** Where the server keeps its data when `DATABASE_URL` is not set. */
export const DEFAULT_DATABASE_PATH = './.tollgate/tollgate.db';

/** The port the server listens on when `PORT` is not set. */
export const DEFAULT_PORT = 8787;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  TOLLGATE_METRICS_TOKEN: z.string().min(16).optional(),
  TOLLGATE_API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
});

/** Where the server's database is: a SQLite file or a PostgreSQL server. */
export type DatabaseLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; connectionString: string };

/** The server's configuration, read from the environment by {@link loadServerConfig}. */
export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseLocation;
  logLevel: (typeof LOG_LEVELS)[number];
  /** How long in-flight requests may take to finish on shutdown before their connections are cut. */
  shutdownTimeoutMs: number;
  /** The bearer token `GET /metrics` wants (`TOLLGATE_METRICS_TOKEN`, ≥ 16 characters); `undefined`: none. */
  metricsToken: string | undefined;
  /** How long a verified API key is trusted without a read (`TOLLGATE_API_KEY_CACHE_MS`); `undefined`: the app's default. */
  apiKeyCacheMs: number | undefined;
  /** JWT bearer verification, when `TOLLGATE_JWT_*` is set; `undefined`: API keys only. */
  jwt: JwtVerifierOptions | undefined;
}

/**
 * Read `DATABASE_URL`: `postgres://…` or `postgresql://…` is PostgreSQL;
 * `sqlite:<path>`, `sqlite://<path>`, `file:<path>` or a plain path is a SQLite file
 * (`:memory:` for a throwaway database).
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', connectionString: url };
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '');
  if (path.length === 0) {
    throw new ValidationError('DATABASE_URL names no SQLite file.', [
      { path: ['DATABASE_URL'], code: 'invalid_value', message: 'sqlite: needs a path' },
    ]);
  }
  return { kind: 'sqlite', path };
}

/**
 * The server's configuration from environment variables (see the table in the
 * README): `PORT` (default 8787), `HOST` (default 127.0.0.1), `DATABASE_URL`
 * (default `./.tollgate/tollgate.db`), `LOG_LEVEL` (default `info`) and
 * `SHUTDOWN_TIMEOUT_MS` (default 10000), `TOLLGATE_METRICS_TOKEN`,
 * `TOLLGATE_API_KEY_CACHE_MS` (default 5000), and `TOLLGATE_JWT_JWKS_URL`,
 * `TOLLGATE_JWT_ISSUER`, `TOLLGATE_JWT_AUDIENCE` (… see `JWT_ENV_VARIABLES`)
 * to accept JWTs from an identity provider. A bad value is a `ValidationError`
 * naming the variable (never its value, which may be a secret).
 */
export function loadServerConfig(
  env: Record<string, string | undefined> = process.env,
): ServerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({
      ...issue,
      message: `${issue.path.join('.')} is invalid`,
    }));
    throw new ValidationError(
      `Invalid environment: ${issues.map((issue) => issue.path.join('.')).join(', ')}.`,
      issues,
    );
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    database: parseDatabaseUrl(parsed.data.DATABASE_URL),
    logLevel: parsed.data.LOG_LEVEL,
    shutdownTimeoutMs: parsed.data.SHUTDOWN_TIMEOUT_MS,
    metricsToken: parsed.data.TOLLGATE_METRICS_TOKEN,
    apiKeyCacheMs: parsed.data.TOLLGATE_API_KEY_CACHE_MS,
    jwt: jwtOptionsFromEnv(env),
  };
}
