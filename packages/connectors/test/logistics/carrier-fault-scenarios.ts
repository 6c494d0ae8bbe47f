import {
  AuthError,
  type ConnectorTransportDefaults,
  type HealthCheckResult,
  TimeoutError,
  UpstreamError,
} from '@tollgate/core';
import type { SandboxFetch } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { type SandboxScenario, scenarioHandlers } from '../../src/shared/sandbox-scenario.js';

/** What {@link describeCarrierFaults} needs of one carrier connector. */
export interface CarrierUnderFaults<Client extends { check(): Promise<HealthCheckResult> }> {
  /** The carrier's name in the test titles (`FedEx`). */
  name: string;
  /** The sandbox base URL the scenarios play under (the token endpoint's too). */
  baseUrl: string;
  /** A client on the carrier's sandbox with these transport settings (short retry delays), and the sandbox. */
  connect(transport: ConnectorTransportDefaults): { client: Client; sandbox: SandboxFetch };
  /** The call the faults meet; `answer` names what it returns (`the quote`). */
  call(client: Client): Promise<unknown>;
  answer: string;
  /** Part of what `call` returns once a fault has passed. */
  expected: Record<string, unknown>;
  /**
   * For a carrier that authenticates with an OAuth2 token: a call that needs
   * it. It runs before a fault plays, so the token is held and the fault
   * meets the API call; with the token endpoint down it fails with an `AuthError`.
   */
  tokenCall?(client: Client): Promise<unknown>;
}

/**
 * The sandbox fault scenarios every carrier connector must get through, and
 * its health check: 429 then success is retried and succeeds; a persistent
 * 500 is an `UpstreamError` after the retries; a slow answer is a
 * `TimeoutError`; a body that is not JSON and a reset connection are typed
 * errors; a token endpoint that is down is an `AuthError`; `check()` is ok
 * against the sandbox and not ok (without throwing) when the carrier fails.
 */
export function describeCarrierFaults<Client extends { check(): Promise<HealthCheckResult> }>(
  carrier: CarrierUnderFaults<Client>,
): void {
  /** A client holding its token, if any, then `scenario` in front of the sandbox. */
  async function connectUnder(
    scenario: SandboxScenario,
    options: { scenarioTimes?: number; timeoutMs?: number; withToken?: boolean } = {},
  ) {
    const connected = carrier.connect({
      retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    if (options.withToken !== false) await carrier.tokenCall?.(connected.client);
    const before = connected.sandbox.requests.length;
    connected.sandbox.use(
      ...scenarioHandlers({
        baseUrl: carrier.baseUrl,
        scenario,
        slowMs: 300,
        ...(options.scenarioTimes === undefined ? {} : { scenarioTimes: options.scenarioTimes }),
      }),
    );
    return { ...connected, sentSince: () => connected.sandbox.requests.length - before };
  }

  describe(`${carrier.name} under the sandbox fault scenarios`, () => {
    it(`waits out a 429 with Retry-After and then gets ${carrier.answer}`, async () => {
      const { client, sentSince } = await connectUnder('rate-limited', { scenarioTimes: 1 });
      const started = Date.now();
      expect(await carrier.call(client)).toMatchObject(carrier.expected);
      expect(sentSince()).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    it('retries a 500 and surfaces a persistent one as a retryable UpstreamError', async () => {
      const { client, sentSince } = await connectUnder('server-error');
      const error = await carrier.call(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ upstreamStatus: 500, retryable: true });
      expect(sentSince()).toBe(3);
    });

    it('gives up on a slow answer with a TimeoutError', async () => {
      const { client } = await connectUnder('slow', { timeoutMs: 40 });
      await expect(carrier.call(client)).rejects.toBeInstanceOf(TimeoutError);
    });

    it('reports a body that is not JSON as an UpstreamError, not a crash', async () => {
      const { client } = await connectUnder('malformed');
      const error = await carrier.call(client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).message).toContain('not JSON');
    });

    it('reports a reset connection as an UpstreamError', async () => {
      const { client } = await connectUnder('network-error');
      await expect(carrier.call(client)).rejects.toBeInstanceOf(UpstreamError);
    });

    const { tokenCall } = carrier;
    if (tokenCall !== undefined) {
      it('fails with a retryable AuthError when the token endpoint itself is down', async () => {
        const { client } = await connectUnder('server-error', { withToken: false });
        const error = await tokenCall(client).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AuthError);
        expect((error as AuthError).retryable).toBe(true);
      });
    }
  });

  describe(`${carrier.name} health check`, () => {
    it('is ok against the sandbox', async () => {
      const result = await carrier.connect({}).client.check();
      expect(result.ok).toBe(true);
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it(`is not ok when ${carrier.name} keeps failing, and says why without throwing`, async () => {
      const { client } = await connectUnder('server-error');
      const result = await client.check();
      expect(result.ok).toBe(false);
      expect(result.reason).toContain('500');
    });
  });
}
