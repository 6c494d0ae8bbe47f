import type { z } from 'zod';
import { type CarrierCallSite, carrierErrorDetail, stringAt } from '../logistics/carrier-errors.js';
import { moneyFromCarrierAmount } from '../logistics/carrier-money.js';
import { buildTrackResult, derivedQuoteId, locationName } from '../logistics/normalize.js';
import type {
  NormalizedQuote,
  ParsedQuoteInput,
  ShipmentResult,
  TrackResult,
} from '../logistics/schema.js';
import { UPS_SERVICES, upsActivityStatus, upsDate, upsServiceType, upsTime } from './codes.js';
import type { upsActivity, upsRatedShipment, upsShipResponse, upsTrackResponse } from './schema.js';

/** The connector id, as it appears in normalized answers. */
export const UPS_ID = 'ups';

/**
 * A UPS rated service as a normalized quote: the negotiated (account) total
 * when UPS gives one, else the published total; the decimal string read as
 * is. Transit days and arrival from the time-in-transit summary.
 */
export function quoteFromUpsRate(
  rated: z.output<typeof upsRatedShipment>,
  input: ParsedQuoteInput,
  site: CarrierCallSite,
): NormalizedQuote {
  const charge = rated.NegotiatedRateCharges?.TotalCharge ?? rated.TotalCharges;
  const estimate = rated.TimeInTransit?.ServiceSummary?.EstimatedArrival;
  const days = estimate?.BusinessDaysInTransit ?? rated.GuaranteedDelivery?.BusinessDaysInTransit;
  const date = upsDate(estimate?.Arrival?.Date);
  const time = upsTime(estimate?.Arrival?.Time);
  const code = rated.Service.Code;
  return {
    carrier: UPS_ID,
    service: rated.Service.Description || UPS_SERVICES[code] || `UPS service ${code}`,
    serviceCode: code,
    serviceType: upsServiceType(code),
    total: moneyFromCarrierAmount(charge.MonetaryValue, charge.CurrencyCode, site),
    transitDays: days !== undefined && /^\d+$/.test(days) ? Number(days) : null,
    estimatedDelivery: date === undefined ? null : time === undefined ? date : `${date}T${time}`,
    quoteId: derivedQuoteId(UPS_ID, code, input),
  };
}

/** When a UPS activity happened: local date and time with its GMT offset when UPS gives one. */
export function upsActivityTime(activity: z.output<typeof upsActivity>): string {
  const date = upsDate(activity.date) ?? activity.date;
  const time = upsTime(activity.time) ?? activity.time;
  const offset =
    activity.gmtOffset !== undefined && /^[+-]\d{2}:\d{2}$/.test(activity.gmtOffset)
      ? activity.gmtOffset
      : '';
  return `${date}T${time}${offset}`;
}

/** A UPS tracking answer's first package as the contract's tracking result. */
export function trackResultFromUps(
  pkg: z.output<typeof upsTrackResponse>['trackResponse']['shipment'][number]['package'][number],
): TrackResult {
  const scheduled = pkg.deliveryDate.find((entry) => entry.type === 'SDD' || entry.type === 'RDD');
  const delivered = pkg.deliveryDate.find((entry) => entry.type === 'DEL');
  const endTime = upsTime(pkg.deliveryTime?.endTime);
  const date = upsDate((delivered ?? scheduled)?.date);
  return buildTrackResult({
    carrier: UPS_ID,
    trackingNumber: pkg.trackingNumber,
    estimatedDelivery:
      date === undefined ? null : endTime === undefined ? date : `${date}T${endTime}`,
    events: pkg.activity.map((activity) => ({
      at: upsActivityTime(activity),
      location: locationName(
        activity.location?.address?.city,
        activity.location?.address?.countryCode,
      ),
      code: activity.status.code ?? activity.status.type ?? '',
      description: activity.status.description ?? '',
      status: upsActivityStatus(activity.status.type, activity.status.code),
    })),
  });
}

/** A UPS ship answer as the contract's shipment result (GIF labels inline, base64). */
export function shipmentResultFromUps(
  body: z.output<typeof upsShipResponse>,
  site: CarrierCallSite,
): ShipmentResult {
  const results = body.ShipmentResponse.ShipmentResults;
  const charge =
    results.NegotiatedRateCharges?.TotalCharge ?? results.ShipmentCharges?.TotalCharges;
  return {
    carrier: UPS_ID,
    trackingNumber: results.ShipmentIdentificationNumber,
    packageTrackingNumbers: results.PackageResults.map((pkg) => pkg.TrackingNumber),
    labels: results.PackageResults.flatMap((pkg) =>
      pkg.ShippingLabel === undefined
        ? []
        : [{ format: pkg.ShippingLabel.ImageFormat.Code, content: pkg.ShippingLabel.GraphicImage }],
    ),
    total:
      charge === undefined
        ? null
        : moneyFromCarrierAmount(charge.MonetaryValue, charge.CurrencyCode, site),
    estimatedDelivery: null,
  };
}

/** The first `{ code, message }` of a UPS error document (`{ response: { errors: [...] } }`). */
export function readUpsError(body: unknown): { code?: string; message?: string } | undefined {
  return carrierErrorDetail(
    stringAt(body, 'response', 'errors', 0, 'code'),
    stringAt(body, 'response', 'errors', 0, 'message'),
  );
}
