import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = readFileSync(new URL('../public/mt700-sample.fin', import.meta.url), 'utf8');
const SME_KEY = 'tg_demosme1_fixedDemoKeyForScriptedRuns0001';

/** `src/main.ts` as `pnpm start` runs it, in its own process, with its output collected. */
interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  keys: Record<string, string>;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 25_000;
  while (!/Stop with Ctrl-C/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = /reference server on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
  const keys = Object.fromEntries(
    [...output.matchAll(/^\s+(demo-\w+)\s+\(\w+\)\s+(tg_\S+)/gm)].map((m) => [m[1], m[2]]),
  );
  return { child, url, output: () => output, keys, exited };
}

const dir = mkdtempSync(join(tmpdir(), 'tollgate-pnpm-start-'));
const env = { DATABASE_URL: join(dir, 'demo.db'), TOLLGATE_DEMO_SME_KEY: SME_KEY };
let server: Started;

beforeAll(async () => {
  server = await start(env);
});
afterAll(() => {
  server?.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const call = (path: string, key: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) },
  });
const postJson = (path: string, key: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, key, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('pnpm start (examples/server)', () => {
  it('prints the demo keys: the SME key fixed by the environment, a fresh bank key', () => {
    expect(server.keys['demo-sme']).toBe(SME_KEY);
    expect(server.keys['demo-bank']).toMatch(/^tg_[a-z0-9]{8}_/);
    expect(server.output()).toContain(
      'bank-swift, customs, dhl-express, fedex, ups, maersk, msc, fx-ecb',
    );
  });

  it('serves the upload page with the widget and a sample MT700', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<tollgate-upload endpoint="/uploads" field-name="documents"');
    const widget = await fetch(`${server.url}/assets/tollgate-upload.js`);
    expect(widget.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await widget.text()).toContain('tollgate-upload');
    expect(await (await fetch(`${server.url}/samples/mt700.fin`)).text()).toBe(SAMPLE);
  });

  it('checks an uploaded MT700 and bills sme.validation once', async () => {
    const form = new FormData();
    form.append('documents', new Blob([SAMPLE]), 'mt700-sample.fin');
    const uploaded = await call('/uploads', SME_KEY, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const session = (await uploaded.json()) as {
      session_id: string;
      findings: { code: string }[];
      billing_recorded: boolean;
    };
    expect(session.billing_recorded).toBe(true);
    expect(session.findings.map((finding) => finding.code)).toContain('lc.tolerance_applied');
    const usage = (await (await call('/billing/usage', SME_KEY)).json()) as {
      operations: { operation: string; count: number; net: { decimal: string } }[];
    };
    expect(usage.operations).toEqual([
      expect.objectContaining({
        operation: 'sme.validation',
        count: 1,
        net: expect.objectContaining({ decimal: '5.00' }),
      }),
    ]);

    // The bank recheck through the bank-swift sandbox, after the SME shares the session.
    const bankKey = server.keys['demo-bank'] ?? '';
    expect(
      (await postJson(`/sessions/${session.session_id}/share`, SME_KEY, { tenant_id: 'demo-bank' }))
        .status,
    ).toBe(200);
    const request = {
      session_id: session.session_id,
      lc_number: 'CBF25LC0004417',
      swift_format: 'MT700',
      priority: 'normal',
      sender_bic: 'COBADEFFXXX',
      receiver_bic: 'SCBLBDDXXXX',
      idempotency_key: 'demo-recheck-1',
    };
    const quoted = await postJson('/integrations/bank/bank-swift/validate', bankKey, request);
    expect(quoted.status).toBe(402);
    const { quote } = (await quoted.json()) as { quote: { quote_id: string } };
    const accepted = await postJson('/integrations/bank/bank-swift/validate', bankKey, request, {
      'tollgate-accept-charge': quote.quote_id,
    });
    expect(accepted.status).toBe(201);
    const { id } = (await accepted.clone().json()) as { id: string };
    // The sandbox gateway ACKs by itself and calls POST /webhooks/bank-swift, signed.
    const deadline = Date.now() + 10_000;
    let status = '';
    while (status !== 'success' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = ((await (await call(`/submissions/${id}`, bankKey)).json()) as { status: string })
        .status;
    }
    expect(status).toBe('success');
    expect(await accepted.json()).toMatchObject({
      billing_recorded: true,
      submission_type: 'mt700',
    });
  });

  it('quotes through the DHL Express sandbox registered as dhl-express', async () => {
    const [latest] = (
      (await (await call('/billing/events', SME_KEY)).json()) as {
        data: { session_id: string }[];
      }
    ).data;
    const quoted = await postJson('/integrations/logistics/dhl-express/quote', SME_KEY, {
      session_id: latest?.session_id,
      service_type: 'express',
      origin_country: 'DE',
      destination_country: 'BD',
      shipment_value: { amount: '250000', currency: 'EUR' },
      idempotency_key: 'demo-quote-1',
    });
    expect(quoted.status).toBe(201);
    expect(await quoted.json()).toMatchObject({ carrier: 'dhl-express', billing_recorded: true });
  });

  it('lodges a customs declaration whose signed status callbacks reach POST /webhooks/customs', async () => {
    const [latest] = (
      (await (await call('/billing/events', SME_KEY)).json()) as { data: { session_id: string }[] }
    ).data;
    const lodged = await postJson('/integrations/customs/customs/submit', SME_KEY, {
      session_id: latest?.session_id,
      country_code: 'EU',
      declaration_type: 'import',
      commodity_codes: ['6109.10.00.10'],
      customs_office: 'NL000396',
      idempotency_key: 'demo-customs-1',
    });
    expect(lodged.status).toBe(201);
    const { submission_id: id } = (await lodged.json()) as { submission_id: string };
    const deadline = Date.now() + 10_000;
    let statusCode = 'submitted';
    while (statusCode === 'submitted' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const answer = await call(`/submissions/${id}`, SME_KEY);
      expect(answer.status).toBe(200);
      statusCode = ((await answer.json()) as { status_code: string }).status_code;
    }
    // A customs status word the gateway's notification carried (received, accepted, cleared …).
    expect(statusCode).toMatch(/^[a-z_]+$/);
    expect(statusCode).not.toBe('submitted');
  });

  it('lets a person upload an MT700 on the page at / and shows findings and billing (Chromium)', async (context) => {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executablePath)) {
      if (process.env.CI)
        throw new Error(`Chromium is required under CI: none at ${executablePath}`);
      console.warn(`!! SKIPPING the browser test: no Chromium at ${executablePath}`);
      context.skip();
    }
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/`);
      await page.fill('#api-key', SME_KEY);
      await page.dispatchEvent('#api-key', 'change');
      await page
        .locator('tollgate-upload input[type=file]')
        .setInputFiles(fileURLToPath(new URL('../public/mt700-sample.fin', import.meta.url)));
      // The widget renders the server's findings, then the page shows the tenant's billing.
      await page.getByText('lc.tolerance_applied').waitFor({ timeout: 15_000 });
      await page.getByText('Billed', { exact: true }).waitFor();
      await page.locator('#billing-table td', { hasText: 'sme.validation' }).waitFor();
      expect(await page.locator('#billing-status').textContent()).toMatch(/USD in all\.$/);
    } finally {
      await browser.close();
    }
  });

  it('logs one JSON line per request with its request id, and never a key', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const completed = lines.filter((line) => line.msg === 'request.completed');
    expect(completed.length).toBeGreaterThanOrEqual(6);
    expect(completed.every((line) => typeof line.request_id === 'string')).toBe(true);
    expect(completed.find((line) => line.path === '/uploads')).toMatchObject({
      status: 201,
      tenant_id: 'demo-sme',
      key_prefix: 'demosme1',
    });
    const logText = lines.map((line) => JSON.stringify(line)).join('\n');
    expect(logText).not.toContain(SME_KEY);
    expect(logText).not.toContain(server.keys['demo-bank']);
  });

  it('stops on SIGTERM, and a restart keeps sessions and the fixed key but revokes the old generated one', async () => {
    const oldBankKey = server.keys['demo-bank'] ?? '';
    const before = (
      (await (await call('/billing/events', SME_KEY)).json()) as {
        data: { session_id: string }[];
      }
    ).data;
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"server.stopped"');

    server = await start(env);
    const sessionId = before[0]?.session_id ?? '';
    expect((await call(`/sessions/${sessionId}`, SME_KEY)).status).toBe(200);
    expect((await call(`/sessions/${sessionId}`, oldBankKey)).status).toBe(401);
    expect((await call(`/sessions/${sessionId}`, server.keys['demo-bank'] ?? '')).status).toBe(200);
    const events = ((await (await call('/billing/events', SME_KEY)).json()) as { data: unknown[] })
      .data;
    expect(events).toHaveLength(before.length);
  });
});
