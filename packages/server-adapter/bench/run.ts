/**
 * `pnpm bench` for `@tollgate/server-adapter`: a billed
 * `POST /integrations/logistics/dhl-express/quote` against the DHL sandbox,
 * versus a bare Hono route doing one SQLite insert (the baseline, measured in
 * the same run), with autocannon on loopback. Each server runs in its own
 * process; rounds alternate baseline and Tollgate and the medians are reported.
 * Then the same route on PostgreSQL with two server processes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresStore, type Store, sqliteStore } from '@tollgate/billing';
import autocannon from 'autocannon';
import pg from 'pg';
import { sqlApiKeyStore } from '../src/index.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** `BENCH_POSTGRES=off` leaves the PostgreSQL figure out (a quicker run while working on SQLite). */
const WITH_POSTGRES = process.env.BENCH_POSTGRES !== 'off';
/** Seconds of load each server gets before its measured rounds, so both are measured warm (JIT, caches). */
const WARMUP_S = 2;

interface Running {
  child: ChildProcess;
  url: string;
}

function startServer(mode: string, env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bench-server.ts', mode], {
    cwd: packageRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
}

function stopServer(server: Running): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** Everything one measured run sends: a JSON POST with a fresh idempotency key per request. */
function loadOptions(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: (n: number) => unknown,
) {
  let sequence = 0;
  return {
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST' as const,
        path,
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: JSON.stringify(body(sequence++)),
        }),
      },
    ],
  };
}

interface Figure {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

async function measure(options: autocannon.Options[]): Promise<Figure> {
  const results = await Promise.all(options.map((option) => autocannon(option)));
  return {
    requestsPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** An SME key and an uploaded session in `store`, for the quote route. */
async function seedTenant(store: Store, url: string): Promise<{ key: string; sessionId: string }> {
  const sql = store.sql;
  if (sql === undefined) throw new Error('a SQL store');
  const key = (await sqlApiKeyStore(sql).issue({ tenantId: 'bench-sme', role: 'sme' })).key;
  const form = new FormData();
  form.append(
    'documents',
    new Blob(['{1:F01BANKBDDHAXXX0000000000}{4:\n:20:BENCH1\n-}']),
    'lc.fin',
  );
  const response = await fetch(`${url}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  if (response.status !== 201) throw new Error(`seed upload: ${response.status}`);
  const { session_id: sessionId } = (await response.json()) as { session_id: string };
  return { key, sessionId };
}

const quoteBody = (sessionId: string, prefix: string) => (n: number) => ({
  session_id: sessionId,
  service_type: 'express',
  origin_country: 'DE',
  destination_country: 'BD',
  shipment_value: { amount: '250000', currency: 'EUR' },
  idempotency_key: `${prefix}-${n}`,
});

function row(label: string, figure: Figure, baseline: Figure, note = ''): string {
  const ratio = figure.requestsPerSecond / baseline.requestsPerSecond;
  return `| ${label} | ${Math.round(figure.requestsPerSecond).toLocaleString('en-US')} | ${ratio.toFixed(2)}× | ${figure.p99Ms} ms | ${figure.non2xx + figure.errors} | ${note} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
console.log(
  `@tollgate/server-adapter benchmarks — ${new Date().toISOString()} — node ${process.version} — ${cpus().length} CPUs — autocannon, ${CONNECTIONS} connections, ${DURATION_S} s × ${ROUNDS} rounds\n`,
);

const baseline = await startServer('baseline', { BENCH_DB: join(dir, 'baseline.db') });
const sqlitePath = join(dir, 'tollgate.db');
const tollgate = await startServer('tollgate-sqlite', { BENCH_DB: sqlitePath });
const seedStore = sqliteStore({ path: sqlitePath });
const tenant = await seedTenant(seedStore, tollgate.url);
await seedStore.close();

const baselineRuns: Figure[] = [];
const tollgateRuns: Figure[] = [];
const tollgateLoad = (label: string, duration = DURATION_S) => ({
  ...loadOptions(
    tollgate.url,
    '/integrations/logistics/dhl-express/quote',
    { authorization: `Bearer ${tenant.key}` },
    quoteBody(tenant.sessionId, label),
  ),
  duration,
});
await measure([
  { ...loadOptions(baseline.url, '/quote', {}, quoteBody('s', 'warm')), duration: WARMUP_S },
]);
await measure([tollgateLoad('warm', WARMUP_S)]);
for (let round = 0; round < ROUNDS; round++) {
  baselineRuns.push(
    await measure([loadOptions(baseline.url, '/quote', {}, quoteBody('s', `b${round}`))]),
  );
  tollgateRuns.push(await measure([tollgateLoad(`t${round}`)]));
}
await Promise.all([stopServer(baseline), stopServer(tollgate)]);

const pick = (runs: Figure[]): Figure => ({
  requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
});
const base = pick(baselineRuns);
// Each Tollgate round against the baseline round just before it: the machine's drift
// over the run cancels out, and the spread shows how far one run can be trusted.
const roundRatios = tollgateRuns.map(
  (run, i) => run.requestsPerSecond / (baselineRuns[i]?.requestsPerSecond ?? Number.NaN),
);
const sortedRatios = [...roundRatios].sort((a, b) => a - b);
const ratioSpread = `per round ${sortedRatios[0]?.toFixed(2)}–${sortedRatios.at(-1)?.toFixed(2)}× (median ${median(roundRatios).toFixed(2)}×)`;
const lines = [
  '### Billed quote route vs a bare Hono + SQLite insert',
  '',
  '| server | requests/s | ratio to baseline | p99 | non-2xx + errors | note |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  row('bare Hono route, one SQLite insert (baseline)', base, base),
  row(
    'Tollgate `POST /integrations/logistics/dhl-express/quote`, SQLite, 1 process',
    pick(tollgateRuns),
    base,
    `target ≥ 0.40×; ${ratioSpread}; auth, rate limit, session check, billing intent + commit, DHL sandbox`,
  ),
];

let postgresUp = WITH_POSTGRES;
if (postgresUp) {
  try {
    const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
  } catch {
    postgresUp = false;
  }
}
if (postgresUp) {
  const schema = `tg_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const store = postgresStore({ connectionString: DATABASE_URL, schema });
  await store.migrate();
  const env = { TEST_DATABASE_URL: DATABASE_URL, BENCH_SCHEMA: schema };
  const servers = [
    await startServer('tollgate-postgres', env),
    await startServer('tollgate-postgres', env),
  ];
  const seeded = await seedTenant(store, servers[0]?.url ?? '');
  const runs: Figure[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push(
      await measure(
        servers.map((server, i) =>
          loadOptions(
            server.url,
            '/integrations/logistics/dhl-express/quote',
            { authorization: `Bearer ${seeded.key}` },
            quoteBody(seeded.sessionId, `p${round}-${i}`),
          ),
        ),
      ),
    );
  }
  await Promise.all(servers.map(stopServer));
  await store.close();
  await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.end();
  lines.push(
    row(
      'Tollgate, same route, PostgreSQL, 2 server processes (load split evenly)',
      pick(runs),
      base,
      'requests/s summed over both processes; p99 the worse of the two',
    ),
  );
} else if (WITH_POSTGRES) {
  lines.push('', '> PostgreSQL is unreachable: its figure is left out.');
}
rmSync(dir, { recursive: true, force: true });
console.log(lines.join('\n'));
