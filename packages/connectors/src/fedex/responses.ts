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
import {
  fedexEventStatus,
  fedexServiceType,
  fedexTransitDays,
  isoCurrencyOfFedex,
} from './codes.js';
import type { fedexRateResponse, fedexShipResponse, fedexTrackResult } from './schema.js';

/** The connector id, as it appears in normalized answers. */
export const FEDEX_ID = 'fedex';

type RateReplyDetail = z.output<typeof fedexRateResponse>['output']['rateReplyDetails'][number];

/**
 * A FedEx rate reply as a normalized quote: the account (negotiated) rate
 * when FedEx gives one, else the list rate; the amount from its number, the
 * currency mapped from FedEx's own codes (`UKL` → `GBP`).
 */
export function quoteFromFedexRate(
  detail: RateReplyDetail,
  input: ParsedQuoteInput,
  site: CarrierCallSite,
): NormalizedQuote {
  const rated =
    detail.ratedShipmentDetails.find((rate) => rate.rateType === 'ACCOUNT') ??
    detail.ratedShipmentDetails[0];
  const currency = rated?.currency ?? rated?.shipmentRateDetail?.currency ?? '';
  return {
    carrier: FEDEX_ID,
    service: detail.serviceName ?? detail.serviceType,
    serviceCode: detail.serviceType,
    serviceType: fedexServiceType(detail.serviceType),
    total: moneyFromCarrierAmount(rated?.totalNetCharge, isoCurrencyOfFedex(currency), site),
    transitDays: fedexTransitDays(detail.operationalDetail?.transitTime),
    estimatedDelivery:
      detail.commit?.dateDetail?.dayFormat ?? detail.operationalDetail?.deliveryDate ?? null,
    quoteId: derivedQuoteId(FEDEX_ID, detail.serviceType, input),
  };
}

/** A FedEx track result as the contract's tracking result. */
export function trackResultFromFedex(
  result: z.output<typeof fedexTrackResult>,
  trackingNumber: string,
): TrackResult {
  const estimate = result.dateAndTimes.find(
    (entry) => entry.type === 'ESTIMATED_DELIVERY' || entry.type === 'ACTUAL_DELIVERY',
  );
  const latest = result.latestStatusDetail?.derivedCode ?? result.latestStatusDetail?.code;
  return buildTrackResult({
    carrier: FEDEX_ID,
    trackingNumber: result.trackingNumberInfo?.trackingNumber ?? trackingNumber,
    estimatedDelivery: estimate?.dateTime ?? null,
    ...(latest === undefined ? {} : { status: fedexEventStatus(latest) }),
    events: result.scanEvents.map((event) => ({
      at: event.date,
      location: locationName(event.scanLocation?.city, event.scanLocation?.countryCode),
      code: event.eventType,
      description: event.exceptionDescription
        ? `${event.eventDescription}: ${event.exceptionDescription}`
        : event.eventDescription,
      status: fedexEventStatus(event.derivedStatusCode ?? event.eventType),
    })),
  });
}

/** A FedEx ship answer as the contract's shipment result (labels inline, base64). */
export function shipmentResultFromFedex(
  body: z.output<typeof fedexShipResponse>,
  site: CarrierCallSite,
): ShipmentResult {
  const [shipment] = body.output.transactionShipments;
  const rate = shipment?.completedShipmentDetail?.shipmentRating?.shipmentRateDetails[0];
  return {
    carrier: FEDEX_ID,
    trackingNumber: shipment?.masterTrackingNumber ?? '',
    packageTrackingNumbers: (shipment?.pieceResponses ?? []).map((piece) => piece.trackingNumber),
    labels: (shipment?.pieceResponses ?? []).flatMap((piece) =>
      piece.packageDocuments
        .filter(
          (document) => document.contentType === undefined || document.contentType === 'LABEL',
        )
        .map((document) => ({
          format: (document.docType ?? 'PDF').toUpperCase(),
          ...(document.encodedLabel === undefined ? {} : { content: document.encodedLabel }),
          ...(document.url === undefined ? {} : { url: document.url }),
        })),
    ),
    total:
      rate === undefined
        ? null
        : moneyFromCarrierAmount(rate.totalNetCharge, isoCurrencyOfFedex(rate.currency), site),
    estimatedDelivery: shipment?.completedShipmentDetail?.operationalDetail?.deliveryDate ?? null,
  };
}

/** The first `{ code, message }` of a FedEx error document (`{ transactionId, errors: [...] }`). */
export function readFedexError(body: unknown): { code?: string; message?: string } | undefined {
  return carrierErrorDetail(
    stringAt(body, 'errors', 0, 'code'),
    stringAt(body, 'errors', 0, 'message'),
  );
}
