/**
 * `@tollgate/connectors/ups/sandbox`: msw handlers imitating the UPS REST
 * APIs (Customer Integration Environment, `wwwcie.ups.com`): the OAuth2
 * token endpoint (client id and secret as HTTP Basic), Rating with time in
 * transit, Shipping, Tracking and Pickup, UPS's `{ response: { errors } }`
 * documents, and its habit of sending a lone element as an object. Needs `msw`.
 * @packageDocumentation
 */
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
import {
  addBusinessDays,
  billingCurrencyOf,
  chargeableGrams,
  type SandboxProduct,
  sandboxPrice,
  zoneBetween,
} from '../logistics/sandbox-pricing.js';
import { jsonObjectBody, missingPaths, valueAt } from '../logistics/sandbox-requests.js';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import { UPS_POSTAL_COUNTRIES, UPS_SERVICES, UPS_STATE_COUNTRIES, upsDateOf } from './codes.js';
import type { UpsConfig } from './schema.js';

/** The OAuth2 client the UPS sandbox accepts; any other gets UPS's 401. */
export const UPS_SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'TollgateUpsDemoClientId0001',
  clientSecret: 'TollgateUpsDemoClientSecret0001',
});

/** A 1 × 1 transparent GIF, the sandbox's label image (UPS returns GIF labels as base64). */
const LABEL_GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

const product = (
  code: string,
  serviceType: 'express' | 'economy',
  pricePercent: bigint,
  extraDays: number,
): SandboxProduct => ({
  code,
  name: UPS_SERVICES[code] ?? code,
  serviceType,
  pricePercent,
  extraDays,
});

const INTERNATIONAL = [
  product('54', 'express', 196n, 0),
  product('07', 'express', 148n, 0),
  product('65', 'express', 100n, 0),
  product('08', 'economy', 79n, 2),
];
const REGIONAL_STANDARD = product('11', 'economy', 58n, 3);
const DOMESTIC = [
  product('01', 'express', 100n, 0),
  product('13', 'express', 89n, 0),
  product('02', 'economy', 58n, 1),
  product('03', 'economy', 34n, 3),
];
const ARRIVAL_TIME: Record<string, string> = {
  '54': '090000',
  '07': '103000',
  '01': '103000',
  '13': '150000',
};

const HUBS = {
  NA: { city: 'Louisville', countryCode: 'US', facility: 'SDF', utcOffset: '-05:00' },
  EU: { city: 'Cologne', countryCode: 'DE', facility: 'CGN', utcOffset: '+01:00' },
  EA: { city: 'Shenzhen', countryCode: 'CN', facility: 'SZX', utcOffset: '+08:00' },
  SA: { city: 'Shenzhen', countryCode: 'CN', facility: 'SZX', utcOffset: '+08:00' },
  ME: { city: 'Dubai', countryCode: 'AE', facility: 'DXB', utcOffset: '+04:00' },
  default: { city: 'Louisville', countryCode: 'US', facility: 'SDF', utcOffset: '-05:00' },
} satisfies Record<string, JourneyPlace>;

const ACTIVITIES: Record<
  MilestoneKind,
  { type: string; code: string; statusCode: string; text: string }
> = {
  label_created: {
    type: 'M',
    code: 'MP',
    statusCode: '003',
    text: 'Shipper created a label, UPS has not received the package yet.',
  },
  picked_up: { type: 'P', code: 'PU', statusCode: '038', text: 'Pickup Scan' },
  processed_origin: { type: 'I', code: 'OR', statusCode: '005', text: 'Origin Scan' },
  departed_origin: { type: 'I', code: 'DP', statusCode: '005', text: 'Departed from Facility' },
  arrived_hub: { type: 'I', code: 'AR', statusCode: '005', text: 'Arrived at Facility' },
  departed_hub: { type: 'I', code: 'DP', statusCode: '005', text: 'Departed from Facility' },
  arrived_destination: { type: 'I', code: 'AR', statusCode: '005', text: 'Arrived at Facility' },
  customs_processing: {
    type: 'I',
    code: 'CC',
    statusCode: '005',
    text: 'Your package is being processed by the destination customs authority.',
  },
  customs_released: { type: 'I', code: 'CR', statusCode: '005', text: 'Import Scan' },
  customs_hold: {
    type: 'X',
    code: 'CD',
    statusCode: '007',
    text: 'Clearance delay: the receiver must provide documents before customs releases the package.',
  },
  out_for_delivery: { type: 'I', code: 'OT', statusCode: '021', text: 'Out For Delivery Today' },
  delivery_attempted: {
    type: 'X',
    code: '48',
    statusCode: '007',
    text: 'The receiver was not available for delivery. We will make a second attempt the next business day.',
  },
  delivered: { type: 'D', code: 'FS', statusCode: '011', text: 'DELIVERED' },
};

function upsErrors(status: number, code: string, message: string): Response {
  return HttpResponse.json({ response: { errors: [{ code, message }] } }, { status });
}

/** UPS's 400 (`code`) naming the first of `paths` (`a/0/b`) that `value` lacks, if it lacks any. */
function missingFields(
  value: unknown,
  code: string,
  paths: readonly string[],
): Response | undefined {
  const [first] = missingPaths(value, paths);
  return first === undefined
    ? undefined
    : upsErrors(400, code, `Missing or invalid ${first.replaceAll('/', ' ')}.`);
}

function activity(milestone: Milestone) {
  const local = localIso(milestone.at, milestone.place.utcOffset);
  const meta = ACTIVITIES[milestone.kind];
  return {
    location: {
      address: {
        city: milestone.place.city.toUpperCase(),
        countryCode: milestone.place.countryCode,
        country: milestone.place.countryCode,
      },
      slic: milestone.place.facility,
    },
    status: {
      type: meta.type,
      description: meta.text,
      code: meta.code,
      statusCode: meta.statusCode,
    },
    date: upsDateOf(local.slice(0, 10)),
    time: local.slice(11, 19).replaceAll(':', ''),
    gmtDate: upsDateOf(milestone.at.toISOString().slice(0, 10)),
    gmtOffset: milestone.place.utcOffset,
    gmtTime: milestone.at.toISOString().slice(11, 19),
  };
}

type UpsPackage = {
  PackageWeight?: { UnitOfMeasurement?: { Code?: string }; Weight?: string };
  Dimensions?: { Length?: string; Width?: string; Height?: string };
};

function packagesOf(value: unknown): UpsPackage[] {
  if (Array.isArray(value)) return value as UpsPackage[];
  return value !== null && typeof value === 'object' ? [value as UpsPackage] : [];
}

function packageProblem(packages: UpsPackage[]): string | undefined {
  if (packages.length === 0) return 'Missing or invalid package.';
  for (const pkg of packages) {
    const weight = pkg.PackageWeight?.Weight ?? '';
    if (!/^\d+(\.\d{1,3})?$/.test(weight) || Number(weight) <= 0) {
      return 'Missing or invalid package weight.';
    }
    const unit = pkg.PackageWeight?.UnitOfMeasurement?.Code;
    if (unit !== 'KGS' && unit !== 'LBS') return 'Invalid package weight unit of measurement.';
  }
  return undefined;
}

function grams(packages: UpsPackage[]) {
  return chargeableGrams(
    packages.map((pkg) => ({
      weightKg:
        pkg.PackageWeight?.UnitOfMeasurement?.Code === 'LBS'
          ? (Number(pkg.PackageWeight.Weight) * 0.45359237).toFixed(3)
          : (pkg.PackageWeight?.Weight ?? '0'),
      lengthCm: pkg.Dimensions?.Length === undefined ? undefined : Number(pkg.Dimensions.Length),
      widthCm: pkg.Dimensions?.Width === undefined ? undefined : Number(pkg.Dimensions.Width),
      heightCm: pkg.Dimensions?.Height === undefined ? undefined : Number(pkg.Dimensions.Height),
    })),
  );
}

function addressProblem(address: unknown, role: string): Response | undefined {
  const country = String(valueAt(address, 'CountryCode') ?? '');
  if (!/^[A-Z]{2}$/.test(country)) {
    return upsErrors(400, '120202', `Missing or invalid ${role} country code.`);
  }
  if (UPS_POSTAL_COUNTRIES.has(country) && !valueAt(address, 'PostalCode')) {
    return upsErrors(
      400,
      '111285',
      `The postal code is missing or invalid for the ${role} country.`,
    );
  }
  if (UPS_STATE_COUNTRIES.has(country) && !valueAt(address, 'StateProvinceCode')) {
    return upsErrors(400, '111286', `The ${role} state or province code is missing or invalid.`);
  }
  return undefined;
}

/**
 * The lane and packages of a rating or shipping request, or UPS's refusal of
 * its addresses or of its packages (with `packageErrorCode`).
 */
function laneOf(
  shipment: Record<string, unknown>,
  packageErrorCode: string,
): Response | { origin: string; destination: string; packages: UpsPackage[] } {
  const refused =
    addressProblem(valueAt(shipment, 'Shipper', 'Address'), 'shipper') ??
    addressProblem(valueAt(shipment, 'ShipTo', 'Address'), 'ship to');
  if (refused) return refused;
  const packages = packagesOf(shipment.Package);
  const problem = packageProblem(packages);
  if (problem) return upsErrors(400, packageErrorCode, problem);
  return {
    origin: String(valueAt(shipment, 'Shipper', 'Address', 'CountryCode')),
    destination: String(valueAt(shipment, 'ShipTo', 'Address', 'CountryCode')),
    packages,
  };
}

function services(origin: string, destination: string) {
  if (origin === destination) return DOMESTIC;
  return zoneBetween(origin, destination) <= 2
    ? [...INTERNATIONAL, REGIONAL_STANDARD]
    : INTERNATIONAL;
}

function ratedShipment(
  origin: string,
  destination: string,
  pickupDate: string,
  weightGrams: bigint,
  service: SandboxProduct,
) {
  const currency = billingCurrencyOf(origin);
  const published = sandboxPrice(origin, destination, weightGrams, service, currency);
  const negotiated = sandboxPrice(
    origin,
    destination,
    weightGrams,
    { ...service, pricePercent: (service.pricePercent * 88n) / 100n },
    currency,
  );
  const arrival = addBusinessDays(pickupDate, published.transitDays);
  const weight = (Number(weightGrams) / 1000).toFixed(1);
  return {
    Service: { Code: service.code, Description: '' },
    RatedShipmentAlert: [
      { Code: '110971', Description: 'Your invoice may vary from the displayed reference rates' },
    ],
    BillingWeight: { UnitOfMeasurement: { Code: 'KGS', Description: 'Kilograms' }, Weight: weight },
    TransportationCharges: { CurrencyCode: currency, MonetaryValue: published.decimal },
    ServiceOptionsCharges: { CurrencyCode: currency, MonetaryValue: '0.00' },
    TotalCharges: { CurrencyCode: currency, MonetaryValue: published.decimal },
    NegotiatedRateCharges: {
      TotalCharge: { CurrencyCode: currency, MonetaryValue: negotiated.decimal },
    },
    ...(ARRIVAL_TIME[service.code] === undefined
      ? {}
      : { GuaranteedDelivery: { BusinessDaysInTransit: String(published.transitDays) } }),
    TimeInTransit: {
      PickupDate: upsDateOf(pickupDate),
      ServiceSummary: {
        Service: { Description: service.name.toUpperCase() },
        EstimatedArrival: {
          Arrival: { Date: upsDateOf(arrival), Time: ARRIVAL_TIME[service.code] ?? '233000' },
          BusinessDaysInTransit: String(published.transitDays),
          DayOfWeek: new Date(`${arrival}T00:00:00Z`).toUTCString().slice(0, 3).toUpperCase(),
        },
        SaturdayDelivery: '0',
      },
    },
  };
}

interface CreatedShipment {
  createdAt: Date;
  origin: JourneyPlace;
}

/**
 * The UPS sandbox: msw handlers for `baseUrl` (default UPS's CIE host),
 * fault scenarios first. Tokens and booked shipments live per call of this
 * factory.
 */
export function upsSandbox(options: SandboxOptions<UpsConfig>) {
  const base = options.baseUrl.replace(/\/$/, '');
  const tokens = sandboxTokens('ups-sandbox');
  const shipments = new Map<string, CreatedShipment>();
  let booked = 0;
  let pickups = 0;

  const refuse = (request: Request): Response | undefined => {
    if (!tokens.accepts(request)) {
      return upsErrors(401, '250002', 'Invalid Authentication Information.');
    }
    const transId = request.headers.get('transid') ?? '';
    if (transId === '' || transId.length > 32 || !request.headers.get('transactionsrc')) {
      return upsErrors(400, '10400', 'Missing or invalid transId or transactionSrc header.');
    }
    return undefined;
  };

  return [
    ...scenarioHandlers(options),

    http.post(`${base}/security/v1/oauth/token`, async ({ request }) => {
      const refusal = await refuseTokenRequest(request, UPS_SANDBOX_CREDENTIALS, [
        'client_secret_basic',
      ]);
      if (refusal === 'unsupported_grant_type') {
        return upsErrors(400, '10400', 'Invalid/Missing grant_type');
      }
      if (refusal === 'invalid_client') return upsErrors(401, '10401', 'ClientId is Invalid');
      return HttpResponse.json({
        token_type: 'Bearer',
        issued_at: String(Date.now()),
        client_id: UPS_SANDBOX_CREDENTIALS.clientId,
        access_token: tokens.issue(),
        scope: '',
        expires_in: '14399',
        refresh_count: '0',
        status: 'approved',
      });
    }),

    http.post(`${base}/api/rating/:version/:requestOption`, async ({ request, params }) => {
      const refused = refuse(request);
      if (refused) return refused;
      const option = String(params.requestOption);
      if (!['Rate', 'Shop', 'Ratetimeintransit', 'Shoptimeintransit'].includes(option)) {
        return upsErrors(400, '111500', `The requestoption ${option} is invalid.`);
      }
      const body = await jsonObjectBody(request);
      const shipment = valueAt(body, 'RateRequest', 'Shipment') as
        | Record<string, unknown>
        | undefined;
      if (shipment === undefined) return upsErrors(400, '111100', 'Missing or invalid shipment.');
      if (!/^[A-Z0-9]{6}$/.test(String(valueAt(shipment, 'Shipper', 'ShipperNumber') ?? ''))) {
        return upsErrors(400, '111056', 'Missing or invalid shipper number.');
      }
      const lane = laneOf(shipment, '111035');
      if (lane instanceof Response) return lane;
      const { origin, destination, packages } = lane;
      const inTransit = option.endsWith('timeintransit');
      if (inTransit) {
        const missing = missingPaths(shipment, [
          'DeliveryTimeInformation/PackageBillType',
          'ShipmentTotalWeight/Weight',
        ]);
        if (missing.length > 0)
          return upsErrors(400, '111546', `Missing ${missing[0]} for time in transit.`);
        if (
          origin !== destination &&
          valueAt(shipment, 'DeliveryTimeInformation', 'PackageBillType') === '03' &&
          !valueAt(shipment, 'InvoiceLineTotal', 'MonetaryValue')
        ) {
          return upsErrors(
            400,
            '111547',
            'Invoice line total is required for a non-document international shipment.',
          );
        }
      }
      const pickup = String(valueAt(shipment, 'DeliveryTimeInformation', 'Pickup', 'Date') ?? '');
      const pickupDate = /^\d{8}$/.test(pickup)
        ? `${pickup.slice(0, 4)}-${pickup.slice(4, 6)}-${pickup.slice(6)}`
        : new Date().toISOString().slice(0, 10);
      const weight = grams(packages);
      const rated = services(origin, destination).map((service) =>
        ratedShipment(origin, destination, pickupDate, weight, service),
      );
      const requested = String(valueAt(shipment, 'Service', 'Code') ?? '');
      const answer = option.startsWith('Shop')
        ? rated
        : (rated.find((one) => one.Service.Code === requested) ?? rated[0]);
      return HttpResponse.json({
        RateResponse: {
          Response: {
            ResponseStatus: { Code: '1', Description: 'Success' },
            Alert: [
              {
                Code: '110971',
                Description: 'Your invoice may vary from the displayed reference rates',
              },
            ],
            TransactionReference:
              valueAt(body, 'RateRequest', 'Request', 'TransactionReference') ?? {},
          },
          RatedShipment: answer,
        },
      });
    }),

    http.post(`${base}/api/shipments/:version/ship`, async ({ request }) => {
      const refused = refuse(request);
      if (refused) return refused;
      const body = await jsonObjectBody(request);
      const shipment = valueAt(body, 'ShipmentRequest', 'Shipment') as
        | Record<string, unknown>
        | undefined;
      if (shipment === undefined) return upsErrors(400, '120100', 'Missing or invalid shipment.');
      const missing = missingFields(shipment, '120100', [
        'Shipper/Name',
        'Shipper/ShipperNumber',
        'Shipper/Address/AddressLine/0',
        'Shipper/Address/City',
        'ShipTo/Name',
        'ShipTo/Phone/Number',
        'ShipTo/Address/AddressLine/0',
        'ShipTo/Address/City',
        'PaymentInformation/ShipmentCharge/0/Type',
        'Service/Code',
      ]);
      if (missing) return missing;
      const lane = laneOf(shipment, '120600');
      if (lane instanceof Response) return lane;
      const { origin, destination, packages } = lane;
      if (
        origin !== destination &&
        shipment.DocumentsOnlyIndicator === undefined &&
        !valueAt(shipment, 'InvoiceLineTotal', 'MonetaryValue')
      ) {
        return upsErrors(400, '120541', 'Invoice Line Total is required for this shipment.');
      }
      const code = String(valueAt(shipment, 'Service', 'Code'));
      const service = services(origin, destination).find((one) => one.code === code);
      if (service === undefined) {
        return upsErrors(
          400,
          '121210',
          'The requested service is unavailable between the selected locations.',
        );
      }
      booked += 1;
      const account = String(valueAt(shipment, 'Shipper', 'ShipperNumber'));
      const numbers = packages.map(
        (_, index) => `1Z${account}${code}${sandboxDigits(`ups-${booked}-${index}`, 8)}`,
      );
      const rated = ratedShipment(
        origin,
        destination,
        new Date().toISOString().slice(0, 10),
        grams(packages),
        service,
      );
      shipments.set(numbers[0] ?? '', {
        createdAt: new Date(),
        origin: {
          city: String(valueAt(shipment, 'Shipper', 'Address', 'City')),
          countryCode: origin,
          facility: origin,
          utcOffset: '+00:00',
        },
      });
      const results = numbers.map((trackingNumber) => ({
        TrackingNumber: trackingNumber,
        ShippingLabel: {
          ImageFormat: { Code: 'GIF', Description: 'GIF' },
          GraphicImage: LABEL_GIF,
        },
      }));
      return HttpResponse.json({
        ShipmentResponse: {
          Response: { ResponseStatus: { Code: '1', Description: 'Success' } },
          ShipmentResults: {
            ShipmentCharges: { TotalCharges: rated.TotalCharges },
            NegotiatedRateCharges: rated.NegotiatedRateCharges,
            BillingWeight: rated.BillingWeight,
            ShipmentIdentificationNumber: numbers[0],
            // UPS sends a single package result as an object, several as an array.
            PackageResults: results.length === 1 ? results[0] : results,
          },
        },
      });
    }),

    http.get(`${base}/api/track/v1/details/:inquiryNumber`, ({ request, params }) => {
      const refused = refuse(request);
      if (refused) return refused;
      const inquiryNumber = String(params.inquiryNumber);
      const created = shipments.get(inquiryNumber);
      if (isUnknownTrackingNumber(inquiryNumber)) {
        return upsErrors(404, 'TW0001', 'Tracking Information Not Found');
      }
      const journey = created === undefined ? parcelJourney(inquiryNumber, HUBS) : undefined;
      const milestones =
        journey?.milestones ??
        (created === undefined
          ? []
          : [{ kind: 'label_created' as const, place: created.origin, at: created.createdAt }]);
      const last = milestones.at(-1);
      const delivered = last?.kind === 'delivered';
      const estimate = journey?.estimatedDelivery ?? new Date(Date.now() + 3 * 86_400_000);
      return HttpResponse.json({
        trackResponse: {
          shipment: [
            {
              inquiryNumber,
              package: [
                {
                  trackingNumber: inquiryNumber,
                  deliveryDate: [
                    delivered && last !== undefined
                      ? {
                          type: 'DEL',
                          date: upsDateOf(localIso(last.at, last.place.utcOffset).slice(0, 10)),
                        }
                      : { type: 'SDD', date: upsDateOf(estimate.toISOString().slice(0, 10)) },
                  ],
                  deliveryTime:
                    delivered && last !== undefined
                      ? {
                          type: 'DEL',
                          endTime: localIso(last.at, last.place.utcOffset)
                            .slice(11, 19)
                            .replaceAll(':', ''),
                        }
                      : { type: 'EOD', endTime: '233000' },
                  activity: milestones.map(activity).reverse(),
                  currentStatus:
                    last === undefined
                      ? undefined
                      : {
                          description: ACTIVITIES[last.kind].text,
                          code: ACTIVITIES[last.kind].statusCode,
                        },
                  packageCount: 1,
                },
              ],
            },
          ],
        },
      });
    }),

    http.post(`${base}/api/shipments/:version/pickup/:pickupType`, async ({ request, params }) => {
      const refused = refuse(request);
      if (refused) return refused;
      if (!['oncall', 'smart', 'both'].includes(String(params.pickupType))) {
        return upsErrors(400, '9510100', 'Invalid pickup type.');
      }
      const body = await jsonObjectBody(request);
      const pickup = valueAt(body, 'PickupCreationRequest');
      const missing = missingFields(pickup, '9510110', [
        'RatePickupIndicator',
        'Shipper/Account/AccountNumber',
        'Shipper/Account/AccountCountryCode',
        'PickupDateInfo/CloseTime',
        'PickupDateInfo/ReadyTime',
        'PickupDateInfo/PickupDate',
        'PickupAddress/CompanyName',
        'PickupAddress/ContactName',
        'PickupAddress/AddressLine',
        'PickupAddress/City',
        'PickupAddress/CountryCode',
        'PickupAddress/Phone/Number',
        'PickupPiece/0/ServiceCode',
        'PickupPiece/0/Quantity',
        'PaymentMethod',
      ]);
      if (missing) return missing;
      const ready = String(valueAt(pickup, 'PickupDateInfo', 'ReadyTime'));
      const close = String(valueAt(pickup, 'PickupDateInfo', 'CloseTime'));
      if (!/^\d{4}$/.test(ready) || !/^\d{4}$/.test(close) || ready >= close) {
        return upsErrors(400, '9510131', 'The ready time must be before the close time (HHMM).');
      }
      if (!/^\d{8}$/.test(String(valueAt(pickup, 'PickupDateInfo', 'PickupDate')))) {
        return upsErrors(400, '9510132', 'Invalid pickup date.');
      }
      pickups += 1;
      return HttpResponse.json({
        PickupCreationResponse: {
          Response: { ResponseStatus: { Code: '1', Description: 'Success' } },
          PRN: `29${sandboxDigits(`ups-pickup-${pickups}`, 7)}E9CP`,
        },
      });
    }),
  ];
}
