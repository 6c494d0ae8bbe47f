import type { BillingGuard } from '@tollgate/billing';
import type {
  FxConvertInput,
  FxConvertOutput,
  FxRatesInput,
  FxRatesOutput,
} from '@tollgate/connectors/fx';
import type { RunOptions } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
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

/** The operation a currency conversion bills. */
export const FX_CONVERSION = 'fx.conversion';

/**
 * A connected client of any FX provider of the FX contract (`fxEcb` …), seen
 * only as far as these routes need: `rates` and `convert`.
 */
export interface FxClient {
  readonly operations: {
    rates(input: FxRatesInput, options?: RunOptions): Promise<FxRatesOutput>;
    convert(input: FxConvertInput, options?: RunOptions): Promise<FxConvertOutput>;
  };
}

/** What the FX integration routes need. */
export interface FxRoutesOptions {
  guard: BillingGuard;
  sessions: SessionStore;
  /** FX provider clients by integration id (the `:integrationId` of the routes). */
  integrations: Record<string, FxClient>;
}

/** An ISO 4217 code as the body gives it; the provider checks it knows the currency. */
const currency = z.string().regex(/^[A-Z]{3}$/, 'An upper-case ISO 4217 currency code.');

export const ratesBody = z.strictObject({
  base: currency,
  symbols: z.array(currency).min(1).max(200).optional(),
});

export const convertBody = z.strictObject({
  session_id: z.string().min(1).max(256).optional(),
  amount: z.strictObject({
    amount: z.string().regex(/^[0-9]{1,30}$/, 'Minor units as a string of digits.'),
    currency,
  }),
  to: currency,
  rounding: z
    .enum(['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'])
    .optional(),
  idempotency_key: z.string().min(1).max(200),
});

type ConvertBody = z.output<typeof convertBody>;

/** The answer of `POST /integrations/fx/:integrationId/convert`. */
interface FxConversion {
  from: MoneyJson;
  to: MoneyJson;
  rate: string;
  rate_date: string;
  rounding: string;
  billing_recorded: true;
}

/**
 * `POST /integrations/fx/:integrationId/rates` (not billed) and `POST
 * /integrations/fx/:integrationId/convert` (billed `fx.conversion` once per
 * `idempotency_key`, at the tier of the caller's role; a failed conversion is
 * voided), over the FX provider registered under `integrationId`. An unknown
 * integration, or a `session_id` the caller cannot see, is a 404.
 */
export function fxRoutes(options: FxRoutesOptions): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/integrations/fx/:integrationId/rates', async (c) => {
      const client = integrationClient(options.integrations, c.req.param('integrationId'), 'FX');
      const body = await readJsonBody(c, ratesBody, 'rates request');
      try {
        const rates = await client.operations.rates({
          base: body.base,
          ...(body.symbols === undefined ? {} : { symbols: body.symbols }),
        });
        return c.json({ base: rates.base, date: rates.date, rates: rates.rates });
      } catch (error) {
        throw partnerError(error, 'FX provider');
      }
    })
    .post('/integrations/fx/:integrationId/convert', async (c) => {
      const principal = c.get('principal');
      const integrationId = c.req.param('integrationId');
      const client = integrationClient(options.integrations, integrationId, 'FX');
      const body = await readJsonBody(c, convertBody, 'conversion request');
      const session =
        body.session_id === undefined
          ? undefined
          : await visibleSession(options.sessions, body.session_id, principal.tenantId);

      const { answer } = await billedPartnerCall(c, {
        guard: options.guard,
        operation: FX_CONVERSION,
        kind: 'fx-convert',
        partner: 'FX provider',
        what: 'conversion',
        integrationId,
        ...(session === undefined ? {} : { sessionId: session.id }),
        idempotencyKey: body.idempotency_key,
        request: requestFingerprint(integrationId, body),
        call: async (partnerKey): Promise<FxConversion> => {
          const conversion = await client.operations.convert(
            {
              amount: body.amount,
              to: body.to,
              ...(body.rounding === undefined ? {} : { rounding: body.rounding }),
            },
            { idempotencyKey: partnerKey },
          );
          return {
            from: moneyJson(conversion.from),
            to: moneyJson(conversion.to),
            rate: conversion.rate,
            rate_date: conversion.rateDate,
            rounding: conversion.rounding,
            billing_recorded: true,
          };
        },
        reference: (answer) => `${answer.rate_date}:${answer.rate}`,
      });
      return c.json(answer, 201);
    });
}

/** What a replay must repeat exactly (the guard's own fingerprint covers session, payer and price). */
function requestFingerprint(integrationId: string, body: ConvertBody): string {
  return JSON.stringify([
    integrationId,
    body.amount.amount,
    body.amount.currency,
    body.to,
    body.rounding ?? 'half-even',
  ]);
}
