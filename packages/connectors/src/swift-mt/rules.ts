/**
 * Every rule id the parser reports (`SwiftIssue.rule`), in one place, with
 * what it means. Rule ids are stable: a client may switch on them. The MT
 * validators add their own (`field.format`, `field.mandatory`, `rule.C1`, …).
 */
export const SWIFT_PARSE_RULES = {
  'input.type': 'The input is not a string (thrown).',
  'input.empty': 'The input is empty or only whitespace (thrown).',
  'block.missing': 'There is no text block (block 4) and no bare `:tag:` lines (thrown).',
  'block.unbalanced':
    "A block's braces never close: thrown before the text block is read, an issue after it.",
  'block.unknown': 'A block other than 1–5 (e.g. `{S:…}`); it is skipped.',
  'block.malformed': 'A `{` that does not open a `{id:…}` block; it is skipped.',
  'block.duplicate': 'A block appears twice; the first one is kept.',
  'block.order': 'Blocks are not in the order 1, 2, 3, 4, 5.',
  'text.outside-blocks': 'Non-whitespace text between or around the blocks.',
  'block1.format':
    'Block 1 is not `F01` + 12-character logical terminal + 4-digit session + 6-digit sequence.',
  'block2.format': 'Block 2 is neither the input (`I…`) nor the output (`O…`) form.',
  'block3.format': 'Block 3 is not a list of `{tag:value}`.',
  'block5.format': 'Block 5 is not a list of `{tag:value}`.',
  'block4.start': 'The text block does not start with a line break after `{4:`.',
  'block4.terminator': 'The text block does not end with a line break followed by `-}`.',
  'block4.format': 'Block 4 is not a text block of `:tag:` fields (e.g. a `{177:…}` system block).',
  'block4.empty': 'The text block has no field.',
  'block4.stray-text': 'Lines in the text block before the first `:tag:` line.',
  'field.empty': 'A field has an empty value.',
} as const satisfies Record<string, string>;

/** A rule id of the parser. */
export type SwiftParseRule = keyof typeof SWIFT_PARSE_RULES;
