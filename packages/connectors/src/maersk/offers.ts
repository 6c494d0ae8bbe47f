import type { z } from 'zod';
import type { CarrierCallSite } from '../logistics/carrier-errors.js';
import { moneyFromCarrierAmount } from '../logistics/carrier-money.js';
import type { NormalizedQuote } from '../logistics/schema.js';
import {
  MAERSK_CONTAINERS,
  type MaerskConfig,
  type maerskOffer,
  type maerskQuoteInput,
} from './schema.js';

/** The connector id, as it appears in normalized answers. */
export const MAERSK_ID = 'maersk';

/** Path of Maersk's Product Offers for a brand and earliest departure date. */
export function offersPath(config: MaerskConfig, departureDate: string): string {
  return `/offers/v2/offers/brand/${config.brandScac.toLowerCase()}/departuredate/${departureDate}`;
}

/** The Product Offers query for a port pair and containers (container yard to container yard). */
export function offersQuery(
  input: z.output<typeof maerskQuoteInput>,
  originPort: string,
  destinationPort: string,
): Record<string, string> {
  return {
    originUnLocCode: originPort,
    destinationUnLocCode: destinationPort,
    containerIsoCode: MAERSK_CONTAINERS[input.containerType],
    containerCount: String(input.containerCount),
    originServiceMode: 'CY',
    destinationServiceMode: 'CY',
  };
}

/** One Maersk offer (a priced sailing) as a normalized quote; Maersk's `priceId` is the quote id. */
export function quoteFromMaerskOffer(
  offer: z.output<typeof maerskOffer>,
  site: CarrierCallSite,
): NormalizedQuote {
  const sailing = [offer.departureDate.slice(0, 10), offer.vesselName, offer.voyageNumber]
    .filter(Boolean)
    .join(' ');
  return {
    carrier: MAERSK_ID,
    service: `${offer.productName} (${sailing})`,
    serviceCode: offer.productCode,
    serviceType: 'ocean',
    total: moneyFromCarrierAmount(offer.totalPrice.amount, offer.totalPrice.currency, site),
    transitDays: offer.transitTime ?? null,
    estimatedDelivery: offer.arrivalDate ?? null,
    quoteId: offer.priceId,
  };
}
