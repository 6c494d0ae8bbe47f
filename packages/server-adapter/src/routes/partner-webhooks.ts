import { createHash } from 'node:crypto';
import type {
  WebhookHandshakeAnswer,
  WebhookHandshakeRequest,
  WebhookRequest,
} from '@tollgate/core';
import { Hono } from 'hono';
import type { TollgateIntegrations } from '../app.js';
import { problemResponse, ServerProblem } from '../errors/problem.js';
import type { PartnerEventLog } from '../submissions/partner-events.js';
import type { Submission, SubmissionStore } from '../submissions/submission-store.js';
import type { AppEnv } from '../types.js';

/** A client that verifies its partner's callbacks (a `defineConnector` client). */
export interface PartnerWebhookClient {
  verifyWebhook(request: WebhookRequest): Promise<unknown>;
  /** The provider's subscription handshake; `undefined` when it has none. */
  answerWebhookHandshake?(request: WebhookHandshakeRequest): WebhookHandshakeAnswer | undefined;
}

/** What the partner webhook route needs. */
export interface PartnerWebhookRoutesOptions {
  integrations: TollgateIntegrations;
  submissions: SubmissionStore;
  events: PartnerEventLog;
  clock: () => Date;
  /** Told of every submission a callback changed (to notify its tenant). */
  onSubmissionChanged?: (submission: Submission, event: { type: string }) => void;
}

/** How a partner's status word maps onto a submission. */
function submissionUpdate(event: Record<string, unknown>):
  | {
      reference: string;
      status: 'submitted' | 'success' | 'failed';
      statusCode: string;
      error?: string;
    }
  | undefined {
  const type = String(event.type ?? '');
  if (type.startsWith('submission.') && typeof event.submissionId === 'string') {
    // bank-swift: ACK (accepted) and delivery are success; NAK and non-delivery failures.
    const status = String(event.status);
    const failed = status === 'rejected' || status === 'undelivered';
    const rejection = event.rejection as { code?: string; reason?: string } | undefined;
    return {
      reference: event.submissionId,
      status: failed ? 'failed' : 'success',
      statusCode: status,
      ...(rejection === undefined ? {} : { error: `${rejection.code}: ${rejection.reason}` }),
    };
  }
  if (type === 'customs.declaration.status' && typeof event.declarationId === 'string') {
    // Customs: cleared or released goods are done; a rejection or cancellation failed it.
    const status = event.status === null ? 'received' : String(event.status);
    const failed = status === 'rejected' || status === 'cancelled';
    const settled = failed || status === 'cleared' || status === 'released';
    return {
      reference: event.declarationId,
      status: failed ? 'failed' : settled ? 'success' : 'submitted',
      statusCode: status,
    };
  }
  return undefined;
}

/**
 * `POST /webhooks/:integrationId`: a partner's callback for the integration
 * registered under that id (for `pnpm start`, the connector id: `bank-swift`,
 * `customs` …). The raw body is verified with the connector's own scheme
 * (a forged or stale callback is the connector's `webhook_verification_failed`
 * problem, and changes nothing), de-duplicated by the `webhook-id` header (or
 * the body's SHA-256 when a scheme has none), and applied: a bank's ACK/NAK or
 * delivery report and a customs status update the submission they name.
 * Answers 200 `{ received: true, duplicate, applied }`.
 *
 * `GET /webhooks/:integrationId`: the subscription handshake of a provider
 * that confirms a callback URL before sending to it (Meta's WhatsApp Cloud API
 * echoes `hub.challenge` when `hub.verify_token` matches), answered by the
 * connector; 405 (`Allow: POST`) for an integration whose provider has none.
 */
export function partnerWebhookRoutes(options: PartnerWebhookRoutesOptions): Hono<AppEnv> {
  const clients = new Map<string, PartnerWebhookClient>();
  for (const byId of Object.values(options.integrations)) {
    for (const [id, client] of Object.entries(byId ?? {})) {
      if (typeof (client as Partial<PartnerWebhookClient>).verifyWebhook === 'function') {
        clients.set(id, client as PartnerWebhookClient);
      }
    }
  }
  const clientOf = (integrationId: string): PartnerWebhookClient => {
    const client = clients.get(integrationId);
    if (client === undefined) throw new ServerProblem('not_found', 'No such integration.');
    return client;
  };
  return new Hono<AppEnv>()
    .get('/webhooks/:integrationId', (c) => {
      const integrationId = c.req.param('integrationId');
      const answer = clientOf(integrationId).answerWebhookHandshake?.({
        url: new URL(c.req.url),
        headers: c.req.raw.headers,
      });
      if (answer === undefined) {
        const refusal = problemResponse(
          c,
          new ServerProblem(
            'method_not_allowed',
            'This integration’s partner confirms no subscription: it only POSTs callbacks here.',
          ),
        );
        refusal.headers.set('allow', 'POST');
        return refusal;
      }
      c.get('log')?.info(
        { integration_id: integrationId, accepted: answer.status < 300 },
        'partner_webhook.handshake',
      );
      return new Response(answer.body, {
        status: answer.status,
        headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' },
      });
    })
    .post('/webhooks/:integrationId', async (c) => {
      const integrationId = c.req.param('integrationId');
      const client = clientOf(integrationId);
      const body = new Uint8Array(await c.req.arrayBuffer());
      const event = (await client.verifyWebhook({ body, headers: c.req.raw.headers })) as Record<
        string,
        unknown
      >;
      const eventId = c.req.header('webhook-id') ?? createHash('sha256').update(body).digest('hex');
      const type = String(event.type ?? 'unknown');
      const now = options.clock();
      // Recorded first: of two copies delivered at once, only one is applied.
      if (!(await options.events.record(integrationId, eventId, type, now))) {
        return c.json({ received: true, duplicate: true, applied: false });
      }
      const update = submissionUpdate(event);
      let changed: Submission | undefined;
      try {
        changed =
          update === undefined
            ? undefined
            : await options.submissions.applyPartnerStatus(
                integrationId,
                update.reference,
                update,
                now,
              );
      } catch (error) {
        await options.events.forget(integrationId, eventId);
        throw error;
      }
      if (update !== undefined && changed === undefined) {
        // Not known yet (the callback overtook the answer that names it) or settled: a
        // non-2xx answer makes the partner deliver it again later.
        await options.events.forget(integrationId, eventId);
        throw new ServerProblem(
          'unknown_reference',
          'This callback names a submission this server does not know, or one already settled.',
        );
      }
      if (changed !== undefined) options.onSubmissionChanged?.(changed, { type });
      c.get('log')?.info(
        { integration_id: integrationId, event_id: eventId, type, applied: changed !== undefined },
        'partner_webhook.received',
      );
      return c.json({ received: true, duplicate: false, applied: changed !== undefined });
    });
}
