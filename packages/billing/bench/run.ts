/**
 * `pnpm bench` for `@tollgate/billing`: every figure as a ratio to a baseline
 * measured in the same run (interleaved rounds, medians). Prints Markdown tables.
 */
import { cpus } from 'node:os';
import { postgresUp } from './engines.js';
import { guardBench } from './guard.bench.js';
import { hashingBench, postgresAppendBench, sqliteAppendBench } from './ledger.bench.js';
import { printFigures } from './throughput.js';

const started = new Date();
console.log(
  `@tollgate/billing benchmarks — ${started.toISOString()} — node ${process.version} — ${cpus().length} CPUs\n`,
);
if (!(await postgresUp())) console.log('> PostgreSQL is unreachable: its figures are left out.\n');
printFigures('Ledger append throughput', [
  ...(await sqliteAppendBench()),
  ...(await postgresAppendBench()),
]);
printFigures('Billing guard', await guardBench());
printFigures('Canonical text and hash', await hashingBench());
