import { describe, expect, it } from 'vitest';
import { parseSwiftMessage, SWIFT_PARSE_RULES, type SwiftIssue } from '../../src/swift-mt/index.js';

const B1 = '{1:F01AAAAUS33AXXX0000000000}';
const B2 = '{2:I700BBBBUS33XXXXN}';
const B3 = '{3:{108:MUR12345}}';
const B4 = '{4:\r\n:20:REF\r\n:32B:EUR1000,\r\n-}';
const B5 = '{5:{CHK:123456789ABC}}';

interface Case {
  rule: keyof typeof SWIFT_PARSE_RULES;
  text: string;
  /** The issue expected (rule, line, tag); its message is checked separately. */
  issue: Omit<SwiftIssue, 'message'>;
  /** Field tags still read in both modes. */
  tags: string[];
}

const cases: Case[] = [
  {
    rule: 'block4.terminator',
    text: `${B1}${B2}{4:\r\n:20:REF\r\n:32B:EUR1000,\r\n`,
    issue: { rule: 'block4.terminator', line: 3 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block4.terminator',
    text: `${B1}${B2}{4:\r\n:20:REF\r\n:32B:EUR1000,\r\n}${B5}`,
    issue: { rule: 'block4.terminator', line: 3 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block4.terminator',
    text: `${B1}${B2}{4:\n:20:REF\n:32B:EUR1000,-}`,
    issue: { rule: 'block4.terminator', line: 3 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.unknown',
    text: `${B1}${B2}${B4}${B5}{S:{SAC:}{COP:P}}`,
    issue: { rule: 'block.unknown', line: 4 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.malformed',
    text: `${B1}{X}${B2}${B4}`,
    issue: { rule: 'block.malformed', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.duplicate',
    text: `${B1}${B2}${B2}${B4}`,
    issue: { rule: 'block.duplicate', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.duplicate',
    text: `${B1}${B2}${B4}\r\n{4:\r\n:21:OTHER\r\n-}`,
    issue: { rule: 'block.duplicate', line: 5 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.order',
    text: `${B2}${B1}${B4}`,
    issue: { rule: 'block.order', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.order',
    text: `${B1}${B2}${B5}${B4}`,
    issue: { rule: 'block.order', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'text.outside-blocks',
    text: `GARBAGE${B1}${B2}${B4}`,
    issue: { rule: 'text.outside-blocks', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'text.outside-blocks',
    text: `${B1}${B2}${B4}\r\nEND OF FILE\r\n`,
    issue: { rule: 'text.outside-blocks', line: 5 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block1.format',
    text: `{1:F01AAAAUS33AXXX}${B2}${B4}`,
    issue: { rule: 'block1.format', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block1.format',
    text: `{1:X01AAAAUS33AXXX0000000000}${B2}${B4}`,
    issue: { rule: 'block1.format', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block2.format',
    text: `${B1}{2:X700BBBBUS33XXXXN}${B4}`,
    issue: { rule: 'block2.format', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block2.format',
    text: `${B1}{2:I700BBBBUS33XXXXQ}${B4}`,
    issue: { rule: 'block2.format', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block2.format',
    text: `${B1}{2:O70012000101BANKBEBBAXXX2222123456}${B4}`,
    issue: { rule: 'block2.format', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block3.format',
    text: `${B1}${B2}{3:108:MUR}${B4}`,
    issue: { rule: 'block3.format', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block5.format',
    text: `${B1}${B2}${B4}\r\n{5:{CHK:123456789ABC}{mac:1}}`,
    issue: { rule: 'block5.format', line: 5 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.unbalanced',
    text: `{1:F01AAAAUS33AXXX0000000000${B2}${B4}`,
    issue: { rule: 'block.unbalanced', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block.unbalanced',
    text: `${B1}${B2}${B4}{5:{CHK:123456789ABC}`,
    issue: { rule: 'block.unbalanced', line: 4 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block4.start',
    text: `${B1}${B2}{4::20:REF\r\n:32B:EUR1000,\r\n-}`,
    issue: { rule: 'block4.start', line: 1 },
    tags: ['20', '32B'],
  },
  {
    rule: 'block4.empty',
    text: `${B1}${B2}{4:\r\n-}`,
    issue: { rule: 'block4.empty', line: 1 },
    tags: [],
  },
  {
    rule: 'block4.format',
    text: `{1:F21AAAAUS33AXXX0000000000}{4:{177:2503101012}{451:0}}`,
    issue: { rule: 'block4.format', line: 1 },
    tags: [],
  },
  {
    rule: 'block4.stray-text',
    text: `${B1}${B2}{4:\r\nPLEASE FIND BELOW\r\n\r\n:20:REF\r\n:32B:EUR1000,\r\n-}`,
    issue: { rule: 'block4.stray-text', line: 2 },
    tags: ['20', '32B'],
  },
  {
    rule: 'field.empty',
    text: `${B1}${B2}{4:\r\n:20:REF\r\n:21:\r\n:32B:EUR1000,\r\n-}`,
    issue: { rule: 'field.empty', tag: '21', line: 3 },
    tags: ['20', '21', '32B'],
  },
];

describe('structural problems are issues with rule and line: errors when strict, warnings when lenient', () => {
  it.each(cases.map((c) => [c.rule, c] as const))('%s', (_, { text, issue, tags }) => {
    const strict = parseSwiftMessage(text, { validate: false });
    const lenient = parseSwiftMessage(text, { mode: 'lenient', validate: false });

    expect(strict.errors).toContainEqual(expect.objectContaining(issue));
    expect(strict.warnings).toEqual([]);
    expect(lenient.warnings).toContainEqual(expect.objectContaining(issue));
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings).toEqual(strict.errors);

    expect(strict.fields.map((field) => field.tag)).toEqual(tags);
    expect(lenient.fields).toEqual(strict.fields);
    expect(lenient.blocks).toEqual(strict.blocks);
    for (const found of strict.errors) {
      expect(found.message.length).toBeGreaterThan(0);
      expect(found.message.length).toBeLessThan(120);
      expect(Object.keys(SWIFT_PARSE_RULES)).toContain(found.rule);
    }
  });

  it('covers every rule the parser reports as an issue', () => {
    const thrownOnly = ['input.type', 'input.empty', 'block.missing'];
    const covered = new Set(cases.map((c) => c.rule));
    for (const rule of Object.keys(SWIFT_PARSE_RULES)) {
      if (!thrownOnly.includes(rule)) expect(covered, rule).toContain(rule);
    }
  });

  it('recovers what it can: a truncated trailer keeps the text block, an unclosed block 1 keeps its header', () => {
    const truncated = parseSwiftMessage(`${B1}${B2}${B4}{5:{CHK:123456789ABC}`, {
      mode: 'lenient',
      validate: false,
    });
    expect(truncated.fields.map((field) => field.value)).toEqual(['REF', 'EUR1000,']);
    expect(truncated.blocks.trailer).toBeUndefined();

    const unclosed = parseSwiftMessage(`{1:F01AAAAUS33AXXX0000000000${B2}${B4}`, {
      mode: 'lenient',
      validate: false,
    });
    expect(unclosed.blocks.basicHeader?.logicalTerminal).toBe('AAAAUS33AXXX');
    expect(unclosed.type).toBe('700');
  });

  it('keeps the first of duplicate blocks and reads the last block 4 field without its terminator', () => {
    const message = parseSwiftMessage(`${B1}{2:I707BBBBUS33XXXXN}${B2}${B4}`, {
      mode: 'lenient',
      validate: false,
    });
    expect(message.type).toBe('707');
    const noTerminator = parseSwiftMessage(
      `${B1}${B2}{4:\r\n:20:REF\r\n:79:LINE 1\r\nLINE 2\r\n-`,
      {
        mode: 'lenient',
        validate: false,
      },
    );
    expect(noTerminator.fields.at(-1)).toEqual({ tag: '79', value: 'LINE 1\nLINE 2', line: 3 });
  });

  it('reads a message with blocks 3 and 5 and no issue', () => {
    const message = parseSwiftMessage(`${B1}${B2}${B3}${B4}${B5}`, { validate: false });
    expect(message.errors).toEqual([]);
    expect(message.blocks.userHeader).toEqual([{ tag: '108', value: 'MUR12345' }]);
    expect(message.blocks.trailer).toEqual([{ tag: 'CHK', value: '123456789ABC' }]);
  });
});
