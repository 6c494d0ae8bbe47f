/**
 * `pnpm bench` for `@tollgate/connectors`: every figure as a ratio to a
 * baseline measured in the same run. Prints Markdown tables for
 * docs/benchmarks.md.
 */

import { printFigures } from '../../core/bench/throughput.js';
import { SWIFT_PARSE_TARGET_PER_SECOND, swiftMtBench } from './swift-mt.bench.js';

const started = new Date();
console.log(
  `@tollgate/connectors benchmarks — ${started.toISOString()} — node ${process.version}\n`,
);

const swift = await swiftMtBench();
printFigures('SWIFT MT codec', swift);
const parse = swift.find((figure) => figure.name === 'parseSwiftMessage({ validate: false })');
if (parse !== undefined) {
  const met = parse.opsPerSecond >= SWIFT_PARSE_TARGET_PER_SECOND;
  console.log(
    `SWIFT MT parse: ${Math.round(parse.opsPerSecond).toLocaleString('en-US')} messages/s — target ≥ ${SWIFT_PARSE_TARGET_PER_SECOND.toLocaleString('en-US')}/s ${met ? 'met' : 'NOT met'}\n`,
  );
}
