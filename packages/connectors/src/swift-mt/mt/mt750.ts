/**
 * MT750 Advice of Discrepancy: the typed model, `readMt750` (parsed message →
 * model) and `writeMt750` (model → message ready for `buildSwiftMessage`).
 * The field table and rules are in `mt750-spec.ts`.
 */
import type { Money } from '@tollgate/core';
import type { SwiftField, SwiftIssue, SwiftMessage } from '../types.js';
import { amountTerm, bankTerm, linesTerm, MtModel, textTerm } from './field-terms.js';
import { MT750_SPEC } from './mt750-spec.js';
import type { BankFieldInput } from './party-values.js';
import type { MessageHeaders } from './text-block-writer.js';

/** The optional fields of an MT750, shared by the read model and the input. */
interface Mt750Details {
  /** 33B: additional amount (interest, charges claimed by the beneficiary…). */
  additionalAmount?: Money;
  /** 71D: charges to be deducted, text. */
  chargesDeducted?: string;
  /** 73A: charges to be added, text. */
  chargesAdded?: string;
  /** 34B: total amount to be paid (mandatory with 33B, 71D or 73A). */
  totalAmount?: Money;
  /** 57a: the account with bank. */
  accountWithBank?: BankFieldInput;
  /** 72Z: sender to receiver information, text. */
  senderToReceiverInformation?: string;
}

/**
 * An MT750 read from a parsed message. Every property is optional because a
 * lenient parse reads what a bank really sent; malformed values stay in `fields`.
 */
export interface Mt750 extends Mt750Details {
  /** 20: the sender's reference. */
  sendersReference?: string;
  /** 21: the related reference: the documentary credit number. */
  relatedReference?: string;
  /** 32B: the principal amount of the drawing, exact in minor units. */
  principalAmount?: Money;
  /** 77J: the discrepancies, one entry per line of the field. */
  discrepancies?: string[];
  /** The text block's fields as parsed (repeated and unknown tags included). */
  fields: SwiftField[];
  /** Values that could not be read into the typed properties (amounts with too many decimals…). */
  issues: SwiftIssue[];
}

/** What `writeMt750` needs. */
export interface Mt750Input extends Mt750Details {
  /** 20: up to 16 characters, no leading/trailing `/` nor `//`. */
  sendersReference: string;
  /** 21: the documentary credit number (or `NONREF`). */
  relatedReference: string;
  /** 32B: the principal amount. */
  principalAmount: Money;
  /** 77J: the discrepancies; an entry longer than 50 characters is wrapped onto further lines. */
  discrepancies: string[];
}

const MT750_MODEL = new MtModel<Mt750, Mt750Input>(
  MT750_SPEC,
  [
    textTerm('20', 'sendersReference'),
    textTerm('21', 'relatedReference'),
    amountTerm('32B', 'principalAmount'),
    amountTerm('33B', 'additionalAmount'),
    textTerm('71D', 'chargesDeducted'),
    textTerm('73A', 'chargesAdded'),
    amountTerm('34B', 'totalAmount'),
    bankTerm('57a', 'accountWithBank', ['A', 'B', 'D']),
    textTerm('72Z', 'senderToReceiverInformation'),
    // 77J is `70*50z`: each discrepancy longer than 50 characters is wrapped onto further lines.
    linesTerm('77J', 'discrepancies', true),
  ],
  { reportIssues: true, bankOption: false },
);

/** Read the typed MT750 of a parsed message (any mode); the first occurrence of each tag counts. */
export function readMt750(message: SwiftMessage): Mt750 {
  return MT750_MODEL.read(message);
}

/**
 * Write an MT750 from its typed form: fields in table order, each
 * discrepancy wrapped at 50 characters (77J is `70*50z`), 71D/73A/72Z at 35.
 * The result is validated against the table in strict mode (e.g. 34B is
 * required with 33B, 71D or 73A, in the currency of 32B).
 *
 * @param headers blocks 1, 2, 3 and 5 to carry; block 2's message type is set to 750.
 * @throws ValidationError when the input cannot make a valid MT750 (each issue names the input property).
 */
export function writeMt750(input: Mt750Input, headers?: MessageHeaders): SwiftMessage {
  return MT750_MODEL.write(input, headers);
}
