/**
 * Writing a typed documentary-credit model (MT700, 707, 720, 750) into text-block
 * fields: values collected in table order, narratives wrapped at the width
 * of their field's format, value errors gathered per input property, and the
 * result validated against the MT's table before it is handed out.
 */
import { ValidationError, type ValidationIssue } from '@tollgate/core';
import type { MtSpec } from '../spec-types.js';
import type { SwiftBlocks, SwiftField, SwiftMessage } from '../types.js';
import { wrapSwiftText } from '../wrap.js';
import { formatNarrativeChanges, type NarrativeChangeInput } from './narrative-values.js';
import { validateTextBlock } from './validate.js';

/** Blocks 1, 2, 3 and 5 to carry into a written message (block 2's type is set by the writer). */
export type MessageHeaders = SwiftBlocks;

/** The tag family of a field tag in a table (`52A` → `52a` when the table lists `52a`). */
function tableTag(spec: MtSpec, tag: string): string {
  if (spec.fields.some((field) => field.tag === tag)) return tag;
  return `${tag.slice(0, 2)}a`;
}

/** Collects a message's fields in table order and the problems of their values. */
export class TextBlockWriter {
  readonly fields: SwiftField[] = [];
  readonly #problems: ValidationIssue[] = [];
  readonly #spec: MtSpec;
  readonly #propertyOfTag: Readonly<Record<string, string>>;

  constructor(spec: MtSpec, propertyOfTag: Readonly<Record<string, string>>) {
    this.#spec = spec;
    this.#propertyOfTag = propertyOfTag;
  }

  /** The format of `tag` in the table (its last line for multi-line formats). */
  formatOf(tag: string): string | undefined {
    const spec = this.#spec.fields.find((field) => field.tag === tableTag(this.#spec, tag));
    return spec?.format;
  }

  /** Append `tag` with `value`, unless the value is absent. */
  put(tag: string, value: string | undefined): void {
    if (value !== undefined) this.fields.push({ tag, value });
  }

  /** Append the field `write` makes of `value` (a tag with its option letter), unless absent. */
  putField<T>(family: string, value: T | undefined, write: (value: T) => SwiftField): void {
    if (value === undefined) return;
    const field = this.attempt(family, () => write(value));
    if (field !== undefined) this.fields.push(field);
  }

  /** `format(value)`, or `undefined` with the error recorded under `tag`'s input property. */
  convert<T>(tag: string, value: T | undefined, format: (value: T) => string): string | undefined {
    if (value === undefined) return undefined;
    return this.attempt(tag, () => format(value));
  }

  /** Run `make`, recording a thrown `ValidationError` under `tag`'s property. */
  attempt<T>(tag: string | undefined, make: () => T): T | undefined {
    try {
      return make();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const path = tag === undefined ? [] : [this.propertyOf(tag)];
      for (const issue of error.issues) {
        this.#problems.push({
          path: [...path, ...issue.path],
          code: issue.code,
          message: issue.message,
        });
      }
      return undefined;
    }
  }

  /** The input property behind `tag` (`32B` → `increaseOfAmount`). */
  propertyOf(tag: string): string {
    return this.#propertyOfTag[tableTag(this.#spec, tag)] ?? tag;
  }

  /**
   * The written message: fields validated in strict mode against the table.
   * @throws ValidationError with every value problem and table violation.
   */
  finish(headers: MessageHeaders | undefined): SwiftMessage {
    const { errors } = validateTextBlock(this.#spec, this.fields, 'strict');
    const problems = [
      ...this.#problems,
      ...errors.map((issue) => ({
        path: issue.tag === undefined ? [] : [this.propertyOf(issue.tag)],
        code: issue.rule,
        message: issue.tag === undefined ? issue.message : `${issue.tag}: ${issue.message}`,
      })),
    ];
    if (problems.length > 0) {
      throw new ValidationError(
        `the input does not make a valid MT${this.#spec.type} (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
        problems,
      );
    }
    const blocks: SwiftBlocks = { ...headers };
    if (blocks.applicationHeader !== undefined) {
      blocks.applicationHeader = { ...blocks.applicationHeader, messageType: this.#spec.type };
    }
    return { type: this.#spec.type, blocks, fields: this.fields, errors: [], warnings: [] };
  }
}

/** Width and line count of a narrative format's last line (`4*35x` → 35, 4). */
function blockOf(format: string | undefined): { width: number; maxLines: number } | undefined {
  const last = format?.split('\n').pop() ?? '';
  const match = /^\[?(\d+)\*(\d+)[xz]\]?$/.exec(last);
  return match === null ? undefined : { maxLines: Number(match[1]), width: Number(match[2]) };
}

/** `value` wrapped at the width of `tag`'s format (65 or 35); as is for a format that is not a narrative block. */
export function wrappedText(out: TextBlockWriter, tag: string, value: string): string | undefined {
  const block = blockOf(out.formatOf(tag));
  if (block === undefined) return value;
  return out.attempt(tag, () => wrapSwiftText(value, block.width, block.maxLines));
}

/**
 * An ADD/DELETE/REPALL narrative: each change wrapped on its own at the
 * field's width, so that a change always starts a line with its code.
 */
export function narrativeChanges(
  out: TextBlockWriter,
  tag: string,
  changes: readonly NarrativeChangeInput[],
): string | undefined {
  const block = blockOf(out.formatOf(tag));
  const wrapped = changes.map((change) => {
    const line = formatNarrativeChanges([change]);
    return block === undefined ? line : out.attempt(tag, () => wrapSwiftText(line, block.width));
  });
  if (wrapped.some((part) => part === undefined)) return undefined;
  return wrapped.join('\n');
}
