import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createTransport } from '../src/index.js';
import { type BenchFigure, measureThroughput, median } from './throughput.js';

/**
 * The transport's throughput against bare `fetch` on a loopback `node:http`
 * server (in another process), 8 calls in flight, JSON parsed on both sides.
 * Rounds alternate baseline and transport so drift hits both alike; the
 * ratio is the median of the per-round ratios. Target ≥ 0.85×.
 */
export async function transportBench({
  rounds = 5,
  durationMs = 1500,
} = {}): Promise<BenchFigure[]> {
  const server = fork(fileURLToPath(new URL('./loopback-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  try {
    if (!server.stdout) throw new Error('the loopback server has no stdout');
    const [chunk] = (await once(server.stdout, 'data')) as [Buffer];
    const baseUrl = `http://127.0.0.1:${chunk.toString().trim()}`;
    const transport = createTransport({ baseUrl });
    const bare = async () => (await fetch(`${baseUrl}/rates?base=EUR`)).json();
    const ours = async () =>
      (await transport.json({ path: '/rates', query: { base: 'EUR' } })).data;
    const options = { durationMs, concurrency: 8 };
    await measureThroughput(bare, { durationMs: 500, concurrency: 8 }); // warm-up: JIT, sockets
    await measureThroughput(ours, { durationMs: 500, concurrency: 8 });
    const bareRuns: number[] = [];
    const ourRuns: number[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRuns.push(await measureThroughput(bare, options));
      ourRuns.push(await measureThroughput(ours, options));
    }
    const ratio = median(ourRuns.map((value, i) => value / (bareRuns[i] as number)));
    return [
      {
        group: 'transport (loopback HTTP)',
        name: 'bare fetch',
        opsPerSecond: median(bareRuns),
        ratio: 1,
        baseline: true,
      },
      {
        group: 'transport (loopback HTTP)',
        name: 'createTransport().json()',
        opsPerSecond: median(ourRuns),
        ratio,
        baseline: false,
        note: `target ≥ 0.85×; retry, circuit breaker and events on`,
      },
    ];
  } finally {
    server.disconnect();
    server.kill();
  }
}
