/**
 * `@tollgate/connectors/dhl-express/sandbox`: msw handlers imitating the
 * MyDHL API (test environment): HTTP Basic and `x-version` checks, rates
 * priced by zone and weight, shipments with PDF labels, checkpoint histories,
 * pick-ups, and DHL's problem documents for bad requests. Needs `msw`.
 * @packageDocumentation
 */
import type { CurrencyCode } from '@tollgate/core';
import { HttpResponse, http } from 'msw';
import { basicAuthorization } from '../logistics/sandbox-auth.js';
import {
  isUnknownTrackingNumber,
  JOURNEY_CITIES,
  type JourneyPlace,
  localIso,
  type MilestoneKind,
  parcelJourney,
  sandboxDigits,
} from '../logistics/sandbox-journeys.js';
import { sandboxLabelPdf } from '../logistics/sandbox-labels.js';
import {
  addBusinessDays,
  billingCurrencyOf,
  chargeableGrams,
  type SandboxProduct,
  sandboxPrice,
} from '../logistics/sandbox-pricing.js';
import { jsonObjectBody, missingPaths, valueAt } from '../logistics/sandbox-requests.js';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import type { DhlExpressConfig } from './schema.js';

/** The credentials the DHL Express sandbox accepts; any others are refused with 401. */
export const DHL_EXPRESS_SANDBOX_CREDENTIALS = Object.freeze({
  apiKey: 'tollgate-dhl-demo',
  apiSecret: 'tollgate-dhl-demo-secret',
});

const INTERNATIONAL_GOODS: readonly SandboxProduct[] = [
  {
    code: 'P',
    name: 'EXPRESS WORLDWIDE',
    serviceType: 'express',
    pricePercent: 100n,
    extraDays: 0,
  },
  { code: 'T', name: 'EXPRESS 12:00', serviceType: 'express', pricePercent: 128n, extraDays: 0 },
  { code: 'K', name: 'EXPRESS 9:00', serviceType: 'express', pricePercent: 161n, extraDays: 0 },
  { code: 'H', name: 'ECONOMY SELECT', serviceType: 'economy', pricePercent: 71n, extraDays: 3 },
];
const INTERNATIONAL_DOCUMENTS: readonly SandboxProduct[] = [
  { code: 'D', name: 'EXPRESS WORLDWIDE', serviceType: 'express', pricePercent: 92n, extraDays: 0 },
  { code: 'T', name: 'EXPRESS 12:00', serviceType: 'express', pricePercent: 121n, extraDays: 0 },
  { code: 'K', name: 'EXPRESS 9:00', serviceType: 'express', pricePercent: 152n, extraDays: 0 },
];
const DOMESTIC: readonly SandboxProduct[] = [
  { code: 'N', name: 'DOMESTIC EXPRESS', serviceType: 'express', pricePercent: 100n, extraDays: 0 },
  {
    code: 'G',
    name: 'DOMESTIC ECONOMY SELECT',
    serviceType: 'economy',
    pricePercent: 74n,
    extraDays: 1,
  },
];

const DELIVERY_TIME: Record<string, string> = { K: '09:00:00', T: '12:00:00' };

const HUBS = {
  EU: { city: 'Leipzig', countryCode: 'DE', facility: 'LEJ', utcOffset: '+01:00' },
  NA: { city: 'Cincinnati', countryCode: 'US', facility: 'CVG', utcOffset: '-05:00' },
  EA: { city: 'Hong Kong', countryCode: 'HK', facility: 'HKG', utcOffset: '+08:00' },
  SA: { city: 'Hong Kong', countryCode: 'HK', facility: 'HKG', utcOffset: '+08:00' },
  ME: { city: 'Bahrain', countryCode: 'BH', facility: 'BAH', utcOffset: '+03:00' },
  default: { city: 'Leipzig', countryCode: 'DE', facility: 'LEJ', utcOffset: '+01:00' },
} satisfies Record<string, JourneyPlace>;

const CHECKPOINTS: Record<
  MilestoneKind,
  { code: string; text: (place: JourneyPlace) => string } | undefined
> = {
  label_created: undefined,
  picked_up: { code: 'PU', text: () => 'Shipment picked up' },
  processed_origin: { code: 'PL', text: (p) => `Processed at ${p.city.toUpperCase()}` },
  departed_origin: { code: 'DF', text: (p) => `Departed Facility in ${p.city.toUpperCase()}` },
  arrived_hub: { code: 'AF', text: (p) => `Arrived at Sort Facility ${p.city.toUpperCase()}` },
  departed_hub: { code: 'DF', text: (p) => `Departed Facility in ${p.city.toUpperCase()}` },
  arrived_destination: {
    code: 'AR',
    text: (p) => `Arrived at Delivery Facility in ${p.city.toUpperCase()}`,
  },
  customs_processing: { code: 'CC', text: () => 'Customs status updated' },
  customs_released: {
    code: 'CR',
    text: (p) => `Clearance processing complete at ${p.city.toUpperCase()}`,
  },
  customs_hold: {
    code: 'CC',
    text: () => 'Customs status updated: clearance delay, importer documents required',
  },
  out_for_delivery: { code: 'WC', text: () => 'With delivery courier' },
  delivery_attempted: { code: 'NH', text: () => 'Delivery attempted; recipient not home' },
  delivered: { code: 'OK', text: () => 'Delivered' },
};

interface CreatedShipment {
  productCode: string;
  createdAt: Date;
  estimatedDelivery: string;
}

function statusText(status: number): string {
  return status === 400
    ? 'Bad request'
    : status === 401
      ? 'Unauthorized'
      : status === 404
        ? 'Not Found'
        : 'Unprocessable Entity';
}

/** A MyDHL problem document. */
function problem(
  status: number,
  instance: string,
  title: string,
  detail: string,
  additionalDetails?: string[],
): Response {
  return HttpResponse.json(
    {
      instance: `/expressapi${instance}`,
      detail,
      title,
      message: statusText(status),
      status: String(status),
      ...(additionalDetails === undefined ? {} : { additionalDetails }),
    },
    {
      status,
      headers: {
        'content-type': 'application/problem+json',
        ...(status === 401 ? { 'www-authenticate': 'Basic realm="MyDHL API"' } : {}),
      },
    },
  );
}

function refuseUnauthorized(request: Request, instance: string): Response | undefined {
  const { apiKey, apiSecret } = DHL_EXPRESS_SANDBOX_CREDENTIALS;
  if (request.headers.get('authorization') !== basicAuthorization(apiKey, apiSecret)) {
    return problem(401, instance, 'Unauthorized', 'Invalid Credentials');
  }
  if (!request.headers.get('x-version')) {
    return problem(400, instance, 'Missing header', 'Missing mandatory header: x-version');
  }
  const reference = request.headers.get('message-reference');
  if (reference !== null && (reference.length < 28 || reference.length > 36)) {
    return problem(
      422,
      instance,
      'Validation error',
      'Message-Reference must be 28 to 36 characters',
    );
  }
  return undefined;
}

/** MyDHL's 400 for mandatory query parameters that are missing, if any are. */
function missingParameters(
  query: URLSearchParams,
  names: readonly string[],
  instance: string,
): Response | undefined {
  const missing = names.filter((name) => !query.get(name));
  if (missing.length === 0) return undefined;
  return problem(
    400,
    instance,
    'Missing parameters',
    `Missing mandatory parameters: ${missing.join(', ')}`,
  );
}

/** An authorized request's JSON body, or MyDHL's refusal of the request or of its body. */
async function authorizedBody(
  request: Request,
  instance: string,
): Promise<Record<string, unknown> | Response> {
  return (
    refuseUnauthorized(request, instance) ??
    (await jsonObjectBody(request)) ??
    problem(400, instance, 'Bad request', 'The body is not JSON')
  );
}

function requireFields(body: unknown, fields: readonly string[], problems: string[]): void {
  for (const field of missingPaths(body, fields)) {
    const parent = field.includes('/') ? `/${field.slice(0, field.lastIndexOf('/'))}` : '';
    const name = field.slice(field.lastIndexOf('/') + 1);
    problems.push(`#${parent}: required key [${name}] not found`);
  }
}

interface RatedLane {
  origin: string;
  destination: string;
  shipDate: string;
  declarable: boolean;
  grams: bigint;
}

function rateProducts(lane: RatedLane) {
  const domestic = lane.origin === lane.destination;
  const products = domestic
    ? DOMESTIC
    : lane.declarable
      ? INTERNATIONAL_GOODS
      : INTERNATIONAL_DOCUMENTS;
  const currency: CurrencyCode = billingCurrencyOf(lane.origin);
  return products.map((product) => {
    const price = sandboxPrice(lane.origin, lane.destination, lane.grams, product, currency);
    const delivery = addBusinessDays(lane.shipDate, price.transitDays);
    return {
      productName: product.name,
      productCode: product.code,
      localProductCode: product.code,
      localProductCountryCode: lane.origin,
      networkTypeCode: 'TD',
      isCustomerAgreement: false,
      weight: {
        volumetric: Number(lane.grams) / 1000,
        provided: Number(lane.grams) / 1000,
        unitOfMeasurement: 'metric',
      },
      totalPrice: [
        { currencyType: 'BILLC', priceCurrency: price.currency, price: Number(price.decimal) },
        { currencyType: 'PULCL', priceCurrency: price.currency, price: Number(price.decimal) },
      ],
      deliveryCapabilities: {
        deliveryTypeCode: 'QDDC',
        estimatedDeliveryDateAndTime: `${delivery}T${DELIVERY_TIME[product.code] ?? '23:59:00'}`,
        destinationServiceAreaCode: lane.destination,
        totalTransitDays: price.transitDays,
      },
      pricingDate: lane.shipDate,
    };
  });
}

function placeOf(city: string, countryCode: string): JourneyPlace {
  return (
    JOURNEY_CITIES.find((place) => place.city.toLowerCase() === city.toLowerCase()) ?? {
      city,
      countryCode,
      facility: countryCode,
      utcOffset: '+00:00',
    }
  );
}

/**
 * The DHL Express sandbox: msw handlers for `baseUrl` (default the MyDHL
 * test environment), fault scenarios first. State (booked shipments) lives
 * per call of this factory.
 */
export function dhlExpressSandbox(options: SandboxOptions<DhlExpressConfig>) {
  const base = options.baseUrl.replace(/\/$/, '');
  const shipments = new Map<string, CreatedShipment>();
  let booked = 0;
  let pickups = 0;

  return [
    ...scenarioHandlers(options),

    http.get(`${base}/rates`, ({ request }) => {
      const refused = refuseUnauthorized(request, '/rates');
      if (refused) return refused;
      const query = new URL(request.url).searchParams;
      const missing = missingParameters(
        query,
        [
          'accountNumber',
          'originCountryCode',
          'originCityName',
          'destinationCountryCode',
          'destinationCityName',
          'weight',
          'length',
          'width',
          'height',
          'plannedShippingDate',
          'isCustomsDeclarable',
          'unitOfMeasurement',
        ],
        '/rates',
      );
      if (missing) return missing;
      const weight = query.get('weight') ?? '';
      if (!/^\d+(\.\d{1,3})?$/.test(weight) || Number(weight) <= 0 || Number(weight) > 1000) {
        return problem(400, '/rates', 'Invalid parameter', `Invalid weight: ${weight}`);
      }
      if (!/^\d{9}$/.test(query.get('accountNumber') ?? '')) {
        return problem(400, '/rates', 'Invalid parameter', 'Invalid accountNumber');
      }
      const dims = ['length', 'width', 'height'].map((name) => Number(query.get(name)));
      const grams = chargeableGrams([
        { weightKg: weight, lengthCm: dims[0], widthCm: dims[1], heightCm: dims[2] },
      ]);
      return HttpResponse.json({
        products: rateProducts({
          origin: query.get('originCountryCode') ?? '',
          destination: query.get('destinationCountryCode') ?? '',
          shipDate: query.get('plannedShippingDate') ?? '',
          declarable: query.get('isCustomsDeclarable') === 'true',
          grams,
        }),
        exchangeRates: [],
      });
    }),

    http.post(`${base}/rates`, async ({ request }) => {
      const body = await authorizedBody(request, '/rates');
      if (body instanceof Response) return body;
      const problems: string[] = [];
      requireFields(
        body,
        [
          'customerDetails/shipperDetails/cityName',
          'customerDetails/shipperDetails/countryCode',
          'customerDetails/receiverDetails/cityName',
          'customerDetails/receiverDetails/countryCode',
          'accounts/0/number',
          'plannedShippingDateAndTime',
          'unitOfMeasurement',
          'packages/0/weight',
        ],
        problems,
      );
      if (problems.length > 0) {
        return problem(
          422,
          '/rates',
          'Validation error',
          'Multiple problems found, see Additional Details',
          problems,
        );
      }
      const packages = (
        body.packages as Array<{ weight: number; dimensions?: Record<string, number> }>
      ).map((pkg) => ({
        weightKg: String(pkg.weight),
        lengthCm: pkg.dimensions?.length,
        widthCm: pkg.dimensions?.width,
        heightCm: pkg.dimensions?.height,
      }));
      return HttpResponse.json({
        products: rateProducts({
          origin: String(valueAt(body, 'customerDetails', 'shipperDetails', 'countryCode')),
          destination: String(valueAt(body, 'customerDetails', 'receiverDetails', 'countryCode')),
          shipDate: String(body.plannedShippingDateAndTime).slice(0, 10),
          declarable: body.isCustomsDeclarable === true,
          grams: chargeableGrams(packages),
        }),
        exchangeRates: [],
      });
    }),

    http.post(`${base}/shipments`, async ({ request }) => {
      const body = await authorizedBody(request, '/shipments');
      if (body instanceof Response) return body;
      const problems: string[] = [];
      requireFields(
        body,
        ['plannedShippingDateAndTime', 'productCode', 'accounts/0/number', 'content/description'],
        problems,
      );
      for (const role of ['shipperDetails', 'receiverDetails']) {
        requireFields(
          body,
          [
            `customerDetails/${role}/postalAddress/cityName`,
            `customerDetails/${role}/postalAddress/countryCode`,
            `customerDetails/${role}/postalAddress/addressLine1`,
            `customerDetails/${role}/contactInformation/phone`,
            `customerDetails/${role}/contactInformation/companyName`,
            `customerDetails/${role}/contactInformation/fullName`,
          ],
          problems,
        );
      }
      const content = body.content as Record<string, unknown> | undefined;
      if (!Array.isArray(content?.packages) || content.packages.length === 0) {
        problems.push('#/content/packages: expected minimum item count: 1, found: 0');
      }
      if (content?.isCustomsDeclarable === true) {
        requireFields(
          body,
          ['content/declaredValue', 'content/declaredValueCurrency', 'content/incoterm'],
          problems,
        );
      }
      if (!/GMT[+-]\d{2}:\d{2}$/.test(String(body.plannedShippingDateAndTime ?? ''))) {
        problems.push(
          '#/plannedShippingDateAndTime: string does not match pattern .*GMT[+-][0-9]{2}:[0-9]{2}',
        );
      }
      if (problems.length > 0) {
        return problem(
          422,
          '/shipments',
          'Validation error',
          'Multiple problems found, see Additional Details',
          [...new Set(problems)],
        );
      }
      booked += 1;
      const origin = String(
        valueAt(body, 'customerDetails', 'shipperDetails', 'postalAddress', 'countryCode'),
      );
      const destination = String(
        valueAt(body, 'customerDetails', 'receiverDetails', 'postalAddress', 'countryCode'),
      );
      const productCode = String(body.productCode);
      const trackingNumber = `4${sandboxDigits(`dhl-${booked}-${origin}-${destination}`, 9)}`;
      const packages = (
        (content?.packages ?? []) as Array<{ weight: number; dimensions?: Record<string, number> }>
      ).map((pkg) => ({
        weightKg: String(pkg.weight),
        lengthCm: pkg.dimensions?.length,
        widthCm: pkg.dimensions?.width,
        heightCm: pkg.dimensions?.height,
      }));
      const shipDate = String(body.plannedShippingDateAndTime).slice(0, 10);
      const rated = rateProducts({
        origin,
        destination,
        shipDate,
        declarable: content?.isCustomsDeclarable === true,
        grams: chargeableGrams(packages),
      }).find((product) => product.productCode === productCode);
      if (rated === undefined) {
        booked -= 1;
        return problem(
          400,
          '/shipments',
          'Product not available',
          `998: Requested product ${productCode} is not available for ${origin} to ${destination} on ${shipDate}`,
        );
      }
      const estimatedDelivery = rated.deliveryCapabilities.estimatedDeliveryDateAndTime.slice(
        0,
        10,
      );
      shipments.set(trackingNumber, { productCode, createdAt: new Date(), estimatedDelivery });
      return HttpResponse.json(
        {
          url: `${base}/shipments/${trackingNumber}`,
          shipmentTrackingNumber: trackingNumber,
          trackingUrl: `${base}/shipments/${trackingNumber}/tracking`,
          packages: packages.map((_, index) => ({
            referenceNumber: index + 1,
            trackingNumber: `JD01460000${sandboxDigits(`${trackingNumber}-${index}`, 10)}`,
            trackingUrl: `${base}/shipments/${trackingNumber}/tracking?pieceTrackingNumber=${index + 1}`,
          })),
          documents: [
            {
              imageFormat: 'PDF',
              content: sandboxLabelPdf('DHL Express', trackingNumber),
              typeCode: 'label',
            },
          ],
          shipmentCharges: rated.totalPrice.slice(0, 1),
          estimatedDeliveryDate: {
            estimatedDeliveryDate: estimatedDelivery,
            estimatedDeliveryType: 'QDDC',
          },
        },
        { status: 201 },
      );
    }),

    http.get(`${base}/shipments/:trackingNumber/tracking`, ({ request, params }) => {
      const trackingNumber = String(params.trackingNumber);
      const instance = `/shipments/${trackingNumber}/tracking`;
      const refused = refuseUnauthorized(request, instance);
      if (refused) return refused;
      const created = shipments.get(trackingNumber);
      if (created !== undefined) {
        return HttpResponse.json({
          shipments: [
            {
              shipmentTrackingNumber: trackingNumber,
              status: 'Success',
              shipmentTimestamp: created.createdAt.toISOString().slice(0, 19),
              productCode: created.productCode,
              estimatedDeliveryDate: created.estimatedDelivery,
              events: [],
            },
          ],
        });
      }
      if (isUnknownTrackingNumber(trackingNumber)) {
        return problem(
          404,
          instance,
          'No shipment found',
          `No shipment found for shipmentTrackingNumber ${trackingNumber}`,
        );
      }
      const journey = parcelJourney(trackingNumber, HUBS);
      const events = journey.milestones.flatMap((milestone) => {
        const checkpoint = CHECKPOINTS[milestone.kind];
        if (checkpoint === undefined) return [];
        const local = localIso(milestone.at, milestone.place.utcOffset);
        return [
          {
            date: local.slice(0, 10),
            time: local.slice(11, 19),
            GMTOffset: milestone.place.utcOffset,
            typeCode: checkpoint.code,
            description: checkpoint.text(milestone.place),
            serviceArea: [
              {
                code: milestone.place.facility,
                description: `${milestone.place.city}-${milestone.place.countryCode}`,
              },
            ],
          },
        ];
      });
      return HttpResponse.json({
        shipments: [
          {
            shipmentTrackingNumber: trackingNumber,
            status: 'Success',
            productCode: 'P',
            shipperDetails: {
              postalAddress: {
                cityName: journey.origin.city,
                countryCode: journey.origin.countryCode,
              },
            },
            receiverDetails: {
              postalAddress: {
                cityName: journey.destination.city,
                countryCode: journey.destination.countryCode,
              },
            },
            estimatedDeliveryDate: journey.estimatedDelivery.toISOString().slice(0, 10),
            numberOfPieces: 1,
            events: events.reverse(),
          },
        ],
      });
    }),

    http.post(`${base}/pickups`, async ({ request }) => {
      const body = await authorizedBody(request, '/pickups');
      if (body instanceof Response) return body;
      const problems: string[] = [];
      requireFields(
        body,
        [
          'plannedPickupDateAndTime',
          'accounts/0/number',
          'customerDetails/shipperDetails/postalAddress/cityName',
          'customerDetails/shipperDetails/postalAddress/countryCode',
          'customerDetails/shipperDetails/postalAddress/addressLine1',
          'customerDetails/shipperDetails/contactInformation/phone',
          'customerDetails/shipperDetails/contactInformation/companyName',
          'customerDetails/shipperDetails/contactInformation/fullName',
          'shipmentDetails/0/productCode',
        ],
        problems,
      );
      const planned = String(body.plannedPickupDateAndTime ?? '');
      if (
        planned !== '' &&
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}GMT[+-]\d{2}:\d{2}$/.test(planned)
      ) {
        problems.push('#/plannedPickupDateAndTime: string does not match pattern');
      }
      if (body.closeTime !== undefined && !/^\d{2}:\d{2}$/.test(String(body.closeTime))) {
        problems.push('#/closeTime: string does not match pattern ^([01][0-9]|2[0-3]):[0-5][0-9]$');
      }
      if (problems.length > 0) {
        return problem(
          422,
          '/pickups',
          'Validation error',
          'Multiple problems found, see Additional Details',
          problems,
        );
      }
      pickups += 1;
      const city = String(
        valueAt(body, 'customerDetails', 'shipperDetails', 'postalAddress', 'cityName'),
      );
      const country = String(
        valueAt(body, 'customerDetails', 'shipperDetails', 'postalAddress', 'countryCode'),
      );
      const facility = placeOf(city, country).facility.slice(0, 3).toUpperCase().padEnd(3, 'X');
      return HttpResponse.json(
        {
          dispatchConfirmationNumbers: [
            `${facility}${planned.slice(2, 4)}${planned.slice(5, 7)}${planned.slice(8, 10)}${sandboxDigits(`pickup-${pickups}-${city}`, 6)}`,
          ],
          readyByTime: planned.slice(11, 16),
          nextPickupDate: planned.slice(0, 10),
          warnings: [],
        },
        { status: 201 },
      );
    }),

    http.get(`${base}/address-validate`, ({ request }) => {
      const refused = refuseUnauthorized(request, '/address-validate');
      if (refused) return refused;
      const query = new URL(request.url).searchParams;
      const missing = missingParameters(query, ['type', 'countryCode'], '/address-validate');
      if (missing) return missing;
      const city = query.get('cityName') ?? '';
      const country = query.get('countryCode') ?? '';
      const place = placeOf(city, country);
      return HttpResponse.json({
        warnings: [],
        address: [
          {
            countryCode: country,
            postalCode: query.get('postalCode') ?? '',
            cityName: city.toUpperCase(),
            serviceArea: {
              code: place.facility,
              description: `${place.city}-${country}`,
              GMTOffset: place.utcOffset,
            },
          },
        ],
      });
    }),
  ];
}
