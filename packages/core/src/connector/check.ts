import { isTollgateError } from '../errors/index.js';
import { redactSecrets } from '../redaction/redact.js';
import type { CheckOutcome, HealthCheckResult } from './types.js';

/**
 * Run a connector's probe under a time limit and turn every outcome into a
 * {@link HealthCheckResult}. It never throws: a thrown error, a timeout or an
 * explicit `{ ok: false }` all become `ok: false` with a redacted reason.
 */
export async function runHealthCheck(
  probe: (signal: AbortSignal) => Promise<CheckOutcome>,
  options: { timeoutMs: number; secrets: () => Iterable<string> },
): Promise<HealthCheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, options.timeoutMs);
  });
  try {
    const outcome = await Promise.race([probe(controller.signal), timedOut]);
    const latencyMs = Math.round(performance.now() - started);
    if (outcome === 'timeout') {
      return { ok: false, latencyMs, reason: `no answer within ${options.timeoutMs} ms` };
    }
    if (outcome && outcome.ok === false) {
      return {
        ok: false,
        latencyMs,
        reason: redactSecrets(outcome.reason ?? 'check failed', options.secrets()),
      };
    }
    return { ok: true, latencyMs };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    const message = error instanceof Error ? error.message : String(error);
    const code = isTollgateError(error) ? `${error.code}: ` : '';
    return { ok: false, latencyMs, reason: redactSecrets(`${code}${message}`, options.secrets()) };
  } finally {
    clearTimeout(timer);
  }
}
