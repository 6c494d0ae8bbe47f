import type { z } from 'zod';
import type {
  AnySchema,
  ConnectOptions,
  Connector,
  ConnectorClient,
  OperationSchemas,
  SandboxHandler,
} from '../connector/types.js';
import { createSandboxFetch, type SandboxFetch } from './sandbox-fetch.js';

/** Options of {@link connectSandbox}: `connect` options without environment and fetch. */
export type ConnectSandboxOptions<C extends AnySchema, K extends AnySchema> = Omit<
  ConnectOptions<C, K>,
  'environment' | 'fetch'
> & {
  /** Faults placed in front of the sandbox from the start (see `faults`). */
  faults?: readonly SandboxHandler[];
  /**
   * The sandbox's handler factory, when the connector does not carry one
   * itself: connectors that keep msw out of their production import ship it
   * at a separate subpath (`@tollgate/connectors/dhl-express/sandbox`).
   */
  sandbox?: (connection: { baseUrl: string; config?: z.output<C> }) => readonly SandboxHandler[];
};

/**
 * Connect a connector to its own sandbox: its msw handlers answer in-process
 * through {@link createSandboxFetch}. Returns the client and the sandbox (to
 * inject faults later with `sandbox.use(...)` and to read `sandbox.requests`).
 */
export function connectSandbox<
  Id extends string,
  C extends AnySchema,
  K extends AnySchema,
  Ops extends Record<string, OperationSchemas>,
  W extends AnySchema,
>(
  connector: Connector<Id, C, K, Ops, W>,
  options: ConnectSandboxOptions<C, K>,
): { client: ConnectorClient<Id, Ops, W>; sandbox: SandboxFetch } {
  const sandboxFactory = options.sandbox ?? connector.sandbox;
  if (!sandboxFactory) {
    throw new TypeError(`Connector "${connector.id}" ships no sandbox handlers`);
  }
  const baseUrl = options.baseUrl ?? connector.environments.sandbox;
  const config = connector.config.safeParse(options.config);
  const handlers = sandboxFactory({
    baseUrl,
    ...(config.success ? { config: config.data as z.output<C> } : {}),
  });
  const sandbox = createSandboxFetch(handlers);
  if (options.faults?.length) sandbox.use(...options.faults);
  const { faults: _faults, sandbox: _sandbox, ...connectOptions } = options;
  const client = connector.connect({ ...connectOptions, environment: 'sandbox', fetch: sandbox });
  return { client, sandbox };
}
