import { ValidationError } from '@tollgate/core';

/** Line width of SWIFT narrative (`z`) fields such as 45A, 46A, 47A, 78 (`100*65z`, `12*65x`). */
export const SWIFT_NARRATIVE_LINE_WIDTH = 65;
/** Line width of SWIFT name-and-address and short narrative (`x`) fields such as 50, 59, 71D (`4*35x`). */
export const SWIFT_SHORT_LINE_WIDTH = 35;

/**
 * Wrap text into lines of at most `width` characters, joined by `\n` (a
 * field value as `buildSwiftMessage` takes it). Existing line breaks are
 * kept; long lines break at the last space that fits (the space is dropped),
 * a word longer than a line is split hard. A wrapped line never starts with
 * `:` or `-` when another break avoids it: FIN forbids both at the start of a
 * line (`:` would read as a new field).
 *
 * @param width 65 for narrative fields, 35 for `x` lines ({@link SWIFT_NARRATIVE_LINE_WIDTH}, {@link SWIFT_SHORT_LINE_WIDTH}).
 * @param maxLines the field's line limit (`100` for 45A); more lines throw.
 * @throws ValidationError when `width` is not an integer ≥ 2, or the text needs more than `maxLines` lines.
 */
export function wrapSwiftText(text: string, width: number, maxLines?: number): string {
  if (!Number.isInteger(width) || width < 2) {
    throw new ValidationError('the wrap width must be an integer of at least 2', [
      { path: ['width'], code: 'invalid_value', message: 'expected an integer ≥ 2' },
    ]);
  }
  const lines: string[] = [];
  for (const paragraph of text.replaceAll('\r\n', '\n').split('\n'))
    wrapLine(paragraph, width, lines);
  if (maxLines !== undefined && lines.length > maxLines) {
    throw new ValidationError(
      `the text needs ${lines.length} lines of ${width}; at most ${maxLines} fit`,
      [
        {
          path: [],
          code: 'too_many_lines',
          message: `${lines.length} lines of at most ${width} characters; the limit is ${maxLines}`,
        },
      ],
    );
  }
  return lines.join('\n');
}

function wrapLine(line: string, width: number, out: string[]): void {
  let rest = line;
  while (rest.length > width) {
    const [end, next] = breakPoint(rest, width);
    out.push(rest.slice(0, end));
    rest = rest.slice(next);
    if (rest === '') return;
  }
  out.push(rest);
}

/** Where to cut `rest`: the end of this line and the start of the next. */
function breakPoint(rest: string, width: number): [number, number] {
  for (
    let space = rest.lastIndexOf(' ', width);
    space > 0;
    space = rest.lastIndexOf(' ', space - 1)
  ) {
    let end = space;
    while (end > 0 && rest.charCodeAt(end - 1) === 32) end--;
    let next = space + 1;
    while (next < rest.length && rest.charCodeAt(next) === 32) next++;
    if (end > 0 && !badLineStart(rest, next)) return [end, next];
  }
  for (let cut = width; cut > 0; cut--) if (!badLineStart(rest, cut)) return [cut, cut];
  return [width, width];
}

/** `:` or `-` at the start of a line; end of text is fine. */
function badLineStart(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code === 58 || code === 45;
}
