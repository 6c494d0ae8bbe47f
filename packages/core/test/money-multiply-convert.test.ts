import { describe, expect, it } from 'vitest';
import {
  convertMoney,
  type Money,
  money,
  multiplyMoney,
  ROUNDING_MODES,
  type RoundingMode,
} from '../src/money/index.js';
import { issueCodeOf } from './fixtures/issue-code.js';

describe('multiplyMoney', () => {
  it('multiplies by an FX-style decimal rate exactly', () => {
    expect(multiplyMoney(money(1500000n, 'USD'), '1.08725')).toEqual(money(1630875n, 'USD'));
  });

  it('takes a percentage as a decimal factor and rounds half-even by default', () => {
    // 12,345.67 × 0.025 = 308.641675 → 308.64
    expect(multiplyMoney(money(1234567n, 'USD'), '0.025').amount).toBe(30864n);
    // 1.50 × 0.025 = 0.0375 → 0.04
    expect(multiplyMoney(money(150n, 'USD'), '0.025').amount).toBe(4n);
    // 0.50 × 0.025 = 0.0125 → 0.01 (tie to even)
    expect(multiplyMoney(money(50n, 'USD'), '0.025').amount).toBe(1n);
    // 0.70 × 0.025 = 0.0175 → 0.02 (tie to even)
    expect(multiplyMoney(money(70n, 'USD'), '0.025').amount).toBe(2n);
  });

  const ties: Record<RoundingMode, [bigint, bigint]> = {
    'half-even': [2n, -2n],
    'half-up': [3n, -3n],
    'half-down': [2n, -2n],
    up: [3n, -3n],
    down: [2n, -2n],
    ceiling: [3n, -2n],
    floor: [2n, -3n],
  };
  it.each(ROUNDING_MODES)('rounds ±2.5 minor units in %s', (mode) => {
    expect(multiplyMoney(money(5n, 'USD'), '0.5', mode).amount).toBe(ties[mode][0]);
    expect(multiplyMoney(money(-5n, 'USD'), '0.5', mode).amount).toBe(ties[mode][1]);
  });

  it('multiplies by a bigint exactly, and by a negative factor', () => {
    expect(multiplyMoney(money(9007199254740993n, 'USD'), 3n).amount).toBe(27021597764222979n);
    expect(multiplyMoney(money(1250n, 'USD'), '-1').amount).toBe(-1250n);
  });

  it('refuses a JS number, a percent sign, and an unknown rounding mode', () => {
    const m = money(100n, 'USD');
    expect(issueCodeOf(() => multiplyMoney(m, 1.5 as unknown as string))).toBe(
      'number_not_allowed',
    );
    expect(issueCodeOf(() => multiplyMoney(m, '2.5%'))).toBe('invalid_decimal');
    expect(issueCodeOf(() => multiplyMoney(m, '1e-2'))).toBe('invalid_decimal');
    expect(issueCodeOf(() => multiplyMoney(m, '1', 'round' as RoundingMode))).toBe(
      'invalid_rounding_mode',
    );
  });
});

describe('convertMoney', () => {
  it('converts EUR to USD at a 5-decimal rate', () => {
    expect(convertMoney(money(100000n, 'EUR'), 'USD', '1.08725')).toEqual(money(108725n, 'USD'));
    // 0.01 EUR → 0.0108725 USD → 0.01
    expect(convertMoney(money(1n, 'EUR'), 'USD', '1.08725').amount).toBe(1n);
  });

  it('rescales between exponents: JPY (0) → KWD (3) and back', () => {
    // ¥1,000 at 0.00203 KWD per yen = 2.030 KWD
    expect(convertMoney(money(1000n, 'JPY'), 'KWD', '0.00203')).toEqual(money(2030n, 'KWD'));
    // 1.000 KWD at 492.61 = ¥492.61 → ¥493
    expect(convertMoney(money(1000n, 'KWD'), 'JPY', '492.61')).toEqual(money(493n, 'JPY'));
    // 0.001 KWD = ¥0.49261 → ¥0, or ¥1 rounding up
    expect(convertMoney(money(1n, 'KWD'), 'JPY', '492.61').amount).toBe(0n);
    expect(convertMoney(money(1n, 'KWD'), 'JPY', '492.61', 'up').amount).toBe(1n);
  });

  it('converts USD (2) to CLF (4) and accepts a bigint rate', () => {
    // $1,000.00 at 0.0254 CLF per dollar = 25.4000 CLF
    expect(convertMoney(money(100000n, 'USD'), 'CLF', '0.0254')).toEqual(money(254000n, 'CLF'));
    expect(convertMoney(money(100n, 'USD'), 'JPY', 150n)).toEqual(money(150n, 'JPY'));
  });

  it('rounds a tie half-even by default, and by the mode given', () => {
    // ¥5 × 0.005 USD per yen = $0.025 = 2.5 cents
    expect(convertMoney(money(5n, 'JPY'), 'USD', '0.005').amount).toBe(2n);
    expect(convertMoney(money(5n, 'JPY'), 'USD', '0.005', 'half-up').amount).toBe(3n);
    expect(convertMoney(money(-5n, 'JPY'), 'USD', '0.005', 'floor').amount).toBe(-3n);
  });

  it('refuses bad rates and currencies', () => {
    const m: Money = money(100n, 'USD');
    expect(issueCodeOf(() => convertMoney(m, 'EUR', '0'))).toBe('invalid_rate');
    expect(issueCodeOf(() => convertMoney(m, 'EUR', '-0.9'))).toBe('invalid_rate');
    expect(issueCodeOf(() => convertMoney(m, 'EUR', 0.92 as unknown as string))).toBe(
      'number_not_allowed',
    );
    expect(issueCodeOf(() => convertMoney(m, 'EUR', '0,92'))).toBe('invalid_decimal');
    expect(issueCodeOf(() => convertMoney(m, 'XYZ', '1'))).toBe('unknown_currency');
  });
});
