/**
 * `@tollgate/connectors/fedex/sandbox`: msw handlers imitating the FedEx REST
 * APIs (sandbox environment): the OAuth2 token endpoint, Rate, Ship, Track,
 * Pickup and Address Validation, with FedEx's `{ transactionId, errors }`
 * documents for bad requests and bad credentials, and a signer for
 * tracking-webhook pushes. Needs `msw`.
 * @packageDocumentation
 */
import { randomUUID } from 'node:crypto';
import { type CurrencyCode, isCurrencyCode } from '@tollgate/core';
import { HttpResponse, http } from 'msw';
import { refuseTokenRequest, sandboxTokens } from '../logistics/sandbox-auth.js';
import {
  isUnknownTrackingNumber,
  type JourneyPlace,
  localIso,
  type Milestone,
  type MilestoneKind,
  parcelJourney,
  sandboxDigits,
} from '../logistics/sandbox-journeys.js';
import { sandboxLabelPdf } from '../logistics/sandbox-labels.js';
import {
  addBusinessDays,
  chargeableGrams,
  type SandboxProduct,
  sandboxPrice,
} from '../logistics/sandbox-pricing.js';
import { jsonObjectBody, missingPaths, valueAt } from '../logistics/sandbox-requests.js';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import {
  FEDEX_POSTAL_AWARE_COUNTRIES,
  fedexCurrencyOfIso,
  fedexTransitTime,
  isoCurrencyOfFedex,
} from './codes.js';
import type { FedexConfig } from './schema.js';

export { signFedexWebhook } from '../logistics/webhook-schemes.js';

/** The OAuth2 client the FedEx sandbox accepts; any other gets FedEx's 401. */
export const FEDEX_SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'l7tollgate0fedex0demo0client',
  clientSecret: 'tollgate-fedex-demo-secret',
});

const INTERNATIONAL: readonly SandboxProduct[] = [
  {
    code: 'INTERNATIONAL_FIRST',
    name: 'FedEx International First®',
    serviceType: 'express',
    pricePercent: 182n,
    extraDays: 0,
  },
  {
    code: 'FEDEX_INTERNATIONAL_PRIORITY',
    name: 'FedEx International Priority®',
    serviceType: 'express',
    pricePercent: 104n,
    extraDays: 0,
  },
  {
    code: 'INTERNATIONAL_ECONOMY',
    name: 'FedEx International Economy®',
    serviceType: 'economy',
    pricePercent: 77n,
    extraDays: 2,
  },
  {
    code: 'FEDEX_INTERNATIONAL_CONNECT_PLUS',
    name: 'FedEx International Connect Plus',
    serviceType: 'economy',
    pricePercent: 69n,
    extraDays: 4,
  },
];
const DOMESTIC: readonly SandboxProduct[] = [
  {
    code: 'PRIORITY_OVERNIGHT',
    name: 'FedEx Priority Overnight®',
    serviceType: 'express',
    pricePercent: 100n,
    extraDays: 0,
  },
  {
    code: 'STANDARD_OVERNIGHT',
    name: 'FedEx Standard Overnight®',
    serviceType: 'express',
    pricePercent: 87n,
    extraDays: 0,
  },
  {
    code: 'FEDEX_2_DAY',
    name: 'FedEx 2Day®',
    serviceType: 'economy',
    pricePercent: 61n,
    extraDays: 1,
  },
  {
    code: 'FEDEX_GROUND',
    name: 'FedEx Ground®',
    serviceType: 'economy',
    pricePercent: 38n,
    extraDays: 3,
  },
];
const COMMIT_TIME: Record<string, string> = {
  INTERNATIONAL_FIRST: '08:00:00',
  FEDEX_INTERNATIONAL_PRIORITY: '10:30:00',
  PRIORITY_OVERNIGHT: '10:30:00',
  STANDARD_OVERNIGHT: '16:30:00',
};

const HUBS = {
  NA: { city: 'Memphis', countryCode: 'US', facility: 'MEM', utcOffset: '-06:00' },
  EU: { city: 'Paris', countryCode: 'FR', facility: 'CDG', utcOffset: '+01:00' },
  EA: { city: 'Guangzhou', countryCode: 'CN', facility: 'CAN', utcOffset: '+08:00' },
  SA: { city: 'Guangzhou', countryCode: 'CN', facility: 'CAN', utcOffset: '+08:00' },
  ME: { city: 'Dubai', countryCode: 'AE', facility: 'DXB', utcOffset: '+04:00' },
  default: { city: 'Memphis', countryCode: 'US', facility: 'MEM', utcOffset: '-06:00' },
} satisfies Record<string, JourneyPlace>;

interface Scan {
  code: string;
  text: string;
  derived: string;
  exception?: string;
}

const SCANS: Record<MilestoneKind, Scan> = {
  label_created: { code: 'OC', text: 'Shipment information sent to FedEx', derived: 'IN' },
  picked_up: { code: 'PU', text: 'Picked up', derived: 'PU' },
  processed_origin: { code: 'AR', text: 'Arrived at FedEx location', derived: 'IT' },
  departed_origin: { code: 'DP', text: 'Left FedEx origin facility', derived: 'IT' },
  arrived_hub: { code: 'AR', text: 'Arrived at FedEx hub', derived: 'IT' },
  departed_hub: { code: 'DP', text: 'Departed FedEx hub', derived: 'IT' },
  arrived_destination: { code: 'AR', text: 'At destination sort facility', derived: 'IT' },
  customs_processing: { code: 'CP', text: 'Clearance in progress', derived: 'CD' },
  customs_released: { code: 'CC', text: 'International shipment release - Import', derived: 'IT' },
  customs_hold: {
    code: 'CD',
    text: 'Clearance delay - Import',
    derived: 'CD',
    exception: 'Regulatory agency clearance delay',
  },
  out_for_delivery: { code: 'OD', text: 'On FedEx vehicle for delivery', derived: 'OD' },
  delivery_attempted: {
    code: 'DE',
    text: 'Delivery exception',
    derived: 'DE',
    exception: 'Customer not available or business closed',
  },
  delivered: { code: 'DL', text: 'Delivered', derived: 'DL' },
};

function errors(status: number, code: string, message: string): Response {
  return HttpResponse.json(
    { transactionId: randomUUID(), errors: [{ code, message }] },
    { status },
  );
}

const invalidInput = (message = 'Invalid field value in the input') =>
  errors(400, 'INVALID.INPUT.EXCEPTION', message);

/** FedEx's 400 naming the first of `paths` (`a/0/b`) that `body` lacks, if it lacks any. */
function missingInput(body: unknown, paths: readonly string[]): Response | undefined {
  const [first] = missingPaths(body, paths);
  return first === undefined
    ? undefined
    : invalidInput(`${first.replaceAll('/', '.')} is required`);
}

function scanEvent(milestone: Milestone) {
  const scan = SCANS[milestone.kind];
  return {
    date: localIso(milestone.at, milestone.place.utcOffset),
    eventType: scan.code,
    eventDescription: scan.text,
    ...(scan.exception === undefined
      ? {}
      : { exceptionCode: scan.code, exceptionDescription: scan.exception }),
    scanLocation: {
      city: milestone.place.city.toUpperCase(),
      countryCode: milestone.place.countryCode,
      residential: false,
    },
    locationType: milestone.kind === 'delivered' ? 'DELIVERY_LOCATION' : 'FEDEX_FACILITY',
    derivedStatusCode: scan.derived,
    derivedStatus: scan.text,
  };
}

interface CreatedShipment {
  serviceType: string;
  createdAt: Date;
  origin: JourneyPlace;
  estimatedDelivery: string;
}

function place(city: unknown, countryCode: unknown): JourneyPlace {
  return {
    city: String(city ?? 'Unknown'),
    countryCode: String(countryCode ?? 'US'),
    facility: String(countryCode ?? 'US'),
    utcOffset: '+00:00',
  };
}

type FedexPackage = {
  weight?: { units?: string; value?: number };
  dimensions?: { length?: number; width?: number; height?: number };
};

function kilograms(pkg: FedexPackage): string {
  const value = pkg.weight?.value ?? 0;
  const kilos = pkg.weight?.units === 'LB' ? value * 0.45359237 : value;
  return (Math.ceil(kilos * 1000) / 1000).toFixed(3);
}

/** What `requestedPackageLineItems` misses, as FedEx's error message; `undefined` when fine. */
function packageProblem(items: unknown): string | undefined {
  if (!Array.isArray(items) || items.length === 0) {
    return 'requestedShipment.requestedPackageLineItems is required';
  }
  for (const item of items as FedexPackage[]) {
    if (!(item.weight?.value && item.weight.value > 0)) {
      return 'requestedPackageLineItems.weight.value must be greater than 0';
    }
    if (item.weight.units !== 'KG' && item.weight.units !== 'LB') {
      return 'requestedPackageLineItems.weight.units must be KG or LB';
    }
  }
  return undefined;
}

function rate(
  origin: string,
  destination: string,
  shipDate: string,
  currency: CurrencyCode,
  items: FedexPackage[],
) {
  const products = origin === destination ? DOMESTIC : INTERNATIONAL;
  const grams = chargeableGrams(
    items.map((item) => ({
      weightKg: kilograms(item),
      lengthCm: item.dimensions?.length,
      widthCm: item.dimensions?.width,
      heightCm: item.dimensions?.height,
    })),
  );
  return products.map((product) => {
    const listPrice = sandboxPrice(
      origin,
      destination,
      grams,
      { ...product, pricePercent: product.pricePercent + 12n },
      currency,
    );
    const accountPrice = sandboxPrice(origin, destination, grams, product, currency);
    const delivery = addBusinessDays(shipDate, accountPrice.transitDays);
    const fedexCurrency = fedexCurrencyOfIso(currency);
    return {
      serviceType: product.code,
      serviceName: product.name,
      packagingType: 'YOUR_PACKAGING',
      ratedShipmentDetails: [
        {
          rateType: 'ACCOUNT',
          ratedWeightMethod: 'ACTUAL',
          totalNetCharge: Number(accountPrice.decimal),
          totalNetFedExCharge: Number(accountPrice.decimal),
          currency: fedexCurrency,
          shipmentRateDetail: {
            rateZone: origin === destination ? '02' : 'F',
            currency: fedexCurrency,
          },
        },
        {
          rateType: 'LIST',
          ratedWeightMethod: 'ACTUAL',
          totalNetCharge: Number(listPrice.decimal),
          totalNetFedExCharge: Number(listPrice.decimal),
          currency: fedexCurrency,
          shipmentRateDetail: { currency: fedexCurrency },
        },
      ],
      operationalDetail: {
        transitTime: fedexTransitTime(accountPrice.transitDays),
        deliveryDate: `${delivery}T${COMMIT_TIME[product.code] ?? '23:59:00'}`,
      },
      commit: {
        dateDetail: {
          dayOfWeek: new Date(`${delivery}T00:00:00Z`).toUTCString().slice(0, 3).toUpperCase(),
          dayFormat: `${delivery}T${COMMIT_TIME[product.code] ?? '23:59:00'}`,
        },
      },
    };
  });
}

function needsPostalCode(address: unknown): boolean {
  const country = String(valueAt(address, 'countryCode') ?? '');
  return FEDEX_POSTAL_AWARE_COUNTRIES.has(country) && !valueAt(address, 'postalCode');
}

/**
 * The FedEx sandbox: msw handlers for `baseUrl` (default FedEx's sandbox
 * host), fault scenarios first. Tokens and booked shipments live per call of
 * this factory.
 */
export function fedexSandbox(options: SandboxOptions<FedexConfig>) {
  const base = options.baseUrl.replace(/\/$/, '');
  const tokens = sandboxTokens('fdx-sandbox');
  const shipments = new Map<string, CreatedShipment>();
  let booked = 0;
  let pickups = 0;

  const refuseUnauthorized = (request: Request): Response | undefined => {
    if (!tokens.accepts(request)) {
      return errors(
        401,
        'NOT.AUTHORIZED.ERROR',
        'Access token expired. Please modify your request and try again.',
      );
    }
    return undefined;
  };
  /** An authorized request's JSON body, or FedEx's refusal: 401 for the token, 400 for the body. */
  const authorizedBody = async (request: Request) =>
    refuseUnauthorized(request) ??
    (await jsonObjectBody(request)) ??
    invalidInput('The request body is not valid JSON');

  return [
    ...scenarioHandlers(options),

    http.post(`${base}/oauth/token`, async ({ request }) => {
      const refusal = await refuseTokenRequest(request, FEDEX_SANDBOX_CREDENTIALS, [
        'client_secret_post',
      ]);
      if (refusal === 'unsupported_grant_type') {
        return errors(400, 'BAD.REQUEST.ERROR', 'The given grant type is not supported.');
      }
      if (refusal === 'invalid_client') {
        return errors(
          401,
          'NOT.AUTHORIZED.ERROR',
          'The given client credentials were not valid. Please modify your request and try again.',
        );
      }
      return HttpResponse.json({
        access_token: tokens.issue(),
        token_type: 'bearer',
        expires_in: 3599,
        scope: 'CXS-TP',
      });
    }),

    http.post(`${base}/rate/v1/rates/quotes`, async ({ request }) => {
      const body = await authorizedBody(request);
      if (body instanceof Response) return body;
      if (!/^\d{9}$/.test(String(valueAt(body, 'accountNumber', 'value') ?? ''))) {
        return errors(400, 'ACCOUNT.NUMBER.INVALID', 'Invalid account number.');
      }
      const missing = missingInput(body, [
        'requestedShipment/shipper/address/countryCode',
        'requestedShipment/recipient/address/countryCode',
        'requestedShipment/pickupType',
      ]);
      if (missing) return missing;
      const shipment = body.requestedShipment as Record<string, unknown>;
      for (const role of ['shipper', 'recipient'] as const) {
        if (needsPostalCode(valueAt(shipment, role, 'address'))) {
          return errors(
            400,
            `${role.toUpperCase()}.POSTALCODE.REQUIRED`,
            `A postal code is required for the ${role} country.`,
          );
        }
      }
      const problem = packageProblem(shipment.requestedPackageLineItems);
      if (problem !== undefined) return invalidInput(problem);
      const preferred = isoCurrencyOfFedex(String(shipment.preferredCurrency ?? 'USD'));
      const currency: CurrencyCode = isCurrencyCode(preferred) ? preferred : 'USD';
      return HttpResponse.json({
        transactionId: randomUUID(),
        customerTransactionId: request.headers.get('x-customer-transaction-id') ?? undefined,
        output: {
          alerts: [],
          rateReplyDetails: rate(
            String(valueAt(shipment, 'shipper', 'address', 'countryCode')),
            String(valueAt(shipment, 'recipient', 'address', 'countryCode')),
            String(shipment.shipDateStamp ?? new Date().toISOString().slice(0, 10)),
            currency,
            shipment.requestedPackageLineItems as FedexPackage[],
          ),
          quoteDate: new Date().toISOString().slice(0, 10),
          encoded: false,
        },
      });
    }),

    http.post(`${base}/ship/v1/shipments`, async ({ request }) => {
      const body = await authorizedBody(request);
      if (body instanceof Response) return body;
      const missing = missingInput(body, [
        'labelResponseOptions',
        'accountNumber/value',
        'requestedShipment/shipper/contact/personName',
        'requestedShipment/shipper/contact/phoneNumber',
        'requestedShipment/shipper/address/streetLines/0',
        'requestedShipment/shipper/address/city',
        'requestedShipment/shipper/address/countryCode',
        'requestedShipment/recipients/0/contact/personName',
        'requestedShipment/recipients/0/contact/phoneNumber',
        'requestedShipment/recipients/0/address/streetLines/0',
        'requestedShipment/recipients/0/address/city',
        'requestedShipment/recipients/0/address/countryCode',
        'requestedShipment/serviceType',
        'requestedShipment/packagingType',
        'requestedShipment/pickupType',
        'requestedShipment/shippingChargesPayment/paymentType',
        'requestedShipment/labelSpecification/imageType',
      ]);
      if (missing) return missing;
      const shipment = body.requestedShipment as Record<string, unknown>;
      const origin = String(valueAt(shipment, 'shipper', 'address', 'countryCode'));
      const destination = String(valueAt(shipment, 'recipients', 0, 'address', 'countryCode'));
      if (needsPostalCode(valueAt(shipment, 'recipients', 0, 'address'))) {
        return errors(
          400,
          'RECIPIENT.POSTALCODE.REQUIRED',
          'A postal code is required for the recipient country.',
        );
      }
      const problem = packageProblem(shipment.requestedPackageLineItems);
      if (problem !== undefined) return invalidInput(problem);
      if (
        origin !== destination &&
        !valueAt(shipment, 'customsClearanceDetail', 'commodities', 0)
      ) {
        return errors(
          400,
          'CUSTOMSCLEARANCEDETAIL.COMMODITIES.REQUIRED',
          'Commodities are required for international shipments.',
        );
      }
      const serviceType = String(shipment.serviceType);
      const shipDate = String(shipment.shipDatestamp ?? new Date().toISOString().slice(0, 10));
      const rated = rate(
        origin,
        destination,
        shipDate,
        'USD',
        shipment.requestedPackageLineItems as FedexPackage[],
      ).find((reply) => reply.serviceType === serviceType);
      if (rated === undefined) {
        return errors(
          400,
          'SERVICE.TYPE.INVALID',
          `Service type ${serviceType} is not available for ${origin} to ${destination}.`,
        );
      }
      booked += 1;
      const items = shipment.requestedPackageLineItems as FedexPackage[];
      const numbers = items.map(
        (_, index) => `7${sandboxDigits(`fedex-${booked}-${index}-${origin}${destination}`, 11)}`,
      );
      const master = numbers[0] ?? '';
      const delivery = rated.operationalDetail.deliveryDate;
      shipments.set(master, {
        serviceType,
        createdAt: new Date(),
        origin: place(valueAt(shipment, 'shipper', 'address', 'city'), origin),
        estimatedDelivery: delivery,
      });
      const accountRate = rated.ratedShipmentDetails[0];
      return HttpResponse.json({
        transactionId: randomUUID(),
        output: {
          transactionShipments: [
            {
              masterTrackingNumber: master,
              serviceType,
              serviceName: rated.serviceName,
              shipDatestamp: shipDate,
              pieceResponses: numbers.map((trackingNumber) => ({
                masterTrackingNumber: master,
                trackingNumber,
                packageDocuments: [
                  {
                    contentType: 'LABEL',
                    copiesToPrint: 1,
                    encodedLabel: sandboxLabelPdf('FedEx', trackingNumber),
                    docType: 'PDF',
                  },
                ],
              })),
              completedShipmentDetail: {
                shipmentRating: {
                  shipmentRateDetails: [
                    {
                      rateType: 'PAYOR_ACCOUNT_SHIPMENT',
                      totalNetCharge: accountRate?.totalNetCharge,
                      currency: accountRate?.currency,
                    },
                  ],
                },
                operationalDetail: { deliveryDate: delivery },
              },
            },
          ],
        },
      });
    }),

    http.post(`${base}/track/v1/trackingnumbers`, async ({ request }) => {
      const refused = refuseUnauthorized(request);
      if (refused) return refused;
      const body = await jsonObjectBody(request);
      const trackingNumber = valueAt(
        body,
        'trackingInfo',
        0,
        'trackingNumberInfo',
        'trackingNumber',
      );
      if (typeof trackingNumber !== 'string' || trackingNumber === '') {
        return invalidInput('trackingInfo.trackingNumberInfo.trackingNumber is required');
      }
      const result = (trackResult: Record<string, unknown>) =>
        HttpResponse.json({
          transactionId: randomUUID(),
          output: { completeTrackResults: [{ trackingNumber, trackResults: [trackResult] }] },
        });
      const created = shipments.get(trackingNumber);
      if (created !== undefined) {
        const event = scanEvent({
          kind: 'label_created',
          place: created.origin,
          at: created.createdAt,
        });
        return result({
          trackingNumberInfo: { trackingNumber, carrierCode: 'FDXE' },
          latestStatusDetail: {
            code: 'IN',
            derivedCode: 'IN',
            statusByLocale: 'Label created',
            description: 'Label created',
          },
          dateAndTimes: [{ type: 'ESTIMATED_DELIVERY', dateTime: created.estimatedDelivery }],
          scanEvents: [event],
        });
      }
      if (isUnknownTrackingNumber(trackingNumber)) {
        return result({
          trackingNumberInfo: { trackingNumber, carrierCode: '' },
          error: {
            code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
            message:
              'Tracking number cannot be found. Please correct the tracking number and try again.',
          },
        });
      }
      const journey = parcelJourney(trackingNumber, HUBS);
      const last = journey.milestones.at(-1);
      const latest = last === undefined ? SCANS.label_created : SCANS[last.kind];
      const delivered = last?.kind === 'delivered';
      return result({
        trackingNumberInfo: {
          trackingNumber,
          carrierCode: 'FDXE',
          trackingNumberUniqueId: `12029~${trackingNumber}~FDEG`,
        },
        latestStatusDetail: {
          code: latest.derived,
          derivedCode: latest.derived,
          statusByLocale: latest.text,
          description: latest.text,
        },
        dateAndTimes: [
          delivered && last !== undefined
            ? { type: 'ACTUAL_DELIVERY', dateTime: localIso(last.at, last.place.utcOffset) }
            : {
                type: 'ESTIMATED_DELIVERY',
                dateTime: localIso(journey.estimatedDelivery, journey.destination.utcOffset),
              },
        ],
        scanEvents: journey.milestones.map(scanEvent).reverse(),
      });
    }),

    http.post(`${base}/pickup/v1/pickups`, async ({ request }) => {
      const body = await authorizedBody(request);
      if (body instanceof Response) return body;
      const missing = missingInput(body, [
        'associatedAccountNumber/value',
        'originDetail/pickupLocation/contact/personName',
        'originDetail/pickupLocation/contact/phoneNumber',
        'originDetail/pickupLocation/address/streetLines/0',
        'originDetail/pickupLocation/address/city',
        'originDetail/pickupLocation/address/countryCode',
        'originDetail/readyDateTimestamp',
        'originDetail/customerCloseTime',
        'carrierCode',
      ]);
      if (missing) return missing;
      if (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(
          String(valueAt(body, 'originDetail', 'readyDateTimestamp')),
        )
      ) {
        return errors(400, 'PICKUP.READYDATETIME.INVALID', 'Ready date time stamp is invalid.');
      }
      if (!/^\d{2}:\d{2}:\d{2}$/.test(String(valueAt(body, 'originDetail', 'customerCloseTime')))) {
        return errors(400, 'PICKUP.CUSTOMERCLOSETIME.INVALID', 'Customer close time is invalid.');
      }
      if (body.carrierCode !== 'FDXE' && body.carrierCode !== 'FDXG') {
        return errors(400, 'CARRIERCODE.INVALID', 'Carrier code is invalid.');
      }
      pickups += 1;
      const city = String(valueAt(body, 'originDetail', 'pickupLocation', 'address', 'city'));
      return HttpResponse.json({
        transactionId: randomUUID(),
        output: {
          pickupConfirmationCode: String(
            Number(sandboxDigits(`fedex-pickup-${pickups}-${city}`, 3)) + 1,
          ),
          location: `${city
            .replace(/[^A-Za-z]/g, '')
            .slice(0, 3)
            .toUpperCase()
            .padEnd(3, 'X')}A`,
          alerts: [],
        },
      });
    }),

    http.post(`${base}/address/v1/addresses/resolve`, async ({ request }) => {
      const refused = refuseUnauthorized(request);
      if (refused) return refused;
      const body = await jsonObjectBody(request);
      const address = valueAt(body, 'addressesToValidate', 0, 'address');
      if (address === undefined) return invalidInput('addressesToValidate is required');
      return HttpResponse.json({
        transactionId: randomUUID(),
        output: {
          resolvedAddresses: [
            {
              ...(address as Record<string, unknown>),
              classification: 'BUSINESS',
              attributes: { Resolved: 'true', DPV: 'true' },
            },
          ],
        },
      });
    }),
  ];
}
