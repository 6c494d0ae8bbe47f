/**
 * The SWIFT MT codec's data model: what `parseSwiftMessage` returns and what
 * `buildSwiftMessage` accepts. Shared by the parser, the per-MT validators
 * (700, 707, 720, 750), the LC check and the bank connector.
 */

/** `strict`: every violation is an error. `lenient`: what a real bank sent parses; violations become warnings. */
export type SwiftParseMode = 'strict' | 'lenient';

/** One finding of the parser or a validator. */
export interface SwiftIssue {
  /** Stable rule id: `block.missing`, `field.format`, `field.charset`, `field.lines`, `field.mandatory`, `rule.C1`, … */
  rule: string;
  /** Human-readable explanation; never the whole message text. */
  message: string;
  /** The field's tag with its option letter (`32B`), when the issue is about a field. */
  tag?: string;
  /** 1-based line in the parsed input where the problem is (the field's own line for field issues). */
  line?: number;
}

/** A `{tag:value}` pair inside block 3 or block 5. */
export interface SwiftTagValue {
  tag: string;
  value: string;
}

/** Block 1: `{1:F01BANKBEBBAXXX0000000000}`. */
export interface SwiftBasicHeader {
  /** `F` (FIN), `A` (GPA) or `L` (login). */
  applicationId: string;
  /** `01` for user-to-user FIN. */
  serviceId: string;
  /** 12 characters: BIC8 + terminal code + branch (`BANKBEBBAXXX`). */
  logicalTerminal: string;
  /** 4 digits. */
  sessionNumber: string;
  /** 6 digits. */
  sequenceNumber: string;
}

/** Block 2 of a message being sent: `{2:I700BANKDEFFXXXXN}`. */
export interface SwiftApplicationHeaderInput {
  direction: 'I';
  /** `700`, `707`, … */
  messageType: string;
  /** 12-character receiver address (BIC8 + terminal + branch). */
  receiverAddress: string;
  /** `S` system, `U` urgent, `N` normal. */
  priority?: string;
  deliveryMonitoring?: string;
  obsolescencePeriod?: string;
}

/** Block 2 of a received message: `{2:O7001200970103BANKBEBBAXXX22221234569701031201N}`. */
export interface SwiftApplicationHeaderOutput {
  direction: 'O';
  messageType: string;
  /** HHMM the sender input the message. */
  inputTime: string;
  /** Message input reference: date (YYMMDD), sender LT, session and sequence number. */
  messageInputReference: string;
  /** YYMMDD the message was output. */
  outputDate: string;
  /** HHMM the message was output. */
  outputTime: string;
  priority?: string;
}

/** Blocks 1–5 of a FIN message. Blocks other than 4 may be absent in what partners send. */
export interface SwiftBlocks {
  basicHeader?: SwiftBasicHeader;
  applicationHeader?: SwiftApplicationHeaderInput | SwiftApplicationHeaderOutput;
  /** Block 3 tags in order (`108` MUR, `121` UETR, `119` validation flag, …). */
  userHeader?: SwiftTagValue[];
  /** Block 5 tags in order (`CHK`, `MAC`, `PDE`, …). */
  trailer?: SwiftTagValue[];
}

/** One field of the text block (block 4), in message order; repeated tags are kept. */
export interface SwiftField {
  /** Two digits plus the option letter when there is one: `20`, `32B`, `45A`. */
  tag: string;
  /** The value with lines joined by `\n` (CRLF in the input becomes LF). */
  value: string;
  /** 1-based line of the `:tag:` in the parsed input; absent on fields built in code. */
  line?: number;
}

/** A parsed (or to-be-built) FIN message. */
export interface SwiftMessage {
  /** The MT number from block 2 (`'700'`), or `''` when block 2 is missing. */
  type: string;
  blocks: SwiftBlocks;
  /** Block 4's fields in order. */
  fields: SwiftField[];
  /** Violations that make the message invalid (strict mode: all of them). */
  errors: SwiftIssue[];
  /** Violations tolerated in lenient mode, and advisories in both. */
  warnings: SwiftIssue[];
}

/** Options of `parseSwiftMessage`. */
export interface SwiftParseOptions {
  /** Default `strict`. */
  mode?: SwiftParseMode;
  /**
   * Validate the text block against the MT's field table when the type is
   * known (700, 707, 720, 750). Default `true`; `false` only splits blocks
   * and fields (the fastest path).
   */
  validate?: boolean;
  /**
   * The MT number to assume when the input has no block 2 (a bare text
   * block, or `{4:…-}` alone, as partners and uploads often send). Block 2
   * wins when present. Default `''`.
   */
  type?: string;
}
