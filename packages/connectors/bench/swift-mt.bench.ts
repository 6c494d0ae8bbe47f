import { readFileSync } from 'node:fs';
import { type BenchFigure, type BenchTask, runRounds } from '../../core/bench/throughput.js';
import { buildSwiftMessage, parseSwiftMessage, type SwiftMessage } from '../src/swift-mt/index.js';

const GROUP = 'SWIFT MT700 (3.8 KB, 32 fields)';
// Messages per timed sample: a parse takes a few µs, so one call per sample would mostly time the timer.
const BATCH = 8;
/** The parse target of the issue: messages per second on this machine. */
export const SWIFT_PARSE_TARGET_PER_SECOND = 50_000;

const FIELD_START = /\r?\n(?=:\d{2}[A-Z]?:)/;
const FIELD = /^:(\d{2}[A-Z]?):([\s\S]*)$/;

/**
 * The baseline: what a quick hand-written parser does — cut block 4 out,
 * split it with a look-ahead regex at each `:tag:` line, one regex per field,
 * CRLF → LF in values. No headers, no line numbers, no issues.
 */
function naiveRegexSplit(text: string): Array<{ tag: string; value: string }> {
  const start = text.indexOf('{4:');
  const end = text.indexOf('\n-}', start);
  const fields: Array<{ tag: string; value: string }> = [];
  for (const part of text.slice(start + 3, end).split(FIELD_START)) {
    const match = FIELD.exec(part.replace(/^\r?\n/, ''));
    if (match) {
      fields.push({
        tag: match[1] as string,
        value: (match[2] as string).replace(/\r\n/g, '\n').trimEnd(),
      });
    }
  }
  return fields;
}

/**
 * Messages per second of the SWIFT MT codec on a full MT700
 * (test/swift-mt/fixtures/mt700-full.fin: blocks 1–5, 32 fields, narrative
 * 45A/46A/47A/78 of 8–17 lines of up to 65 characters), against a naive
 * regex split of block 4 measured in the same round. Every task cycles
 * through 8 messages that differ in their reference, amount and goods, so V8
 * cannot fold a constant input. Rounds alternate the task order; each figure
 * is the median over rounds of its ops/s and of its ratio to that round's
 * baseline. Target: `parseSwiftMessage` (validate: false) ≥ 50,000/s.
 */
export async function swiftMtBench({ rounds = 5, timeMs = 300 } = {}): Promise<BenchFigure[]> {
  const template = readFileSync(
    new URL('../test/swift-mt/fixtures/mt700-full.fin', import.meta.url),
    'utf8',
  );
  const messages = Array.from({ length: 8 }, (_, index) =>
    template
      .replace(':20:CBF25LC0004417', `:20:CBF25LC000441${index}`)
      .replace(':32B:EUR248650,00', `:32B:EUR24865${index},00`)
      .replace('18,000 PCS', `18,${index}00 PCS`),
  );
  const parsed = messages.map((text) => parseSwiftMessage(text, { validate: false }));
  let cursor = 0;
  const nextText = (): string => {
    cursor = (cursor + 1) & 7;
    return messages[cursor] as string;
  };
  const nextParsed = (): SwiftMessage => {
    cursor = (cursor + 1) & 7;
    return parsed[cursor] as SwiftMessage;
  };

  const tasks: BenchTask[] = [
    { name: 'naive regex split of block 4', run: () => naiveRegexSplit(nextText()) },
    {
      name: 'parseSwiftMessage({ validate: false })',
      run: () => parseSwiftMessage(nextText(), { validate: false }),
      note: `target ≥ ${SWIFT_PARSE_TARGET_PER_SECOND.toLocaleString('en-US')}/s; blocks 1–5, fields, lines, structural issues`,
    },
    {
      name: "parseSwiftMessage({ mode: 'lenient', validate: false })",
      run: () => parseSwiftMessage(nextText(), { mode: 'lenient', validate: false }),
    },
    {
      name: 'parseSwiftMessage (parse + validate)',
      run: () => parseSwiftMessage(nextText()),
      note: 'plus the MT700 field table: formats, charsets, mandatory fields, network rules',
    },
    {
      name: 'buildSwiftMessage (CRLF)',
      run: () => buildSwiftMessage(nextParsed()),
      note: 'from a parsed message back to FIN',
    },
  ];

  // Every task must read the message before it is timed: a bench of a parser that drops fields measures nothing.
  for (const [index, text] of messages.entries()) {
    const expected = (parsed[index] as SwiftMessage).fields.map(
      ({ tag, value }) => `${tag}=${value}`,
    );
    if (expected.length !== 32) throw new Error('the bench message must have 32 fields');
    const naive = naiveRegexSplit(text).map(({ tag, value }) => `${tag}=${value}`);
    if (naive.join('\n') !== expected.join('\n'))
      throw new Error('the baseline misreads the message');
    const validated = parseSwiftMessage(text);
    if (validated.errors.length > 0)
      throw new Error(`the bench message is invalid: ${validated.errors[0]?.message}`);
    if (buildSwiftMessage(parsed[index] as SwiftMessage) !== text)
      throw new Error('build does not round-trip');
  }

  return runRounds(tasks, { group: GROUP, rounds, timeMs, batch: BATCH });
}
