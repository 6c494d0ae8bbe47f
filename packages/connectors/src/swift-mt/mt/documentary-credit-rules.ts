/**
 * The network validated rules of single fields and amounts that the
 * documentary-credit tables (MT700, 707, 720, 750) share: the reference rule
 * T26, valid dates T50, ISO currencies T52 and their decimals C03, the
 * sequence of total T75, one currency across amount fields (error code C02),
 * the 40E narrative D81, the 41a availability code T68, the amendment codes
 * T67, the rules between the payment and shipment fields of MT700, 707 and
 * 720 (C90, D06), and the 58a usage rule.
 *
 * Error codes and wording: SWIFT Standards MT General Field Definitions and
 * the Category 7 Message Reference Guide (www.swift.com/swift-resource/202476).
 */
import { CURRENCY_EXPONENTS, isCurrencyCode } from '@tollgate/core';
import { allDigits } from '../char-classes.js';
import type { NetworkRule } from '../spec-types.js';
import type { SwiftIssue } from '../types.js';
import {
  isSwiftDate,
  parseApplicableRules,
  parseSequenceOfTotal,
  splitSwiftAmount,
} from './field-values.js';
import {
  fieldValueRule,
  forEachField,
  indexedRule,
  notBothRule,
  oneGroupRule,
  ruleIssue,
  tagsOf,
  togetherRule,
  usageRule,
  withIssue,
} from './network-rules.js';

/** T26: a reference (16x) must not start or end with `/` nor contain `//`. */
export function referenceRule(tags: readonly string[]): NetworkRule {
  return fieldValueRule(
    'T26',
    tags,
    `Fields ${tags.join(', ')} must not start or end with a slash '/' nor contain two consecutive slashes '//'`,
    (value) =>
      value.startsWith('/') || value.endsWith('/') || value.includes('//')
        ? "a reference must not start or end with '/' nor contain '//'"
        : undefined,
  );
}

/** T50: the first six characters of each of `tags` must be a valid YYMMDD date. */
export function dateRule(tags: readonly string[]): NetworkRule {
  return fieldValueRule(
    'T50',
    tags,
    `The dates in fields ${tags.join(', ')} must be valid calendar dates (YYMMDD)`,
    (value) =>
      allDigits(value, 0, 6) && !isSwiftDate(value)
        ? `${value.slice(0, 6)} is not a valid date`
        : undefined,
  );
}

/** T52: the currency of each `3!a15d` amount in `tags` must be an ISO 4217 code. */
export function currencyRule(tags: readonly string[]): NetworkRule {
  return fieldValueRule(
    'T52',
    tags,
    `The currency codes in fields ${tags.join(', ')} must be valid ISO 4217 codes`,
    (value) => {
      const amount = splitSwiftAmount(value);
      return amount !== undefined && !isCurrencyCode(amount.currency)
        ? `${amount.currency} is not an ISO 4217 currency with minor units`
        : undefined;
    },
  );
}

/** C03: the number of decimals of each amount in `tags` must not exceed its currency's. */
export function decimalsRule(tags: readonly string[]): NetworkRule {
  return fieldValueRule(
    'C03',
    tags,
    `The amounts in fields ${tags.join(', ')} must not have more decimals than their currency`,
    (value) => {
      const amount = splitSwiftAmount(value);
      if (amount === undefined || !isCurrencyCode(amount.currency)) return undefined;
      const decimals = amount.decimal.length - amount.decimal.indexOf(',') - 1;
      const allowed = CURRENCY_EXPONENTS[amount.currency];
      return decimals > allowed
        ? `${amount.currency} has ${allowed} decimals; the amount has ${decimals}`
        : undefined;
    },
  );
}

/** Error code C02: every amount in `tags` must be in the same currency (rule `id` of the MT, e.g. `C2`). */
export function sameCurrencyRule(id: string, tags: readonly string[]): NetworkRule {
  const description = `The currency code in the amount fields ${tags.join(' and ')} must be the same`;
  const refs = tags.map(tagsOf);
  const rule = `rule.${id}`;
  return indexedRule(id, description, (index) => {
    let currency: string | undefined;
    let issues: SwiftIssue[] | undefined;
    for (const ref of refs) {
      forEachField(index, ref, (field) => {
        const amount = splitSwiftAmount(field.value);
        if (amount === undefined) return;
        if (currency === undefined) currency = amount.currency;
        else if (amount.currency !== currency) {
          issues = withIssue(issues, ruleIssue(rule, description, field));
        }
      });
    }
    return issues;
  });
}

/** T75: in field 27, Number must be 1 and Total between 1 and 8. */
export const sequenceOfTotalRule: NetworkRule = fieldValueRule(
  'T75',
  ['27'],
  'In field 27, Number must be 1 and Total must be in the range 1 to 8',
  (value) => {
    const sequence = parseSequenceOfTotal(value);
    if (sequence === undefined) return undefined;
    return sequence.number === 1 && sequence.total >= 1 && sequence.total <= 8
      ? undefined
      : 'Number must be 1 and Total 1 to 8';
  },
);

/** Field 40E (`30x[/35x]`): the applicable rules codes; a narrative only with OTHR. */
export const APPLICABLE_RULES_CODES = [
  'EUCP LATEST VERSION',
  'EUCPURR LATEST VERSION',
  'ISP LATEST VERSION',
  'OTHR',
  'UCP LATEST VERSION',
  'UCPURR LATEST VERSION',
] as const;

/** D81: the narrative of 40E (`30x[/35x]`) is only allowed after the code OTHR. */
export const applicableRulesNarrativeRule: NetworkRule = fieldValueRule(
  'D81',
  ['40E'],
  'The narrative of field 40E may only be present when the code is OTHR',
  (value) => {
    const rules = parseApplicableRules(value);
    return rules.narrative === undefined || rules.rules === 'OTHR'
      ? undefined
      : 'a narrative is only allowed after OTHR';
  },
);

/** The `14x` codes of the last line of field 41a. */
export const AVAILABLE_BY_CODES = [
  'BY ACCEPTANCE',
  'BY DEF PAYMENT',
  'BY MIXED PYMT',
  'BY NEGOTIATION',
  'BY PAYMENT',
] as const;

/** T68: the last line of 41A / 41D is one of {@link AVAILABLE_BY_CODES}. */
export const availableByCodeRule: NetworkRule = fieldValueRule(
  'T68',
  [{ tag: '41a', options: ['A', 'D'] }],
  'The code of field 41a must be BY ACCEPTANCE, BY DEF PAYMENT, BY MIXED PYMT, BY NEGOTIATION or BY PAYMENT',
  (value) => {
    const newline = value.lastIndexOf('\n');
    const code = newline < 0 ? '' : value.slice(newline + 1);
    return (AVAILABLE_BY_CODES as readonly string[]).includes(code)
      ? undefined
      : `'${code}' is not an availability code`;
  },
);

/** The codes of fields 45B, 46B, 47B, 49M, 49N in an amendment: each line that starts a change begins with one. */
const AMENDMENT_CODES = ['ADD', 'DELETE', 'REPALL'] as const;

const AMENDMENT_LINE_CODE = /^\/([A-Z0-9]{1,6})\//;

/**
 * Why an amendment narrative (45B/46B/47B/49M/49N, `100*65z` with `/6c/` line
 * codes) is malformed: the first line must start with `/ADD/`, `/DELETE/` or
 * `/REPALL/`, every other line starting with `/` must be such a code, and
 * REPALL excludes any other code in the same field (SWIFT error code T67).
 */
function amendmentNarrativeProblem(value: string): string | undefined {
  let codes = 0;
  let repall = false;
  let start = 0;
  for (let index = 0; start <= value.length; index++) {
    const newline = value.indexOf('\n', start);
    const end = newline === -1 ? value.length : newline;
    if (value.charCodeAt(start) !== 47 /* / */) {
      if (index === 0) return 'the first line must start with /ADD/, /DELETE/ or /REPALL/';
    } else {
      const code = AMENDMENT_LINE_CODE.exec(value.slice(start, end))?.[1];
      if (code === undefined || !(AMENDMENT_CODES as readonly string[]).includes(code)) {
        return `line ${index + 1} must start with /ADD/, /DELETE/ or /REPALL/ (continuation lines must not start with '/')`;
      }
      codes++;
      if (code === 'REPALL') repall = true;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return repall && codes > 1 ? 'REPALL must be the only code in the field' : undefined;
}

/** T67 over the amendment narratives `tags`. */
export function amendmentCodesRule(tags: readonly string[]): NetworkRule {
  return fieldValueRule(
    'T67',
    tags,
    'Fields 45B, 46B, 47B, 49M and 49N must use the codes ADD, DELETE or REPALL at the start of a line; REPALL excludes the others',
    amendmentNarrativeProblem,
  );
}

const CONFIRMATION_PARTY = tagsOf({ tag: '58a', options: ['A', 'D'] });

/**
 * Usage rule 58a of MT707 and MT720 (an advisory): "Field must be present if
 * confirmation instructions is MAY ADD or CONFIRM" (Category 7 guide, 58a).
 */
export const confirmationPartyUsageRule: NetworkRule = usageRule(
  '58a',
  'Field 58a (requested confirmation party) must be present when field 49 is CONFIRM or MAY ADD',
  (index) => {
    const instructions = index.first('49');
    if (instructions === undefined) return undefined;
    if (instructions.value !== 'CONFIRM' && instructions.value !== 'MAY ADD') return undefined;
    return index.firstOf(CONFIRMATION_PARTY) === undefined
      ? {
          field: instructions,
          message: `Field 49 is ${instructions.value}: field 58a (requested confirmation party) should name the bank`,
        }
      : undefined;
  },
);

const DRAWEE = { tag: '42a', options: ['A', 'D'] } as const;

/** Error code C90 (rule C1 of MT700 and MT720): 42C and 42a go together. */
export function draftsWithDraweeRule(id: string): NetworkRule {
  return togetherRule(id, ['42C', DRAWEE], 'When used, fields 42C and 42a must both be present');
}

/** Error code C90 (rule C2 of MT700 and MT720): drafts (42C with 42a), mixed payment (42M) or deferred payment (42P), one of them. */
export function paymentDetailsRule(id: string): NetworkRule {
  return oneGroupRule(
    id,
    [['42C', DRAWEE], ['42M'], ['42P']],
    'Either fields 42C and 42a together, or field 42M alone, or field 42P alone may be present; no other combination is allowed',
  );
}

/** Error code D06 (C3 of MT700 and MT720, C4 of MT707): a latest date of shipment (44C) or a shipment period (44D), not both. */
export function shipmentDateOrPeriodRule(id: string): NetworkRule {
  return notBothRule(id, '44C', '44D', 'Either field 44C or 44D, but not both, may be present');
}
