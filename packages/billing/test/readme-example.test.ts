import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = new URL('..', import.meta.url);

describe('the README example', () => {
  it('runs against the built package (SQLite store, one billed, verified event)', async () => {
    const readme = readFileSync(new URL('README.md', packageDir), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toContain('sqliteStore');
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-billing-readme-'));
    // The example writes ./tollgate.db; point it at a scratch directory instead.
    const script = join(packageDir.pathname, `readme-example-${process.pid}.tmp.mts`);
    writeFileSync(script, (code as string).replace('./tollgate.db', join(dir, 'tollgate.db')));
    try {
      const { stdout } = await run(process.execPath, [script], { cwd: packageDir });
      expect(stdout).toContain("{ findings: [] } { amount: 500n, currency: 'USD' }");
      expect(stdout).toContain('ok: true, count: 1');
    } finally {
      rmSync(script, { force: true });
    }
  });
});
