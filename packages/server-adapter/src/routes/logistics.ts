import { randomUUID } from 'node:crypto';
import type { BillingGuard } from '@tollgate/billing';
import {
  callLogisticsOperation,
  type LogisticsClientLike,
  type NormalizedQuote,
  type QuoteRequestBody,
  type QuoteResult,
  quoteInputFromRequestBody,
  quoteRequestBody,
  type TrackResult,
} from '@tollgate/connectors/logistics';
import { Hono } from 'hono';
import type { SessionStore } from '../sessions/session-store.js';
import type { AppEnv } from '../types.js';
import { billedPartnerCall } from './billed-partner-call.js';
import { readJsonBody } from './input.js';
import {
  integrationClient,
  type MoneyJson,
  moneyJson,
  partnerError,
  visibleSession,
} from './integration-support.js';

/** The operation a carrier quote bills. */
export const LOGISTICS_QUOTE = 'logistics.quote';

/**
 * A connected carrier client of the logistics contract (DHL Express, FedEx,
 * UPS, Maersk, MSC …): `track` always, `quote` when the carrier has one.
 */
export type LogisticsClient = LogisticsClientLike;

/** What the logistics integration routes need. */
export interface LogisticsRoutesOptions {
  guard: BillingGuard;
  sessions: SessionStore;
  /** Carrier clients by integration id (the `:integrationId` of the routes). */
  integrations: Record<string, LogisticsClient>;
}

/** One carrier service of a quote answer (snake_case, money as minor-unit strings). */
interface QuoteServiceJson {
  carrier: string;
  service: string;
  service_code: string;
  service_type: string;
  total: MoneyJson;
  transit_days: number | null;
  estimated_delivery: string | null;
  quote_id: string;
}

/** The answer of `POST /integrations/logistics/:integrationId/quote`. */
interface LogisticsQuoteAnswer extends QuoteServiceJson {
  id: string;
  session_id: string;
  alternatives: QuoteServiceJson[];
  billing_recorded: true;
}

/**
 * `POST /integrations/logistics/:integrationId/quote` and `GET
 * /integrations/logistics/:integrationId/track/:trackingNumber`: the carrier
 * registered under `integrationId` quotes a shipment (billed `logistics.quote`
 * once per `idempotency_key`, at the tier of the caller's role; a failed quote
 * is voided) or tracks one (not billed). An unknown integration or a session
 * the caller cannot see is a 404; a carrier without `quote` is a 501.
 */
export function logisticsRoutes(options: LogisticsRoutesOptions): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/integrations/logistics/:integrationId/quote', async (c) => {
      const principal = c.get('principal');
      const integrationId = c.req.param('integrationId');
      const client = integrationClient(options.integrations, integrationId, 'logistics');
      const body = await readJsonBody(c, quoteRequestBody, 'quote request');
      const session = await visibleSession(options.sessions, body.session_id, principal.tenantId);

      const { answer } = await billedPartnerCall(c, {
        guard: options.guard,
        operation: LOGISTICS_QUOTE,
        kind: 'logistics-quote',
        partner: 'carrier',
        what: 'quote request',
        integrationId,
        sessionId: session.id,
        idempotencyKey: body.idempotency_key,
        request: requestFingerprint(integrationId, body),
        call: async (partnerKey): Promise<LogisticsQuoteAnswer> => {
          const quote = (await callLogisticsOperation(
            client,
            'quote',
            quoteInputFromRequestBody(body),
            { idempotencyKey: partnerKey },
          )) as QuoteResult;
          return {
            id: `lgq_${randomUUID()}`,
            session_id: session.id,
            ...serviceJson(quote),
            alternatives: quote.alternatives.map(serviceJson),
            billing_recorded: true,
          };
        },
        reference: (answer) => answer.quote_id,
      });
      return c.json(answer, 201);
    })
    .get('/integrations/logistics/:integrationId/track/:trackingNumber', async (c) => {
      const integrationId = c.req.param('integrationId');
      const client = integrationClient(options.integrations, integrationId, 'logistics');
      let tracked: TrackResult;
      try {
        tracked = (await callLogisticsOperation(client, 'track', {
          trackingNumber: c.req.param('trackingNumber'),
        })) as TrackResult;
      } catch (error) {
        throw partnerError(error, 'carrier');
      }
      return c.json({
        carrier: tracked.carrier,
        tracking_number: tracked.trackingNumber,
        status: tracked.status,
        estimated_delivery: tracked.estimatedDelivery,
        events: tracked.events,
      });
    });
}

function serviceJson(quote: NormalizedQuote): QuoteServiceJson {
  return {
    carrier: quote.carrier,
    service: quote.service,
    service_code: quote.serviceCode,
    service_type: quote.serviceType,
    total: moneyJson(quote.total),
    transit_days: quote.transitDays,
    estimated_delivery: quote.estimatedDelivery,
    quote_id: quote.quoteId,
  };
}

/** What a replay must repeat exactly (the guard's own fingerprint covers session, payer and price). */
function requestFingerprint(integrationId: string, body: QuoteRequestBody): string {
  return JSON.stringify([
    integrationId,
    body.service_type,
    body.origin_country,
    body.destination_country,
    moneyJson(body.shipment_value),
    body.origin_city ?? null,
    body.origin_postal_code ?? null,
    body.destination_city ?? null,
    body.destination_postal_code ?? null,
    body.weight_kg ?? null,
  ]);
}
