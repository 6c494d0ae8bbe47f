/**
 * Tollgate quick start: define a connector (./frankfurter.ts), run it against
 * its sandbox with an injected 503 on the first call, and print what happened.
 */
import { convertMoney, formatMoney, parseMoney } from '@tollgate/core';
import { connectSandbox, faults } from '@tollgate/core/testing';
import { frankfurter } from './frankfurter.js';

const { client, sandbox } = connectSandbox(frankfurter, {
  config: {},
  credentials: { apiKey: 'demo-key-0001' },
  faults: [faults.status(503, { times: 1, body: { message: 'upstream maintenance' } })],
});

client.events.on('request.start', (e) =>
  console.log(`→ attempt ${e.attempt}: ${e.method} ${e.url}`),
);
client.events.on('request.retry', (e) =>
  console.log(`↻ attempt ${e.attempt - 1} failed (${e.reason}); retrying with backoff`),
);
client.events.on('request.success', (e) =>
  console.log(
    `✓ HTTP ${e.status} after ${e.attempt} attempt${e.attempt === 1 ? '' : 's'} in ${Math.round(e.durationMs)} ms`,
  ),
);

const { date, rates } = await client.operations.latestRates({
  base: 'EUR',
  symbols: ['USD', 'BDT'],
});
console.log(`\nECB reference rates of ${date}: 1 EUR = ${rates.USD} USD = ${rates.BDT} BDT`);

const invoice = parseMoney('150000.00', 'EUR');
const inTaka = convertMoney(invoice, 'BDT', rates.BDT ?? '0');
console.log(
  `${formatMoney(invoice, 'en-US')} is ${formatMoney(inTaka, 'en-US')} (${inTaka.amount} poisha, bigint, half-even)`,
);

const health = await client.check();
console.log(`\nhealth: ${health.ok ? 'ok' : `down (${health.reason})`} in ${health.latencyMs} ms`);
console.log(
  `the sandbox saw ${sandbox.requests.length} requests; billable as ${frankfurter.billableOperations.latestRates}`,
);
