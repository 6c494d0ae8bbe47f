import { describe, expect, it } from 'vitest';
import { TollgateError, ValidationError } from '../src/errors/index.js';
import {
  addMoney,
  compareMoney,
  isMoney,
  isZeroMoney,
  type Money,
  money,
  negateMoney,
  subtractMoney,
} from '../src/money/index.js';

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

const usd = (amount: bigint) => money(amount, 'USD');

describe('add, subtract, compare, negate, isZero', () => {
  it('adds and subtracts exactly, past 2^53', () => {
    expect(addMoney(usd(1250n), usd(-250n))).toEqual(usd(1000n));
    expect(subtractMoney(usd(1250n), usd(2000n))).toEqual(usd(-750n));
    expect(addMoney(usd(9007199254740993n), usd(1n)).amount).toBe(9007199254740994n);
  });

  it('compares, and sorts with compareMoney', () => {
    expect(compareMoney(usd(1n), usd(2n))).toBe(-1);
    expect(compareMoney(usd(2n), usd(2n))).toBe(0);
    expect(compareMoney(usd(3n), usd(2n))).toBe(1);
    expect([usd(3n), usd(-1n), usd(2n)].sort(compareMoney).map((m) => m.amount)).toEqual([
      -1n,
      2n,
      3n,
    ]);
  });

  it('negates and tests for zero', () => {
    expect(negateMoney(usd(1250n))).toEqual(usd(-1250n));
    expect(negateMoney(usd(0n)).amount).toBe(0n);
    expect(isZeroMoney(usd(0n))).toBe(true);
    expect(isZeroMoney(usd(-1n))).toBe(false);
  });

  it('returns frozen values and never changes its inputs', () => {
    const a = usd(100n);
    const sum = addMoney(a, usd(1n));
    expect(Object.isFrozen(sum)).toBe(true);
    expect(a.amount).toBe(100n);
    expect(() => {
      (sum as { amount: bigint }).amount = 0n;
    }).toThrow(TypeError);
  });
});

describe('currency mismatch', () => {
  const cases: Array<[string, (a: Money, b: Money) => unknown]> = [
    ['addMoney', addMoney],
    ['subtractMoney', subtractMoney],
    ['compareMoney', compareMoney],
  ];
  it.each(cases)('%s refuses USD with EUR: a typed currency_mismatch error', (_name, operation) => {
    const error = errorOf(() => operation(usd(100n), money(100n, 'EUR')));
    expect(error).toBeInstanceOf(TollgateError);
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([
      {
        path: ['currency'],
        code: 'currency_mismatch',
        message: expect.stringContaining('USD and EUR'),
      },
    ]);
    expect(error.toProblem().currencies).toEqual(['USD', 'EUR']);
  });

  it('refuses JPY with KWD even when both amounts are zero', () => {
    expect(errorOf(() => addMoney(money(0n, 'JPY'), money(0n, 'KWD'))).issues[0]?.code).toBe(
      'currency_mismatch',
    );
  });
});

describe('number input is refused: money is never a float', () => {
  it.each([12.5, 1250, Number.NaN])('money(%s, "USD")', (amount) => {
    const error = errorOf(() => money(amount as unknown as bigint, 'USD'));
    expect(error.issues[0]).toMatchObject({ code: 'number_not_allowed', path: ['amount'] });
    expect(error.message).toMatch(/never a float/);
  });

  it('refuses a plain object whose amount is a number', () => {
    const fake = { amount: 5, currency: 'USD' } as unknown as Money;
    expect(errorOf(() => addMoney(fake, usd(1n))).issues[0]?.code).toBe('number_not_allowed');
    expect(errorOf(() => negateMoney(fake)).issues[0]?.path).toEqual(['amount']);
    expect(isMoney(fake)).toBe(false);
  });

  it('refuses other non-bigint amounts and non-objects', () => {
    expect(errorOf(() => money('12' as unknown as bigint, 'USD')).issues[0]?.code).toBe(
      'invalid_amount',
    );
    expect(errorOf(() => isZeroMoney(null as unknown as Money)).issues[0]?.code).toBe(
      'invalid_amount',
    );
  });

  it('accepts a plain, correct object from elsewhere', () => {
    const plain = { amount: 5n, currency: 'USD' };
    expect(isMoney(plain)).toBe(true);
    expect(addMoney(plain, usd(1n))).toEqual(usd(6n));
  });
});
