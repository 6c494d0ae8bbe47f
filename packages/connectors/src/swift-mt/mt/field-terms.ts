/**
 * Typed models as lists of terms: each term says how one property of a
 * model (`amount`, `drawee`) maps to one field of the text block (`32B`,
 * `42a`), both ways. An {@link MtModel} reads a parsed message into its model
 * and writes a model into a validated message with one list, so the MT700,
 * 707, 720 and 750 models share every reader and writer of a common field.
 */
import type { MtSpec } from '../spec-types.js';
import type { SwiftMessage } from '../types.js';
import { FieldReader, type FieldReaderOptions } from './field-reader.js';
import {
  fieldLines,
  formatDateAndPlace,
  formatSwiftAmount,
  formatSwiftDate,
  parseSequenceOfTotal,
  type SequenceOfTotal,
} from './field-values.js';
import { type NarrativeChangeInput, parseNarrativeChanges } from './narrative-values.js';
import {
  type AvailableWith,
  type BankFieldInput,
  formatAvailableWith,
  formatBankField,
} from './party-values.js';
import {
  type MessageHeaders,
  narrativeChanges,
  TextBlockWriter,
  wrappedText,
} from './text-block-writer.js';

/** How the property `P` of a typed model maps to one field of the text block. */
export interface FieldTerm<P extends string = string> {
  /** The tag in the MT's table: `32B`, or the family `42a`. */
  readonly tag: string;
  readonly property: P;
  /** The typed value of the field, or `undefined` when it is absent (or unreadable). */
  read(reader: FieldReader): unknown;
  /** Append the field for `value` (nothing when `value` is `undefined`). */
  write(out: TextBlockWriter, value: unknown): void;
}

/**
 * A term from a reader and a writer of its typed value; the writer is not
 * called for an absent (`undefined`) value.
 */
export function fieldTerm<P extends string, T>(
  tag: string,
  property: P,
  read: (reader: FieldReader) => unknown,
  write: (out: TextBlockWriter, value: T) => void,
): FieldTerm<P> {
  return {
    tag,
    property,
    read,
    write: (out, value) => {
      if (value !== undefined) write(out, value as T);
    },
  };
}

/** Text as sent; written wrapped at the width of a narrative format (`4*35x`, `100*65z`), as is otherwise. */
export function textTerm<P extends string>(tag: string, property: P): FieldTerm<P> {
  return fieldTerm(
    tag,
    property,
    (reader) => reader.value(tag),
    (out, value: string) => out.put(tag, wrappedText(out, tag, value)),
  );
}

/**
 * Lines (a name and address, discrepancies): the value's lines, written one
 * per line, or with `wrap` wrapped at the width of the field's format.
 */
export function linesTerm<P extends string>(tag: string, property: P, wrap = false): FieldTerm<P> {
  return fieldTerm(
    tag,
    property,
    (reader) => {
      const value = reader.value(tag);
      return value === undefined ? undefined : fieldLines(value);
    },
    (out, value: readonly string[]) => {
      const text = value.join('\n');
      out.put(tag, wrap ? wrappedText(out, tag, text) : text);
    },
  );
}

/** A value with its own parser and writer (tolerance, presentation period, 40E…); a writer's `ValidationError` names the property. */
export function valueTerm<P extends string, T>(
  tag: string,
  property: P,
  parse: (value: string) => T | undefined,
  format: (value: T) => string,
): FieldTerm<P> {
  return fieldTerm(
    tag,
    property,
    (reader) => {
      const value = reader.value(tag);
      return value === undefined ? undefined : parse(value);
    },
    (out, value: T) => out.put(tag, out.convert(tag, value, format)),
  );
}

/** A `6!n` date as an ISO date. */
export function dateTerm<P extends string>(tag: string, property: P): FieldTerm<P> {
  return fieldTerm(
    tag,
    property,
    (reader) => reader.date(tag),
    (out, value: string) => out.put(tag, out.convert(tag, value, formatSwiftDate)),
  );
}

/** A `3!a15d` amount as exact money. */
export function amountTerm<P extends string>(tag: string, property: P): FieldTerm<P> {
  return fieldTerm(
    tag,
    property,
    (reader) => reader.amount(tag),
    (out, value: Parameters<typeof formatSwiftAmount>[0]) =>
      out.put(tag, out.convert(tag, value, formatSwiftAmount)),
  );
}

/** 31D: the expiry date and place. */
export function expiryTerm<P extends string>(property: P): FieldTerm<P> {
  return fieldTerm(
    '31D',
    property,
    (reader) => reader.dateAndPlace('31D'),
    (out, value: { date: string; place: string }) =>
      out.put('31D', out.convert('31D', value, formatDateAndPlace)),
  );
}

/** A bank field of the family `tag` (`42a`) with `options`; written in option A, B or D from its members. */
export function bankTerm<P extends string>(
  tag: string,
  property: P,
  options: readonly string[] = ['A', 'D'],
): FieldTerm<P> {
  const prefix = tag.slice(0, 2);
  return fieldTerm(
    tag,
    property,
    (reader) => reader.bank(prefix, options),
    (out, value: BankFieldInput) =>
      out.putField(tag, value, (bank) => {
        const { option, value: text } = formatBankField(bank);
        return { tag: `${prefix}${option}`, value: text };
      }),
  );
}

/** 41a: where and how the credit is available. */
export function availableWithTerm<P extends string>(property: P): FieldTerm<P> {
  return fieldTerm(
    '41a',
    property,
    (reader) => reader.availableWith(),
    (out, value: AvailableWith) =>
      out.putField('41a', value, (available) => {
        const { option, value: text } = formatAvailableWith(available);
        return { tag: `41${option}`, value: text };
      }),
  );
}

/** An amendment narrative of ADD/DELETE/REPALL changes (45B, 46B, 47B, 49M, 49N). */
export function narrativeChangesTerm<P extends string>(tag: string, property: P): FieldTerm<P> {
  return fieldTerm(
    tag,
    property,
    (reader) => {
      const value = reader.value(tag);
      return value === undefined ? undefined : parseNarrativeChanges(value);
    },
    (out, value: readonly NarrativeChangeInput[]) =>
      out.put(tag, narrativeChanges(out, tag, value)),
  );
}

/** 27: message number and total, written `1/1` when absent. */
export const sequenceOfTotalTerm: FieldTerm<'sequenceOfTotal'> = {
  tag: '27',
  property: 'sequenceOfTotal',
  read: (reader) => {
    const value = reader.value('27');
    return value === undefined ? undefined : parseSequenceOfTotal(value);
  },
  write: (out, value) => {
    const { number, total } = (value as SequenceOfTotal | undefined) ?? { number: 1, total: 1 };
    out.put('27', `${number}/${total}`);
  },
};

/** What every read model carries besides its terms. */
interface ReadModelBase {
  /** The text block's fields as parsed (repeated and unknown tags included). */
  fields: SwiftMessage['fields'];
}

/**
 * A typed model of an MT: its table and its terms, in table order. `Model`
 * is what `read` returns, `Input` what `write` takes; every term's property
 * belongs to both.
 */
export class MtModel<Model extends ReadModelBase, Input extends object> {
  readonly #spec: MtSpec;
  readonly #terms: readonly FieldTerm[];
  readonly #reader: FieldReaderOptions;
  readonly #propertyOfTag: Readonly<Record<string, string>>;

  constructor(
    spec: MtSpec,
    terms: readonly FieldTerm<keyof Model & keyof Input & string>[],
    reader: FieldReaderOptions,
  ) {
    this.#spec = spec;
    this.#terms = terms;
    this.#reader = reader;
    this.#propertyOfTag = Object.fromEntries(terms.map((entry) => [entry.tag, entry.property]));
  }

  /**
   * The typed model of a parsed message (any mode): the first occurrence of
   * each tag counts, malformed values are left out, and with `reportIssues`
   * the model's `issues` say why.
   */
  read(message: SwiftMessage): Model {
    const reader = new FieldReader(message.fields, this.#reader);
    const model: Record<string, unknown> = {};
    for (const entry of this.#terms) {
      const value = entry.read(reader);
      if (value !== undefined) model[entry.property] = value;
    }
    model.fields = message.fields.map((field) => ({ ...field }));
    if (this.#reader.reportIssues) model.issues = reader.issues;
    return model as Model;
  }

  /**
   * The message of a typed model: its fields in table order, validated in
   * strict mode against the table.
   * @throws ValidationError naming the input property of every problem.
   */
  write(input: Input, headers: MessageHeaders | undefined): SwiftMessage {
    const out = new TextBlockWriter(this.#spec, this.#propertyOfTag);
    const values = input as Record<string, unknown>;
    for (const entry of this.#terms) entry.write(out, values[entry.property]);
    return out.finish(headers);
  }
}
