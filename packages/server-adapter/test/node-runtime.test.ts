import { Writable } from 'node:stream';
import { ValidationError } from '@tollgate/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  createLogger,
  DEFAULT_DATABASE_PATH,
  loadServerConfig,
  parseDatabaseUrl,
  serve,
} from '../src/index.js';

describe('loadServerConfig', () => {
  it('defaults to port 8787 on 127.0.0.1 with a SQLite file', () => {
    expect(loadServerConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      database: { kind: 'sqlite', path: DEFAULT_DATABASE_PATH },
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
    });
  });

  it('reads how long verified API keys are trusted, and refuses a negative time', () => {
    expect(loadServerConfig({ TOLLGATE_API_KEY_CACHE_MS: '0' }).apiKeyCacheMs).toBe(0);
    expect(loadServerConfig({ TOLLGATE_API_KEY_CACHE_MS: '2500' }).apiKeyCacheMs).toBe(2500);
    expect(loadServerConfig({}).apiKeyCacheMs).toBeUndefined();
    expect(() => loadServerConfig({ TOLLGATE_API_KEY_CACHE_MS: '-1' })).toThrow(ValidationError);
  });

  it('reads PostgreSQL and SQLite URLs', () => {
    expect(parseDatabaseUrl('postgres://u@db:5432/tollgate')).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u@db:5432/tollgate',
    });
    expect(parseDatabaseUrl('postgresql://db/x').kind).toBe('postgres');
    expect(parseDatabaseUrl('sqlite:./data/t.db')).toEqual({ kind: 'sqlite', path: './data/t.db' });
    expect(parseDatabaseUrl('sqlite:///var/t.db')).toEqual({ kind: 'sqlite', path: '/var/t.db' });
    expect(parseDatabaseUrl('/srv/t.db')).toEqual({ kind: 'sqlite', path: '/srv/t.db' });
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(ValidationError);
  });

  it('names a bad variable without echoing its value', () => {
    const secretish = 'not-a-port-s3cr3t';
    const error = (() => {
      try {
        loadServerConfig({ PORT: secretish, LOG_LEVEL: 'chatty' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'LOG_LEVEL',
      'PORT',
    ]);
    expect(
      JSON.stringify({ message: validation.message, issues: validation.issues }),
    ).not.toContain(secretish);
  });
});

describe('createLogger', () => {
  it('writes JSON lines and redacts credentials wherever they are logged', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    logger.info(
      {
        headers: { authorization: 'Bearer tg_abcd1234_secretsecretsecret01' },
        config: { clientSecret: 's3cr3t-value', connectionString: 'postgres://u:pw@db/x' },
        key: 'tg_abcd1234_secretsecretsecret01',
      },
      'configured',
    );
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'configured', service: 'tollgate', key: '[redacted]' });
    expect(lines[0]).not.toMatch(/secretsecret|s3cr3t|pw@db/);
  });
});

describe('serve().close()', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const requestStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const app = new Hono().get('/slow', async (c) => {
      started();
      await gate;
      return c.text('done');
    });
    const server = await serve(app, { port: 0 });
    const inFlight = fetch(`${server.url}/slow`);
    await requestStarted;
    const closed = server.close();
    let closedEarly = false;
    void closed.then(() => {
      closedEarly = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBe(false);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    expect(response.headers.get('connection')).toBe('close');
    await closed;
    await expect(fetch(`${server.url}/slow`)).rejects.toThrow();
    expect(server.close()).toBe(closed);
  });

  it('cuts connections still open when the shutdown timeout passes', async () => {
    const app = new Hono().get('/never', () => new Promise<Response>(() => undefined));
    const server = await serve(app, { port: 0, shutdownTimeoutMs: 100 });
    const hanging = fetch(`${server.url}/never`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await hanging).toBeInstanceOf(Error);
  });
});
