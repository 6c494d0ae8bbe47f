import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { CircuitOpenError, createEventBus, createTransport, UpstreamError } from '../src/index.js';
import { createSandboxFetch, faults } from '../src/testing/index.js';

const BASE = 'https://gateway.bank.test';

function bank() {
  const sandbox = createSandboxFetch([
    http.get(`${BASE}/status`, () => HttpResponse.json({ up: true })),
  ]);
  const events = createEventBus();
  const transitions: string[] = [];
  events.on('circuit.open', () => transitions.push('open'));
  events.on('circuit.close', () => transitions.push('close'));
  const transport = createTransport({
    baseUrl: BASE,
    fetch: sandbox,
    events,
    connectorId: 'bank-swift',
    retry: { maxAttempts: 1 },
    circuitBreaker: { consecutiveFailures: 3, halfOpenAfterMs: 100 },
  });
  return { sandbox, transport, transitions };
}

describe('circuit breaker', () => {
  it('opens after consecutive upstream failures, fails fast without sending, then closes', async () => {
    const { sandbox, transport, transitions } = bank();
    sandbox.use(faults.status(503, { times: 3 }));
    for (let i = 0; i < 3; i++) {
      await expect(transport.request({ path: '/status' })).rejects.toBeInstanceOf(UpstreamError);
    }
    expect(transport.circuitState).toBe('open');
    expect(transitions).toEqual(['open']);

    const sent = sandbox.requests.length;
    const error = await transport.request({ path: '/status' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).code).toBe('circuit_open');
    expect((error as CircuitOpenError).connectorId).toBe('bank-swift');
    expect((error as CircuitOpenError).toProblem().status).toBe(503);
    expect(sandbox.requests.length).toBe(sent);

    await new Promise((resolve) => setTimeout(resolve, 150));
    const response = await transport.request({ path: '/status' });
    expect(response.status).toBe(200);
    expect(transport.circuitState).toBe('closed');
    expect(transitions).toEqual(['open', 'close']);
  });

  it('a failed trial call while half-open opens the circuit again', async () => {
    const { sandbox, transport, transitions } = bank();
    sandbox.use(faults.status(500, { times: 4 }));
    for (let i = 0; i < 3; i++) await transport.request({ path: '/status' }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(transport.request({ path: '/status' })).rejects.toBeInstanceOf(UpstreamError);
    expect(transport.circuitState).toBe('open');
    await expect(transport.request({ path: '/status' })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(transitions).toEqual(['open', 'open']);
  });

  it('client errors (4xx) do not count against the partner', async () => {
    const { sandbox, transport } = bank();
    sandbox.use(faults.status(404, { times: 10 }));
    for (let i = 0; i < 5; i++) await transport.request({ path: '/status' }).catch(() => {});
    expect(transport.circuitState).toBe('closed');
  });
});
