import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BandConfig, createPriceBook } from '../src/pricing/index.js';

/** Contiguous bands from random widths and random prices with up to 4 decimals. */
const bandsArbitrary = fc
  .array(
    fc.record({
      width: fc.integer({ min: 1, max: 50 }),
      price: fc.bigInt({ min: 0n, max: 10_000_000n }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((specs): BandConfig[] => {
    let from = 1;
    return specs.map(({ width, price }, index) => {
      const unitPrice = `${price / 10_000n}.${(price % 10_000n).toString().padStart(4, '0')}`;
      const band: BandConfig =
        index === specs.length - 1
          ? { from, unitPrice }
          : { from, to: from + width - 1, unitPrice };
      from += width;
      return band;
    });
  });

function graduatedBook(bands: BandConfig[]) {
  return createPriceBook({
    currency: 'USD',
    rates: [{ operation: 'op', model: 'graduated', bands }],
  });
}

describe('graduated pricing properties', () => {
  it('is never negative and never decreases as the quantity grows', () => {
    fc.assert(
      fc.property(bandsArbitrary, fc.integer({ min: 0, max: 400 }), (bands, quantity) => {
        const book = graduatedBook(bands);
        const price = (units: number) =>
          book.priceQuantity({ tenantId: 't', operation: 'op', quantity: units }).amount;
        const here = price(quantity);
        expect(here).toBeGreaterThanOrEqual(0n);
        expect(price(quantity + 1)).toBeGreaterThanOrEqual(here);
      }),
    );
  });

  it('has marginal quotes that add up to the price of the whole quantity', () => {
    fc.assert(
      fc.property(bandsArbitrary, fc.integer({ min: 0, max: 120 }), (bands, quantity) => {
        const book = graduatedBook(bands);
        let quoted = 0n;
        for (let used = 0; used < quantity; used++) {
          quoted += book.quote({ tenantId: 't', operation: 'op', alreadyUsed: used }).amount.amount;
        }
        expect(quoted).toBe(
          book.priceQuantity({ tenantId: 't', operation: 'op', quantity }).amount,
        );
      }),
      { numRuns: 50 },
    );
  });
});
