/**
 * How the simulated gateway validates a FIN message it receives: with the
 * SWIFT MT codec, strict mode, as FIN would. Sandbox only.
 */
import {
  isSwiftParseError,
  parseSwiftMessage,
  type SwiftIssue,
  type SwiftMessage,
} from '../swift-mt/index.js';

/** One finding as the gateway reports it: a FIN error code and where. */
export interface FinFinding {
  code: string;
  message: string;
  tag?: string;
  line?: number;
}

/** What validation decided. */
export type FinValidation =
  /** The payload is not a FIN text block at all: the gateway refuses the request (HTTP 400). */
  | { outcome: 'unreadable'; findings: FinFinding[] }
  /** A FIN message the network will NAK with the first finding's code. */
  | { outcome: 'nak'; message: SwiftMessage; findings: FinFinding[] }
  /** A valid message: the network will ACK it. */
  | { outcome: 'valid'; message: SwiftMessage };

/**
 * FIN error codes for the codec's rules, after SWIFT's "FIN Error Codes"
 * guide: T13 an unexpected or missing field (or a bad field separator or
 * end of text), T12 a field content error, T33 a line too long, T34 a
 * character outside the character set. Network rules report their own id
 * (`rule.T67` → `T67`, `rule.C1` → `C1`). An approximation of FIN's table,
 * enough to exercise NAK handling.
 */
function finCodeOf(issue: SwiftIssue): string {
  const { rule } = issue;
  if (rule.startsWith('rule.')) return rule.slice(5);
  if (
    rule.startsWith('block') ||
    ['field.unknown', 'field.option', 'field.mandatory', 'field.repeated', 'field.order'].includes(
      rule,
    )
  ) {
    return 'T13';
  }
  if (rule === 'field.width') return 'T33';
  if (rule === 'field.charset') return 'T34';
  return 'T12';
}

function findingOf(issue: SwiftIssue): FinFinding {
  return {
    code: finCodeOf(issue),
    message: issue.message,
    ...(issue.tag === undefined ? {} : { tag: issue.tag }),
    ...(issue.line === undefined ? {} : { line: issue.line }),
  };
}

/** Issues that mean the payload is no text block of fields, rather than an invalid message. */
const UNREADABLE_RULES = new Set([
  'block4.format',
  'block4.empty',
  'block4.stray-text',
  'block.missing',
]);

/**
 * Validate a FIN message as the gateway received it: the text block from
 * `payload`, the headers rebuilt from the request's routing (`sender`,
 * `receiver`, `message_type`, priority).
 */
export function validateFinMessage(request: {
  mt: string;
  sender: string;
  receiver: string;
  priority: 'N' | 'U' | 'S';
  textBlock: string;
}): FinValidation {
  const body = request.textBlock.startsWith('\r\n')
    ? request.textBlock
    : `\r\n${request.textBlock}`;
  const fin = `{1:F01${request.sender}0000000000}{2:I${request.mt}${request.receiver}${request.priority}}{4:${body}\r\n-}`;
  let message: SwiftMessage;
  try {
    message = parseSwiftMessage(fin, { mode: 'strict' });
  } catch (error) {
    if (isSwiftParseError(error))
      return { outcome: 'unreadable', findings: error.issues.map(findingOf) };
    throw error;
  }
  if (message.errors.some((issue) => UNREADABLE_RULES.has(issue.rule))) {
    return {
      outcome: 'unreadable',
      findings: message.errors.filter((issue) => UNREADABLE_RULES.has(issue.rule)).map(findingOf),
    };
  }
  if (message.errors.length > 0) {
    return { outcome: 'nak', message, findings: message.errors.map(findingOf) };
  }
  return { outcome: 'valid', message };
}
