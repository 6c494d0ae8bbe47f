import {
  isCurrencyCode,
  type Money,
  parseMoney,
  type RoundingMode,
  UpstreamError,
} from '@tollgate/core';
import type { CarrierCallSite } from './carrier-errors.js';

const EXPONENT_FORM = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i;

/**
 * The exact decimal a JSON number was written as, as a plain string:
 * `123.45` → `"123.45"`, `1e-7` → `"0.0000001"`, `2.5e21` → `"2500000000000000000000"`.
 *
 * It uses the number's shortest round-trip representation (`String(n)`), which
 * is the text the carrier sent whenever that text was itself the shortest form
 * (carriers write prices like `123.45`), and only moves the decimal point for
 * exponent forms: no arithmetic on the value, so nothing is rounded on the way.
 */
export function decimalFromJsonNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError('A price must be a finite number');
  }
  const text = String(value);
  const match = EXPONENT_FORM.exec(text);
  if (match === null) return text;
  const [, sign = '', head = '', tail = '', exponentText = '0'] = match;
  const digits = `${head}${tail}`;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Options of {@link moneyFromCarrierAmount}. */
export interface CarrierAmountOptions {
  /**
   * How to round an amount with more fraction digits than the currency has
   * (a carrier quoting `12.345` USD). Default `half-even`, exactly, on the decimal.
   */
  rounding?: RoundingMode;
}

/**
 * A carrier's price as `Money`: a JSON number (DHL, FedEx, Maersk) goes
 * through {@link decimalFromJsonNumber}, a decimal string (UPS) is read as it
 * is; both are parsed by core's `parseMoney`, never with float arithmetic. A
 * value that is not an amount, or an unknown currency, is the carrier's fault:
 * an `UpstreamError` (502).
 */
export function moneyFromCarrierAmount(
  value: unknown,
  currency: unknown,
  site: CarrierCallSite,
  options: CarrierAmountOptions = {},
): Money {
  const fail = (why: string, cause?: unknown) =>
    new UpstreamError(`${site.connectorId} sent a price that cannot be read: ${why}`, {
      ...site,
      status: 502,
      retryable: false,
      cause,
    });
  if (!isCurrencyCode(currency)) throw fail('the currency is not an ISO 4217 code');
  let decimal: string;
  if (typeof value === 'number') {
    try {
      decimal = decimalFromJsonNumber(value);
    } catch (cause) {
      throw fail('the amount is not a finite number', cause);
    }
  } else if (typeof value === 'string') {
    decimal = value.trim();
  } else {
    throw fail('the amount is neither a number nor a decimal string');
  }
  try {
    return parseMoney(decimal, currency, { rounding: options.rounding ?? 'half-even' });
  } catch (cause) {
    throw fail('the amount is not a plain decimal', cause);
  }
}

/**
 * A decimal string as the JSON number a carrier's schema demands (DHL and
 * FedEx take weights and customs values as numbers). Exact for every decimal
 * of up to 15 significant digits, which covers any weight or customs value;
 * longer ones are refused rather than silently rounded.
 */
export function jsonNumberForCarrier(decimal: string): number {
  const digits = decimal
    .replace(/^-/, '')
    .replace('.', '')
    .replace(/^0+(?=\d)/, '');
  if (!/^-?\d+(\.\d+)?$/.test(decimal) || digits.length > 15) {
    throw new RangeError(`${decimal} cannot be sent as an exact JSON number`);
  }
  return Number(decimal);
}
