import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  documentsForm,
  expectProblem,
  MT700,
  startTestServer,
  type TestServer,
  tenantEvents,
} from './fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const auth = bearer;
const upload = (key: string, form: FormData) =>
  fetch(`${server.url}/uploads`, { method: 'POST', headers: auth(key), body: form });

describe('GET /health', () => {
  it('answers ok after a query through the store', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('errors', () => {
  it('answers an unknown route with a 404 problem', async () => {
    await expectProblem(await fetch(`${server.url}/nope`), 404, 'not_found');
  });

  it('refuses an upload without a key (401)', async () => {
    const response = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      body: documentsForm({ name: 'lc.fin', content: MT700 }),
    });
    await expectProblem(response, 401, 'auth_failed');
  });

  it('refuses a wrong key (401) without echoing it', async () => {
    const wrong = `${server.keys.acme.slice(0, -4)}AAAA`;
    const response = await upload(wrong, documentsForm({ name: 'lc.fin', content: MT700 }));
    const problem = await expectProblem(response, 401, 'auth_failed');
    expect(JSON.stringify(problem)).not.toContain(wrong);
    await expectProblem(
      await upload('tg_00000000_notakeyatallnotakeyatall', documentsForm()),
      401,
      'auth_failed',
    );
  });

  it('answers malformed multipart with a 400 problem', async () => {
    const response = await fetch(`${server.url}/uploads`, {
      method: 'POST',
      headers: { ...auth(server.keys.acme), 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nthis is not a part\r\n',
    });
    const problem = await expectProblem(response, 400, 'validation_failed');
    expect(problem.issues).toBeInstanceOf(Array);
  });

  it('lists the zod issues when `documents` is missing (400)', async () => {
    const form = new FormData();
    form.append('other', 'x');
    const problem = await expectProblem(
      await upload(server.keys.acme, form),
      400,
      'validation_failed',
    );
    expect(problem.issues).toEqual([
      expect.objectContaining({ path: ['documents'], message: expect.any(String) }),
    ]);
  });
});

describe('POST /uploads', () => {
  it('checks an MT700, bills it once and answers the findings', async () => {
    const response = await upload(
      server.keys.acme,
      documentsForm({ name: 'lc.fin', content: MT700 }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      session_id: expect.any(String),
      document: { name: 'lc.fin', size: Buffer.byteLength(MT700), type: 'mt' },
      billing_recorded: true,
    });
    expect(body.findings).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'lc.tolerance_applied' }),
    );
    const events = await tenantEvents(server.ledger, 'acme');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: 'sme.validation',
      sessionId: body.session_id,
      amount: { amount: 500n, currency: 'USD' },
    });

    const second = (await (
      await upload(server.keys.acme, documentsForm({ name: 'lc.fin', content: MT700 }))
    ).json()) as Record<string, unknown>;
    expect(second.session_id).not.toBe(body.session_id);
    expect(second.billing_recorded).toBe(true);
    const after = await tenantEvents(server.ledger, 'acme');
    expect(after.map((event) => event.sessionId)).toEqual([body.session_id, second.session_id]);
    expect((await server.ledger.verify()).ok).toBe(true);
  });

  it('answers one result per file when several are sent', async () => {
    const before = (await tenantEvents(server.ledger, 'globex')).length;
    const response = await upload(
      server.keys.globex,
      documentsForm({ name: 'a.fin', content: MT700 }, { name: 'b.pdf', content: '%PDF-1.7\n%…' }),
    );
    expect(response.status).toBe(201);
    const { results } = (await response.json()) as { results: Record<string, unknown>[] };
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ document: { type: 'mt' }, billing_recorded: true });
    expect(results[1]).toMatchObject({
      document: { name: 'b.pdf', type: 'pdf' },
      billing_recorded: false,
      findings: [expect.objectContaining({ code: 'document.pdf_not_checked' })],
    });
    expect(await tenantEvents(server.ledger, 'globex')).toHaveLength(before + 1);
  });

  it('refuses a file that is neither MT text nor a PDF (415), billing nothing', async () => {
    const before = (await tenantEvents(server.ledger, 'acme')).length;
    const response = await upload(
      server.keys.acme,
      documentsForm(
        { name: 'lc.fin', content: MT700 },
        { name: 'lc.fin', content: 'hello, not a letter of credit', type: 'text/plain' },
      ),
    );
    await expectProblem(response, 415, 'unsupported_media_type');
    expect(await tenantEvents(server.ledger, 'acme')).toHaveLength(before);
  });

  it('refuses more than five files (413)', async () => {
    const files = Array.from({ length: 6 }, (_, index) => ({
      name: `${index}.fin`,
      content: MT700,
    }));
    await expectProblem(
      await upload(server.keys.acme, documentsForm(...files)),
      413,
      'payload_too_large',
    );
  });

  it('refuses a file over 1 MiB (413), and a body over the limit', async () => {
    const big = `${MT700}\n${'X'.repeat(1024 * 1024)}`;
    await expectProblem(
      await upload(server.keys.acme, documentsForm({ name: 'big.fin', content: big })),
      413,
      'payload_too_large',
    );
    const huge = `${'X'.repeat(6 * 1024 * 1024)}`;
    await expectProblem(
      await upload(server.keys.acme, documentsForm({ name: 'huge.fin', content: huge })),
      413,
      'payload_too_large',
    );
  });

  it('lets only SME keys upload (403)', async () => {
    await expectProblem(
      await upload(server.keys.bank, documentsForm({ name: 'lc.fin', content: MT700 })),
      403,
      'forbidden',
    );
  });
});

describe('GET /sessions/:id', () => {
  it('shows a session to its tenant only; anyone else gets a 404', async () => {
    const created = (await (
      await upload(server.keys.acme, documentsForm({ name: 'lc.fin', content: MT700 }))
    ).json()) as { session_id: string; findings: unknown[] };
    const own = await fetch(`${server.url}/sessions/${created.session_id}`, {
      headers: auth(server.keys.acme),
    });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      session_id: created.session_id,
      findings: created.findings,
      billing_recorded: true,
    });

    const other = await fetch(`${server.url}/sessions/${created.session_id}`, {
      headers: auth(server.keys.globex),
    });
    await expectProblem(other, 404, 'not_found');
    const unauthenticated = await fetch(`${server.url}/sessions/${created.session_id}`);
    await expectProblem(unauthenticated, 401, 'auth_failed');
  });
});
