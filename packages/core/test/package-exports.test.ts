import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = new URL('..', import.meta.url);

/** Run a script in Node against the built package (self-referenced by name, as a user imports it). */
async function node(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd: packageDir });
  return stdout.trim();
}

describe('the built package, through its exports map', () => {
  it('CommonJS: one WebhookVerificationError class across the root and the webhooks subpath', async () => {
    const out = await node([
      '-e',
      `const core = require('@tollgate/core');
       const webhooks = require('@tollgate/core/webhooks');
       const testing = require('@tollgate/core/testing');
       const wh = new webhooks.Webhook(webhooks.generateWebhookSecret());
       let caught;
       try { wh.verify('{}', { 'webhook-id': 'm', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' }); } catch (e) { caught = e; }
       console.log(JSON.stringify({
         same: core.WebhookVerificationError === webhooks.WebhookVerificationError,
         instance: caught instanceof core.TollgateError && caught instanceof core.WebhookVerificationError,
         code: caught.code,
         testing: typeof testing.createSandboxFetch,
       }));`,
    ]);
    expect(JSON.parse(out)).toEqual({
      same: true,
      instance: true,
      code: 'timestamp_too_old',
      testing: 'function',
    });
  });

  it('ESM: the same', async () => {
    const out = await node([
      '--input-type=module',
      '-e',
      `const core = await import('@tollgate/core');
       const webhooks = await import('@tollgate/core/webhooks');
       console.log(JSON.stringify({
         same: core.WebhookVerificationError === webhooks.WebhookVerificationError,
         webhook: core.Webhook === webhooks.Webhook,
       }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ same: true, webhook: true });
  });
});
