import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { applyPercent, estimateDuties } from '../../src/customs/index.js';
import { connectCustoms } from './customs-fixtures.js';

// Every expectation below is computed by hand in minor units; each tax line is
// base × rate / 100 rounded once (half-up unless said otherwise).

describe('estimateDuties: hand-computed estimates', () => {
  it('Bangladesh: CIF with freight and insurance, 25 % CD, then 15 % VAT on value + duty', async () => {
    const { client, sandbox } = connectCustoms();
    const estimate = await client.operations.estimateDuties({
      countryCode: 'BD',
      items: [{ hsCode: '6109.10.00', value: money(100_000_000n, 'BDT') }], // 1,000,000.00
      freight: money(5_000_000n, 'BDT'), // 50,000.00
      insurance: money(1_234_567n, 'BDT'), // 12,345.67
    });
    // CIF 106,234,567; CD 26,558,641.75 → 26,558,642; VAT base 132,793,209 × 15 % = 19,918,981.35 → 19,918,981
    expect(estimate).toMatchObject({
      estimate: true,
      countryCode: 'BD',
      currency: 'BDT',
      valuationBasis: 'CIF',
      rounding: 'half-up',
      customsValue: money(106_234_567n, 'BDT'),
      duty: money(26_558_642n, 'BDT'),
      tax: money(19_918_981n, 'BDT'),
      total: money(46_477_623n, 'BDT'),
    });
    expect(estimate.items[0]?.lines).toEqual([
      {
        kind: 'customs_duty',
        name: 'Customs duty (CD)',
        ratePercent: '25',
        base: money(106_234_567n, 'BDT'),
        amount: money(26_558_642n, 'BDT'),
        rateSource: 'table',
        unconfirmed: true,
      },
      {
        kind: 'vat',
        name: 'VAT',
        ratePercent: '15',
        base: money(132_793_209n, 'BDT'),
        amount: money(19_918_981n, 'BDT'),
        rateSource: 'table',
        unconfirmed: false,
      },
    ]);
    expect(estimate.notes.join(' ')).toContain('supplementary duty (SD)');
    expect(sandbox.requests).toHaveLength(0);
  });

  it('EU (Germany): freight spread by value without losing a cent, 12 % and 0 % duty, 19 % VAT', async () => {
    const { client } = connectCustoms();
    const estimate = await client.operations.estimateDuties({
      countryCode: 'EU',
      memberState: 'DE',
      items: [
        { hsCode: '6109100010', value: money(100_000n, 'EUR') }, // 1,000.00
        { hsCode: '8471300000', value: money(200_000n, 'EUR') }, // 2,000.00
      ],
      freight: money(10_001n, 'EUR'), // 100.01 → 33.34 + 66.67 (largest remainder)
    });
    const [shirts, laptops] = estimate.items;
    expect(shirts?.freightAndInsurance).toEqual(money(3_334n, 'EUR'));
    expect(laptops?.freightAndInsurance).toEqual(money(6_667n, 'EUR'));
    // T-shirts: CIF 103,334; duty 12,400.08 → 12,400; VAT (115,734 × 19 %) 21,989.46 → 21,989
    expect(shirts?.lines.map((line) => [line.kind, line.ratePercent, line.amount.amount])).toEqual([
      ['customs_duty', '12', 12_400n],
      ['vat', '19', 21_989n],
    ]);
    // Laptops: CIF 206,667; duty 0; VAT 39,266.73 → 39,267
    expect(laptops?.lines.map((line) => [line.kind, line.ratePercent, line.amount.amount])).toEqual(
      [
        ['customs_duty', '0', 0n],
        ['vat', '19', 39_267n],
      ],
    );
    expect(shirts?.lines[0]?.unconfirmed).toBe(false);
    expect(laptops?.lines[0]?.unconfirmed).toBe(true);
    expect(estimate).toMatchObject({
      memberState: 'DE',
      customsValue: money(310_001n, 'EUR'),
      duty: money(12_400n, 'EUR'),
      tax: money(61_256n, 'EUR'),
      total: money(73_656n, 'EUR'),
    });
    expect(estimate.items[1]?.lines[1]?.name).toBe('Import VAT (DE)');
  });

  it('United States: FOB basis (freight left out), 16.5 % MFN duty, no VAT', async () => {
    const { client } = connectCustoms();
    const estimate = await client.operations.estimateDuties({
      countryCode: 'US',
      items: [{ hsCode: '6109.10.0012', value: money(1_000_000n, 'USD') }],
      freight: money(50_000n, 'USD'),
    });
    expect(estimate).toMatchObject({
      valuationBasis: 'FOB',
      customsValue: money(1_000_000n, 'USD'),
      duty: money(165_000n, 'USD'),
      tax: money(0n, 'USD'),
      total: money(165_000n, 'USD'),
    });
    expect(estimate.items[0]?.lines).toHaveLength(1);
    expect(estimate.notes).toContain(
      'Freight and insurance were left out of the customs value (FOB basis).',
    );
    expect(estimate.notes.join(' ')).toContain('Section 301');
  });

  it('India: BCD, 10 % Social Welfare Surcharge on the duty, IGST slab by value per piece', async () => {
    const { client } = connectCustoms();
    const shirts = { hsCode: '61091000', value: money(2_000_000n, 'INR') }; // 20,000.00
    const freight = money(100_000n, 'INR'); // 1,000.00
    // 10 pieces at ₹2,000 each: the 5 % slab. CIF 2,100,000; BCD 525,000; SWS 52,500;
    // IGST on 2,677,500 × 5 % = 133,875
    const low = await client.operations.estimateDuties({
      countryCode: 'IN',
      items: [{ ...shirts, quantity: 10 }],
      freight,
    });
    expect(
      low.items[0]?.lines.map((line) => [
        line.kind,
        line.name,
        line.ratePercent,
        line.amount.amount,
      ]),
    ).toEqual([
      ['customs_duty', 'Basic customs duty (BCD)', '25', 525_000n],
      ['surcharge', 'Social Welfare Surcharge (SWS)', '10', 52_500n],
      ['vat', 'IGST', '5', 133_875n],
    ]);
    expect(low).toMatchObject({
      duty: money(577_500n, 'INR'),
      tax: money(133_875n, 'INR'),
      total: money(711_375n, 'INR'),
    });
    // 5 pieces at ₹4,000: the 18 % slab, 2,677,500 × 18 % = 481,950
    const high = await client.operations.estimateDuties({
      countryCode: 'IN',
      items: [{ ...shirts, quantity: 5 }],
      freight,
    });
    expect(high.items[0]?.lines[2]).toMatchObject({
      ratePercent: '18',
      amount: money(481_950n, 'INR'),
    });
    // No quantity: the higher slab is assumed, and said so.
    const unknown = await client.operations.estimateDuties({
      countryCode: 'IN',
      items: [shirts],
      freight,
    });
    expect(unknown.items[0]?.lines[2]?.ratePercent).toBe('18');
    expect(unknown.notes.join(' ')).toContain('the 18 % slab was assumed');
  });

  it('UAE and Saudi Arabia: GCC 5 % duty, then 5 % / 15 % VAT', async () => {
    const { client } = connectCustoms();
    const uae = await client.operations.estimateDuties({
      countryCode: 'AE',
      items: [{ hsCode: '62034200', value: money(100_000n, 'AED') }],
    });
    expect(uae).toMatchObject({
      duty: money(5_000n, 'AED'),
      tax: money(5_250n, 'AED'),
      total: money(10_250n, 'AED'),
    });
    const saudi = await client.operations.estimateDuties({
      countryCode: 'SA',
      items: [{ hsCode: '847130000000', value: money(300_000n, 'SAR') }],
    });
    expect(saudi).toMatchObject({
      duty: money(0n, 'SAR'),
      tax: money(45_000n, 'SAR'),
      total: money(45_000n, 'SAR'),
    });
  });

  it.each([
    ['half-up', 5n],
    ['half-even', 4n],
    ['floor', 4n],
    ['ceiling', 5n],
  ] as const)('rounds each line once, %s: 7.5 %% of €0.60 is %s cents', async (rounding, cents) => {
    const { client } = connectCustoms();
    const estimate = await client.operations.estimateDuties({
      countryCode: 'EU',
      memberState: 'FR',
      items: [{ hsCode: '09012100', value: money(60n, 'EUR') }],
      rounding,
    });
    expect(estimate.rounding).toBe(rounding);
    expect(estimate.items[0]?.lines[0]?.amount).toEqual(money(cents, 'EUR'));
  });

  it('uses a caller-given duty rate for a line the table does not ship', async () => {
    const { client } = connectCustoms();
    const estimate = await client.operations.estimateDuties({
      countryCode: 'BD',
      items: [{ hsCode: '09021000', value: money(100_000n, 'BDT'), dutyRatePercent: '10' }],
    });
    expect(estimate.items[0]?.lines).toMatchObject([
      {
        kind: 'customs_duty',
        amount: money(10_000n, 'BDT'),
        rateSource: 'caller',
        unconfirmed: false,
      },
      { kind: 'vat', amount: money(16_500n, 'BDT') },
    ]);
  });
});

describe('estimateDuties: what it refuses', () => {
  const refusal = async (input: unknown) => {
    const { client, sandbox } = connectCustoms();
    const error = await client.operations
      .estimateDuties(input as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
    return (error as ValidationError).issues.map((issue) => [issue.path.join('.'), issue.code]);
  };

  it('a line without a shipped rate (and no dutyRatePercent)', async () => {
    expect(
      await refusal({
        countryCode: 'BD',
        items: [{ hsCode: '09021000', value: money(1n, 'BDT') }],
      }),
    ).toEqual([['input.items.0.hsCode', 'rate_unknown']]);
    expect(
      await refusal({
        countryCode: 'IN',
        items: [{ hsCode: '94036000', value: money(1n, 'INR') }],
      }),
    ).toEqual([
      ['input.items.0.hsCode', 'rate_unknown'],
      ['input.items.0.hsCode', 'vat_rate_unknown'],
    ]);
  });

  it('a member state whose VAT rate is not shipped', async () => {
    expect(
      await refusal({
        countryCode: 'EU',
        memberState: 'HR',
        items: [{ hsCode: '61091000', value: money(1n, 'EUR') }],
      }),
    ).toEqual([['input.memberState', 'vat_rate_unknown']]);
  });

  it('mixed currencies, a missing or misplaced member state, floats, zero values, bad codes', async () => {
    const eur = money(100n, 'EUR');
    expect(
      await refusal({
        countryCode: 'EU',
        memberState: 'DE',
        items: [{ hsCode: '61091000', value: eur }],
        freight: money(100n, 'USD'),
      }),
    ).toEqual([['input.freight', 'custom']]);
    expect(
      await refusal({ countryCode: 'EU', items: [{ hsCode: '61091000', value: eur }] }),
    ).toEqual([['input.memberState', 'custom']]);
    expect(
      await refusal({
        countryCode: 'BD',
        memberState: 'DE',
        items: [{ hsCode: '61091000', value: money(1n, 'BDT') }],
      }),
    ).toEqual([['input.memberState', 'custom']]);
    expect(
      await refusal({
        countryCode: 'US',
        items: [{ hsCode: '6109100012', value: { amount: 10.5, currency: 'USD' } }],
      }),
    ).toEqual([['input.items.0.value', 'custom']]);
    expect(
      await refusal({
        countryCode: 'US',
        items: [{ hsCode: '6109100012', value: money(0n, 'USD') }],
      }),
    ).toEqual([['input.items.0.value', 'custom']]);
    expect(
      await refusal({
        countryCode: 'US',
        items: [{ hsCode: '610910001', value: money(1n, 'USD') }],
      }),
    ).toEqual([['input.items.0.hsCode', 'custom']]);
    expect(
      await refusal({
        countryCode: 'US',
        items: [{ hsCode: '6109100012', value: money(1n, 'USD'), dutyRatePercent: '16,5' }],
      }),
    ).toEqual([['input.items.0.dutyRatePercent', 'invalid_format']]);
  });
});

describe('the pure helpers refuse bad input with a ValidationError', () => {
  it('estimateDuties: a quantity that is not a whole number of pieces', () => {
    const call = () =>
      estimateDuties({
        countryCode: 'IN',
        items: [{ hsCode: '61091000', value: money(2_000_000n, 'INR'), quantity: 2.5 }],
      });
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(/whole number of pieces/);
  });

  it('applyPercent: a rate that is not a percentage', () => {
    expect(() => applyPercent(money(10_000n, 'EUR'), '12,5', 'half-up')).toThrow(ValidationError);
    expect(applyPercent(money(10_000n, 'EUR'), '12.5', 'half-up')).toEqual(money(1_250n, 'EUR'));
  });
});
