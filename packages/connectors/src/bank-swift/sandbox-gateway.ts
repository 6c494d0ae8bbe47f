/**
 * The simulated gateway's state: the messages it took, the network's answers
 * it plays back (ACK/NAK, delivery, MT750 advices) one step at a time, and
 * the signed callbacks it sends. No HTTP here: `sandbox.ts` serves it.
 */
import { randomUUID } from 'node:crypto';
import { createWebhookHeaders, type StandardWebhookHeaders } from '@tollgate/core/webhooks';
import type { SwiftMessage } from '../swift-mt/index.js';
import { DEFAULT_DISCREPANCIES, discrepancyAdviceTextBlock } from './sandbox-mt750.js';
import type { FinMessageEmission, WebhookPayload } from './wire.js';

/** The OAuth2 client the sandbox gateway knows unless `clients` says otherwise. */
export const BANK_SWIFT_SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'tollgate-platform',
  clientSecret: 'sandbox-secret-0123456789',
});

/** Why the network refuses a message: a FIN error code and its text. */
export interface GatewayNak {
  code: string;
  reason: string;
}

/** Where the gateway sends its signed callbacks. */
export interface GatewayWebhookOptions {
  /** The platform's webhook endpoint. */
  url: string;
  /** The Standard Webhooks secret (`whsec_…`) the connector verifies with. */
  secret: string;
  /** Sends one callback. Default: `fetch`. A test collects them instead. */
  deliver?: (request: Request) => unknown;
}

/** Options of the simulated gateway. */
export interface BankSwiftGatewayOptions {
  /** Signed status callbacks; without it reports are only listed under `GET /distributions`. */
  webhooks?: GatewayWebhookOptions;
  /** The gateway's clock. Default: the real time. */
  now?: () => Date;
  /**
   * How API calls authenticate: `oauth2` (default) wants a bearer token from
   * the token endpoint; `mtls` trusts the TLS layer (the sandbox cannot see a
   * client certificate) and wants no token.
   */
  clientAuthentication?: 'oauth2' | 'mtls';
  /**
   * OAuth2 clients the token endpoint accepts (id → secret); any other gets
   * 401 `invalid_client`. Default: the one client of
   * {@link BANK_SWIFT_SANDBOX_CREDENTIALS}.
   */
  clients?: Readonly<Record<string, string>>;
  /** Make the network NAK messages that are valid: always, or when the function says so. */
  nak?:
    | GatewayNak
    | ((message: { reference: string; messageType: string }) => GatewayNak | undefined);
  /**
   * Answer each delivered MT700 with an MT750 advice of discrepancy (on the
   * next step); `true` for the default discrepancies, or the discrepancies.
   */
  discrepancyAdvice?: boolean | readonly string[];
  /** Play the network's answers by itself this many ms after each new message (default: only when a test steps). */
  autoAdvanceMs?: number;
}

/** One callback the gateway sent (or tried to). */
export interface GatewayDelivery {
  type: WebhookPayload['type'];
  /** The exact body, as signed. */
  body: string;
  /** `content-type` and the Standard Webhooks headers. */
  headers: StandardWebhookHeaders & { 'content-type': string };
  /** The receiver's answer, when `deliver` returned a `Response`. */
  status?: number;
  /** Why sending failed, if it did. */
  error?: string;
}

/** The stages a message goes through, one per step. */
type Stage = 'submitted' | 'acked' | 'nacked' | 'delivered';

/** A message the gateway took. */
export interface GatewayMessage {
  messageCloudReference: string;
  emission: FinMessageEmission;
  /** A fingerprint of the request, to tell a resubmission from a reused reference. */
  fingerprint: string;
  createdAt: Date;
  parsed: SwiftMessage;
  stage: Stage;
  /** The NAK the network will answer with, decided when the message was taken. */
  nak: GatewayNak | undefined;
  sessionNumber: string;
  sequenceNumber: string;
  messageInputReference: string | undefined;
  transmissionReport: Record<string, unknown> | undefined;
  deliveryReport: Record<string, unknown> | undefined;
  /** MT750 advices to send once the credit is delivered. */
  pendingAdvices: (readonly string[])[];
}

/** Every distribution the gateway made: its download body, by id. */
interface StoredDistribution {
  type: WebhookPayload['type'];
  body: Record<string, unknown>;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `yyyyMMddHHmmss`, UTC (FIN's local time is the gateway's). */
function finTimestamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}` +
    `${pad(date.getUTCHours(), 2)}${pad(date.getUTCMinutes(), 2)}${pad(date.getUTCSeconds(), 2)}`
  );
}

/**
 * The gateway's state machine. `take` stores a validated message; each
 * `advance` moves every message one step (ACK or NAK → delivery → MT750
 * advices) and sends one signed callback per step.
 */
export class GatewayState {
  readonly options: BankSwiftGatewayOptions;
  /** Messages taken, by `message_cloud_reference`. */
  readonly messages = new Map<string, GatewayMessage>();
  /** Messages taken, by `sender_reference` (the deduplication key). */
  readonly byReference = new Map<string, GatewayMessage>();
  /** Reports and incoming messages handed out, by distribution id. */
  readonly distributions = new Map<number, StoredDistribution>();
  /** Every callback sent. */
  readonly deliveries: GatewayDelivery[] = [];
  /** Access tokens the token endpoint issued. */
  readonly issuedTokens = new Set<string>();
  #nextDistribution = 44_984_189_500;
  #nextSequence = 1;
  #autoAdvance: ReturnType<typeof setTimeout> | undefined;

  /** A gateway with no message yet. */
  constructor(options: BankSwiftGatewayOptions) {
    this.options = options;
  }

  /** The gateway's clock. */
  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Store a message the gateway accepted; the network's answer is decided now and played later. */
  take(
    emission: FinMessageEmission,
    fingerprint: string,
    parsed: SwiftMessage,
    nak: GatewayNak | undefined,
  ): GatewayMessage {
    const forced =
      typeof this.options.nak === 'function'
        ? this.options.nak({
            reference: emission.sender_reference,
            messageType: emission.message_type,
          })
        : this.options.nak;
    const sequence = this.#nextSequence++;
    const message: GatewayMessage = {
      messageCloudReference: randomUUID(),
      emission,
      fingerprint,
      createdAt: this.now(),
      parsed,
      stage: 'submitted',
      nak: nak ?? forced,
      sessionNumber: '0001',
      sequenceNumber: pad(sequence, 6),
      messageInputReference: undefined,
      transmissionReport: undefined,
      deliveryReport: undefined,
      pendingAdvices: [],
    };
    this.messages.set(message.messageCloudReference, message);
    this.byReference.set(emission.sender_reference, message);
    this.#scheduleAutoAdvance();
    return message;
  }

  /** Queue an MT750 advice for a delivered MT700; it is sent on a later step. */
  adviseDiscrepancy(messageCloudReference: string, discrepancies: readonly string[]): void {
    const message = this.messages.get(messageCloudReference);
    if (message === undefined)
      throw new Error(`The gateway has no message ${messageCloudReference}`);
    if (message.emission.message_type !== 'fin.700') {
      throw new Error(
        `An MT750 answers an MT700; ${messageCloudReference} is a ${message.emission.message_type}`,
      );
    }
    message.pendingAdvices.push(discrepancies);
  }

  /** Move every message one step; resolves with the callbacks sent. */
  async advance(): Promise<GatewayDelivery[]> {
    const sent: GatewayDelivery[] = [];
    for (const message of [...this.messages.values()]) {
      const step = this.#step(message);
      for (const [type, data] of step) sent.push(await this.#announce(type, data));
    }
    return sent;
  }

  /** Step until nothing moves; resolves with every callback sent. */
  async settle(): Promise<GatewayDelivery[]> {
    const all: GatewayDelivery[] = [];
    for (let round = 0; round < 100; round++) {
      const sent = await this.advance();
      if (sent.length === 0) break;
      all.push(...sent);
    }
    return all;
  }

  /** The gateway's view of one message, as `GET /fin/messages/{message_cloud_reference}` answers. */
  statusOf(message: GatewayMessage): Record<string, unknown> {
    return {
      message_cloud_reference: message.messageCloudReference,
      creation_date: message.createdAt.toISOString(),
      message: {
        sender_reference: message.emission.sender_reference,
        message_type: message.emission.message_type,
        sender: message.emission.sender,
        receiver: message.emission.receiver,
        version: 0,
        direction: 'Outgoing',
        network_info: {
          network_priority: message.emission.network_info?.network_priority ?? 'Normal',
          ...(message.messageInputReference === undefined
            ? {}
            : { message_input_reference: message.messageInputReference }),
        },
        payload: message.emission.payload,
      },
      ...(message.transmissionReport === undefined
        ? {}
        : { transmission_report: message.transmissionReport }),
      ...(message.deliveryReport === undefined ? {} : { delivery_report: message.deliveryReport }),
    };
  }

  #scheduleAutoAdvance(): void {
    const delay = this.options.autoAdvanceMs;
    if (delay === undefined || this.#autoAdvance !== undefined) return;
    this.#autoAdvance = setTimeout(() => {
      this.#autoAdvance = undefined;
      void this.settle();
    }, delay);
    this.#autoAdvance.unref?.();
  }

  /** What one step of `message` announces: `[type, data]` pairs. */
  #step(message: GatewayMessage): [WebhookPayload['type'], Record<string, unknown>][] {
    const at = this.now();
    const { emission } = message;
    switch (message.stage) {
      case 'submitted': {
        const acked = message.nak === undefined;
        message.stage = acked ? 'acked' : 'nacked';
        if (acked) {
          message.messageInputReference = `${finTimestamp(at).slice(2, 8)}${emission.sender}${message.sessionNumber}${message.sequenceNumber}`;
        }
        message.transmissionReport = {
          sender_reference: emission.sender_reference,
          ...(acked
            ? {
                message_input_reference: message.messageInputReference,
                message_input_time: finTimestamp(at),
              }
            : {}),
          response_date: at.toISOString(),
          delivery_status: acked ? 'Acked' : 'Nacked',
          ...(acked
            ? {}
            : { rejection_code: message.nak?.code, rejection_reason: message.nak?.reason }),
          receiver: emission.receiver,
          network_info: {
            message_network_priority: emission.network_info?.network_priority ?? 'Normal',
            message_possible_duplicate: false,
          },
        };
        return [
          [
            'fin.transmission_report',
            {
              message_cloud_reference: message.messageCloudReference,
              transmission_report: message.transmissionReport,
            },
          ],
        ];
      }
      case 'acked': {
        message.stage = 'delivered';
        message.deliveryReport = {
          sender_reference: emission.sender_reference,
          message_input_reference: message.messageInputReference,
          response_date: at.toISOString(),
          delivery_status: 'Delivered',
          receiver: emission.receiver,
          // An MT011 delivery notification: the system message FIN sends back.
          delivery_notification_payload: Buffer.from(
            `{1:F01${emission.sender}0000000000}{2:O011${finTimestamp(at).slice(8, 12)}${message.messageInputReference}${finTimestamp(at).slice(2, 12)}S}{4:{175:${finTimestamp(at).slice(8, 12)}}{106:${message.messageInputReference}}}`,
          ).toString('base64'),
        };
        const advice = this.options.discrepancyAdvice;
        if (emission.message_type === 'fin.700' && advice !== undefined && advice !== false) {
          message.pendingAdvices.push(advice === true ? DEFAULT_DISCREPANCIES : advice);
        }
        return [
          [
            'fin.delivery_report',
            {
              message_cloud_reference: message.messageCloudReference,
              delivery_report: message.deliveryReport,
            },
          ],
        ];
      }
      case 'delivered': {
        const advices = message.pendingAdvices.splice(0);
        return advices.map((discrepancies) => [
          'fin.message',
          this.#discrepancyAdvice(message, discrepancies, at),
        ]);
      }
      case 'nacked':
        return [];
    }
  }

  /** An incoming MT750 from the credit's receiver (the presenting bank) to its sender. */
  #discrepancyAdvice(
    credit: GatewayMessage,
    discrepancies: readonly string[],
    at: Date,
  ): Record<string, unknown> {
    const sequence = this.#nextSequence++;
    const presenterReference = `DISC${pad(sequence, 6)}`;
    const textBlock = discrepancyAdviceTextBlock(credit.parsed, presenterReference, discrepancies);
    const reference = randomUUID();
    return {
      message_cloud_reference: reference,
      message: {
        sender_reference: reference,
        message_type: 'fin.750',
        sender: credit.emission.receiver,
        receiver: credit.emission.sender,
        version: 0,
        direction: 'Incoming',
        network_info: {
          network_priority: 'Normal',
          possible_duplicate: false,
          session_number: 2,
          sequence_number: sequence,
          message_input_time: finTimestamp(at),
          message_input_reference: `${finTimestamp(at).slice(2, 8)}${credit.emission.receiver}0002${pad(sequence, 6)}`,
          local_output_time: finTimestamp(at),
        },
        payload: Buffer.from(textBlock, 'utf8').toString('base64'),
      },
    };
  }

  /** Store a distribution, sign its callback and send it. */
  async #announce(
    type: WebhookPayload['type'],
    data: Record<string, unknown>,
  ): Promise<GatewayDelivery> {
    const id = this.#nextDistribution++;
    // Reports name the message they report on; an incoming message is its own.
    const messageCloudReference = String(data.message_cloud_reference);
    const distributionType =
      type === 'fin.transmission_report'
        ? 'transmissionReport'
        : type === 'fin.delivery_report'
          ? 'deliveryReport'
          : 'message';
    const body = {
      distribution: {
        id,
        service: 'fin',
        type: distributionType,
        message_cloud_reference: messageCloudReference,
        transmission_possible_duplicate: false,
        copy: false,
      },
      message_cloud_reference: messageCloudReference,
      ...data,
    };
    this.distributions.set(id, { type, body });
    const at = this.now();
    const text = JSON.stringify({ type, timestamp: at.toISOString(), data: body });
    const webhooks = this.options.webhooks;
    const headers = {
      'content-type': 'application/json',
      ...(webhooks === undefined
        ? { 'webhook-id': `msg_${id}`, 'webhook-timestamp': '', 'webhook-signature': '' }
        : createWebhookHeaders(webhooks.secret, text, { msgId: `msg_${id}`, timestamp: at })),
    };
    const delivery: GatewayDelivery = { type, body: text, headers };
    if (webhooks !== undefined) {
      try {
        const deliver = webhooks.deliver ?? ((request: Request) => fetch(request));
        const answer = await deliver(
          new Request(webhooks.url, { method: 'POST', headers, body: text }),
        );
        if (answer instanceof Response) delivery.status = answer.status;
      } catch (error) {
        delivery.error = error instanceof Error ? error.message : String(error);
      }
    }
    this.deliveries.push(delivery);
    return delivery;
  }
}
