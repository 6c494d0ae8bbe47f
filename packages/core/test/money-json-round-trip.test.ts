import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors/index.js';
import { addMoney, money, moneyFromJSON, moneyToJSON } from '../src/money/index.js';

function errorOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

describe('money JSON', () => {
  it('writes minor units as a string', () => {
    expect(moneyToJSON(money(15000n, 'USD'))).toEqual({ amount: '15000', currency: 'USD' });
    expect(JSON.stringify(money(-250n, 'KWD'))).toBe('{"amount":"-250","currency":"KWD"}');
    expect(JSON.stringify({ price: money(15000n, 'USD') })).toBe(
      '{"price":{"amount":"15000","currency":"USD"}}',
    );
  });

  it('keeps amount and currency as the only visible keys', () => {
    expect(Object.keys(money(1n, 'USD'))).toEqual(['amount', 'currency']);
    expect({ ...money(1n, 'USD') }).toEqual({ amount: 1n, currency: 'USD' });
  });

  it('shows as a plain { amount, currency } in the console', () => {
    expect(inspect(money(500n, 'USD'))).toBe("{ amount: 500n, currency: 'USD' }");
  });

  it('trusts only values it made: a look-alike, even with the same prototype, is checked again', () => {
    const made = money(1n, 'USD');
    const lookAlike = Object.freeze(
      Object.assign(Object.create(Object.getPrototypeOf(made)), { amount: 1.5, currency: 'USD' }),
    );
    expect(errorOf(() => addMoney(lookAlike, made)).issues[0]?.code).toBe('number_not_allowed');
    expect(addMoney(made, made)).toEqual({ amount: 2n, currency: 'USD' });
  });

  it('round-trips, past 2^53', () => {
    for (const m of [money(0n, 'JPY'), money(-1n, 'CLF'), money(9007199254740993n, 'USD')]) {
      expect(moneyFromJSON(JSON.parse(JSON.stringify(m)))).toEqual(m);
    }
    expect(
      moneyFromJSON({ amount: '123456789012345678901234567890', currency: 'BDT' }).amount,
    ).toBe(123456789012345678901234567890n);
  });

  it.each([
    [null, 'invalid_json'],
    [[], 'invalid_json'],
    ['{"amount":"1","currency":"USD"}', 'invalid_json'],
    [{ amount: 15000, currency: 'USD' }, 'number_not_allowed'],
    [{ amount: '150.00', currency: 'USD' }, 'invalid_amount'],
    [{ amount: '1e3', currency: 'USD' }, 'invalid_amount'],
    [{ amount: '', currency: 'USD' }, 'invalid_amount'],
    [{ amount: ' 1', currency: 'USD' }, 'invalid_amount'],
    [{ amount: '9'.repeat(101), currency: 'USD' }, 'invalid_amount'],
    [{ currency: 'USD' }, 'invalid_amount'],
    [{ amount: '1', currency: 'usd' }, 'unknown_currency'],
    [{ amount: '1' }, 'unknown_currency'],
  ])('refuses %j (%s)', (json, code) => {
    expect(errorOf(() => moneyFromJSON(json)).issues[0]?.code).toBe(code);
  });

  it('lists every problem at once', () => {
    const error = errorOf(() => moneyFromJSON({ amount: 1.5, currency: 'XYZ' }));
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      [['amount'], 'number_not_allowed'],
      [['currency'], 'unknown_currency'],
    ]);
    expect(error.code).toBe('validation_failed');
  });
});
