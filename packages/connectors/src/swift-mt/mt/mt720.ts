/**
 * MT720 Transfer of a Documentary Credit: the typed model, `readMt720`
 * (parsed message → model) and `writeMt720` (model → message ready for
 * `buildSwiftMessage`). The field table and rules are in `mt720-spec.ts`;
 * the terms it shares with MT700/MT707 in `documentary-credit-terms.ts`.
 */
import type { Money } from '@tollgate/core';
import type { SwiftField, SwiftMessage } from '../types.js';
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
  valueTerm,
} from './field-terms.js';
import {
  type ApplicableRules,
  type DateAndPlace,
  fieldLines,
  type SequenceOfTotal,
} from './field-values.js';
import { MT720_SPEC } from './mt720-spec.js';
import type { AvailableWith, BankField, BankFieldInput, PartyLines } from './party-values.js';
import type { MessageHeaders } from './text-block-writer.js';

export { MT720_SPEC } from './mt720-spec.js';

/** Field 40B: the form of the transferred credit and whether the transferring bank confirms it. */
export interface TransferForm {
  /** `IRREVOCABLE` or `IRREVOC TRANS STANDBY`. */
  type: string;
  /** `ADDING OUR CONFIRMATION` or `WITHOUT OUR CONFIRMATION`. */
  confirmation: string;
}

/** The terms of an MT720 shared by the read model and the input. */
interface Mt720Terms<Bank>
  extends AmountToleranceTerms,
    PaymentDetailTerms<Bank>,
    ShipmentTerms,
    CreditNarrativeTerms,
    ChargesAndPresentationTerms,
    BankInstructionTerms<Bank> {
  /** 27: message number and total (`1/1`). */
  sequenceOfTotal?: SequenceOfTotal;
  /** 52a: the issuing bank of the original credit (either this or `nonBankIssuer`). */
  issuingBank?: Bank;
  /** 50B: the non-bank issuer of the original credit (name and address lines). */
  nonBankIssuer?: string[];
  /** 44C: the latest date of shipment (ISO `YYYY-MM-DD`). */
  latestDateOfShipment?: string;
  /** 49H: special payment conditions for the receiving bank only (text). */
  specialPaymentConditionsForBankOnly?: string;
}

/**
 * An MT720 read from a parsed message. Mandatory fields are optional here
 * because a lenient parse reads what a bank sent; malformed values are left
 * out of the typed properties (the validator has reported them) and stay in
 * `fields`.
 */
export interface Mt720 extends Mt720Terms<BankField> {
  /** 40B: form of the credit and confirmation. */
  form?: TransferForm;
  /** 20: the transferring bank's reference. */
  transferringBanksReference?: string;
  /** 21: the documentary credit number. */
  documentaryCreditNumber?: string;
  /** 31C: the date of issue (ISO). */
  dateOfIssue?: string;
  /** 40E: the applicable rules. */
  applicableRules?: ApplicableRules;
  /** 31D: the expiry date (ISO, `undefined` when invalid) and place. */
  expiry?: DateAndPlace;
  /** 50: the first beneficiary (name and address lines). */
  firstBeneficiary?: string[];
  /** 59: the second beneficiary. */
  secondBeneficiary?: PartyLines;
  /** 32B: the currency and amount of the transferred credit. */
  amount?: Money;
  /** 41a: where and how the credit is available. */
  availableWith?: AvailableWith;
  /** 49: `CONFIRM`, `MAY ADD` or `WITHOUT`. */
  confirmationInstructions?: string;
  /** The text block's fields as parsed (repeated and unknown tags included). */
  fields: SwiftField[];
}

/** What `writeMt720` needs. */
export interface Mt720Input extends Mt720Terms<BankFieldInput> {
  /** 40B. */
  form: TransferForm;
  /** 20: up to 16 characters. */
  transferringBanksReference: string;
  /** 21: the documentary credit number. */
  documentaryCreditNumber: string;
  /** 31C: ISO date. */
  dateOfIssue: string;
  /** 40E. */
  applicableRules: ApplicableRules;
  /** 31D: ISO date and place. */
  expiry: { date: string; place: string };
  /** 50: the first beneficiary (up to 4 lines of 35). */
  firstBeneficiary: string[];
  /** 59: the second beneficiary. */
  secondBeneficiary: PartyLines;
  /** 32B. */
  amount: Money;
  /** 41a. */
  availableWith: AvailableWith;
  /** 49: `CONFIRM`, `MAY ADD` or `WITHOUT`. */
  confirmationInstructions: string;
}

const MT720_MODEL = new MtModel<Mt720, Mt720Input>(
  MT720_SPEC,
  [
    sequenceOfTotalTerm,
    valueTerm(
      '40B',
      'form',
      (value): TransferForm => {
        const [type = '', confirmation = ''] = fieldLines(value);
        return { type, confirmation };
      },
      (form: TransferForm) => `${form.type}\n${form.confirmation}`,
    ),
    textTerm('20', 'transferringBanksReference'),
    textTerm('21', 'documentaryCreditNumber'),
    dateTerm('31C', 'dateOfIssue'),
    APPLICABLE_RULES_TERM,
    expiryTerm('expiry'),
    bankTerm('52a', 'issuingBank'),
    linesTerm('50B', 'nonBankIssuer'),
    linesTerm('50', 'firstBeneficiary'),
    accountPartyTerm('secondBeneficiary'),
    amountTerm('32B', 'amount'),
    ...paymentAndShipmentTerms('latestDateOfShipment'),
    ...creditNarrativeTerms('specialPaymentConditionsForBankOnly'),
    CHARGES_TERM,
    PRESENTATION_PERIOD_TERM,
    ...closingTerms({ reimbursingBank: false }),
  ],
  { reportIssues: false, bankOption: true },
);

/** Read the typed MT720 of a parsed message (any mode); the first occurrence of each tag counts. */
export function readMt720(message: SwiftMessage): Mt720 {
  return MT720_MODEL.read(message);
}

/**
 * Write an MT720 from its typed form: the fields in table order, narratives
 * wrapped at their field's width (65 for `100*65z`, `6*65x`, `12*65x`; 35 for
 * `4*35x`, `6*35z`), ready for `buildSwiftMessage`. The result is validated
 * against the table in strict mode.
 *
 * @param headers blocks 1, 2, 3 and 5 to carry; block 2's message type is set to 720.
 * @throws ValidationError when the input cannot make a valid MT720 (each issue names the input property).
 */
export function writeMt720(input: Mt720Input, headers?: MessageHeaders): SwiftMessage {
  return MT720_MODEL.write(input, headers);
}
