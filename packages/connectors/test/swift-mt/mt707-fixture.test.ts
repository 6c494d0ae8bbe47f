import { readFileSync } from 'node:fs';
import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { buildSwiftMessage, parseSwiftMessage } from '../../src/swift-mt/index.js';
import { readMt707 } from '../../src/swift-mt/mt/mt707.js';

/**
 * prowide/prowide-core src/test/java/com/prowidesoftware/swift/model/SwiftMessageUtilsTest.java
 * (commit 05b7df2420fa37aa7d6a0fcc2718047b799c7cd0): a minimal pre-SR2018 MT707 that keeps
 * field 34B (new credit amount after amendment), which SR2018 removed from MT707.
 */
const LEGACY_MT707 = readFileSync(
  new URL('./fixtures/prowide-core_MT707_SwiftMessageUtilsTest.txt', import.meta.url),
  'utf8',
);

const SR2018_MANDATORY = ['27', '23', '31C', '26E', '30', '22A'];

describe('MT707 fixture with the legacy field 34B', () => {
  it('lenient: parses what the bank sent, every violation a warning with tag, line and rule', () => {
    const message = parseSwiftMessage(LEGACY_MT707, { mode: 'lenient' });

    expect(message.type).toBe('707');
    expect(message.errors).toEqual([]);
    expect(message.warnings).toContainEqual({
      rule: 'field.unknown',
      message: 'Field 34B is not part of MT707',
      tag: '34B',
      line: 6,
    });
    expect(message.warnings).toContainEqual(
      expect.objectContaining({ rule: 'rule.C2', tag: '33B', line: 5 }),
    );
    const missing = message.warnings
      .filter((issue) => issue.rule === 'field.mandatory')
      .map((issue) => issue.tag);
    expect(missing).toEqual(SR2018_MANDATORY);
  });

  it('strict: the same findings are errors', () => {
    const message = parseSwiftMessage(LEGACY_MT707, { mode: 'strict' });

    expect(message.errors).toContainEqual({
      rule: 'field.unknown',
      message: 'Field 34B is not part of MT707',
      tag: '34B',
      line: 6,
    });
    expect(message.errors).toContainEqual({
      rule: 'rule.C2',
      message: 'Either field 32B or 33B, but not both, may be present',
      tag: '33B',
      line: 5,
    });
    expect(
      message.errors.filter((issue) => issue.rule === 'field.mandatory').map((issue) => issue.tag),
    ).toEqual(SR2018_MANDATORY);
    expect(message.warnings).toEqual([]);
  });

  it('reads the typed model, the legacy field kept in the raw fields', () => {
    const read = readMt707(parseSwiftMessage(LEGACY_MT707, { mode: 'lenient' }));

    expect(read).toEqual({
      sendersReference: 'FOO',
      receiversReference: 'BAR',
      increaseOfAmount: money(100000n, 'USD'),
      decreaseOfAmount: money(200000n, 'USD'),
      fields: [
        { tag: '20', value: 'FOO', line: 2 },
        { tag: '21', value: 'BAR', line: 3 },
        { tag: '32B', value: 'USD1000,', line: 4 },
        { tag: '33B', value: 'USD2000,', line: 5 },
        { tag: '34B', value: 'USD3000,', line: 6 },
      ],
    });
  });

  it('builds back the same fields', () => {
    const parsed = parseSwiftMessage(LEGACY_MT707, { mode: 'lenient' });
    const again = parseSwiftMessage(buildSwiftMessage(parsed), { mode: 'lenient' });

    expect(again.fields.map(({ tag, value }) => ({ tag, value }))).toEqual(
      parsed.fields.map(({ tag, value }) => ({ tag, value })),
    );
    expect(again.blocks).toEqual(parsed.blocks);
  });
});
