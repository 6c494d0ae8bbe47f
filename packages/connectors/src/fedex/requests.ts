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
import { totalWeightKg } from '../logistics/weights.js';
import { defaultFedexService, fedexCurrencyOfIso } from './codes.js';
import type { FedexConfig } from './schema.js';

function packageLineItem(pkg: Parcel, index: number, reference?: string) {
  const dimensions =
    pkg.lengthCm !== undefined && pkg.widthCm !== undefined && pkg.heightCm !== undefined
      ? {
          dimensions: {
            length: pkg.lengthCm,
            width: pkg.widthCm,
            height: pkg.heightCm,
            units: 'CM',
          },
        }
      : {};
  return {
    sequenceNumber: index + 1,
    weight: { units: 'KG', value: jsonNumberForCarrier(pkg.weightKg) },
    ...dimensions,
    ...(reference === undefined
      ? {}
      : {
          customerReferences: [{ customerReferenceType: 'CUSTOMER_REFERENCE', value: reference }],
        }),
  };
}

function rateAddress(place: Place) {
  return {
    ...(place.postalCode === undefined ? {} : { postalCode: place.postalCode }),
    ...(place.city === undefined ? {} : { city: place.city }),
    ...(place.stateCode === undefined ? {} : { stateOrProvinceCode: place.stateCode }),
    countryCode: place.countryCode,
  };
}

function customsClearance(
  declaredValue: ParsedQuoteInput['declaredValue'],
  description: string,
  packages: Parcel[],
) {
  if (declaredValue === undefined) return {};
  return {
    customsClearanceDetail: {
      dutiesPayment: { paymentType: 'SENDER' },
      commodities: [
        {
          description,
          quantity: 1,
          quantityUnits: 'PCS',
          weight: { units: 'KG', value: jsonNumberForCarrier(totalWeightKg(packages)) },
          customsValue: {
            amount: jsonNumberForCarrier(toDecimalString(declaredValue)),
            currency: fedexCurrencyOfIso(declaredValue.currency),
          },
        },
      ],
    },
  };
}

/** The body of FedEx `POST /rate/v1/rates/quotes`: every service, account and list rates. */
export function rateBody(
  config: FedexConfig,
  input: ParsedQuoteInput,
  origin: Place,
  destination: Place,
) {
  const international = origin.countryCode !== destination.countryCode;
  return {
    accountNumber: { value: config.accountNumber },
    rateRequestControlParameters: { returnTransitTimes: true },
    requestedShipment: {
      shipper: { address: rateAddress(origin) },
      recipient: { address: rateAddress(destination) },
      shipDateStamp: input.shipDate,
      pickupType: 'DROPOFF_AT_FEDEX_LOCATION',
      rateRequestType: ['ACCOUNT', 'LIST'],
      preferredCurrency: fedexCurrencyOfIso(config.preferredCurrency),
      ...(international
        ? customsClearance(input.declaredValue, 'Commercial goods', input.packages)
        : {}),
      requestedPackageLineItems: input.packages.map((pkg, index) => packageLineItem(pkg, index)),
    },
  };
}

function shipParty(party: Party) {
  return {
    contact: {
      personName: party.name,
      phoneNumber: party.phone,
      ...(party.company === undefined ? {} : { companyName: party.company }),
      ...(party.email === undefined ? {} : { emailAddress: party.email }),
    },
    address: {
      streetLines: party.address.lines,
      city: party.address.city,
      ...(party.address.stateCode === undefined
        ? {}
        : { stateOrProvinceCode: party.address.stateCode }),
      ...(party.address.postalCode === undefined ? {} : { postalCode: party.address.postalCode }),
      countryCode: party.address.countryCode,
    },
  };
}

/** The body of FedEx `POST /ship/v1/shipments`, asking for the label inline (base64 PDF). */
export function shipBody(config: FedexConfig, input: ParsedCreateShipmentInput) {
  const domestic = input.shipper.address.countryCode === input.recipient.address.countryCode;
  return {
    labelResponseOptions: 'LABEL',
    accountNumber: { value: config.accountNumber },
    requestedShipment: {
      shipper: shipParty(input.shipper),
      recipients: [shipParty(input.recipient)],
      shipDatestamp: input.shipDate,
      serviceType: input.serviceCode ?? defaultFedexService(input.serviceType, domestic),
      packagingType: 'YOUR_PACKAGING',
      pickupType: 'USE_SCHEDULED_PICKUP',
      blockInsightVisibility: false,
      shippingChargesPayment: {
        paymentType: 'SENDER',
        payor: { responsibleParty: { accountNumber: { value: config.accountNumber } } },
      },
      shipmentSpecialServices: { specialServiceTypes: [] },
      labelSpecification: { imageType: 'PDF', labelStockType: 'PAPER_85X11_TOP_HALF_LABEL' },
      rateRequestType: ['ACCOUNT'],
      ...(domestic ? {} : customsClearance(input.declaredValue, input.description, input.packages)),
      requestedPackageLineItems: input.packages.map((pkg, index) =>
        packageLineItem(pkg, index, index === 0 ? input.reference : undefined),
      ),
    },
  };
}

/** The body of FedEx `POST /track/v1/trackingnumbers` for one number, with every scan. */
export function trackBody(trackingNumber: string) {
  return {
    includeDetailedScans: true,
    trackingInfo: [{ trackingNumberInfo: { trackingNumber } }],
  };
}

/** FedEx's ready timestamp (`2025-03-10T09:00:00Z`): the ready time, in UTC. */
function readyTimestamp(readyAt: string): string {
  return `${new Date(readyAt).toISOString().slice(0, 19)}Z`;
}

/** The body of FedEx `POST /pickup/v1/pickups`. */
export function pickupBody(config: FedexConfig, input: ParsedSchedulePickupInput) {
  return {
    associatedAccountNumber: { value: config.accountNumber },
    originDetail: {
      pickupLocation: shipParty(input.location),
      readyDateTimestamp: readyTimestamp(input.readyAt),
      customerCloseTime: `${input.closeTime}:00`,
      packageLocation: 'FRONT',
      ...(input.instructions === undefined ? {} : { buildingPartDescription: input.instructions }),
    },
    carrierCode: config.pickupCarrierCode,
    totalWeight: { units: 'KG', value: jsonNumberForCarrier(input.totalWeightKg) },
    packageCount: input.packageCount,
    ...(input.instructions === undefined ? {} : { remarks: input.instructions }),
  };
}
