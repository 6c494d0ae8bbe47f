/**
 * `@tollgate/connectors/msc/sandbox`: msw handlers imitating an MSC DCSA
 * Track & Trace 2.2 endpoint behind an OAuth2 client-credentials token:
 * `POST /oauth2/token` and `GET /v2/events` with realistic container
 * journeys, DCSA error documents for bad queries and tokens. Needs `msw`.
 * @packageDocumentation
 */
import { HttpResponse, http } from 'msw';
import {
  dcsaEventsHandler,
  SANDBOX_PORTS,
  type SandboxOceanCarrier,
  sandboxDcsaEvents,
} from '../logistics/dcsa-sandbox.js';
import { oauth2Refusal, refuseTokenRequest, sandboxTokens } from '../logistics/sandbox-auth.js';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import type { MscConfig } from './schema.js';

export type { SandboxOceanCarrier } from '../logistics/dcsa-sandbox.js';
export { signDcsaNotification } from '../logistics/webhook-schemes.js';

/** The OAuth2 client the MSC sandbox accepts. */
export const MSC_SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'tollgate-msc-demo-client',
  clientSecret: 'tollgate-msc-demo-secret-0001',
});

/** The token endpoint of the MSC sandbox (set it as `config.tokenUrl`). */
export const MSC_SANDBOX_TOKEN_URL = 'https://msc.sandbox.tollgate.test/oauth2/token';

const VESSELS = {
  aurora: { name: 'MSC AURORA', imo: '9806251', callSign: '3FZB9', flag: 'PA' },
  lorena: { name: 'MSC LORENA', imo: '8939013', callSign: 'D5QM7', flag: 'LR' },
  chattogram: { name: 'MSC CHATTOGRAM', imo: '9618032', callSign: '9HA5123', flag: 'MT' },
};

/** MSC as its sandbox plays it: lanes Asia–Europe, South Asia–Europe, Gulf–India. */
export const MSC_SANDBOX_CARRIER: SandboxOceanCarrier = {
  scac: 'MSCU',
  containerPrefix: 'MEDU',
  lanes: [
    {
      service: 'SWAN',
      pol: SANDBOX_PORTS.CNSHA,
      transshipment: SANDBOX_PORTS.SGSIN,
      pod: SANDBOX_PORTS.BEANR,
      vessels: [VESSELS.aurora, VESSELS.lorena],
      sailingDays: 31,
    },
    {
      service: 'IPAK',
      pol: SANDBOX_PORTS.BDCGP,
      transshipment: SANDBOX_PORTS.LKCMB,
      pod: SANDBOX_PORTS.DEHAM,
      vessels: [VESSELS.chattogram, VESSELS.aurora],
      sailingDays: 28,
    },
    {
      service: 'MEX',
      pol: SANDBOX_PORTS.AEJEA,
      pod: SANDBOX_PORTS.INNSA,
      vessels: [VESSELS.lorena],
      sailingDays: 5,
    },
  ],
};

/**
 * The MSC sandbox: msw handlers for `baseUrl`, fault scenarios first.
 * Tokens live per call of this factory.
 */
export function mscSandbox(options: SandboxOptions<MscConfig>) {
  const base = options.baseUrl.replace(/\/$/, '');
  const tokens = sandboxTokens('msc-sandbox');
  return [
    ...scenarioHandlers(options),

    http.post(`${base}/oauth2/token`, async ({ request }) => {
      const refusal = await refuseTokenRequest(request, MSC_SANDBOX_CREDENTIALS, [
        'client_secret_post',
        'client_secret_basic',
      ]);
      if (refusal) return oauth2Refusal(refusal, 'Invalid client credentials');
      return HttpResponse.json({
        access_token: tokens.issue(),
        token_type: 'Bearer',
        expires_in: 3599,
      });
    }),

    dcsaEventsHandler({
      url: `${base}${options.config?.eventsPath ?? '/v2/events'}`,
      carrier: MSC_SANDBOX_CARRIER,
      tokens,
    }),
  ];
}

/** The sandbox's DCSA events for a reference, as a DCSA notification body (for webhook tests). */
export function mscSandboxNotification(reference: string): string {
  return JSON.stringify(sandboxDcsaEvents(reference, MSC_SANDBOX_CARRIER));
}
