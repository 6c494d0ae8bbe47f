import { expect } from 'vitest';
import {
  type BankField,
  type BankFieldInput,
  buildSwiftMessage,
  parseSwiftMessage,
  type SwiftBlocks,
  type SwiftMessage,
} from '../../src/swift-mt/index.js';

/** Blocks 1 and 2 of a message sent by `sender` to `receiver` (12-character addresses). */
export function sentHeaders(messageType: string, sender: string, receiver: string): SwiftBlocks {
  return {
    basicHeader: {
      applicationId: 'F',
      serviceId: '01',
      logicalTerminal: sender,
      sessionNumber: '1234',
      sequenceNumber: '567890',
    },
    applicationHeader: { direction: 'I', messageType, receiverAddress: receiver, priority: 'N' },
  };
}

/** A read bank field as the writers take it (without its option letter). */
export function bankInput(bank: BankField | undefined): BankFieldInput | undefined {
  if (bank === undefined) return undefined;
  const { option: _option, ...rest } = bank;
  return rest;
}

/** Fields without their line numbers. */
export function tagsAndValues(
  fields: readonly { tag: string; value: string }[],
): Array<{ tag: string; value: string }> {
  return fields.map(({ tag, value }) => ({ tag, value }));
}

/**
 * Build a written message, parse it back in strict mode and expect it valid
 * (usage advisories aside) with the written fields; returns the parsed message.
 */
export function buildAndParseBack(written: SwiftMessage): SwiftMessage {
  const parsed = parseSwiftMessage(buildSwiftMessage(written), { mode: 'strict' });
  expect(parsed.type).toBe(written.type);
  expect(parsed.errors).toEqual([]);
  expect(parsed.warnings.filter((issue) => !issue.rule.startsWith('usage.'))).toEqual([]);
  expect(tagsAndValues(parsed.fields)).toEqual(tagsAndValues(written.fields));
  return parsed;
}
