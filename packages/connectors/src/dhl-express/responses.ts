import type { z } from 'zod';
import { type CarrierCallSite, carrierErrorDetail, stringAt } from '../logistics/carrier-errors.js';
import { moneyFromCarrierAmount } from '../logistics/carrier-money.js';
import { buildTrackResult, derivedQuoteId } from '../logistics/normalize.js';
import type {
  NormalizedQuote,
  ParsedQuoteInput,
  ShipmentResult,
  TrackResult,
} from '../logistics/schema.js';
import { dhlCheckpointStatus, dhlServiceType } from './codes.js';
import type { dhlPrice, dhlProduct, dhlShipmentResponse, dhlTrackingResponse } from './schema.js';

/** The connector id, as it appears in normalized answers. */
export const DHL_EXPRESS_ID = 'dhl-express';

/** The price a DHL answer bills: the `BILLC` (billing currency) entry, else the first with a currency. */
function billedPrice(prices: ReadonlyArray<z.output<typeof dhlPrice>>) {
  return (
    prices.find((price) => price.currencyType === 'BILLC' && price.priceCurrency) ??
    prices.find((price) => price.priceCurrency)
  );
}

/** A MyDHL rated product as a normalized quote; `undefined` for a product DHL sent without a price. */
export function quoteFromDhlProduct(
  product: z.output<typeof dhlProduct>,
  input: ParsedQuoteInput,
  site: CarrierCallSite,
): NormalizedQuote | undefined {
  const price = billedPrice(product.totalPrice);
  if (price === undefined) return undefined;
  const transit = product.deliveryCapabilities?.totalTransitDays;
  return {
    carrier: DHL_EXPRESS_ID,
    service: product.productName,
    serviceCode: product.productCode,
    serviceType: dhlServiceType(product.productCode),
    total: moneyFromCarrierAmount(price.price, price.priceCurrency, site),
    transitDays: transit === undefined ? null : Number(transit),
    estimatedDelivery: product.deliveryCapabilities?.estimatedDeliveryDateAndTime ?? null,
    quoteId: derivedQuoteId(DHL_EXPRESS_ID, product.productCode, input),
  };
}

/** A MyDHL tracking answer as the contract's tracking result. */
export function trackResultFromDhl(
  body: z.output<typeof dhlTrackingResponse>,
  trackingNumber: string,
): TrackResult {
  const [shipment] = body.shipments;
  return buildTrackResult({
    carrier: DHL_EXPRESS_ID,
    trackingNumber: shipment?.shipmentTrackingNumber ?? trackingNumber,
    estimatedDelivery: shipment?.estimatedDeliveryDate ?? null,
    events: (shipment?.events ?? []).map((event) => ({
      at: `${event.date}T${event.time}${event.GMTOffset ?? ''}`,
      location: event.serviceArea?.[0]?.description ?? event.serviceArea?.[0]?.code ?? null,
      code: event.typeCode,
      description: event.description,
      status: dhlCheckpointStatus(event.typeCode),
    })),
  });
}

/** A MyDHL shipment answer as the contract's shipment result. */
export function shipmentResultFromDhl(
  body: z.output<typeof dhlShipmentResponse>,
  site: CarrierCallSite,
): ShipmentResult {
  const charge = body.shipmentCharges === undefined ? undefined : billedPrice(body.shipmentCharges);
  return {
    carrier: DHL_EXPRESS_ID,
    trackingNumber: body.shipmentTrackingNumber,
    packageTrackingNumbers: body.packages.map((pkg) => pkg.trackingNumber),
    labels: body.documents
      .filter((document) => document.typeCode === 'label')
      .map((document) => ({
        format: document.imageFormat.toUpperCase(),
        content: document.content,
      })),
    total:
      charge === undefined
        ? null
        : moneyFromCarrierAmount(charge.price, charge.priceCurrency, site),
    estimatedDelivery: body.estimatedDeliveryDate?.estimatedDeliveryDate ?? null,
  };
}

/** The title and detail of a MyDHL problem document (`{ instance, detail, title, message, status }`). */
export function readDhlError(body: unknown): { code?: string; message?: string } | undefined {
  const title = stringAt(body, 'title');
  const detail = stringAt(body, 'detail') ?? stringAt(body, 'message');
  const more = (body as { additionalDetails?: unknown } | null)?.additionalDetails;
  const extra = Array.isArray(more)
    ? more.filter((item): item is string => typeof item === 'string').slice(0, 5)
    : [];
  const message = [detail, ...extra].filter(Boolean).join('; ');
  return carrierErrorDetail(title, message === '' ? undefined : message);
}
