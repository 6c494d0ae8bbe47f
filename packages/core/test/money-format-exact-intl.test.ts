import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors/index.js';
import { currencyExponent, formatMoney, money, toDecimalString } from '../src/money/index.js';

const NBSP = '\u00a0';

/** Digits only, with Bengali and Arabic-Indic digits mapped to ASCII. */
function digitsOf(text: string): string {
  return text
    .replace(/[\u09e6-\u09ef]/g, (d) => String(d.charCodeAt(0) - 0x09e6))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\D/g, '');
}

/** What Intl prints through a float, for amounts a float holds exactly. */
function viaFloat(amount: bigint, currency: string, locale: string): string {
  const digits = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(toDecimalString(money(amount, currency))));
}

describe('formatMoney', () => {
  it.each([
    [123456n, 'USD', 'en-US', '$1,234.56'],
    [-123456n, 'USD', 'en-US', '-$1,234.56'],
    [123456n, 'EUR', 'de-DE', `1.234,56${NBSP}€`],
    [123456n, 'JPY', 'ja-JP', '￥123,456'],
    [5n, 'USD', 'en-US', '$0.05'],
  ])('%s %s in %s is %j', (amount, currency, locale, text) => {
    expect(formatMoney(money(amount, currency), locale)).toBe(text);
  });

  it.each([
    [15000000n, 'BDT', 'bn-BD'],
    [123456n, 'SAR', 'ar-SA'],
    [1234567n, 'KWD', 'ar-SA'],
    [123456n, 'JPY', 'ja-JP'],
    [123456n, 'EUR', 'de-DE'],
    [-123456n, 'USD', 'en-US'],
  ])('%s %s in %s matches Intl for a float-safe amount', (amount, currency, locale) => {
    expect(formatMoney(money(amount, currency), locale)).toBe(viaFloat(amount, currency, locale));
  });

  it('uses native digits where the locale does', () => {
    const bengali = formatMoney(money(15000000n, 'BDT'), 'bn-BD');
    expect(bengali).toMatch(/[\u09e6-\u09ef]/);
    expect(digitsOf(bengali)).toBe('15000000');
  });

  it('prints 9007199254740993 minor units exactly, where a float cannot', () => {
    const m = money(9007199254740993n, 'USD');
    expect(formatMoney(m, 'en-US')).toBe('$90,071,992,547,409.93');
    expect(viaFloat(9007199254740993n, 'USD', 'en-US')).not.toBe('$90,071,992,547,409.93');
    for (const locale of ['en-US', 'de-DE', 'bn-BD', 'ja-JP', 'ar-SA']) {
      expect(digitsOf(formatMoney(m, locale))).toBe('9007199254740993');
    }
  });

  it('prints a 40-digit amount exactly', () => {
    const amount = 10n ** 40n + 1n;
    expect(formatMoney(money(amount, 'USD'), 'en-US')).toBe(
      '$100,000,000,000,000,000,000,000,000,000,000,000,000.01',
    );
    expect(digitsOf(formatMoney(money(amount, 'KWD'), 'ar-SA'))).toBe(amount.toString());
  });

  it('shows the ISO 4217 digits: KWD 3, CLF 4, JPY 0, IQD 3 where CLDR says 0', () => {
    expect(formatMoney(money(1234567n, 'KWD'), 'en-US')).toMatch(/1,234\.567$/);
    expect(formatMoney(money(12345678n, 'CLF'), 'en-US')).toMatch(/1,234\.5678$/);
    expect(formatMoney(money(1234567n, 'IQD'), 'en-US')).toMatch(/1,234\.567$/);
    expect(formatMoney(money(1234n, 'JPY'), 'en-US')).toBe('¥1,234');
  });

  it('passes currency display options on', () => {
    const m = money(123456n, 'USD');
    expect(formatMoney(m, 'en-US', { currencyDisplay: 'code' })).toBe(`USD${NBSP}1,234.56`);
    expect(formatMoney(m, 'en-US', { currencyDisplay: 'name' })).toBe('1,234.56 US dollars');
    expect(formatMoney(money(123456n, 'CAD'), 'en-US', { currencyDisplay: 'narrowSymbol' })).toBe(
      '$1,234.56',
    );
    expect(formatMoney(money(-123456n, 'USD'), 'en-US', { currencySign: 'accounting' })).toBe(
      '($1,234.56)',
    );
  });

  it('refuses a malformed locale with a typed error', () => {
    try {
      formatMoney(money(1n, 'USD'), 'not a locale!');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.code).toBe('invalid_format_options');
    }
  });
});
