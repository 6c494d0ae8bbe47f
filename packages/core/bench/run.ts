/**
 * `pnpm bench` for `@tollgate/core`: every figure as a ratio to a baseline
 * measured in the same run. Prints Markdown tables for docs/benchmarks.md.
 */

import { authBench } from './auth.bench.js';
import { printFigures } from './throughput.js';
import { transportBench } from './transport.bench.js';
import { webhooksBench } from './webhooks.bench.js';

const started = new Date();
console.log(`@tollgate/core benchmarks — ${started.toISOString()} — node ${process.version}\n`);
printFigures('Transport throughput', await transportBench());
printFigures('Auth strategies', await authBench());
printFigures('Webhook verification', await webhooksBench());
