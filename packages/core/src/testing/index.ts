/**
 * `@tollgate/core/testing`: run connectors against their msw sandboxes, with
 * faults. Needs `msw` (an optional peer dependency of `@tollgate/core`).
 * @packageDocumentation
 */
export { type ConnectSandboxOptions, connectSandbox } from './connect-sandbox.js';
export { type FaultOptions, faults } from './faults.js';
export {
  createSandboxFetch,
  type SandboxFetch,
  type SandboxFetchOptions,
} from './sandbox-fetch.js';
