export {
  type SandboxCarrierId,
  type SandboxIntegrationId,
  type SandboxIntegrationScenario,
  type SandboxIntegrations,
  type SandboxIntegrationsOptions,
  sandboxIntegrations,
} from './sandbox-integrations.js';
