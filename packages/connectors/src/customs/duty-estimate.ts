/**
 * Duty and import tax **estimates** from the shipped rate tables: ad valorem
 * duty on the customs value (CIF, or FOB for the US), India's Social Welfare
 * Surcharge on the duty, then VAT/GST on value + duties.
 *
 * Money is exact: bigint minor units through `@tollgate/core`'s money helpers.
 * Rounding is explicit and happens once per tax line: each line is
 * `base × rate / 100` rounded to the currency's minor unit with the chosen
 * mode (default `half-up`); totals are exact sums of the rounded lines.
 * International freight and insurance are spread over the items in proportion
 * to their values with `allocateMoney` (largest remainder, so no minor unit is
 * lost). Amounts stay in the currency they are given in: converting to the
 * national currency at the customs exchange rate is the caller's job.
 * @module
 */
import {
  addMoney,
  allocateMoney,
  currencyExponent,
  type Money,
  money,
  type RoundingMode,
  roundDivide,
  ValidationError,
  type ValidationIssue,
} from '@tollgate/core';
import type { CustomsCountry, EuMemberState } from './countries.js';
import { DUTY_TABLES, type DutyRateEntry, SURCHARGES_ON_DUTY } from './data/duty-rates.js';
import {
  EU_STANDARD_VAT,
  type PerPieceSlab,
  VAT_TABLES,
  type VatRateEntry,
} from './data/vat-rates.js';

/** One line of goods to estimate. */
export interface DutyEstimateItemInput {
  /** The commodity code, digits only (6 digits or the national length). */
  hsCode: string;
  /** The goods' transaction value (invoice value), in the shipment's currency. */
  value: Money;
  /** Pieces, when known: India's apparel GST slab depends on the value per piece. */
  quantity?: number | undefined;
  /** The duty rate to use instead of the table's (percent, exact decimal string). */
  dutyRatePercent?: string | undefined;
}

/** What {@link estimateDuties} needs. */
export interface DutyEstimateRequest {
  countryCode: CustomsCountry;
  /** For the EU: the member state of import, whose VAT rate applies. */
  memberState?: EuMemberState | undefined;
  items: readonly DutyEstimateItemInput[];
  /** International freight to the border, for the whole shipment. */
  freight?: Money | undefined;
  /** Insurance to the border, for the whole shipment. */
  insurance?: Money | undefined;
  /** How each tax line is rounded to minor units. Default `half-up`. */
  rounding?: RoundingMode | undefined;
}

/** One computed duty or tax. */
export interface TaxLine {
  kind: 'customs_duty' | 'surcharge' | 'vat';
  name: string;
  /** Percent applied, exact decimal string. */
  ratePercent: string;
  base: Money;
  amount: Money;
  /** `table` (shipped data), `caller` (`dutyRatePercent`). */
  rateSource: 'table' | 'caller';
  /** True when the table's figure was not cross-checked against a second source. */
  unconfirmed: boolean;
}

/** The estimate of one item. */
export interface DutyEstimateItem {
  hsCode: string;
  value: Money;
  /** This item's share of freight and insurance (zero on an FOB basis). */
  freightAndInsurance: Money;
  customsValue: Money;
  lines: TaxLine[];
  /** Duties and taxes of this item. */
  total: Money;
}

/** A duty and tax estimate. Never a legal assessment. */
export interface DutyEstimate {
  estimate: true;
  countryCode: CustomsCountry;
  memberState: EuMemberState | null;
  currency: string;
  valuationBasis: 'CIF' | 'FOB';
  rounding: RoundingMode;
  customsValue: Money;
  /** Customs duties and surcharges. */
  duty: Money;
  /** VAT / GST. */
  tax: Money;
  /** `duty + tax`. */
  total: Money;
  items: DutyEstimateItem[];
  /** What the estimate leaves out, per territory. */
  notes: string[];
}

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

/** `m × percent / 100`, rounded once by `rounding`. */
export function applyPercent(m: Money, percent: string, rounding: RoundingMode): Money {
  if (!PERCENT.test(percent)) {
    throw new ValidationError(`Not a percentage: ${JSON.stringify(percent)}`, [
      {
        path: ['percent'],
        code: 'invalid_percent',
        message: 'must be 0–999 with at most 4 decimals, e.g. "12.5"',
      },
    ]);
  }
  const [whole = '0', fraction = ''] = percent.split('.');
  const digits = BigInt(`${whole}${fraction}`);
  const denominator = 10n ** BigInt(fraction.length + 2);
  return money(roundDivide(m.amount * digits, denominator, rounding), m.currency);
}

/** The table entry with the longest prefix of `code`, if any. */
function longestPrefix<T extends { prefix: string }>(
  entries: readonly T[],
  code: string,
): T | undefined {
  let best: T | undefined;
  for (const entry of entries) {
    if (
      code.startsWith(entry.prefix) &&
      (best === undefined || entry.prefix.length > best.prefix.length)
    ) {
      best = entry;
    }
  }
  return best;
}

/** The duty table entry for `code` in `country`, if the shipped table has one. */
export function findDutyRate(country: CustomsCountry, code: string): DutyRateEntry | undefined {
  return longestPrefix(DUTY_TABLES[country].entries, code);
}

interface VatChoice {
  name: string;
  ratePercent: string;
  slab?: PerPieceSlab;
}

function vatFor(request: DutyEstimateRequest, code: string): VatChoice | null | undefined {
  if (request.countryCode === 'EU') {
    const rate =
      request.memberState === undefined ? undefined : EU_STANDARD_VAT[request.memberState];
    return rate === undefined
      ? undefined
      : { name: `Import VAT (${request.memberState})`, ratePercent: rate };
  }
  const table = VAT_TABLES[request.countryCode];
  if (table.taxName === null) return null;
  const entry: VatRateEntry | undefined = longestPrefix(table.entries, code);
  if (entry !== undefined) {
    return {
      name: table.taxName,
      ratePercent: entry.ratePercent,
      ...(entry.perPieceSlab ? { slab: entry.perPieceSlab } : {}),
    };
  }
  if (table.standardRatePercent === null) return undefined;
  return { name: table.taxName, ratePercent: table.standardRatePercent };
}

/** The rate of a per-piece slab: the lower one only when the value per piece is known to be within it. */
function slabRate(slab: PerPieceSlab, item: DutyEstimateItemInput, notes: Set<string>): string {
  if (item.value.currency !== 'INR' || item.quantity === undefined) {
    notes.add(
      `The ${slab.ratePercent} % GST slab for apparel needs the value per piece in INR (give quantity and INR values); the ${slab.aboveRatePercent} % slab was assumed.`,
    );
    return slab.aboveRatePercent;
  }
  if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
    throw new ValidationError(
      `The quantity must be a whole number of pieces, not ${item.quantity}`,
      [
        {
          path: ['quantity'],
          code: 'invalid_quantity',
          message: 'must be a positive whole number',
        },
      ],
    );
  }
  const limit =
    BigInt(slab.upToInrPerPiece) * 10n ** BigInt(currencyExponent('INR')) * BigInt(item.quantity);
  return item.value.amount <= limit ? slab.ratePercent : slab.aboveRatePercent;
}

const TERRITORY_NOTES: Readonly<Record<CustomsCountry, readonly string[]>> = {
  BD: [
    'Bangladesh: supplementary duty (SD), regulatory duty (RD), advance income tax (AIT) and advance tax (AT) are not included.',
  ],
  IN: [
    'India: specific ("per piece") duty alternatives, exemption notifications, compensation cess and anti-dumping duties are not included.',
  ],
  US: [
    'United States: Section 301, Section 232 and other additional duties (chapter 99), the merchandise processing fee and harbor maintenance fee are not included; no de minimis exemption is applied.',
    'United States: the customs value is the transaction value without international freight and insurance (FOB basis).',
  ],
  AE: ['United Arab Emirates: excise tax and exemptions are not included.'],
  SA: [
    'Saudi Arabia: excise tax and line-specific rates above the GCC general rate are not included.',
  ],
  EU: [
    'European Union: preferential origin, anti-dumping and additional TARIC measures are not included; reduced VAT rates are not applied.',
  ],
};

/**
 * Estimate duties and import taxes for a shipment. Throws a `ValidationError`
 * (`rate_unknown`, `vat_rate_unknown`) when the shipped tables have no rate
 * for an item and the caller gave none.
 */
export function estimateDuties(request: DutyEstimateRequest): DutyEstimate {
  const rounding = request.rounding ?? 'half-up';
  const table = DUTY_TABLES[request.countryCode];
  const first = request.items[0];
  if (first === undefined) throw new TypeError('estimateDuties needs at least one item');
  const currency = first.value.currency;
  const zero = money(0n, currency);
  const notes = new Set<string>(TERRITORY_NOTES[request.countryCode]);

  const issues: ValidationIssue[] = [];
  request.items.forEach((item, index) => {
    if (
      item.dutyRatePercent === undefined &&
      findDutyRate(request.countryCode, item.hsCode) === undefined
    ) {
      issues.push({
        path: ['items', index, 'hsCode'],
        code: 'rate_unknown',
        message: `No ${request.countryCode} duty rate is shipped for ${item.hsCode}; pass dutyRatePercent`,
      });
    }
    if (vatFor(request, item.hsCode) === undefined) {
      issues.push({
        path: request.countryCode === 'EU' ? ['memberState'] : ['items', index, 'hsCode'],
        code: 'vat_rate_unknown',
        message:
          request.countryCode === 'EU'
            ? `No standard VAT rate is shipped for member state ${request.memberState ?? '(none)'}`
            : `No ${request.countryCode} VAT/GST rate is shipped for ${item.hsCode}`,
      });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(
      `Cannot estimate duties: ${issues.map((issue) => issue.message).join('; ')}`,
      issues,
    );
  }

  const extras = addMoney(request.freight ?? zero, request.insurance ?? zero);
  const onCif = table.valuationBasis === 'CIF';
  const shares = onCif
    ? allocateMoney(
        extras,
        request.items.map((item) => item.value.amount),
      )
    : request.items.map(() => zero);
  if (!onCif && extras.amount !== 0n) {
    notes.add('Freight and insurance were left out of the customs value (FOB basis).');
  }

  const surcharge = SURCHARGES_ON_DUTY[request.countryCode];
  const items = request.items.map((item, index): DutyEstimateItem => {
    const share = shares[index] ?? zero;
    const customsValue = addMoney(item.value, share);
    const tableRate = findDutyRate(request.countryCode, item.hsCode);
    const dutyRate = item.dutyRatePercent ?? tableRate?.ratePercent ?? '0';
    const fromCaller = item.dutyRatePercent !== undefined;
    const lines: TaxLine[] = [];
    const duty = applyPercent(customsValue, dutyRate, rounding);
    lines.push({
      kind: 'customs_duty',
      name: table.dutyName,
      ratePercent: dutyRate,
      base: customsValue,
      amount: duty,
      rateSource: fromCaller ? 'caller' : 'table',
      unconfirmed: !fromCaller && tableRate?.checkedAgainst === undefined,
    });
    let duties = duty;
    if (surcharge !== undefined) {
      const amount = applyPercent(duty, surcharge.ratePercent, rounding);
      lines.push({
        kind: 'surcharge',
        name: surcharge.name,
        ratePercent: surcharge.ratePercent,
        base: duty,
        amount,
        rateSource: 'table',
        unconfirmed: false,
      });
      duties = addMoney(duties, amount);
    }
    const vat = vatFor(request, item.hsCode);
    if (vat) {
      const ratePercent = vat.slab ? slabRate(vat.slab, item, notes) : vat.ratePercent;
      const base = addMoney(customsValue, duties);
      lines.push({
        kind: 'vat',
        name: vat.name,
        ratePercent,
        base,
        amount: applyPercent(base, ratePercent, rounding),
        rateSource: 'table',
        unconfirmed: false,
      });
    }
    const total = lines.reduce((sum, line) => addMoney(sum, line.amount), zero);
    return {
      hsCode: item.hsCode,
      value: item.value,
      freightAndInsurance: share,
      customsValue,
      lines,
      total,
    };
  });

  const sum = (pick: (item: DutyEstimateItem) => Money) =>
    items.reduce((acc, item) => addMoney(acc, pick(item)), zero);
  const sumLines = (kinds: readonly TaxLine['kind'][]) =>
    sum((item) =>
      item.lines
        .filter((line) => kinds.includes(line.kind))
        .reduce((acc, line) => addMoney(acc, line.amount), zero),
    );
  if (items.some((item) => item.lines.some((line) => line.unconfirmed))) {
    notes.add(
      'Some duty rates come from the shipped table without a second-source check (unconfirmed: true).',
    );
  }
  const duty = sumLines(['customs_duty', 'surcharge']);
  const tax = sumLines(['vat']);
  return {
    estimate: true,
    countryCode: request.countryCode,
    memberState: request.memberState ?? null,
    currency,
    valuationBasis: table.valuationBasis,
    rounding,
    customsValue: sum((item) => item.customsValue),
    duty,
    tax,
    total: addMoney(duty, tax),
    items,
    notes: [...notes],
  };
}
