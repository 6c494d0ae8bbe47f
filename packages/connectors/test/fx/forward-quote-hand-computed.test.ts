import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  dayCountFor,
  daysBetween,
  formatDecimalRate,
  forwardPoints,
  forwardQuoteWithReferenceRates,
  forwardRate,
  fxForwardQuoteInput,
  parseDecimalRate,
  parseSignedDecimal,
  type ReferenceRates,
} from '../../src/fx/index.js';

const rate = (text: string) => parseDecimalRate(text);
const percent = (text: string) => parseSignedDecimal(text) ?? { digits: 0n, scale: 0 };

/** ECB rates of 2024-02-27. */
const ecb: ReferenceRates = {
  provider: 'the ECB',
  base: 'EUR',
  date: '2024-02-27',
  rates: { USD: rate('1.0856'), JPY: rate('163.04') },
};
const interestRatesPercent = { EUR: '3.90', USD: '5.33', JPY: '0.10' };

describe('indicative forwards by covered interest parity', () => {
  it('EUR/USD, 90 days, both ACT/360 — worked by hand', () => {
    // 1.0856 × (1 + 0.0533 × 90/360) / (1 + 0.0390 × 90/360)
    //   = 1.0856 × 1.013325 / 1.00975 = 1.08944354543… → 1.089443545 (10 significant digits)
    const forward = forwardRate({
      spot: rate('1.0856'),
      days: 90,
      baseRatePercent: percent('3.90'),
      baseDayCount: 'ACT/360',
      quoteRatePercent: percent('5.33'),
      quoteDayCount: 'ACT/360',
    });
    expect(forward && formatDecimalRate(forward)).toBe('1.089443545');
    expect(forward && forwardPoints(rate('1.0856'), forward)).toBe('0.003843545');
  });

  it('quotes from a table: days counted ACT from the spot date, amount converted at the forward', () => {
    expect(daysBetween('2024-02-27', '2024-05-27')).toBe(90); // 2024 is a leap year: 2 + 31 + 30 + 27
    const quote = forwardQuoteWithReferenceRates(
      ecb,
      fxForwardQuoteInput.parse({
        pair: 'EUR/USD',
        amount: { amount: '100000000', currency: 'EUR' }, // 1,000,000.00 EUR
        valueDate: '2024-05-27',
      }),
      { interestRatesPercent },
    );
    expect(quote).toMatchObject({
      indicative: true,
      method: 'covered-interest-parity',
      spotRate: '1.0856',
      spotDate: '2024-02-27',
      days: 90,
      forwardRate: '1.089443545',
      forwardPoints: '0.003843545',
      interestRates: {
        base: { currency: 'EUR', ratePercent: '3.90', dayCount: 'ACT/360' },
        quote: { currency: 'USD', ratePercent: '5.33', dayCount: 'ACT/360' },
      },
    });
    // 1,000,000 × 1.089443545 = 1,089,443.545 USD: a tie at the cent, half-even keeps …54.
    expect(quote.counterAmount).toEqual(money(108_944_354n, 'USD'));
  });

  it('USD/JPY, 180 days, USD ACT/360 against JPY ACT/365, from a cross spot', () => {
    expect(dayCountFor('JPY')).toBe('ACT/365');
    expect(dayCountFor('USD')).toBe('ACT/360');
    // spot 163.04 / 1.0856 = 150.1842299;
    // forward = 150.1842299 × (1 + 0.0010 × 180/365) / (1 + 0.0533 × 180/360)
    //         = 146.35785648063… → 146.3578565
    const quote = forwardQuoteWithReferenceRates(
      ecb,
      fxForwardQuoteInput.parse({
        pair: 'USD/JPY',
        amount: { amount: 100_000_000n, currency: 'USD' }, // 1,000,000.00 USD
        valueDate: '2024-08-25',
        rounding: 'half-up',
      }),
      { interestRatesPercent },
    );
    expect(quote).toMatchObject({
      spotRate: '150.1842299',
      days: 180,
      forwardRate: '146.3578565',
      forwardPoints: '-3.8263734',
      rounding: 'half-up',
    });
    // 1,000,000 × 146.3578565 = 146,357,856.5 JPY: a tie at the yen, half-up goes away from zero.
    expect(quote.counterAmount).toEqual(money(146_357_857n, 'JPY'));
  });

  it('honours a day-count override', () => {
    const quote = forwardQuoteWithReferenceRates(
      ecb,
      fxForwardQuoteInput.parse({
        pair: 'EUR/USD',
        amount: { amount: '100', currency: 'EUR' },
        valueDate: '2024-05-27',
      }),
      { interestRatesPercent, dayCounts: { USD: 'ACT/365', EUR: 'ACT/365' } },
    );
    // 1.0856 × (1 + 0.0533 × 90/365) / (1 + 0.0390 × 90/365) = 1.08939139562… → 1.089391396
    expect(quote.forwardRate).toBe('1.089391396');
    expect(quote.interestRates.quote.dayCount).toBe('ACT/365');
  });

  it('refuses a value date not after the spot date, a missing interest rate, an absurd rate', () => {
    const input = (valueDate: string, pair = 'EUR/USD') =>
      fxForwardQuoteInput.parse({
        pair,
        amount: { amount: '100', currency: pair.slice(0, 3) },
        valueDate,
      });
    expect(() =>
      forwardQuoteWithReferenceRates(ecb, input('2024-02-27'), { interestRatesPercent }),
    ).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'invalid_value_date' })],
      }),
    );
    expect(() =>
      forwardQuoteWithReferenceRates(ecb, input('2027-02-27'), { interestRatesPercent }),
    ).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'invalid_value_date' })],
      }),
    );
    expect(() =>
      forwardQuoteWithReferenceRates(ecb, input('2024-05-27'), {
        interestRatesPercent: { EUR: '3.90' },
      }),
    ).toThrowError(
      expect.objectContaining({
        message: expect.stringContaining('interestRatesPercent.USD'),
        issues: [expect.objectContaining({ code: 'interest_rate_not_configured' })],
      }),
    );
    expect(() =>
      forwardQuoteWithReferenceRates(ecb, input('2024-05-27'), {
        interestRatesPercent: { EUR: '-500', USD: '5' },
      }),
    ).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'invalid_interest_rate' })],
      }),
    );
  });
});
