/**
 * `@tollgate/connectors/maersk/sandbox`: msw handlers imitating Maersk's
 * API gateway (stage): the OAuth2 token endpoint (Consumer-Key header, id and
 * secret in the form), Product Offers priced per container by zone and
 * sailing, and DCSA Track & Trace events with realistic container journeys.
 * Refuses a missing or wrong Consumer-Key the way the gateway does. Needs `msw`.
 * @packageDocumentation
 */
import { createHash } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import {
  dcsaError,
  dcsaEventsHandler,
  SANDBOX_PORTS,
  type SandboxOceanCarrier,
  sandboxDcsaEvents,
} from '../logistics/dcsa-sandbox.js';
import { oauth2Refusal, refuseTokenRequest, sandboxTokens } from '../logistics/sandbox-auth.js';
import { addBusinessDays, zoneBetween } from '../logistics/sandbox-pricing.js';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import { MAERSK_CONTAINERS, type MaerskConfig } from './schema.js';

export type { SandboxOceanCarrier } from '../logistics/dcsa-sandbox.js';
export { signDcsaNotification } from '../logistics/webhook-schemes.js';

/** The app the Maersk sandbox knows: its Consumer-Key and client secret. */
export const MAERSK_SANDBOX_CREDENTIALS = Object.freeze({
  consumerKey: 'TollgateMaerskDemoConsumerKey01',
  clientSecret: 'TollgateMaerskDemoClientSecret01',
});

/** Maersk as its sandbox plays it: lanes Asia–Europe, South Asia–Europe, Asia–US East Coast. */
export const MAERSK_SANDBOX_CARRIER: SandboxOceanCarrier = {
  scac: 'MAEU',
  containerPrefix: 'MSKU',
  lanes: [
    {
      service: 'AE7',
      pol: SANDBOX_PORTS.CNSHA,
      pod: SANDBOX_PORTS.DEHAM,
      vessels: [{ name: 'MAERSK ESSEN', imo: '9456771', callSign: 'OYGR2', flag: 'DK' }],
      sailingDays: 33,
    },
    {
      service: 'ME11',
      pol: SANDBOX_PORTS.BDCGP,
      transshipment: SANDBOX_PORTS.LKCMB,
      pod: SANDBOX_PORTS.NLRTM,
      vessels: [
        { name: 'MAERSK CHATTOGRAM', imo: '9618032', callSign: '9V2871', flag: 'SG' },
        { name: 'MAERSK KENSINGTON', imo: '9333046', callSign: 'OZNW2', flag: 'DK' },
      ],
      sailingDays: 26,
    },
    {
      service: 'TP12',
      pol: SANDBOX_PORTS.SGSIN,
      pod: SANDBOX_PORTS.USNYC,
      vessels: [{ name: 'MAERSK HIDALGO', imo: '9778791', callSign: 'OXKW2', flag: 'DK' }],
      sailingDays: 29,
    },
  ],
};

/** Spot freight for one 40' high cube, in US dollars, by zone. */
const BASE_40HC_USD: Record<2 | 3 | 4, bigint> = { 2: 1_180n, 3: 1_960n, 4: 2_640n };
/** Price of each container size-type relative to a 40' high cube, in percent. */
const CONTAINER_PERCENT: Record<string, bigint> = {
  '22G1': 61n,
  '42G1': 96n,
  '45G1': 100n,
  '22R1': 149n,
  '45R1': 187n,
};
const SAILING_PERCENT = [104n, 100n, 97n, 108n];
const VESSELS = ['MAERSK ESSEN', 'MAERSK KENSINGTON', 'MAERSK HIDALGO', 'MAERSK CHATTOGRAM'];

function gatewayFault(message: string, code: string): Response {
  return HttpResponse.json(
    { fault: { faultstring: message, detail: { errorcode: code } } },
    { status: 401 },
  );
}

function wednesdayOnOrAfter(date: string, weeks: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  const shift = (3 - day.getUTCDay() + 7) % 7;
  day.setUTCDate(day.getUTCDate() + shift + weeks * 7);
  return day.toISOString().slice(0, 10);
}

/**
 * The Maersk sandbox: msw handlers for `baseUrl` (default Maersk's stage
 * gateway), fault scenarios first. Tokens live per call of this factory.
 */
export function maerskSandbox(options: SandboxOptions<MaerskConfig>) {
  const base = options.baseUrl.replace(/\/$/, '');
  const tokens = sandboxTokens('maersk-sandbox');

  const refuseKey = (request: Request): Response | undefined => {
    const key = request.headers.get('consumer-key');
    if (!key)
      return gatewayFault(
        'Failed to resolve API Key variable request.header.Consumer-Key',
        'steps.oauth.v2.FailedToResolveAPIKey',
      );
    if (key !== MAERSK_SANDBOX_CREDENTIALS.consumerKey)
      return gatewayFault('Invalid ApiKey', 'oauth.v2.InvalidApiKey');
    return undefined;
  };

  return [
    ...scenarioHandlers(options),

    http.post(`${base}/customer-identity/oauth/v2/access_token`, async ({ request }) => {
      const refused = refuseKey(request);
      if (refused) return refused;
      const refusal = await refuseTokenRequest(
        request,
        {
          clientId: MAERSK_SANDBOX_CREDENTIALS.consumerKey,
          clientSecret: MAERSK_SANDBOX_CREDENTIALS.clientSecret,
        },
        ['client_secret_post'],
      );
      if (refusal) return oauth2Refusal(refusal, 'Client authentication failed');
      return HttpResponse.json({
        access_token: tokens.issue(),
        token_type: 'Bearer',
        expires_in: 7199,
        scope: 'openid',
      });
    }),

    dcsaEventsHandler({
      url: `${base}${options.config?.eventsPath ?? '/track-and-trace-private/events'}`,
      carrier: MAERSK_SANDBOX_CARRIER,
      refuse: refuseKey,
      tokens,
      envelope: 'object',
    }),

    http.get(`${base}/offers/v1/products/:productCode`, ({ request, params }) => {
      const refused = refuseKey(request);
      if (refused) return refused;
      if (params.productCode !== 'MaerskSpot') {
        return dcsaError(404, request, 'notFound', `Unknown product ${String(params.productCode)}`);
      }
      return HttpResponse.json({
        productCode: 'MaerskSpot',
        productVersion: '1.4',
        productName: 'Maersk Spot',
        description: 'Price and loading guaranteed; two-way commitment',
      });
    }),

    http.get(`${base}/offers/v2/offers/brand/:brand/departuredate/:date`, ({ request, params }) => {
      const refused = refuseKey(request);
      if (refused) return refused;
      const brand = String(params.brand);
      const date = String(params.date);
      if (!['maeu', 'seau', 'sejj', 'mcpu'].includes(brand)) {
        return dcsaError(400, request, 'invalidParameter', `Unknown brandScac ${brand}`);
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        return dcsaError(400, request, 'invalidParameter', 'departureDate must be YYYY-MM-DD');
      }
      const query = new URL(request.url).searchParams;
      const origin = query.get('originUnLocCode') ?? '';
      const destination = query.get('destinationUnLocCode') ?? '';
      const iso = query.get('containerIsoCode') ?? '';
      const count = Number(query.get('containerCount') ?? '1');
      if (!/^[A-Z]{5}$/.test(origin) || !/^[A-Z]{5}$/.test(destination)) {
        return dcsaError(
          400,
          request,
          'invalidQuery',
          'originUnLocCode and destinationUnLocCode are required',
        );
      }
      if (!(Object.values(MAERSK_CONTAINERS) as string[]).includes(iso)) {
        return dcsaError(400, request, 'invalidParameter', `Unsupported containerIsoCode ${iso}`);
      }
      if (!Number.isInteger(count) || count < 1 || count > 50) {
        return dcsaError(400, request, 'invalidParameter', 'containerCount must be 1 to 50');
      }
      const zone = zoneBetween(origin.slice(0, 2), destination.slice(0, 2));
      if (zone === 1) return HttpResponse.json({ offers: [] });
      const hash = createHash('sha256').update(`${origin}-${destination}`).digest();
      const transit = zone === 2 ? 6 : zone === 3 ? 19 : 27 + ((hash[0] ?? 0) % 8);
      const perContainer = (BASE_40HC_USD[zone] * (CONTAINER_PERCENT[iso] ?? 100n)) / 100n;
      const offers = SAILING_PERCENT.slice(0, 3).map((percent, week) => {
        const departure = wednesdayOnOrAfter(date, week);
        const arrival = addBusinessDays(departure, Math.round((transit * 5) / 7));
        const total = ((perContainer * percent) / 100n) * BigInt(count);
        return {
          priceId: `${brand.toUpperCase()}-${origin}${destination}-${departure.replaceAll('-', '')}-${iso}-${count}`,
          productCode: 'MaerskSpot',
          productName: brand === 'maeu' ? 'Maersk Spot' : 'Sealand Spot',
          productVersion: '1.4',
          brandScac: brand.toUpperCase(),
          originUnLocCode: origin,
          destinationUnLocCode: destination,
          containerIsoCode: iso,
          containerCount: count,
          departureDate: `${departure}T18:00:00`,
          arrivalDate: `${arrival}T06:00:00`,
          transitTime: transit,
          vesselName: VESSELS[((hash[1] ?? 0) + week) % VESSELS.length],
          voyageNumber: `${((hash[2] ?? 0) % 5) + 5}${String(10 + week).padStart(2, '0')}W`,
          totalPrice: { amount: Number(total), currency: 'USD' },
          priceBreakdown: [
            {
              chargeCode: 'BAS',
              chargeName: 'Basic Ocean Freight',
              amount: Number((total * 74n) / 100n),
              currency: 'USD',
              basis: 'PerContainer',
            },
            {
              chargeCode: 'BUC',
              chargeName: 'Bunker Surcharge',
              amount: Number(total - (total * 74n) / 100n),
              currency: 'USD',
              basis: 'PerContainer',
            },
          ],
        };
      });
      return HttpResponse.json({ offers });
    }),
  ];
}

/** The sandbox's DCSA events for a reference, as a DCSA notification body (for webhook tests). */
export function maerskSandboxNotification(reference: string): string {
  return JSON.stringify(sandboxDcsaEvents(reference, MAERSK_SANDBOX_CARRIER));
}
