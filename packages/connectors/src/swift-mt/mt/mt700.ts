/**
 * MT700 Issue of a Documentary Credit: the typed model, `readMt700` (parsed
 * message → model) and `writeMt700` (model → message ready for
 * `buildSwiftMessage`). The field table and rules are in `mt700-spec.ts`;
 * the terms it shares with MT707/MT720 in `documentary-credit-terms.ts`.
 */
import type { Money } from '@tollgate/core';
import type { SwiftField, SwiftIssue, SwiftMessage } from '../types.js';
import {
  type AmountToleranceTerms,
  APPLICABLE_RULES_TERM,
  accountPartyTerm,
  type BankInstructionTerms,
  CHARGES_TERM,
  type ChargesAndPresentationTerms,
  type CreditNarrativeTerms,
  closingTerms,
  creditNarrativeTerms,
  type PaymentDetailTerms,
  PRESENTATION_PERIOD_TERM,
  paymentAndShipmentTerms,
  type ShipmentTerms,
} from './documentary-credit-terms.js';
import {
  amountTerm,
  bankTerm,
  dateTerm,
  expiryTerm,
  linesTerm,
  MtModel,
  sequenceOfTotalTerm,
  textTerm,
} from './field-terms.js';
import type { ApplicableRules, DateAndPlace, SequenceOfTotal } from './field-values.js';
import { MT700_SPEC } from './mt700-spec.js';
import type { AvailableWith, BankFieldInput, PartyLines } from './party-values.js';
import type { MessageHeaders } from './text-block-writer.js';

/** The terms of a documentary credit shared by the read model and the input (fields 23 to 72Z). */
interface Mt700Terms
  extends AmountToleranceTerms,
    PaymentDetailTerms<BankFieldInput>,
    ShipmentTerms,
    CreditNarrativeTerms,
    ChargesAndPresentationTerms,
    BankInstructionTerms<BankFieldInput> {
  /** 23: the pre-advice reference (`PREADV/…`). */
  referenceToPreAdvice?: string;
  /** 51a: the applicant bank, when not the issuing bank. */
  applicantBank?: BankFieldInput;
  /** 44C: the latest date of shipment (ISO `YYYY-MM-DD`). */
  latestShipmentDate?: string;
  /** 49H: special payment conditions for the receiving bank only. */
  specialPaymentConditionsForBank?: string;
  /** 53a: the reimbursing bank. */
  reimbursingBank?: BankFieldInput;
}

/**
 * An MT700 read from a parsed message. Every property is optional because a
 * lenient parse reads what a bank really sent, mandatory fields missing
 * included; a malformed value is left out of the typed properties (the
 * validator reports it) and stays in `fields`.
 */
export interface Mt700 extends Mt700Terms {
  /** 27: message number and total (`1/1`). */
  sequenceOfTotal?: SequenceOfTotal;
  /** 40A: `IRREVOCABLE`, `IRREVOCABLE TRANSFERABLE`, `IRREVOCABLE STANDBY` or `IRREVOC TRANS STANDBY`. */
  formOfCredit?: string;
  /** 20: the documentary credit number. */
  documentaryCreditNumber?: string;
  /** 31C: the date of issue (ISO `YYYY-MM-DD`). */
  dateOfIssue?: string;
  /** 40E: the rules the credit is subject to. */
  applicableRules?: ApplicableRules;
  /** 31D: the expiry date (ISO; absent when not a real date) and place. */
  expiry?: DateAndPlace;
  /** 50: the applicant's name and address lines. */
  applicant?: string[];
  /** 59: the beneficiary, with its account when the first line is `/account`. */
  beneficiary?: PartyLines;
  /** 32B: the credit amount, exact in minor units. */
  amount?: Money;
  /** 41a: with which bank and how the credit is available. */
  availableWith?: AvailableWith;
  /** 49: `CONFIRM`, `MAY ADD` or `WITHOUT`. */
  confirmationInstructions?: string;
  /** The text block's fields as parsed (repeated and unknown tags included). */
  fields: SwiftField[];
  /** Values that could not be read into the typed properties (32B decimals, impossible dates). */
  issues: SwiftIssue[];
}

/** What `writeMt700` needs: the mandatory fields and the optional terms. */
export interface Mt700Input extends Mt700Terms {
  /** 27: default `1/1`. */
  sequenceOfTotal?: SequenceOfTotal;
  /** 40A: `IRREVOCABLE`, `IRREVOCABLE TRANSFERABLE`, `IRREVOCABLE STANDBY` or `IRREVOC TRANS STANDBY`. */
  formOfCredit: string;
  /** 20: up to 16 characters, no leading/trailing `/` nor `//`. */
  documentaryCreditNumber: string;
  /** 31C: ISO date. */
  dateOfIssue: string;
  /** 40E: e.g. `{ rules: 'UCP LATEST VERSION' }`. */
  applicableRules: ApplicableRules;
  /** 31D: ISO date and place (up to 29 characters). */
  expiry: { date: string; place: string };
  /** 50: up to 4 lines of 35. */
  applicant: string[];
  /** 59: up to 4 lines of 35, optionally an account. */
  beneficiary: PartyLines;
  /** 32B: the credit amount. */
  amount: Money;
  /** 41a: option A when `bic` is set, D otherwise. */
  availableWith: AvailableWith;
  /** 49: `CONFIRM`, `MAY ADD` or `WITHOUT`. */
  confirmationInstructions: string;
}

const MT700_MODEL = new MtModel<Mt700, Mt700Input>(
  MT700_SPEC,
  [
    sequenceOfTotalTerm,
    textTerm('40A', 'formOfCredit'),
    textTerm('20', 'documentaryCreditNumber'),
    textTerm('23', 'referenceToPreAdvice'),
    dateTerm('31C', 'dateOfIssue'),
    APPLICABLE_RULES_TERM,
    expiryTerm('expiry'),
    bankTerm('51a', 'applicantBank'),
    linesTerm('50', 'applicant'),
    accountPartyTerm('beneficiary'),
    amountTerm('32B', 'amount'),
    ...paymentAndShipmentTerms('latestShipmentDate'),
    ...creditNarrativeTerms('specialPaymentConditionsForBank'),
    CHARGES_TERM,
    PRESENTATION_PERIOD_TERM,
    ...closingTerms({ reimbursingBank: true }),
  ],
  { reportIssues: true, bankOption: false },
);

/**
 * Read the typed MT700 of a parsed message (any mode). The first occurrence
 * of each tag counts; the amount is exact (bigint minor units, decimal comma
 * parsed without floats) and dates are ISO (YYMMDD with years 80–99 as 19xx).
 */
export function readMt700(message: SwiftMessage): Mt700 {
  return MT700_MODEL.read(message);
}

/**
 * Write an MT700 from its typed form: the fields in table order, narratives
 * wrapped at their field's width (65 for `z`/`65x` narratives, 35 for `35x`
 * lines) with `wrapSwiftText`, ready for `buildSwiftMessage`. The result is
 * validated against the table in strict mode. Reading the built message back
 * gives the input again whenever its text lines already fit their width.
 *
 * @param headers blocks 1, 2, 3 and 5 to carry; block 2's message type is set to 700.
 * @throws ValidationError when the input cannot make a valid MT700 (each issue names the input property).
 */
export function writeMt700(input: Mt700Input, headers?: MessageHeaders): SwiftMessage {
  return MT700_MODEL.write(input, headers);
}
