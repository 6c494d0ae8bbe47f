import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tollgate-keys-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keys = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/keys-cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: join(dir, 'keys.db') },
    encoding: 'utf8',
  });

it('creates, lists, rotates and revokes keys in the server database', () => {
  const created = keys('create', '--tenant', 'acme', '--role', 'sme', '--label', 'ci');
  expect(created.status).toBe(0);
  const key = created.stdout.trim();
  expect(key).toMatch(/^tg_[a-z0-9]{8}_/);
  const prefix = key.slice(3, 11);

  const listed = keys('list', '--tenant', 'acme');
  expect(listed.stdout).toContain(prefix);
  expect(listed.stdout).toContain('live');
  expect(listed.stdout).not.toContain(key);

  const rotated = keys('rotate', '--prefix', prefix);
  expect(rotated.status).toBe(0);
  const next = rotated.stdout.trim();
  expect(next).not.toBe(key);
  expect(keys('list', '--tenant', 'acme').stdout).toMatch(
    new RegExp(`${prefix}\\s+sme\\s+revoked`),
  );

  expect(keys('revoke', '--prefix', next.slice(3, 11)).status).toBe(0);
  expect(keys('revoke', '--prefix', next.slice(3, 11)).status).toBe(1);
  const bad = keys('create', '--tenant', 'acme', '--role', 'root');
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/role/i);
}, 90_000); // seven short processes, each compiling the CLI with tsx
