import { ValidationError, type ValidationIssue } from '@tollgate/core';
import {
  applicationHeaderProblem,
  basicHeaderProblem,
  writeApplicationHeader,
  writeBasicHeader,
} from './headers.js';
import { tagProblem, writeTagList } from './tag-list.js';
import { fieldTagEnd } from './text-block.js';
import type { SwiftMessage, SwiftTagValue } from './types.js';

/** What `buildSwiftMessage` takes: a parsed message, or one made in code (`type` is optional). */
export type SwiftMessageInput = Pick<SwiftMessage, 'blocks' | 'fields'> & { type?: string };

/** Options of {@link buildSwiftMessage}. */
export interface SwiftBuildOptions {
  /** Line break inside the text block. Default `\r\n`, as FIN carries it. */
  lineEnding?: '\r\n' | '\n';
}

/**
 * Write a FIN message: blocks 1, 2, 3, 4 and 5 (each only when present),
 * the text block's fields as `:tag:value` in order, with `\n` in values
 * turned into the line ending (CRLF by default). Values are written as
 * given: typed writers wrap narrative with {@link wrapSwiftText} first.
 * `buildSwiftMessage(parseSwiftMessage(m))` gives back `m`'s fields, and
 * `m` itself when `m` is canonical CRLF FIN.
 *
 * Checks structure, not field formats (that is the MT validators' job):
 * headers of the right lengths and characters, field tags `NN[A]`, at least
 * one field, and no value line that a parser would read as a new field
 * (`:20:`) or as the end of the block (`-}`).
 *
 * @throws ValidationError listing every structural problem; nothing is written.
 */
export function buildSwiftMessage(
  message: SwiftMessageInput,
  options: SwiftBuildOptions = {},
): string {
  const lineEnding = options.lineEnding ?? '\r\n';
  if (lineEnding !== '\r\n' && lineEnding !== '\n') {
    throw new ValidationError('the line ending must be CRLF or LF', [
      { path: ['lineEnding'], code: 'invalid_value', message: 'expected \\r\\n or \\n' },
    ]);
  }
  const problems: ValidationIssue[] = [];
  const { blocks, fields } = message;
  let out = '';

  if (blocks.basicHeader !== undefined) {
    const problem = basicHeaderProblem(blocks.basicHeader);
    if (problem !== undefined) problems.push(issue(['blocks', 'basicHeader'], 'block1', problem));
    out += `{1:${writeBasicHeader(blocks.basicHeader)}}`;
  }
  if (blocks.applicationHeader !== undefined) {
    const header = blocks.applicationHeader;
    const problem =
      header.direction === 'I' || header.direction === 'O'
        ? applicationHeaderProblem(header)
        : 'the direction must be I or O';
    if (problem !== undefined)
      problems.push(issue(['blocks', 'applicationHeader'], 'block2', problem));
    if (message.type !== undefined && message.type !== '' && message.type !== header.messageType) {
      problems.push(
        issue(
          ['type'],
          'type',
          `the type ${message.type} differs from block 2's ${header.messageType}`,
        ),
      );
    }
    out += `{2:${writeApplicationHeader(header)}}`;
  }
  if (blocks.userHeader !== undefined) {
    checkTagList(blocks.userHeader, 'userHeader', problems);
    out += `{3:${writeTagList(blocks.userHeader)}}`;
  }

  if (fields.length === 0)
    problems.push(issue(['fields'], 'fields', 'a FIN message needs a field'));
  out += `{4:${lineEnding}`;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index] as (typeof fields)[number];
    const value = normalizedValue(field.value, index, problems);
    if (!isFieldTag(field.tag)) {
      problems.push(
        issue(
          ['fields', index, 'tag'],
          'field.tag',
          'a tag is 2 digits and an optional upper-case letter',
        ),
      );
    }
    out += `:${field.tag}:${lineEnding === '\n' ? value : value.replaceAll('\n', '\r\n')}${lineEnding}`;
  }
  out += '-}';

  if (blocks.trailer !== undefined) {
    checkTagList(blocks.trailer, 'trailer', problems);
    out += `{5:${writeTagList(blocks.trailer)}}`;
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `the SWIFT message cannot be built: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return out;
}

/** A field value with CRLF as `\n`, checked for lines a parser would misread. */
function normalizedValue(raw: string, index: number, problems: ValidationIssue[]): string {
  if (typeof raw !== 'string') {
    problems.push(issue(['fields', index, 'value'], 'field.value', 'a value must be a string'));
    return '';
  }
  const value = raw.includes('\r') ? raw.replaceAll('\r\n', '\n') : raw;
  if (value.includes('\r')) {
    problems.push(
      issue(
        ['fields', index, 'value'],
        'field.value',
        'a value must not hold a lone carriage return',
      ),
    );
  }
  let lineStart = value.indexOf('\n');
  while (lineStart !== -1) {
    const start = lineStart + 1;
    const next = value.indexOf('\n', start);
    const end = next === -1 ? value.length : next;
    if (fieldTagEnd(value, start, end) !== -1) {
      problems.push(
        issue(
          ['fields', index, 'value'],
          'field.value',
          'a value line must not start like a field tag (:NN:)',
        ),
      );
    } else if (value.startsWith('-}', start)) {
      problems.push(
        issue(
          ['fields', index, 'value'],
          'field.value',
          'a value line must not start with -} (the end of the text block)',
        ),
      );
    }
    lineStart = next;
  }
  return value;
}

function checkTagList(
  tags: readonly SwiftTagValue[],
  block: 'userHeader' | 'trailer',
  problems: ValidationIssue[],
): void {
  tags.forEach(({ tag, value }, index) => {
    const problem = typeof tag === 'string' ? tagProblem(tag) : 'a tag must be a string';
    if (problem !== undefined)
      problems.push(issue(['blocks', block, index, 'tag'], 'tag', problem));
    if (typeof value !== 'string' || value.includes('{') || value.includes('}')) {
      problems.push(
        issue(['blocks', block, index, 'value'], 'tag', 'a value must be a string without braces'),
      );
    }
  });
}

function isFieldTag(tag: unknown): boolean {
  return (
    typeof tag === 'string' &&
    (tag.length === 2 || tag.length === 3) &&
    fieldTagEnd(`:${tag}:`, 0, tag.length + 2) === tag.length + 1
  );
}

function issue(path: Array<string | number>, code: string, message: string): ValidationIssue {
  return { path, code: `swift_build.${code}`, message };
}
