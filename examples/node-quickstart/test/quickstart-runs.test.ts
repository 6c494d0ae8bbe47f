import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the quick start', () => {
  it('prints a 503 retried into a success, the converted amount and a healthy check', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: new URL('..', import.meta.url),
    });
    expect(stdout).toContain('→ attempt 1: GET https://sandbox.frankfurter.test/v1/latest');
    expect(stdout).toContain('↻ attempt 1 failed (http_503)');
    expect(stdout).toContain('✓ HTTP 200 after 2 attempts');
    expect(stdout).toContain('1 EUR = 1.0871 USD = 132.64 BDT');
    expect(stdout).toMatch(/€150,000\.00 is BDT\s19,896,000\.00 \(1989600000 poisha/);
    expect(stdout).toContain('health: ok');
  });
});
