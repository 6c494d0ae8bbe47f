/**
 * The MT750 (advice of discrepancy) the simulated gateway delivers for a
 * documentary credit it carried: the presenting bank found the documents
 * discrepant and asks the issuing bank (the sender of the MT700) whether it
 * may pay. Written with the codec's `writeMt750`. Sandbox only.
 */
import { buildSwiftMessage, readMt700, type SwiftMessage, writeMt750 } from '../swift-mt/index.js';
import { textBlockOf } from './fin-emission.js';

/** Discrepancies the sandbox reports when a test names none. */
export const DEFAULT_DISCREPANCIES: readonly string[] = Object.freeze([
  'LATE PRESENTATION',
  'INVOICE AMOUNT EXCEEDS CREDIT AMOUNT',
]);

/**
 * The text block of an MT750 answering `credit` (a parsed MT700):
 * 20 the presenting bank's reference, 21 the credit number (the MT700's 20),
 * 32B the amount presented (the credit's 32B), 77J the discrepancies.
 */
export function discrepancyAdviceTextBlock(
  credit: SwiftMessage,
  presenterReference: string,
  discrepancies: readonly string[],
): string {
  const terms = readMt700(credit);
  const advice = writeMt750({
    sendersReference: presenterReference,
    relatedReference: terms.documentaryCreditNumber ?? 'NONREF',
    principalAmount: terms.amount ?? { amount: 0n, currency: 'USD' },
    discrepancies: discrepancies.map((discrepancy) => `+${discrepancy.toUpperCase()}`),
  });
  return textBlockOf(buildSwiftMessage({ blocks: {}, fields: advice.fields }));
}
