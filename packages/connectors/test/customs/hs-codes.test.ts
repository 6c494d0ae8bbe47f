import { describe, expect, it } from 'vitest';
import { HS_CHAPTERS, lookupHsCode, validateHsCode } from '../../src/customs/index.js';
import { connectCustoms } from './customs-fixtures.js';

describe('validateHsCode operation: national lengths per territory', () => {
  it.each([
    ['BD', 'import', '6109.10.00'],
    ['IN', 'import', '8471 30 10'],
    ['US', 'import', '6203.42.4011'],
    ['US', 'export', '0901.11.0025'],
    ['AE', 'import', '61091000'],
    ['AE', 'import', '610910000000'],
    ['SA', 'export', '847130000000'],
    ['EU', 'import', '6109 10 00 10'],
    ['EU', 'export', '6109 10 00'],
  ] as const)('%s %s accepts %s', async (countryCode, declarationType, code) => {
    const { client, sandbox } = connectCustoms();
    const result = await client.operations.validateHsCode({ code, countryCode, declarationType });
    expect(result).toMatchObject({
      valid: true,
      issues: [],
      hs6: code.replace(/[ .]/g, '').slice(0, 6),
    });
    // Validation is local: nothing reaches the gateway.
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([
    [
      'BD',
      'import',
      '610910',
      'wrong_length',
      'An import commodity code for BD has 8 digits (got 6)',
    ],
    [
      'IN',
      'import',
      '6109100010',
      'wrong_length',
      'An import commodity code for IN has 8 digits (got 10)',
    ],
    [
      'US',
      'import',
      '61091000',
      'wrong_length',
      'An import commodity code for US has 10 digits (got 8)',
    ],
    [
      'AE',
      'import',
      '6109100000',
      'wrong_length',
      'An import commodity code for AE has 8 or 12 digits (got 10)',
    ],
    [
      'EU',
      'import',
      '61091000',
      'wrong_length',
      'An import commodity code for EU has 10 digits (got 8)',
    ],
    [
      'EU',
      'export',
      '6109100010',
      'wrong_length',
      'An export commodity code for EU has 8 digits (got 10)',
    ],
    [
      'SA',
      'import',
      '7701000000000',
      'reserved_chapter',
      'Chapter 77 is reserved in HS 2022: no goods are classified there',
    ],
    ['BD', 'import', '98010000', 'unknown_chapter', 'Chapter 98 is not an HS 2022 chapter (01–97)'],
    ['BD', 'import', '00000000', 'unknown_chapter', 'Chapter 00 is not an HS 2022 chapter (01–97)'],
    [
      'IN',
      'import',
      '6109',
      'too_short',
      'A commodity code has at least the 6 digits of the HS subheading (got 4)',
    ],
    ['US', 'import', '6109.1O.0012', 'not_digits', 'A commodity code has digits only'],
  ] as const)(
    '%s %s refuses %s (%s)',
    async (countryCode, declarationType, code, issue, message) => {
      const { client } = connectCustoms();
      const result = await client.operations.validateHsCode({ code, countryCode, declarationType });
      expect(result.valid).toBe(false);
      expect(result.issues).toContainEqual({ code: issue, message });
    },
  );

  it('accepts the bare HS subheading or any national length when no declaration type is given', () => {
    expect(validateHsCode('610910', { countryCode: 'EU' }).valid).toBe(true);
    expect(validateHsCode('61091000', { countryCode: 'EU' }).valid).toBe(true);
    expect(validateHsCode('6109100010', { countryCode: 'EU' }).expectedLengths).toEqual([6, 8, 10]);
    expect(validateHsCode('61091000001', { countryCode: 'EU' }).valid).toBe(false);
    expect(validateHsCode('6109100010', { countryCode: 'US' })).toMatchObject({
      valid: true,
      hs6: '610910',
      nationalExtension: '0010',
    });
  });
});

describe('lookupHsCode operation: the shipped HS 2022 tables', () => {
  it('ships all 97 chapter titles, 77 reserved', () => {
    expect([...HS_CHAPTERS.keys()]).toEqual(
      Array.from({ length: 97 }, (_, index) => String(index + 1).padStart(2, '0')),
    );
    expect(HS_CHAPTERS.get('77')).toMatchObject({ reserved: true });
    expect(HS_CHAPTERS.get('09')?.title).toBe('Coffee, tea, maté and spices');
    expect(HS_CHAPTERS.get('24')?.title).toContain('intended for inhalation without combustion');
  });

  it('describes a T-shirt line down to its subheading', async () => {
    const { client, sandbox } = connectCustoms();
    expect(await client.operations.lookupHsCode({ code: '6109.10.00.12' })).toEqual({
      normalized: '6109100012',
      chapter: {
        code: '61',
        title: 'Articles of apparel and clothing accessories, knitted or crocheted',
      },
      heading: {
        code: '6109',
        description: 'T-shirts, singlets and other vests, knitted or crocheted',
      },
      subheading: { code: '610910', description: 'Of cotton' },
      nationalExtension: '0012',
      edition: 'HS 2022',
    });
    expect(sandbox.requests).toHaveLength(0);
  });

  it.each([
    ['5208.12', '5208', 'Unbleached: plain weave, weighing more than 100 g/m²'],
    ['620342', '6203', 'Trousers, bib and brace overalls, breeches and shorts: of cotton'],
    [
      '847130',
      '8471',
      'Portable automatic data processing machines, weighing not more than 10 kg, consisting of at least a central processing unit, a keyboard and a display',
    ],
    ['0901.21', '0901', 'Coffee, roasted: not decaffeinated'],
    ['851713', '8517', 'Smartphones'],
  ])('knows %s', (code, heading, subheading) => {
    const found = lookupHsCode(code);
    expect(found.heading?.code).toBe(heading);
    expect(found.subheading?.description).toBe(subheading);
  });

  it('knows every chapter but only a few headings', () => {
    expect(lookupHsCode('940540')).toMatchObject({
      chapter: { code: '94' },
      heading: null,
      subheading: null,
    });
    expect(lookupHsCode('9801').chapter).toBeNull();
    expect(lookupHsCode('abc').chapter).toBeNull();
  });
});
