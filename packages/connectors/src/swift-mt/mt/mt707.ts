/**
 * MT707 Amendment to a Documentary Credit: the typed model, `readMt707`
 * (parsed message → model) and `writeMt707` (model → message ready for
 * `buildSwiftMessage`). The field table and rules are in `mt707-spec.ts`;
 * the terms it shares with MT700/MT720 in `documentary-credit-terms.ts`.
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
  closingTerms,
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
  fieldTerm,
  linesTerm,
  MtModel,
  narrativeChangesTerm,
  sequenceOfTotalTerm,
  textTerm,
  valueTerm,
} from './field-terms.js';
import {
  type AmendmentCharge,
  type ApplicableRules,
  type DateAndPlace,
  parseAmendmentCharge,
  type SequenceOfTotal,
} from './field-values.js';
import { MT707_SPEC } from './mt707-spec.js';
import type { NarrativeChange, NarrativeChangeInput } from './narrative-values.js';
import type { AvailableWith, BankField, BankFieldInput, PartyLines } from './party-values.js';
import { type MessageHeaders, wrappedText } from './text-block-writer.js';

export { MT707_SPEC } from './mt707-spec.js';

/** The amendment details of an MT707 (fields after 22A), shared by the read model and the input. */
interface Mt707Changes<Amount, Change, Bank>
  extends AmountToleranceTerms,
    PaymentDetailTerms<Bank>,
    ShipmentTerms,
    ChargesAndPresentationTerms,
    BankInstructionTerms<Bank> {
  /** 23S: `CANCEL` when the amendment requests the cancellation of the credit. */
  cancellationRequest?: string;
  /** 40A: the new form of the credit (`IRREVOCABLE`, `IRREVOCABLE TRANSFERABLE`, …). */
  formOfCredit?: string;
  /** 40E: the new applicable rules. */
  applicableRules?: ApplicableRules;
  /** 50: changed applicant details (name and address lines). */
  changedApplicantDetails?: string[];
  /** 59: the changed beneficiary. */
  beneficiary?: PartyLines;
  /** 32B: the increase of the credit amount. */
  increaseOfAmount?: Amount;
  /** 33B: the decrease of the credit amount. */
  decreaseOfAmount?: Amount;
  /** 41a: where and how the credit is available. */
  availableWith?: AvailableWith;
  /** 44C: the latest date of shipment (ISO `YYYY-MM-DD`). */
  latestDateOfShipment?: string;
  /** 45B: changes to the description of goods and/or services. */
  goodsDescription?: Change[];
  /** 46B: changes to the documents required. */
  documentsRequired?: Change[];
  /** 47B: changes to the additional conditions. */
  additionalConditions?: Change[];
  /** 49M: changes to the special payment conditions for the beneficiary. */
  specialPaymentConditionsForBeneficiary?: Change[];
  /** 49N: changes to the special payment conditions for the receiving bank. */
  specialPaymentConditionsForReceivingBank?: Change[];
  /** 71N: who pays the amendment charges. */
  amendmentChargePayableBy?: AmendmentCharge;
  /** 49: `CONFIRM`, `MAY ADD` or `WITHOUT`. */
  confirmationInstructions?: string;
  /** 53a: the reimbursing bank. */
  reimbursingBank?: Bank;
}

/**
 * An MT707 read from a parsed message. Every property is optional because a
 * lenient parse reads what a bank sent, mandatory fields missing included;
 * malformed values are left out of the typed properties (the validator has
 * reported them) and stay in `fields`.
 */
export interface Mt707 extends Mt707Changes<Money, NarrativeChange, BankField> {
  /** 27: message number and total (`1/1`). */
  sequenceOfTotal?: SequenceOfTotal;
  /** 20: the sender's reference. */
  sendersReference?: string;
  /** 21: the receiver's reference (`NONREF` when unknown). */
  receiversReference?: string;
  /** 23: the issuing bank's reference (the credit number). */
  issuingBanksReference?: string;
  /** 52a: the issuing bank, when not the sender. */
  issuingBank?: BankField;
  /** 50B: the non-bank issuer (name and address lines). */
  nonBankIssuer?: string[];
  /** 31C: the date of issue of the credit (ISO). */
  dateOfIssue?: string;
  /** 26E: the number of this amendment. */
  numberOfAmendment?: number;
  /** 30: the date of the amendment (ISO). */
  dateOfAmendment?: string;
  /** 22A: `ACNF`, `ADVI` or `ISSU`. */
  purposeOfMessage?: string;
  /** 31D: the new expiry date and place. */
  expiry?: DateAndPlace;
  /** The text block's fields as parsed (repeated and unknown tags included). */
  fields: SwiftField[];
}

/** What `writeMt707` needs: the mandatory identification fields and the changes to make. */
export interface Mt707Input extends Mt707Changes<Money, NarrativeChangeInput, BankFieldInput> {
  /** 27: default `1/1`. */
  sequenceOfTotal?: SequenceOfTotal;
  /** 20: up to 16 characters, no leading/trailing `/` nor `//`. */
  sendersReference: string;
  /** 21: the receiver's reference, `NONREF` when unknown. */
  receiversReference: string;
  /** 23: the issuing bank's reference. */
  issuingBanksReference: string;
  /** 52a: the issuing bank, when not the sender. */
  issuingBank?: BankFieldInput;
  /** 50B: the non-bank issuer. */
  nonBankIssuer?: string[];
  /** 31C: ISO date. */
  dateOfIssue: string;
  /** 26E: 0–999. */
  numberOfAmendment: number;
  /** 30: ISO date. */
  dateOfAmendment: string;
  /** 22A: `ACNF`, `ADVI` or `ISSU`. */
  purposeOfMessage: string;
  /** 31D: the new expiry (ISO date and place). */
  expiry?: { date: string; place: string };
}

/** 71N: the code, then the narrative wrapped at 35 characters. */
const amendmentChargeTerm = fieldTerm(
  '71N',
  'amendmentChargePayableBy',
  (reader) => {
    const value = reader.value('71N');
    return value === undefined ? undefined : parseAmendmentCharge(value);
  },
  (out, charge: AmendmentCharge) =>
    out.put(
      '71N',
      charge.narrative === undefined
        ? charge.code
        : `${charge.code}\n${wrappedText(out, '71N', charge.narrative)}`,
    ),
);

const MT707_MODEL = new MtModel<Mt707, Mt707Input>(
  MT707_SPEC,
  [
    sequenceOfTotalTerm,
    textTerm('20', 'sendersReference'),
    textTerm('21', 'receiversReference'),
    textTerm('23', 'issuingBanksReference'),
    bankTerm('52a', 'issuingBank'),
    linesTerm('50B', 'nonBankIssuer'),
    dateTerm('31C', 'dateOfIssue'),
    valueTerm(
      '26E',
      'numberOfAmendment',
      (value) => (/^\d{1,3}$/.test(value) ? Number(value) : undefined),
      (value: number) => `${value}`,
    ),
    dateTerm('30', 'dateOfAmendment'),
    textTerm('22A', 'purposeOfMessage'),
    textTerm('23S', 'cancellationRequest'),
    textTerm('40A', 'formOfCredit'),
    APPLICABLE_RULES_TERM,
    expiryTerm('expiry'),
    linesTerm('50', 'changedApplicantDetails'),
    accountPartyTerm('beneficiary'),
    amountTerm('32B', 'increaseOfAmount'),
    amountTerm('33B', 'decreaseOfAmount'),
    ...paymentAndShipmentTerms('latestDateOfShipment'),
    narrativeChangesTerm('45B', 'goodsDescription'),
    narrativeChangesTerm('46B', 'documentsRequired'),
    narrativeChangesTerm('47B', 'additionalConditions'),
    narrativeChangesTerm('49M', 'specialPaymentConditionsForBeneficiary'),
    narrativeChangesTerm('49N', 'specialPaymentConditionsForReceivingBank'),
    CHARGES_TERM,
    amendmentChargeTerm,
    PRESENTATION_PERIOD_TERM,
    ...closingTerms({ reimbursingBank: true }),
  ],
  { reportIssues: false, bankOption: true },
);

/** Read the typed MT707 of a parsed message (any mode); the first occurrence of each tag counts. */
export function readMt707(message: SwiftMessage): Mt707 {
  return MT707_MODEL.read(message);
}

/**
 * Write an MT707 from its typed form: the fields in table order, narratives
 * wrapped at their field's width (65 for `z`/`65x` narratives, 35 for `35x`),
 * ready for `buildSwiftMessage`. The result is validated against the table in
 * strict mode.
 *
 * @param headers blocks 1, 2, 3 and 5 to carry; block 2's message type is set to 707.
 * @throws ValidationError when the input cannot make a valid MT707 (each issue names the input property).
 */
export function writeMt707(input: Mt707Input, headers?: MessageHeaders): SwiftMessage {
  return MT707_MODEL.write(input, headers);
}
