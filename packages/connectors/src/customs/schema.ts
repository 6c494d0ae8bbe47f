/**
 * Schemas of the customs connector: config, credentials, each operation's
 * input and output, and the status webhook event.
 * @module
 */
import { isMoney, type Money, money, ROUNDING_MODES } from '@tollgate/core';
import { z } from 'zod';
import { CUSTOMS_COUNTRIES, customsOfficeProblem, EU_MEMBER_STATES } from './countries.js';
import { DECLARATION_STATUSES, statusOfFunctionCode, wireNotification } from './gateway-wire.js';
import { normalizeHsCode, validateHsCode } from './hs-codes.js';

/** Non-secret settings of a customs gateway connection. */
export const customsConfig = z.object({
  /**
   * The trader the declarations are lodged for, sent as `X-Submitter-Identifier`:
   * an EORI in the EU, the BIN in Bangladesh, the IEC in India, the importer
   * number in the US … (up to 17 letters and digits).
   */
  submitterIdentifier: z
    .string()
    .regex(/^[A-Za-z0-9]{1,17}$/, 'up to 17 letters and digits (an EORI such as GB123456789000)'),
  /** The badge of the person lodging, sent as `X-Badge-Identifier` (6–12 upper-case letters and digits). */
  badgeIdentifier: z
    .string()
    .regex(/^[A-Z0-9]{6,12}$/, '6 to 12 upper-case letters and digits')
    .optional(),
});

/** Non-secret settings, as validated. */
export type CustomsConfig = z.output<typeof customsConfig>;

/** Secrets of a connection. */
export const customsCredentials = z.object({
  /** OAuth 2.0 client id of the platform's gateway application. */
  clientId: z.string().min(1),
  /** OAuth 2.0 client secret. */
  clientSecret: z.string().min(1),
  /**
   * Standard Webhooks secret (`whsec_…`) the gateway signs status callbacks
   * with. Needed only to verify webhooks.
   */
  webhookSecret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'a Standard Webhooks secret (whsec_…)')
    .optional(),
});

/** Secrets, as validated. */
export type CustomsCredentials = z.output<typeof customsCredentials>;

const countryCode = z.enum(CUSTOMS_COUNTRIES);
const alpha2 = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');

/** Money as `@tollgate/core` makes it: bigint minor units and an ISO 4217 code; never negative here. */
export const moneyAmount = z
  .custom<Money>((value) => isMoney(value), {
    message: 'money as { amount: bigint minor units, currency: ISO 4217 code }',
  })
  .refine((value) => value.amount >= 0n, 'must not be negative')
  .transform((value) => money(value.amount, value.currency));

/** A commodity code as written (`6109.10.00`, `6109 10 00 10`), normalized to its digits. */
const commodityCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .transform((code) => normalizeHsCode(code));

/** The Local Reference Number: the declarant's own reference (UCC DE 2/5, an..22). */
export const declarantReference = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/-]{0,21}$/, 'up to 22 letters, digits, "/" and "-" (an LRN)');

/** One goods item of a declaration. */
export const declarationItem = z.object({
  commodityCode,
  description: z.string().trim().min(1).max(512),
  /** The item's customs value, when declared. */
  value: moneyAmount.optional(),
  quantity: z.number().int().positive().optional(),
  originCountryCode: alpha2.optional(),
});

/** Input of `submitDeclaration`. */
export const submitDeclarationInput = z
  .object({
    countryCode,
    declarationType: z.enum(['import', 'export']),
    /** The LRN; the sandbox picks its outcome from its prefix. */
    declarantReference,
    /** Where the goods are declared (format per territory). */
    customsOffice: z.string().trim().toUpperCase(),
    /** Every commodity code of the declaration, in the territory's national length. */
    commodityCodes: z.array(commodityCode).min(1).max(999),
    /** Goods items; without them, one item per commodity code is declared. */
    items: z.array(declarationItem).min(1).max(999).optional(),
    invoiceAmount: moneyAmount.optional(),
  })
  .superRefine((input, ctx) => {
    input.commodityCodes.forEach((code, index) => {
      const result = validateHsCode(code, {
        countryCode: input.countryCode,
        declarationType: input.declarationType,
      });
      for (const issue of result.issues) {
        ctx.addIssue({ code: 'custom', path: ['commodityCodes', index], message: issue.message });
      }
    });
    const officeProblem = customsOfficeProblem(input.countryCode, input.customsOffice);
    if (officeProblem !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['customsOffice'], message: officeProblem });
    }
    input.items?.forEach((item, index) => {
      if (!input.commodityCodes.includes(item.commodityCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'commodityCode'],
          message: 'must be one of commodityCodes',
        });
      }
    });
  });

/** Input of `submitDeclaration`, as a caller writes it. */
export type SubmitDeclarationInput = z.input<typeof submitDeclarationInput>;

const declarationStatus = z.enum(DECLARATION_STATUSES);

/** Output of `submitDeclaration`. */
export const submitDeclarationOutput = z.object({
  /** The gateway's conversation id: what status calls and notifications refer to. */
  declarationId: z.uuid(),
  /** The LRN sent. */
  reference: z.string(),
  status: z.literal('submitted'),
  submittedAt: z.iso.datetime(),
  countryCode,
  declarationType: z.enum(['import', 'export']),
});

/** Input of `getDeclarationStatus`. */
export const getDeclarationStatusInput = z.object({ declarationId: z.uuid() });

/** A reason given with a rejection (a WCO `Error`). */
export const rejectionReason = z.object({
  code: z.string(),
  description: z.string().nullable(),
  pointer: z.string().nullable(),
});

/** Output of `getDeclarationStatus`. */
export const getDeclarationStatusOutput = z.object({
  declarationId: z.uuid(),
  /** The LRN, once a notification has echoed it. */
  reference: z.string().nullable(),
  /** The Movement Reference Number, once customs assigned one. */
  mrn: z.string().nullable(),
  /** `submitted` until the first notification arrives. */
  status: declarationStatus,
  updatedAt: z.iso.datetime().nullable(),
  reasons: z.array(rejectionReason),
  history: z.array(
    z.object({
      functionCode: z.string(),
      status: declarationStatus.nullable(),
      issuedAt: z.iso.datetime(),
    }),
  ),
});

/** Input of `validateHsCode`. */
export const validateHsCodeInput = z.object({
  code: z.string().max(40),
  countryCode,
  declarationType: z.enum(['import', 'export']).optional(),
});

/** Output of `validateHsCode`. */
export const validateHsCodeOutput = z.object({
  valid: z.boolean(),
  normalized: z.string(),
  hs6: z.string().nullable(),
  nationalExtension: z.string().nullable(),
  expectedLengths: z.array(z.number().int()),
  issues: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** Input of `lookupHsCode`. */
export const lookupHsCodeInput = z.object({ code: z.string().max(40) });

const headingText = z.object({ code: z.string(), description: z.string() }).nullable();

/** Output of `lookupHsCode`. */
export const lookupHsCodeOutput = z.object({
  normalized: z.string(),
  chapter: z
    .object({ code: z.string(), title: z.string(), reserved: z.literal(true).optional() })
    .nullable(),
  heading: headingText,
  subheading: headingText,
  nationalExtension: z.string().nullable(),
  edition: z.string(),
});

/** One item to estimate. */
export const dutyEstimateItem = z.object({
  hsCode: commodityCode,
  /** The transaction (invoice) value of the item. */
  value: moneyAmount.refine((value) => value.amount > 0n, 'must be more than zero'),
  quantity: z.number().int().positive().optional(),
  /** Overrides the shipped duty rate (percent, exact decimal string such as "16.5"). */
  dutyRatePercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage as a decimal string, e.g. "16.5"')
    .optional(),
});

/** Input of `estimateDuties`. */
export const estimateDutiesInput = z
  .object({
    countryCode,
    /** EU only: the member state of import (its VAT rate applies). */
    memberState: z.enum(EU_MEMBER_STATES).optional(),
    items: z.array(dutyEstimateItem).min(1).max(999),
    freight: moneyAmount.optional(),
    insurance: moneyAmount.optional(),
    rounding: z.enum(ROUNDING_MODES).default('half-up'),
  })
  .superRefine((input, ctx) => {
    if (input.countryCode === 'EU' && input.memberState === undefined) {
      ctx.addIssue({ code: 'custom', path: ['memberState'], message: 'required for the EU' });
    }
    if (input.countryCode !== 'EU' && input.memberState !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['memberState'], message: 'only for the EU' });
    }
    const currency = input.items[0]?.value.currency;
    const amounts: Array<[Array<string | number>, Money | undefined]> = [
      ...input.items.map((item, index): [Array<string | number>, Money] => [
        ['items', index, 'value'],
        item.value,
      ]),
      [['freight'], input.freight],
      [['insurance'], input.insurance],
    ];
    for (const [path, amount] of amounts) {
      if (amount !== undefined && amount.currency !== currency) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `every amount must be in one currency (${currency}); convert first`,
        });
      }
    }
    input.items.forEach((item, index) => {
      const result = validateHsCode(item.hsCode, { countryCode: input.countryCode });
      for (const issue of result.issues) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'hsCode'], message: issue.message });
      }
    });
  });

/** Input of `estimateDuties`, as a caller writes it. */
export type EstimateDutiesInput = z.input<typeof estimateDutiesInput>;

const moneyOut = z.custom<Money>((value) => isMoney(value));

/** Output of `estimateDuties` (every amount is `Money`: bigint minor units). */
export const estimateDutiesOutput = z.object({
  estimate: z.literal(true),
  countryCode,
  memberState: z.string().nullable(),
  currency: z.string(),
  valuationBasis: z.enum(['CIF', 'FOB']),
  rounding: z.enum(ROUNDING_MODES),
  customsValue: moneyOut,
  duty: moneyOut,
  tax: moneyOut,
  total: moneyOut,
  items: z.array(
    z.object({
      hsCode: z.string(),
      value: moneyOut,
      freightAndInsurance: moneyOut,
      customsValue: moneyOut,
      lines: z.array(
        z.object({
          kind: z.enum(['customs_duty', 'surcharge', 'vat']),
          name: z.string(),
          ratePercent: z.string(),
          base: moneyOut,
          amount: moneyOut,
          rateSource: z.enum(['table', 'caller']),
          unconfirmed: z.boolean(),
        }),
      ),
      total: moneyOut,
    }),
  ),
  notes: z.array(z.string()),
});

/**
 * A verified status callback, normalized: the gateway's WCO notification
 * (`functionCode`, `functionalReferenceId`, `errors[]`) as a Tollgate event.
 */
export const customsStatusEvent = wireNotification.transform((notification) => ({
  type: 'customs.declaration.status' as const,
  declarationId: notification.conversationId,
  notificationId: notification.notificationId,
  reference: notification.declaration.functionalReferenceId,
  mrn: notification.declaration.id ?? null,
  countryCode: notification.responsibleCountryCode,
  functionCode: notification.functionCode,
  status: statusOfFunctionCode(notification.functionCode) ?? null,
  issuedAt: notification.issueDateTime,
  reasons: notification.errors.map((error) => ({
    code: error.validationCode,
    description: error.description ?? null,
    pointer: error.pointer ?? null,
  })),
}));

/** A verified status webhook event. */
export type CustomsStatusEvent = z.output<typeof customsStatusEvent>;
