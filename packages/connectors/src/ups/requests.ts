import { toDecimalString } from '@tollgate/core';
import type {
  Parcel,
  ParsedCreateShipmentInput,
  ParsedQuoteInput,
  ParsedSchedulePickupInput,
  Party,
  Place,
} from '../logistics/schema.js';
import { totalWeightKg } from '../logistics/weights.js';
import { defaultUpsService, upsDateOf } from './codes.js';
import type { UpsConfig } from './schema.js';

/** UPS packaging `02`: the customer's own package. */
const CUSTOMER_PACKAGING = '02';

function upsPackage(pkg: Parcel, packagingKey: 'PackagingType' | 'Packaging') {
  const dimensions =
    pkg.lengthCm !== undefined && pkg.widthCm !== undefined && pkg.heightCm !== undefined
      ? {
          Dimensions: {
            UnitOfMeasurement: { Code: 'CM' },
            Length: String(pkg.lengthCm),
            Width: String(pkg.widthCm),
            Height: String(pkg.heightCm),
          },
        }
      : {};
  return {
    [packagingKey]: { Code: CUSTOMER_PACKAGING },
    ...dimensions,
    PackageWeight: { UnitOfMeasurement: { Code: 'KGS' }, Weight: pkg.weightKg },
  };
}

function placeAddress(place: Place) {
  return {
    ...(place.city === undefined ? {} : { City: place.city }),
    ...(place.stateCode === undefined ? {} : { StateProvinceCode: place.stateCode }),
    ...(place.postalCode === undefined ? {} : { PostalCode: place.postalCode }),
    CountryCode: place.countryCode,
  };
}

function money(value: ParsedQuoteInput['declaredValue']) {
  return value === undefined
    ? undefined
    : { CurrencyCode: value.currency, MonetaryValue: toDecimalString(value) };
}

/** The body of UPS `POST /api/rating/{version}/Shoptimeintransit`: every service, with transit times. */
export function rateBody(
  config: UpsConfig,
  input: ParsedQuoteInput,
  origin: Place,
  destination: Place,
  customerContext: string,
) {
  const international = origin.countryCode !== destination.countryCode;
  const invoice = international ? money(input.declaredValue) : undefined;
  return {
    RateRequest: {
      Request: {
        RequestOption: 'Shoptimeintransit',
        TransactionReference: { CustomerContext: customerContext },
      },
      Shipment: {
        Shipper: { ShipperNumber: config.accountNumber, Address: placeAddress(origin) },
        ShipFrom: { Address: placeAddress(origin) },
        ShipTo: { Address: placeAddress(destination) },
        PaymentDetails: {
          ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: config.accountNumber } }],
        },
        ShipmentRatingOptions: { NegotiatedRatesIndicator: 'Y' },
        DeliveryTimeInformation: {
          PackageBillType: input.declaredValue === undefined ? '02' : '03',
          Pickup: { Date: upsDateOf(input.shipDate) },
        },
        ShipmentTotalWeight: {
          UnitOfMeasurement: { Code: 'KGS' },
          Weight: totalWeightKg(input.packages),
        },
        ...(invoice === undefined ? {} : { InvoiceLineTotal: invoice }),
        NumOfPieces: String(input.packages.length),
        Package: input.packages.map((pkg) => upsPackage(pkg, 'PackagingType')),
      },
    },
  };
}

function partyAddress(party: Party) {
  return {
    AddressLine: party.address.lines,
    City: party.address.city,
    ...(party.address.stateCode === undefined
      ? {}
      : { StateProvinceCode: party.address.stateCode }),
    ...(party.address.postalCode === undefined ? {} : { PostalCode: party.address.postalCode }),
    CountryCode: party.address.countryCode,
  };
}

function shipParty(party: Party) {
  return {
    Name: party.company ?? party.name,
    AttentionName: party.name,
    Phone: { Number: party.phone.replace(/[^0-9+]/g, '') },
    ...(party.email === undefined ? {} : { EMailAddress: party.email }),
    Address: partyAddress(party),
  };
}

/** The body of UPS `POST /api/shipments/{version}/ship`, asking for a GIF label. */
export function shipBody(
  config: UpsConfig,
  input: ParsedCreateShipmentInput,
  customerContext: string,
) {
  const domestic = input.shipper.address.countryCode === input.recipient.address.countryCode;
  const invoice = domestic ? undefined : money(input.declaredValue);
  return {
    ShipmentRequest: {
      Request: {
        RequestOption: 'nonvalidate',
        TransactionReference: { CustomerContext: customerContext },
      },
      Shipment: {
        Description: input.description,
        Shipper: { ...shipParty(input.shipper), ShipperNumber: config.accountNumber },
        ShipFrom: shipParty(input.shipper),
        ShipTo: shipParty(input.recipient),
        PaymentInformation: {
          ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: config.accountNumber } }],
        },
        Service: { Code: input.serviceCode ?? defaultUpsService(input.serviceType, domestic) },
        ...(domestic || invoice !== undefined ? {} : { DocumentsOnlyIndicator: '' }),
        ...(invoice === undefined ? {} : { InvoiceLineTotal: invoice }),
        ...(input.reference === undefined
          ? {}
          : { ReferenceNumber: { Code: 'PO', Value: input.reference } }),
        ShipmentRatingOptions: { NegotiatedRatesIndicator: 'Y' },
        Package: input.packages.map((pkg) => upsPackage(pkg, 'Packaging')),
      },
      LabelSpecification: {
        LabelImageFormat: { Code: 'GIF' },
        HTTPUserAgent: 'Mozilla/4.5',
      },
    },
  };
}

/** UPS time `HHMM` for a local `HH:MM`. */
function upsClock(time: string): string {
  return time.replace(':', '');
}

/** The body of UPS `POST /api/shipments/{version}/pickup/oncall`. */
export function pickupBody(config: UpsConfig, input: ParsedSchedulePickupInput) {
  const location = input.location;
  return {
    PickupCreationRequest: {
      RatePickupIndicator: 'N',
      Shipper: {
        Account: {
          AccountNumber: config.accountNumber,
          AccountCountryCode: location.address.countryCode,
        },
      },
      PickupDateInfo: {
        CloseTime: upsClock(input.closeTime),
        ReadyTime: upsClock(input.readyAt.slice(11, 16)),
        PickupDate: upsDateOf(input.readyAt.slice(0, 10)),
      },
      PickupAddress: {
        CompanyName: location.company ?? location.name,
        ContactName: location.name,
        AddressLine: location.address.lines.join(', '),
        City: location.address.city,
        ...(location.address.stateCode === undefined
          ? {}
          : { StateProvince: location.address.stateCode }),
        ...(location.address.postalCode === undefined
          ? {}
          : { PostalCode: location.address.postalCode }),
        CountryCode: location.address.countryCode,
        ResidentialIndicator: 'N',
        Phone: { Number: location.phone.replace(/[^0-9+]/g, '') },
      },
      AlternateAddressIndicator: 'N',
      PickupPiece: [
        {
          ServiceCode: `0${defaultUpsService(input.serviceType, false)}`,
          Quantity: String(input.packageCount),
          ContainerCode: '01',
        },
      ],
      TotalWeight: { Weight: input.totalWeightKg, UnitOfMeasurement: 'KGS' },
      OverweightIndicator: 'N',
      PaymentMethod: '01',
      ...(input.instructions === undefined ? {} : { SpecialInstruction: input.instructions }),
    },
  };
}
