import { isCurrencyCode } from '@tollgate/core';
import { z } from 'zod';
import {
  DECIMAL_PATTERN,
  MAX_DECIMAL_LENGTH,
  parseDecimal,
  significantFractionDigits,
} from './exact-decimal.js';
import type { PricingIssueCode } from './issue-codes.js';

/**
 * Most fraction digits a configured amount may have. Enough for sub-cent unit
 * prices (`"0.0000035"`) and shares (`"0.00125"`), small enough to stay readable.
 */
export const MAX_FRACTION_DIGITS = 12;

type RefinementContext = z.RefinementCtx;

/**
 * Add an issue whose `code` is one of ours (`PRICING_ISSUE_CODES`,
 * `INVOICE_ISSUE_CODES`): zod reports it as `custom` with `params.code`, which
 * `issuesFromSchemaError` lifts back out.
 */
export function addCodedIssue(
  ctx: RefinementContext,
  code: PricingIssueCode | 'invalid_type' | (string & {}),
  message: string,
  path: Array<string | number> = [],
): void {
  ctx.addIssue({ code: 'custom', message, path, params: { code } });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function checkDecimalString(value: unknown, ctx: RefinementContext, fraction: boolean): void {
  const example = fraction ? '"0.15"' : '"5.00"';
  if (value === undefined) {
    addCodedIssue(ctx, 'invalid_type', `Required: a decimal string such as ${example}`);
    return;
  }
  if (typeof value === 'number') {
    addCodedIssue(
      ctx,
      'number_not_allowed',
      `Must be a decimal string such as ${example}, not a JS number: money is never a float`,
    );
    return;
  }
  if (typeof value !== 'string') {
    addCodedIssue(
      ctx,
      'invalid_type',
      `Must be a decimal string such as ${example}, not ${describeType(value)}`,
    );
    return;
  }
  if (value.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(value)) {
    addCodedIssue(
      ctx,
      'invalid_decimal',
      `Must be a plain decimal such as ${example} (digits, optionally '.' and digits; no spaces, commas or exponents)`,
    );
    return;
  }
  const decimal = parseDecimal(value);
  if (decimal.digits < 0n) {
    addCodedIssue(ctx, 'negative_amount', 'Must not be negative');
    return;
  }
  if (significantFractionDigits(value) > MAX_FRACTION_DIGITS) {
    addCodedIssue(
      ctx,
      'too_many_fraction_digits',
      `Must have at most ${MAX_FRACTION_DIGITS} fraction digits`,
    );
    return;
  }
  if (fraction && decimal.digits > 10n ** BigInt(decimal.scale)) {
    addCodedIssue(ctx, 'fraction_above_one', 'Must be a fraction between 0 and 1 ("0.15" is 15 %)');
  }
}

/** A non-negative amount in major units as a decimal string (`"5.00"`, `"0.0035"`). */
export const amountString = z
  .custom<string>()
  .superRefine((value, ctx) => checkDecimalString(value, ctx, false));

/** A decimal fraction between 0 and 1 as a string (`"0.15"` is 15 %). */
export const fractionString = z
  .custom<string>()
  .superRefine((value, ctx) => checkDecimalString(value, ctx, true));

/** An active ISO 4217 code, upper case. */
export const currencyCode = z.string().superRefine((value, ctx) => {
  if (isCurrencyCode(value)) return;
  const shown = /^[A-Za-z]{3}$/.test(value) ? `'${value}'` : 'the value';
  const hint = isCurrencyCode(value.toUpperCase())
    ? ` (currency codes are upper case: '${value.toUpperCase()}')`
    : '';
  addCodedIssue(
    ctx,
    'unknown_currency',
    `Unknown currency: ${shown} is not an active ISO 4217 code${hint}`,
  );
});

/** An operation, tier, plan or tenant name: a non-empty string of reasonable length. */
export const nameString = z.string().min(1).max(200);

/** A count of units: a whole, non-negative JS number. */
export const unitCount = z.int().min(0);

/** A count of at least one unit. */
export const positiveUnitCount = z.int().min(1);
