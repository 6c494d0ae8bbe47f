import { readFileSync } from 'node:fs';
import { connectSandbox } from '@tollgate/core/testing';
import { expect, it } from 'vitest';
// In the README these are '@tollgate/connectors/swift-mt', '@tollgate/connectors/fx-ecb' and '…/fx-ecb/sandbox'.
import { fxEcb } from '../../src/fx-ecb/index.js';
import { fxEcbSandbox } from '../../src/fx-ecb/sandbox.js';
import { checkLetterOfCredit } from '../../src/swift-mt/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

it('the README quick example runs as written and prints what it says', async () => {
  // The README reads `lc-mt700.fin`; here the full MT700 fixture stands in for it.
  const lc = checkLetterOfCredit(
    readFileSync(new URL('../swift-mt/fixtures/mt700-full.fin', import.meta.url), 'utf8'),
  );
  // The fixture's credit expired on 2025-07-15: checked today, that is an error finding.
  expect(lc.ok).toBe(false);
  expect(lc.findings.map((finding) => finding.code)).toEqual([
    'lc.tolerance_applied',
    'lc.expired',
    'lc.presentation_after_expiry',
  ]);
  expect(lc.summary.amount).toEqual({ amount: 24_865_000n, currency: 'EUR' });

  const { client } = connectSandbox(fxEcb, { sandbox: fxEcbSandbox, config: {}, credentials: {} });
  const { to } = await client.operations.convert({
    amount: { amount: '1250000', currency: 'USD' },
    to: 'EUR',
  });
  expect(readme).toContain(
    `console.log(to); // { amount: ${to.amount}n, currency: '${to.currency}' }`,
  );
  expect(readme).toContain(
    "const { to } = await client.operations.convert({ amount: { amount: '1250000', currency: 'USD' }, to: 'EUR' });",
  );
});
