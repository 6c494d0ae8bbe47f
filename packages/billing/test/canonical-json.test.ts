import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/ledger/canonical.js';

/**
 * The canonical writer as first shipped (ledgers hashed with it must keep
 * verifying): the oracle the faster writer is checked against.
 */
function firstCanonicalJson(value: unknown, path = '$'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path} is not a finite number`);
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => firstCanonicalJson(item, `${path}[${index}]`)).join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries
        .map(
          ([key, item]) => `${JSON.stringify(key)}:${firstCanonicalJson(item, `${path}.${key}`)}`,
        )
        .join(',')}}`;
    }
    default:
      throw new TypeError(`${path} cannot be serialized (${typeof value})`);
  }
}

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code unit at every depth, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
    // Code units, not code points and not locale: U+1F600 (a surrogate pair, 0xD83D…)
    // sorts before U+FB01, and "Z" before "a".
    expect(canonicalJson({ '\uFB01': 1, '😀': 2, a: 3, Z: 4 })).toBe('{"Z":4,"a":3,"😀":2,"ﬁ":1}');
  });

  it('writes bigint as a decimal string and Date in ISO 8601, and leaves undefined members out', () => {
    expect(
      canonicalJson({
        amount: -12345678901234567890n,
        at: new Date('2026-11-27T10:00:00Z'),
        gone: undefined,
      }),
    ).toBe('{"amount":"-12345678901234567890","at":"2026-11-27T10:00:00.000Z"}');
  });

  it('refuses what has no JSON form, naming where it is', () => {
    expect(() => canonicalJson({ a: [1, { b: Number.NaN }] })).toThrow(
      new TypeError('$.a[1].b is not a finite number'),
    );
    expect(() => canonicalJson({ f: () => 1 })).toThrow('$.f cannot be serialized (function)');
    // A hole in an array is undefined: refused (it has no JSON form either).
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    expect(() => canonicalJson({ list: [, 1] })).toThrow('$.list[0] cannot be serialized');
  });

  it('writes exactly what the first writer wrote, for any JSON value with bigints and dates', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.bigInt(),
      fc.date({ noInvalidDate: true }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 5 }),
      object: fc.dictionary(fc.string(), fc.option(tie('node'), { nil: undefined }), {
        maxKeys: 6,
      }),
    })).node;
    fc.assert(
      fc.property(value, (input) => {
        expect(canonicalJson(input)).toBe(firstCanonicalJson(input));
      }),
      { numRuns: 2000 },
    );
  });
});
