import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createPriceBook, type PriceBookConfig } from '../src/pricing/index.js';

/** The ValidationError `createPriceBook` throws for `config`. */
function errorFor(config: unknown): ValidationError {
  try {
    createPriceBook(config as PriceBookConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, the price book was built');
}

const issuesOf = (config: unknown) =>
  errorFor(config).issues.map((issue) => ({ path: issue.path, code: issue.code }));

describe('createPriceBook refuses a bad config', () => {
  it('lists every issue of a config with many mistakes in one error', () => {
    const issues = issuesOf({
      currency: 'USD',
      rates: [
        { operation: 'sme.validation', model: 'per-unit', unitPrice: '-5.00' },
        { operation: 'bank.recheck', model: 'per-unit', unitPrice: 15 },
        {
          operation: 'customs.submission',
          model: 'graduated',
          bands: [
            { from: 1, to: 10, unitPrice: '5.00' },
            { from: 8, to: 50, unitPrice: '4.00' },
            { from: 60, unitPrice: 3.5 },
          ],
        },
        { operation: 'logistics.quote', model: 'bulk', unitPrice: '40.00' },
        {
          operation: 'fx.conversion',
          model: 'percentage',
          share: '1.5',
          minimumFee: '30.00',
          maximumFee: '25.00',
        },
        { operation: 'sme.validation', model: 'per-unit', unitPrice: '6.00' },
        { operation: 'erp.sync', model: 'per-unit', unitPrice: '1e3', currency: 'usd' },
      ],
      plans: {
        growth: { model: 'hybrid', monthlyFee: '199.999', includedUnits: { 'fx.conversion': 10 } },
      },
      tenants: { acme: { plan: 'platinum', unitPrice: '4.50' } },
    });
    expect(issues).toEqual([
      { path: ['rates', 0, 'unitPrice'], code: 'negative_amount' },
      { path: ['rates', 1, 'unitPrice'], code: 'number_not_allowed' },
      { path: ['rates', 2, 'bands', 2, 'unitPrice'], code: 'number_not_allowed' },
      { path: ['rates', 2, 'bands', 1, 'from'], code: 'overlapping_bands' },
      { path: ['rates', 2, 'bands', 2, 'from'], code: 'band_gap' },
      { path: ['rates', 3, 'model'], code: 'unknown_model' },
      { path: ['rates', 4, 'share'], code: 'fraction_above_one' },
      { path: ['rates', 4, 'minimumFee'], code: 'minimum_above_maximum' },
      { path: ['rates', 6, 'currency'], code: 'unknown_currency' },
      { path: ['rates', 6, 'unitPrice'], code: 'invalid_decimal' },
      { path: ['rates', 5], code: 'duplicate_rate' },
      { path: ['tenants', 'acme'], code: 'unrecognized_keys' },
      { path: ['plans', 'growth', 'monthlyFee'], code: 'too_many_fraction_digits' },
      { path: ['tenants', 'acme', 'plan'], code: 'unknown_plan' },
      {
        path: ['plans', 'growth', 'includedUnits', 'fx.conversion'],
        code: 'included_units_on_percentage',
      },
    ]);
  });

  it('says in the message where each problem is and what it is', () => {
    const error = errorFor({
      currency: 'USD',
      rates: [{ operation: 'bank.recheck', model: 'per-unit', unitPrice: 15 }],
    });
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(
      'Invalid price book config (1 issue): rates.0.unitPrice: Must be a decimal string such as "5.00", not a JS number: money is never a float',
    );
  });

  it.each([
    ['first band not from 1', [{ from: 2, unitPrice: '1' }], 'bands_not_from_one', [0, 'from']],
    [
      'open band before the last',
      [
        { from: 1, unitPrice: '1' },
        { from: 2, unitPrice: '1' },
      ],
      'open_band_not_last',
      [0, 'to'],
    ],
    ['closed last band', [{ from: 1, to: 10, unitPrice: '1' }], 'last_band_closed', [0, 'to']],
    [
      'band ending before it starts',
      [
        { from: 1, to: 5, unitPrice: '1' },
        { from: 6, to: 4, unitPrice: '1' },
        { from: 7, unitPrice: '1' },
      ],
      'band_ends_before_start',
      [1, 'to'],
    ],
    ['no bands', [], 'too_small', []],
    ['fractional bound', [{ from: 1.5, unitPrice: '1' }], 'invalid_type', [0, 'from']],
  ])('bands: %s', (_name, bands, code, path) => {
    expect(
      issuesOf({ currency: 'USD', rates: [{ operation: 'op', model: 'volume', bands }] }),
    ).toContainEqual({
      path: ['rates', 0, 'bands', ...path],
      code,
    });
  });

  it('refuses floats, negatives and malformed decimals wherever money is configured', () => {
    const issues = issuesOf({
      currency: 'USD',
      rates: [
        { operation: 'a', model: 'package', packageSize: 0, packagePrice: '40,00' },
        { operation: 'b', model: 'percentage', share: 0.005, maximumFee: '-1' },
      ],
      plans: { p: { model: 'subscription', monthlyFee: 99.5, minimumCommitment: ' 10' } },
      tenants: { t: { minimumCommitment: '-0.01' } },
    });
    expect(issues).toEqual([
      { path: ['rates', 0, 'packageSize'], code: 'too_small' },
      { path: ['rates', 0, 'packagePrice'], code: 'invalid_decimal' },
      { path: ['rates', 1, 'share'], code: 'number_not_allowed' },
      { path: ['rates', 1, 'maximumFee'], code: 'negative_amount' },
      { path: ['plans', 'p', 'monthlyFee'], code: 'number_not_allowed' },
      { path: ['plans', 'p', 'minimumCommitment'], code: 'invalid_decimal' },
      { path: ['tenants', 't', 'minimumCommitment'], code: 'negative_amount' },
    ]);
  });

  it('refuses a tenant on a plan in another currency, and included units nobody prices', () => {
    expect(
      issuesOf({
        currency: 'USD',
        rates: [],
        plans: {
          eu: { model: 'hybrid', monthlyFee: '10', currency: 'EUR', includedUnits: { x: 1 } },
        },
        tenants: { t: { plan: 'eu' } },
      }),
    ).toEqual([
      { path: ['tenants', 't', 'plan'], code: 'currency_mismatch' },
      { path: ['plans', 'eu', 'includedUnits', 'x'], code: 'included_operation_unpriced' },
    ]);
  });

  it('refuses something that is not a config at all', () => {
    expect(issuesOf(undefined)).toEqual([{ path: [], code: 'invalid_type' }]);
    expect(issuesOf({ rates: 'none' })).toEqual([
      { path: ['currency'], code: 'invalid_type' },
      { path: ['rates'], code: 'invalid_type' },
    ]);
  });

  it('accepts free rates and a zero fee', () => {
    const book = createPriceBook({
      currency: 'USD',
      rates: [{ operation: 'health.check', model: 'per-unit', unitPrice: '0' }],
      plans: { free: { model: 'subscription', monthlyFee: '0.00' } },
    });
    expect(
      book.priceQuantity({ tenantId: 't', operation: 'health.check', quantity: 9 }).amount,
    ).toBe(0n);
  });
});
