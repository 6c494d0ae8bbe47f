import { bankSwift } from '@tollgate/connectors/bank-swift';
import {
  BANK_SWIFT_SANDBOX_CREDENTIALS,
  type BankSwiftGatewayOptions,
  createBankSwiftGateway,
} from '@tollgate/connectors/bank-swift/sandbox';
import { customs } from '@tollgate/connectors/customs';
import {
  CUSTOMS_SANDBOX_CREDENTIALS,
  CUSTOMS_SANDBOX_WEBHOOK_SECRET,
  createCustomsOutbox,
  customsSandbox,
} from '@tollgate/connectors/customs/sandbox';
import { dhlExpress } from '@tollgate/connectors/dhl-express';
import {
  DHL_EXPRESS_SANDBOX_CREDENTIALS,
  dhlExpressSandbox,
} from '@tollgate/connectors/dhl-express/sandbox';
import { fedex } from '@tollgate/connectors/fedex';
import { FEDEX_SANDBOX_CREDENTIALS, fedexSandbox } from '@tollgate/connectors/fedex/sandbox';
import { fxEcb } from '@tollgate/connectors/fx-ecb';
import { fxEcbSandbox } from '@tollgate/connectors/fx-ecb/sandbox';
import { maersk } from '@tollgate/connectors/maersk';
import { MAERSK_SANDBOX_CREDENTIALS, maerskSandbox } from '@tollgate/connectors/maersk/sandbox';
import { msc } from '@tollgate/connectors/msc';
import {
  MSC_SANDBOX_CREDENTIALS,
  MSC_SANDBOX_TOKEN_URL,
  mscSandbox,
} from '@tollgate/connectors/msc/sandbox';
import { ups } from '@tollgate/connectors/ups';
import { UPS_SANDBOX_CREDENTIALS, upsSandbox } from '@tollgate/connectors/ups/sandbox';
import type { TransportOptions } from '@tollgate/core';
import { connectSandbox, type SandboxFetch } from '@tollgate/core/testing';
import type { TollgateIntegrations } from '../app.js';
import type { BankSwiftClient } from '../routes/bank.js';
import type { CustomsClient } from '../routes/customs.js';
import type { FxClient } from '../routes/fx.js';
import type { LogisticsClient } from '../routes/logistics.js';

/** A fault a partner's sandbox plays on every request (see `@tollgate/connectors`' sandboxes). */
export type SandboxIntegrationScenario =
  | 'rate-limited'
  | 'server-error'
  | 'slow'
  | 'malformed'
  | 'network-error';

/** Options of {@link sandboxIntegrations}. */
export interface SandboxIntegrationsOptions {
  /** Play this fault on every partner (not the bank gateway); default none: partners answer normally. */
  scenario?: SandboxIntegrationScenario;
  /** Transport options of every client (retries, timeouts …). */
  transport?: TransportOptions;
  /** Options of the simulated SWIFT gateway (NAKs, MT750 advice, clock …). */
  bankGateway?: Omit<BankSwiftGatewayOptions, 'webhooks'>;
  /**
   * Have the SWIFT gateway sign its status callbacks (ACK/NAK, delivery) with
   * `secret` and hand each to `deliver` — e.g. `(request) => app.fetch(request)`,
   * the server's own `POST /webhooks/bank-swift` — and the `bank-swift` client
   * verify them with the same secret. The gateway sends them when stepped
   * (`bankGateway.advance()`).
   */
  bankWebhooks?: { secret: string; deliver: (request: Request) => unknown; url?: string };
}

/** The carriers {@link sandboxIntegrations} registers, by integration id. */
export type SandboxCarrierId = 'dhl-express' | 'fedex' | 'ups' | 'maersk' | 'msc';

/** Every integration id {@link sandboxIntegrations} registers. */
export type SandboxIntegrationId = 'bank-swift' | 'customs' | SandboxCarrierId | 'fx-ecb';

/** Every trade connector connected to its sandbox, and the sandboxes (what reached each partner). */
export interface SandboxIntegrations {
  /** For `createTollgateApp({ integrations })`: each connector under an integration id equal to its connector id. */
  integrations: {
    bank: Record<'bank-swift', BankSwiftClient>;
    customs: Record<'customs', CustomsClient>;
    logistics: Record<SandboxCarrierId, LogisticsClient>;
    fx: Record<'fx-ecb', FxClient>;
  } & TollgateIntegrations;
  /** Each partner's sandbox `fetch`, by integration id: `requests` lists what it received. */
  sandboxes: Record<SandboxIntegrationId, SandboxFetch>;
  /** The simulated SWIFT gateway behind `bank-swift` (its messages, reports and callbacks). */
  bankGateway: ReturnType<typeof createBankSwiftGateway>;
  /**
   * The customs gateway's signed status callbacks, issued as declarations are
   * lodged: `take()` them and POST each to `/webhooks/customs` (`toRequest()`).
   */
  customsOutbox: ReturnType<typeof createCustomsOutbox>;
}

/**
 * Connect every trade connector of `@tollgate/connectors` to the sandbox that
 * imitates its partner, each registered under an integration id equal to its
 * connector id: bank `bank-swift`; customs `customs`; logistics `dhl-express`,
 * `fedex`, `ups`, `maersk`, `msc`; FX `fx-ecb`. The code under test (transport,
 * auth, retries, parsing) runs as in production; only the partner is simulated,
 * in-process. What `pnpm start` serves, and what tests run against.
 */
export function sandboxIntegrations(options: SandboxIntegrationsOptions = {}): SandboxIntegrations {
  const scenario = options.scenario === undefined ? {} : { scenario: options.scenario };
  const transport = options.transport === undefined ? {} : { transport: options.transport };
  const sandboxes = {} as Record<SandboxIntegrationId, SandboxFetch>;
  const keep = <T extends { client: unknown; sandbox: SandboxFetch }>(
    id: SandboxIntegrationId,
    connected: T,
  ) => {
    sandboxes[id] = connected.sandbox;
    return connected.client as T['client'];
  };

  const hooks = options.bankWebhooks;
  const bankGateway = createBankSwiftGateway({
    ...options.bankGateway,
    ...(hooks === undefined
      ? {}
      : {
          webhooks: {
            url: hooks.url ?? 'http://tollgate.sandbox/webhooks/bank-swift',
            secret: hooks.secret,
            deliver: hooks.deliver,
          },
        }),
  });
  const bank = keep(
    'bank-swift',
    connectSandbox(bankSwift, {
      sandbox: bankGateway.sandbox,
      config: {},
      credentials: {
        ...BANK_SWIFT_SANDBOX_CREDENTIALS,
        ...(hooks === undefined ? {} : { webhookSecret: hooks.secret }),
      },
      ...transport,
    }),
  );
  const customsOutbox = createCustomsOutbox();
  const customsGateway = keep(
    'customs',
    connectSandbox(customs, {
      config: { submitterIdentifier: 'BD000123456789' },
      credentials: {
        ...CUSTOMS_SANDBOX_CREDENTIALS,
        webhookSecret: CUSTOMS_SANDBOX_WEBHOOK_SECRET,
      },
      sandbox: (connection) =>
        customsSandbox({ ...connection, ...scenario, outbox: customsOutbox }),
      ...transport,
    }),
  );
  const dhl = keep(
    'dhl-express',
    connectSandbox(dhlExpress, {
      config: {
        accountNumber: '123456789',
        placeDefaults: { DE: { city: 'Bonn' }, BD: { city: 'Dhaka' } },
      },
      credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
      sandbox: (connection) => dhlExpressSandbox({ ...connection, ...scenario }),
      ...transport,
    }),
  );
  const fedexClient = keep(
    'fedex',
    connectSandbox(fedex, {
      config: { accountNumber: '740561073' },
      credentials: FEDEX_SANDBOX_CREDENTIALS,
      sandbox: (connection) => fedexSandbox({ ...connection, ...scenario }),
      ...transport,
    }),
  );
  const upsClient = keep(
    'ups',
    connectSandbox(ups, {
      config: { accountNumber: 'A1B2C3' },
      credentials: UPS_SANDBOX_CREDENTIALS,
      sandbox: (connection) => upsSandbox({ ...connection, ...scenario }),
      ...transport,
    }),
  );
  const maerskClient = keep(
    'maersk',
    connectSandbox(maersk, {
      config: {},
      credentials: MAERSK_SANDBOX_CREDENTIALS,
      sandbox: (connection) => maerskSandbox({ ...connection, ...scenario }),
      ...transport,
    }),
  );
  const mscClient = keep(
    'msc',
    connectSandbox(msc, {
      config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
      credentials: MSC_SANDBOX_CREDENTIALS,
      sandbox: (connection) => mscSandbox({ ...connection, ...scenario }),
      ...transport,
    }),
  );
  const ecb = keep(
    'fx-ecb',
    connectSandbox(fxEcb, {
      config: {},
      credentials: {},
      sandbox: (connection) => fxEcbSandbox({ ...connection, ...scenario }),
      ...transport,
    }),
  );

  return {
    integrations: {
      bank: { 'bank-swift': bank },
      customs: { customs: customsGateway },
      logistics: {
        'dhl-express': dhl,
        fedex: fedexClient,
        ups: upsClient,
        maersk: maerskClient,
        msc: mscClient,
      },
      fx: { 'fx-ecb': ecb },
    },
    sandboxes,
    bankGateway,
    customsOutbox,
  };
}
