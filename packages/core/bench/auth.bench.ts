import { Bench } from 'tinybench';
import { bearerToken, oauth2ClientCredentials } from '../src/auth/index.js';
import type { AuthContext } from '../src/auth/types.js';
import { createEventBus } from '../src/events/index.js';
import type { BenchFigure } from './throughput.js';

const BASELINE = 'bearerToken (static) authorize';
const BATCH = 1000;

/**
 * Cached-token lookups per second: `oauth2ClientCredentials` once its token is
 * cached, against a static `bearerToken` (the cheapest strategy) as baseline
 * and a bare `headers.set` for reference. Each figure is the mean over
 * batches of 1000 calls. About 3 s in all.
 */
export async function authBench({ timeMs = 600, warmupMs = 150 } = {}): Promise<BenchFigure[]> {
  const context: AuthContext = {
    fetch: async () =>
      Response.json({ access_token: 'bench-token', token_type: 'bearer', expires_in: 3600 }),
    events: createEventBus(),
    connectorId: 'bench',
    baseUrl: 'https://bank.example',
  };
  const oauth2 = oauth2ClientCredentials({
    tokenUrl: '/oauth/token',
    clientId: 'bench-client',
    clientSecret: 'bench-secret',
  });
  const request = new Request('https://bank.example/letters-of-credit');
  await oauth2.authorize(request, context); // fetch and cache the token once
  if (oauth2.authorizationHeader(context) !== 'Bearer bench-token')
    throw new Error('no cached token');
  const bearer = bearerToken({ token: 'bench-token' });

  // Each iteration runs a batch, so the timer's own cost (tens of ns) does not swamp a lookup.
  let sink: unknown;
  const batch = (body: () => unknown) => () => {
    for (let i = 0; i < BATCH; i++) sink = body();
  };
  const bench = new Bench({ time: timeMs, warmupTime: warmupMs });
  bench
    .add(
      BASELINE,
      batch(() => bearer.authorize(request, context)),
    )
    .add(
      'bare headers.set',
      batch(() => request.headers.set('authorization', 'Bearer bench-token')),
    )
    .add(
      'oauth2ClientCredentials authorizationHeader (cached)',
      batch(() => oauth2.authorizationHeader(context)),
    )
    .add(
      'oauth2ClientCredentials authorize (cached)',
      batch(() => oauth2.authorize(request, context)),
    );
  await bench.run();
  // The last task leaves a Request in `sink`; reading it keeps every result observable.
  if (!(sink instanceof Request)) throw new Error('the benchmark did not run');

  const measured = bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') {
      throw new Error(`benchmark "${task.name}" did not complete: ${result.state}`);
    }
    return { name: task.name, opsPerSecond: result.throughput.mean * BATCH };
  });
  const baseline = measured.find((figure) => figure.name === BASELINE)?.opsPerSecond ?? Number.NaN;
  return measured.map((figure) => ({
    group: 'auth header lookups (cached)',
    name: figure.name,
    opsPerSecond: figure.opsPerSecond,
    ratio: figure.opsPerSecond / baseline,
    baseline: figure.name === BASELINE,
  }));
}
