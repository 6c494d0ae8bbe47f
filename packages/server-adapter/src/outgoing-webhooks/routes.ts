import type { SqlSurface } from '@tollgate/billing';
import { type ProblemDetails, TollgateError } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { ServerProblem } from '../errors/problem.js';
import { readJsonBody, readQuery } from '../routes/input.js';
import type { AppEnv } from '../types.js';
import { MAX_EVENT_FILTERS } from './filters.js';
import {
  type CreatedWebhookEndpoint,
  sqlWebhookStore,
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookStore,
  type WebhookStoreOptions,
} from './store.js';

/** Options of {@link outgoingWebhookRoutes}: a store, or the database to keep one in. */
export type OutgoingWebhookRoutesOptions =
  | { store: WebhookStore }
  | (WebhookStoreOptions & { surface: SqlSurface });

/** A replay of a delivery that is still queued (`pending` or `failed`): 409. */
export class DeliveryNotReplayableError extends TollgateError {
  constructor(status: string) {
    super(
      'delivery_not_replayable',
      `Only a delivered or dead delivery can be replayed; this one is ${status} (already queued).`,
      { status: 409, details: { delivery_status: status } },
    );
    this.name = 'DeliveryNotReplayableError';
  }

  override toProblem(instance?: string): ProblemDetails {
    return { ...super.toProblem(instance), title: 'Conflict' };
  }
}

const createBody = z.strictObject({
  url: z.string(),
  events: z.array(z.string()).min(1).max(MAX_EVENT_FILTERS),
  description: z.string().optional(),
});

const deliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function endpointJson(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    created_at: endpoint.createdAt.toISOString(),
  };
}

function createdJson(endpoint: CreatedWebhookEndpoint) {
  return { ...endpointJson(endpoint), secret: endpoint.secret };
}

function deliveryJson(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    endpoint_id: delivery.endpointId,
    event_type: delivery.eventType,
    event_id: delivery.eventId,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: iso(delivery.nextAttemptAt),
    last_status_code: delivery.lastStatusCode,
    last_error: delivery.lastError,
    created_at: delivery.createdAt.toISOString(),
    delivered_at: iso(delivery.deliveredAt),
  };
}

const noEndpoint = () => new ServerProblem('not_found', 'No such webhook endpoint.');

/**
 * Outgoing-webhook subscriptions of the caller's tenant (`c.get('principal')`;
 * the app mounts authentication, scope `webhooks`):
 *
 * - `POST /webhook-endpoints` `{ url, events, description? }` → 201 with the
 *   endpoint and its `whsec_` secret (shown in this answer only);
 * - `GET /webhook-endpoints` → `{ data: [endpoint…] }` (no secrets);
 * - `GET /webhook-endpoints/:id` → the endpoint;
 * - `GET /webhook-endpoints/:id/deliveries?limit=&status=` → `{ data: [delivery…] }`, newest first;
 * - `POST /webhook-endpoints/:id/deliveries/:deliveryId/replay` → 202, the
 *   delivered or dead delivery queued again now (409 `delivery_not_replayable` when it is still queued);
 * - `DELETE /webhook-endpoints/:id` → 204; the endpoint is disabled and its queued deliveries dead.
 *
 * Another tenant's endpoint, or a deleted one, is a 404. Bad input is a 400
 * `validation_failed` and writes nothing.
 */
export function outgoingWebhookRoutes(options: OutgoingWebhookRoutesOptions): Hono<AppEnv> {
  const store = 'store' in options ? options.store : sqlWebhookStore(options.surface, options);

  return new Hono<AppEnv>()
    .post('/webhook-endpoints', async (c) => {
      const body = await readJsonBody(c, createBody, 'webhook endpoint request');
      const created = await store.createEndpoint({
        tenantId: c.get('principal').tenantId,
        url: body.url,
        events: body.events,
        description: body.description,
      });
      return c.json(createdJson(created), 201);
    })
    .get('/webhook-endpoints', async (c) => {
      const endpoints = await store.listEndpoints(c.get('principal').tenantId);
      return c.json({ data: endpoints.map(endpointJson) });
    })
    .get('/webhook-endpoints/:id', async (c) => {
      const endpoint = await store.getEndpoint(c.get('principal').tenantId, c.req.param('id'));
      if (endpoint === undefined) throw noEndpoint();
      return c.json(endpointJson(endpoint));
    })
    .get('/webhook-endpoints/:id/deliveries', async (c) => {
      const query = readQuery(c, deliveriesQuery, 'delivery log query');
      const deliveries = await store.listDeliveries(
        c.get('principal').tenantId,
        c.req.param('id'),
        {
          ...(query.limit === undefined ? {} : { limit: query.limit }),
          ...(query.status === undefined ? {} : { status: query.status }),
        },
      );
      if (deliveries === undefined) throw noEndpoint();
      return c.json({ data: deliveries.map(deliveryJson) });
    })
    .post('/webhook-endpoints/:id/deliveries/:deliveryId/replay', async (c) => {
      const outcome = await store.replayDelivery(
        c.get('principal').tenantId,
        c.req.param('id'),
        c.req.param('deliveryId'),
      );
      if (outcome === undefined) {
        throw new ServerProblem('not_found', 'No such delivery of this webhook endpoint.');
      }
      if (outcome.status === 'not_replayable') {
        throw new DeliveryNotReplayableError(outcome.delivery.status);
      }
      return c.json(deliveryJson(outcome.delivery), 202);
    })
    .delete('/webhook-endpoints/:id', async (c) => {
      if (!(await store.disableEndpoint(c.get('principal').tenantId, c.req.param('id')))) {
        throw noEndpoint();
      }
      return c.body(null, 204);
    });
}
