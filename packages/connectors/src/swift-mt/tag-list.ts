import { allUpperAlphanumeric } from './char-classes.js';
import type { SwiftTagValue } from './types.js';

/**
 * Blocks 3 and 5: a list of `{tag:value}` (`{108:MUR}{121:uuid}`,
 * `{CHK:123456789ABC}{TNG:}`). Internal.
 */

/**
 * Read a block's `{tag:value}` list. Returns the pairs read and, when the
 * content is not such a list, what is wrong (the pairs before the problem
 * are kept).
 */
export function readTagList(content: string): { tags: SwiftTagValue[]; problem?: string } {
  const tags: SwiftTagValue[] = [];
  let position = 0;
  while (position < content.length) {
    if (content.charCodeAt(position) !== 123 /* { */) {
      return { tags, problem: 'expected `{` opening a `{tag:value}` pair' };
    }
    const colon = content.indexOf(':', position + 1);
    const close = content.indexOf('}', position + 1);
    if (colon === -1 || close === -1 || close < colon) {
      return { tags, problem: 'a pair is not `{tag:value}`' };
    }
    const tag = content.slice(position + 1, colon);
    const problem = tagProblem(tag);
    if (problem !== undefined) return { tags, problem };
    const value = content.slice(colon + 1, close);
    if (value.includes('{')) return { tags, problem: `the value of {${tag}:} contains \`{\`` };
    tags.push({ tag, value });
    position = close + 1;
  }
  return { tags };
}

/** What is wrong with a block 3/5 tag (1 to 3 upper-case letters or digits), or `undefined`. */
export function tagProblem(tag: string): string | undefined {
  if (tag.length < 1 || tag.length > 3) return 'a tag must be 1 to 3 characters';
  if (!allUpperAlphanumeric(tag, 0, tag.length))
    return 'a tag must be upper-case letters or digits';
  return undefined;
}

/** A block's content for a `{tag:value}` list. */
export function writeTagList(tags: readonly SwiftTagValue[]): string {
  let content = '';
  for (const { tag, value } of tags) content += `{${tag}:${value}}`;
  return content;
}
