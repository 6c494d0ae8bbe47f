import { checkMoney, currencyExponentOf, type Money, toDecimalString } from './money.js';
import { moneyError } from './money-errors.js';

/** Options of {@link formatMoney}, passed on to `Intl.NumberFormat`. */
export interface FormatMoneyOptions {
  /** `'symbol'` ($, the default), `'narrowSymbol'`, `'code'` (USD) or `'name'` (US dollars). */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** `'accounting'` writes negatives in parentheses where the locale does. */
  currencySign?: 'standard' | 'accounting';
}

/** Formatters are costly to build and few in practice; the cap bounds odd callers. */
const MAX_CACHED_FORMATTERS = 200;
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(
  locale: string | readonly string[] | undefined,
  currency: string,
  options: FormatMoneyOptions,
): Intl.NumberFormat {
  const key = JSON.stringify([locale, currency, options.currencyDisplay, options.currencySign]);
  const cached = formatters.get(key);
  if (cached !== undefined) return cached;
  const digits = currencyExponentOf(currency);
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale as string | string[] | undefined, {
      style: 'currency',
      currency,
      currencyDisplay: options.currencyDisplay ?? 'symbol',
      currencySign: options.currencySign ?? 'standard',
      // ISO 4217 digits, not CLDR's: IQD shows 3 decimals, IDR and HUF show 2.
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch (error) {
    throw moneyError(
      'invalid_format_options',
      `Intl.NumberFormat refused the locale or options: ${(error as Error).message}`,
      ['locale'],
    );
  }
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(key, formatter);
  return formatter;
}

/**
 * Format `m` for people with `Intl.NumberFormat`, exactly: the amount is handed
 * to `format` as a decimal string (ES2023), never as a float, so
 * 9007199254740993n USD prints as `$90,071,992,547,409.93`. Shows the ISO 4217
 * number of fraction digits for the currency. `locale` is a BCP 47 tag or list
 * (default: the runtime's locale).
 *
 * `formatMoney(money(123456n, 'EUR'), 'de-DE')` → `"1.234,56 €"`.
 */
export function formatMoney(
  m: Money,
  locale?: string | readonly string[],
  options: FormatMoneyOptions = {},
): string {
  const value = checkMoney(m);
  return formatterFor(locale, value.currency, options).format(
    toDecimalString(value) as `${number}`,
  );
}
