import type { SandboxHandler } from '@tollgate/core';
import { faults } from '@tollgate/core/testing';

/**
 * Faults a connector's sandbox can be asked to play, so retry and error paths
 * run against real HTTP semantics:
 * - `rate-limited`: 429 with `Retry-After: 1` (seconds);
 * - `server-error`: 500;
 * - `slow`: the answer comes after `slowMs` (default 5 s), past a typical timeout;
 * - `malformed`: 200 with a body that is not valid JSON (or XML);
 * - `network-error`: the connection is reset.
 */
export type SandboxScenario =
  | 'rate-limited'
  | 'server-error'
  | 'slow'
  | 'malformed'
  | 'network-error';

/** Every sandbox scenario, for tests that run them all. */
export const SANDBOX_SCENARIOS: readonly SandboxScenario[] = Object.freeze([
  'rate-limited',
  'server-error',
  'slow',
  'malformed',
  'network-error',
]);

/** What every connector's sandbox factory accepts. */
export interface SandboxOptions<Config = unknown> {
  /** Where the sandbox answers: the connector's sandbox base URL, or another. */
  baseUrl: string;
  /** The connection's validated config, when the sandbox adapts to it. */
  config?: Config;
  /** A fault to play in front of the partner's handlers; default none. */
  scenario?: SandboxScenario;
  /** How many requests the scenario hits before the sandbox answers normally; default every request. */
  scenarioTimes?: number;
  /** Delay of the `slow` scenario in ms; default 5000. */
  slowMs?: number;
}

/**
 * The msw handlers that play `options.scenario` for requests under
 * `options.baseUrl`; none when no scenario is set. Put them before the
 * partner's own handlers.
 */
export function scenarioHandlers(options: SandboxOptions): SandboxHandler[] {
  const { scenario } = options;
  if (scenario === undefined) return [];
  const scope = {
    url: `${options.baseUrl.replace(/\/$/, '')}/*`,
    times: options.scenarioTimes ?? Number.POSITIVE_INFINITY,
  };
  switch (scenario) {
    case 'rate-limited':
      return [faults.rateLimited({ ...scope, retryAfter: 1 })];
    case 'server-error':
      return [faults.status(500, { ...scope, body: { error: 'internal_error' } })];
    case 'slow':
      return [faults.slow(options.slowMs ?? 5000, scope)];
    case 'malformed':
      return [faults.malformed(scope)];
    case 'network-error':
      return [faults.networkError(scope)];
  }
}
