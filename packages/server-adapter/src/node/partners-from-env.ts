import { bankSwift } from '@tollgate/connectors/bank-swift';
import { customs } from '@tollgate/connectors/customs';
import { dhlExpress } from '@tollgate/connectors/dhl-express';
import { fedex } from '@tollgate/connectors/fedex';
import { fxEcb } from '@tollgate/connectors/fx-ecb';
import { maersk } from '@tollgate/connectors/maersk';
import { msc } from '@tollgate/connectors/msc';
import { ups } from '@tollgate/connectors/ups';
import { isTollgateError, ValidationError } from '@tollgate/core';
import type { TollgateIntegrations } from '../app.js';

/** A connector the server can connect to its real partner, and the integration kind it serves. */
interface PartnerConnector {
  kind: keyof TollgateIntegrations;
  // biome-ignore lint/suspicious/noExplicitAny: each connector has its own config and credential types, checked by its own schemas.
  connect(options: any): unknown;
}

/** Every trade connector, by integration id (its connector id), as `pnpm start` registers them. */
const PARTNERS: Readonly<Record<string, PartnerConnector>> = {
  'bank-swift': { kind: 'bank', connect: (options) => bankSwift.connect(options) },
  customs: { kind: 'customs', connect: (options) => customs.connect(options) },
  'dhl-express': { kind: 'logistics', connect: (options) => dhlExpress.connect(options) },
  fedex: { kind: 'logistics', connect: (options) => fedex.connect(options) },
  ups: { kind: 'logistics', connect: (options) => ups.connect(options) },
  maersk: { kind: 'logistics', connect: (options) => maersk.connect(options) },
  msc: { kind: 'logistics', connect: (options) => msc.connect(options) },
  'fx-ecb': { kind: 'fx', connect: (options) => fxEcb.connect(options) },
};

/** The integration ids {@link partnersFromEnv} knows. */
export const PARTNER_INTEGRATION_IDS: readonly string[] = Object.keys(PARTNERS);

/** `TOLLGATE_<ID>_<PART>`: `bank-swift` + `CREDENTIALS` is `TOLLGATE_BANK_SWIFT_CREDENTIALS`. */
export function partnerEnvName(
  integrationId: string,
  part: 'CREDENTIALS' | 'CONFIG' | 'BASE_URL',
): string {
  return `TOLLGATE_${integrationId.toUpperCase().replaceAll('-', '_')}_${part}`;
}

function invalid(variable: string, message: string): ValidationError {
  return new ValidationError(`Invalid environment: ${variable} ${message}.`, [
    { path: [variable], code: 'invalid_value', message: `${variable} ${message}` },
  ]);
}

function jsonObject(env: Record<string, string | undefined>, variable: string): object | undefined {
  const text = env[variable];
  if (text === undefined || text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Never echo the text: it holds secrets.
    throw invalid(variable, 'is not a JSON object');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(variable, 'is not a JSON object');
  }
  return value;
}

/**
 * The real partners to connect, from the environment: for each trade connector
 * whose `TOLLGATE_<ID>_CREDENTIALS` is set (a JSON object of that connector's
 * credentials; `{}` for the ECB, which needs none), a client in its
 * `production` environment, with `TOLLGATE_<ID>_CONFIG` (JSON, default `{}`) and
 * an optional `TOLLGATE_<ID>_BASE_URL`, under an integration id equal to its
 * connector id. Each is checked by the connector's own schemas; a bad value is
 * a `ValidationError` naming the variable and the field, never the value.
 */
export function partnersFromEnv(env: Record<string, string | undefined> = process.env): {
  integrations: TollgateIntegrations;
  connected: string[];
} {
  const integrations: Record<string, Record<string, unknown>> = {};
  const connected: string[] = [];
  for (const [id, partner] of Object.entries(PARTNERS)) {
    const credentialsVariable = partnerEnvName(id, 'CREDENTIALS');
    const credentials = jsonObject(env, credentialsVariable);
    if (credentials === undefined) continue;
    const config = jsonObject(env, partnerEnvName(id, 'CONFIG')) ?? {};
    const baseUrl = env[partnerEnvName(id, 'BASE_URL')];
    let client: unknown;
    try {
      client = partner.connect({
        environment: 'production',
        config,
        credentials,
        ...(baseUrl === undefined || baseUrl === '' ? {} : { baseUrl }),
      });
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(
          `Invalid environment: ${credentialsVariable} or ${partnerEnvName(id, 'CONFIG')} does not fit the ${id} connector.`,
          error.issues,
        );
      }
      throw isTollgateError(error) ? error : invalid(credentialsVariable, `cannot connect ${id}`);
    }
    integrations[partner.kind] = { ...integrations[partner.kind], [id]: client };
    connected.push(id);
  }
  return { integrations: integrations as TollgateIntegrations, connected };
}
