import { toDecimalString } from '@tollgate/core';
import { jsonNumberForCarrier } from '../logistics/carrier-money.js';
import type {
  Parcel,
  ParsedCreateShipmentInput,
  ParsedQuoteInput,
  ParsedSchedulePickupInput,
  Party,
  Place,
} from '../logistics/schema.js';
import { gramsOf, kilogramsOf } from '../logistics/weights.js';
import { defaultDhlProduct, dhlDateTime } from './codes.js';
import type { DhlExpressConfig } from './schema.js';

/** DHL quotes a package of unknown size as 1 × 1 × 1 cm, so only its weight counts. */
const UNKNOWN_DIMENSION_CM = 1;

function dimensionsOf(pkg: Parcel) {
  return {
    length: pkg.lengthCm ?? UNKNOWN_DIMENSION_CM,
    width: pkg.widthCm ?? UNKNOWN_DIMENSION_CM,
    height: pkg.heightCm ?? UNKNOWN_DIMENSION_CM,
  };
}

function packageOf(pkg: Parcel) {
  return { weight: jsonNumberForCarrier(pkg.weightKg), dimensions: dimensionsOf(pkg) };
}

/** Whether a quote or shipment needs a customs declaration: goods with a value, across a border. */
export function isCustomsDeclarable(
  origin: string,
  destination: string,
  declaredValue: unknown,
): boolean {
  return declaredValue !== undefined && origin !== destination;
}

/** The query of MyDHL `GET /rates` (one piece). */
export function ratesQuery(
  config: DhlExpressConfig,
  input: ParsedQuoteInput,
  origin: Place,
  destination: Place,
): Record<string, string | number | boolean | undefined> {
  const [pkg] = input.packages as [Parcel];
  const dimensions = dimensionsOf(pkg);
  return {
    accountNumber: config.accountNumber,
    originCountryCode: origin.countryCode,
    originCityName: origin.city,
    originPostalCode: origin.postalCode,
    destinationCountryCode: destination.countryCode,
    destinationCityName: destination.city,
    destinationPostalCode: destination.postalCode,
    weight: pkg.weightKg,
    length: dimensions.length,
    width: dimensions.width,
    height: dimensions.height,
    plannedShippingDate: input.shipDate,
    isCustomsDeclarable: isCustomsDeclarable(
      origin.countryCode,
      destination.countryCode,
      input.declaredValue,
    ),
    unitOfMeasurement: 'metric',
    nextBusinessDay: true,
  };
}

/** The body of MyDHL `POST /rates` (several pieces). */
export function ratesBody(
  config: DhlExpressConfig,
  input: ParsedQuoteInput,
  origin: Place,
  destination: Place,
) {
  const declarable = isCustomsDeclarable(
    origin.countryCode,
    destination.countryCode,
    input.declaredValue,
  );
  return {
    customerDetails: {
      shipperDetails: {
        postalCode: origin.postalCode ?? '',
        cityName: origin.city,
        countryCode: origin.countryCode,
      },
      receiverDetails: {
        postalCode: destination.postalCode ?? '',
        cityName: destination.city,
        countryCode: destination.countryCode,
      },
    },
    accounts: [{ typeCode: 'shipper', number: config.accountNumber }],
    plannedShippingDateAndTime: `${input.shipDate}T10:00:00GMT+00:00`,
    unitOfMeasurement: 'metric',
    isCustomsDeclarable: declarable,
    ...(declarable && input.declaredValue !== undefined
      ? {
          monetaryAmount: [
            {
              typeCode: 'declaredValue',
              value: jsonNumberForCarrier(toDecimalString(input.declaredValue)),
              currency: input.declaredValue.currency,
            },
          ],
        }
      : {}),
    packages: input.packages.map(packageOf),
    nextBusinessDay: true,
  };
}

function postalAddress(party: Party) {
  const [addressLine1, addressLine2, addressLine3] = party.address.lines;
  return {
    ...(party.address.postalCode === undefined ? {} : { postalCode: party.address.postalCode }),
    cityName: party.address.city,
    countryCode: party.address.countryCode,
    ...(party.address.stateCode === undefined ? {} : { provinceCode: party.address.stateCode }),
    addressLine1,
    ...(addressLine2 === undefined ? {} : { addressLine2 }),
    ...(addressLine3 === undefined ? {} : { addressLine3 }),
  };
}

function contactInformation(party: Party) {
  return {
    phone: party.phone,
    companyName: party.company ?? party.name,
    fullName: party.name,
    ...(party.email === undefined ? {} : { email: party.email }),
  };
}

/** A party as MyDHL's `shipperDetails` or `receiverDetails`: its address and contact. */
function partyDetails(party: Party) {
  return { postalAddress: postalAddress(party), contactInformation: contactInformation(party) };
}

/** The body of MyDHL `POST /shipments`. */
export function shipmentBody(config: DhlExpressConfig, input: ParsedCreateShipmentInput) {
  const origin = input.shipper.address.countryCode;
  const destination = input.recipient.address.countryCode;
  const declarable = isCustomsDeclarable(origin, destination, input.declaredValue);
  return {
    plannedShippingDateAndTime: `${input.shipDate}T10:00:00GMT+00:00`,
    pickup: { isRequested: false },
    productCode:
      input.serviceCode ?? defaultDhlProduct(input.serviceType, origin === destination, declarable),
    getRateEstimates: true,
    accounts: [{ typeCode: 'shipper', number: config.accountNumber }],
    outputImageProperties: {
      encodingFormat: 'pdf',
      imageOptions: [{ typeCode: 'label', templateName: 'ECOM26_84_001' }],
    },
    ...(input.reference === undefined
      ? {}
      : { customerReferences: [{ value: input.reference, typeCode: 'CU' }] }),
    customerDetails: {
      shipperDetails: partyDetails(input.shipper),
      receiverDetails: partyDetails(input.recipient),
    },
    content: {
      packages: input.packages.map(packageOf),
      isCustomsDeclarable: declarable,
      ...(declarable && input.declaredValue !== undefined
        ? {
            declaredValue: jsonNumberForCarrier(toDecimalString(input.declaredValue)),
            declaredValueCurrency: input.declaredValue.currency,
            incoterm: 'DAP',
          }
        : {}),
      description: input.description,
      unitOfMeasurement: 'metric',
    },
  };
}

/**
 * `count` package weights, in kilograms, that add up to `totalKg` (grams
 * spread, the remainder on the first; at least a gram each).
 */
export function splitWeight(totalKg: string, count: number): string[] {
  const grams = gramsOf(totalKg);
  const each = grams / BigInt(count);
  const remainder = grams - each * BigInt(count);
  return Array.from({ length: count }, (_, index) => {
    const share = each === 0n ? 1n : each + (index === 0 ? remainder : 0n);
    return kilogramsOf(share);
  });
}

/** The body of MyDHL `POST /pickups`. */
export function pickupBody(config: DhlExpressConfig, input: ParsedSchedulePickupInput) {
  return {
    plannedPickupDateAndTime: dhlDateTime(input.readyAt),
    closeTime: input.closeTime,
    location: input.instructions ?? 'reception',
    locationType: 'business',
    accounts: [{ typeCode: 'shipper', number: config.accountNumber }],
    ...(input.instructions === undefined
      ? {}
      : { specialInstructions: [{ value: input.instructions, typeCode: 'TBD' }] }),
    customerDetails: { shipperDetails: partyDetails(input.location) },
    shipmentDetails: [
      {
        productCode: defaultDhlProduct(input.serviceType, false, false),
        isCustomsDeclarable: false,
        unitOfMeasurement: 'metric',
        packages: splitWeight(input.totalWeightKg, input.packageCount).map((weightKg) =>
          packageOf({ weightKg }),
        ),
      },
    ],
  };
}
