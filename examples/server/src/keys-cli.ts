/**
 * `pnpm --filter server keys <command>`: manage API keys in the server's
 * database (`DATABASE_URL`, as `pnpm start` reads it).
 *
 *   keys create --tenant acme --role sme [--scopes uploads,sessions] [--label "CI"]
 *   keys list --tenant acme
 *   keys rotate --prefix 1a2b3c4d [--grace-seconds 3600]
 *   keys revoke --prefix 1a2b3c4d
 *
 * A new key is printed once; only its SHA-256 is stored. A running server
 * trusts a key it verified lately for `TOLLGATE_API_KEY_CACHE_MS` (5 s by
 * default): a key revoked or rotated here is refused there within that time.
 */
import { parseArgs } from 'node:util';
import {
  type ApiKeyRole,
  type ApiKeyScope,
  loadServerConfig,
  openStore,
  sqlApiKeyStore,
} from '@tollgate/server-adapter';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    role: { type: 'string' },
    scopes: { type: 'string' },
    label: { type: 'string' },
    prefix: { type: 'string' },
    'grace-seconds': { type: 'string' },
  },
});

function required(name: 'tenant' | 'role' | 'prefix'): string {
  const value = values[name];
  if (value === undefined || value === '') {
    process.stderr.write(`--${name} is required\n`);
    process.exit(2);
  }
  return value;
}

const store = openStore(loadServerConfig().database);
try {
  const sql = store.sql;
  if (sql === undefined) throw new Error('the server database has no SQL surface');
  const keys = sqlApiKeyStore(sql);
  switch (positionals[0]) {
    case 'create': {
      const issued = await keys.issue({
        tenantId: required('tenant'),
        role: required('role') as ApiKeyRole,
        ...(values.scopes === undefined
          ? {}
          : { scopes: values.scopes.split(',').map((scope) => scope.trim()) as ApiKeyScope[] }),
        ...(values.label === undefined ? {} : { label: values.label }),
      });
      process.stdout.write(`${issued.key}\n`);
      process.stderr.write(
        `created ${issued.prefix} for ${issued.tenantId} (${issued.role}; ${issued.scopes.join(', ')})\n`,
      );
      break;
    }
    case 'list':
      for (const key of await keys.list(required('tenant'))) {
        const state = key.revokedAt === null ? 'live' : `revoked ${key.revokedAt.toISOString()}`;
        process.stdout.write(
          `${key.prefix}  ${key.role.padEnd(7)} ${state.padEnd(32)} ${key.scopes.join(',')}  ${key.label ?? ''}\n`,
        );
      }
      break;
    case 'rotate': {
      const grace = Number(values['grace-seconds'] ?? 0);
      const issued = await keys.rotate(required('prefix'), { graceSeconds: grace });
      if (issued === undefined) throw new Error('no live key has that prefix');
      process.stdout.write(`${issued.key}\n`);
      break;
    }
    case 'revoke':
      if (!(await keys.revoke(required('prefix')))) throw new Error('no live key has that prefix');
      process.stderr.write(
        'revoked (a running server refuses it within TOLLGATE_API_KEY_CACHE_MS, 5 s by default)\n',
      );
      break;
    default:
      process.stderr.write('usage: keys create|list|rotate|revoke (see src/keys-cli.ts)\n');
      process.exitCode = 2;
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
