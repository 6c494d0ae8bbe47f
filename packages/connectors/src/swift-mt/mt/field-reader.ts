/**
 * Reading typed values out of a parsed text block for the typed models
 * (`readMt700`, `readMt707`, …): the first occurrence of each tag, read
 * leniently. A reader made with `reportIssues` also records a
 * {@link SwiftIssue} (`value.date`, `value.amount`) for a value that cannot
 * become its type, so that a model read without validation still says why a
 * property is missing.
 */
import type { Money } from '@tollgate/core';
import type { SwiftField, SwiftIssue } from '../types.js';
import { FieldIndex } from './field-index.js';
import {
  type DateAndPlace,
  parseDateAndPlace,
  parseSwiftAmount,
  parseSwiftDate,
} from './field-values.js';
import {
  type AvailableWith,
  type BankField,
  type BankFieldInput,
  parseAvailableWith,
  parseBankField,
} from './party-values.js';

/** How a model reads its values. */
export interface FieldReaderOptions {
  /** Record a `value.*` issue for each value that cannot become its type (MT700, MT750). */
  reportIssues: boolean;
  /** Keep the option letter of bank fields (`BankField`, MT707/MT720) or leave it out (`BankFieldInput`, MT700/MT750). */
  bankOption: boolean;
}

/** The concrete tags of a family (`'42'`, `['A', 'D']` → `['42A', '42D']`). */
function familyTags(prefix: string, options: readonly string[]): readonly string[] {
  return options.map((option) => `${prefix}${option}`);
}

const AVAILABLE_WITH_TAGS = familyTags('41', ['A', 'D']);

/** Reads the typed values of one message's text block. */
export class FieldReader {
  /** The `value.*` issues found so far (only with `reportIssues`). */
  readonly issues: SwiftIssue[] = [];
  readonly #index: FieldIndex;
  readonly #options: FieldReaderOptions;

  constructor(fields: readonly SwiftField[], options: FieldReaderOptions) {
    this.#index = new FieldIndex(fields);
    this.#options = options;
  }

  /** The value of the first field with exactly `tag`. */
  value(tag: string): string | undefined {
    return this.#index.first(tag)?.value;
  }

  /**
   * The ISO date in the first six characters of `tag` (`31C`, `44C`);
   * `undefined` (with a `value.date` issue) when they are not a real YYMMDD date.
   */
  date(tag: string): string | undefined {
    const field = this.#index.first(tag);
    if (field === undefined) return undefined;
    const date = parseSwiftDate(field.value.slice(0, 6));
    if (date === undefined)
      this.#report('value.date', field, `Field ${tag} does not start with a valid YYMMDD date`);
    return date;
  }

  /** 31D: the date (ISO, `undefined` with a `value.date` issue when not a real date) and the place. */
  dateAndPlace(tag: string): DateAndPlace | undefined {
    const field = this.#index.first(tag);
    if (field === undefined) return undefined;
    const value = parseDateAndPlace(field.value);
    if (value?.date === undefined) {
      this.#report('value.date', field, `Field ${tag} does not start with a valid YYMMDD date`);
    }
    return value;
  }

  /**
   * The exact `Money` of the `3!a15d` value of `tag`; `undefined` (with
   * a `value.amount` issue) when the value is malformed, the currency unknown,
   * or it has more decimals than the currency's minor units.
   */
  amount(tag: string): Money | undefined {
    const field = this.#index.first(tag);
    if (field === undefined) return undefined;
    const amount = parseSwiftAmount(field.value);
    if (amount?.money !== undefined) return amount.money;
    const why =
      amount === undefined
        ? 'is not a currency code followed by an amount with a decimal comma'
        : amount.problem === 'unknown_currency'
          ? `has currency ${amount.currency}, which is not an ISO 4217 code with minor units`
          : `has more decimals than ${amount.currency} has minor units`;
    this.#report('value.amount', field, `Field ${tag} ${why}`);
    return undefined;
  }

  /** The first bank field of the family `prefix` (`'52'`) with one of `options`. */
  bank(prefix: string, options: readonly string[]): BankField | BankFieldInput | undefined {
    const field = this.#index.firstOf(familyTags(prefix, options));
    if (field === undefined) return undefined;
    const bank = parseBankField(field.tag.slice(2), field.value);
    if (this.#options.bankOption) return bank;
    const { option: _option, ...input } = bank;
    return input;
  }

  /** 41A or 41D: where and how the credit is available. */
  availableWith(): AvailableWith | undefined {
    const field = this.#index.firstOf(AVAILABLE_WITH_TAGS);
    return field === undefined ? undefined : parseAvailableWith(field.tag.slice(2), field.value);
  }

  #report(rule: string, field: SwiftField, message: string): void {
    if (!this.#options.reportIssues) return;
    const issue: SwiftIssue = { rule, tag: field.tag, message };
    if (field.line !== undefined) issue.line = field.line;
    this.issues.push(issue);
  }
}
