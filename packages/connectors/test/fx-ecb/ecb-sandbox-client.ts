import type { ConnectorTransportDefaults } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { type FxEcbConfig, fxEcb } from '../../src/fx-ecb/index.js';
import { type FxEcbSandboxOptions, fxEcbSandbox } from '../../src/fx-ecb/sandbox.js';

/** Short retry delays so fault tests stay fast; the retry table itself is the production one. */
export const FAST_RETRIES: ConnectorTransportDefaults = {
  retry: { baseDelayMs: 5, maxDelayMs: 20, jitter: false },
};

/** Connect `fxEcb` to its sandbox with a config, sandbox options (scenario, files) and transport overrides. */
export function connectEcb(
  options: {
    config?: Partial<Record<keyof FxEcbConfig, unknown>>;
    sandbox?: Omit<FxEcbSandboxOptions, 'baseUrl' | 'config'>;
    transport?: ConnectorTransportDefaults;
  } = {},
) {
  return connectSandbox(fxEcb, {
    config: (options.config ?? {}) as never,
    credentials: {},
    sandbox: (connection) => fxEcbSandbox({ ...connection, ...options.sandbox }),
    transport: { ...FAST_RETRIES, ...options.transport },
  });
}
