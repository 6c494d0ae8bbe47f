import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as billing from '@tollgate/billing';
import { expect, it } from 'vitest';
import * as serverAdapter from '../src/index.js';
import * as sandbox from '../src/sandbox/index.js';

/** The first ```ts block of the README, under "Ten lines". */
function exampleCode(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Ten lines'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error('the README has no ```ts example');
  return match[1] as string;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

it('the README example runs as written: an upload answered with findings and billed', async () => {
  const code = exampleCode().replace(
    /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';$/gm,
    (_, names: string, module: string) => `const {${names}} = modules[${JSON.stringify(module)}];`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-readme-'));
  const log: unknown[] = [];
  const modules = {
    '@tollgate/billing': {
      ...billing,
      // The example's ./tollgate.db, in a scratch folder.
      sqliteStore: (options: { path: string }) =>
        billing.sqliteStore({ ...options, path: join(dir, options.path) }),
    },
    '@tollgate/server-adapter': serverAdapter,
    '@tollgate/server-adapter/sandbox': sandbox,
  };
  try {
    await new AsyncFunction('modules', 'console', code)(modules, {
      log: (value: unknown) => log.push(value),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(log).toEqual([
    expect.objectContaining({
      session_id: expect.any(String),
      document: { name: 'lc.fin', size: expect.any(Number), type: 'mt' },
      billing_recorded: true,
    }),
  ]);
});
