/**
 * The terms the documentary-credit models (MT700, 707, 720, 750) share, each
 * read and written by one {@link FieldTerm}: the amount tolerance, the
 * payment details, the shipment terms, the narratives of the credit, the
 * charges, the presentation period and the banks and instructions at the
 * end of the table. The models compose them in table order.
 */

import {
  availableWithTerm,
  bankTerm,
  dateTerm,
  type FieldTerm,
  textTerm,
  valueTerm,
} from './field-terms.js';
import {
  formatApplicableRules,
  formatPresentationPeriod,
  formatTolerance,
  type PresentationPeriod,
  parseApplicableRules,
  parsePresentationPeriod,
  parseTolerance,
  type Tolerance,
} from './field-values.js';
import { formatPartyLines, parsePartyLines } from './party-values.js';

/** 39A and 39C: the tolerance on the credit amount and what else it covers. */
export interface AmountToleranceTerms {
  /** 39A: the percentage tolerance on the amount. */
  tolerance?: Tolerance;
  /** 39C: additional amounts covered (insurance, freight, interest…), text. */
  additionalAmountsCovered?: string;
}

/** 39A and 39C. */
const AMOUNT_TOLERANCE_TERMS: readonly FieldTerm<keyof AmountToleranceTerms>[] = [
  valueTerm('39A', 'tolerance', parseTolerance, formatTolerance),
  textTerm('39C', 'additionalAmountsCovered'),
];

/** 42C, 42a, 42M and 42P: drafts and payment details. */
export interface PaymentDetailTerms<Bank> {
  /** 42C: drafts at … (tenor), text. */
  draftsAt?: string;
  /** 42a: the drawee of the drafts. */
  drawee?: Bank;
  /** 42M: mixed payment details, text. */
  mixedPaymentDetails?: string;
  /** 42P: negotiation / deferred payment details, text. */
  deferredPaymentDetails?: string;
}

/** 42C, 42a, 42M and 42P. */
const PAYMENT_DETAIL_TERMS: readonly FieldTerm<keyof PaymentDetailTerms<unknown>>[] = [
  textTerm('42C', 'draftsAt'),
  bankTerm('42a', 'drawee'),
  textTerm('42M', 'mixedPaymentDetails'),
  textTerm('42P', 'deferredPaymentDetails'),
];

/** 43P to 44D but the latest date of shipment (44C), whose property name differs between the models. */
export interface ShipmentTerms {
  /** 43P: `ALLOWED`, `CONDITIONAL` or `NOT ALLOWED`. */
  partialShipments?: string;
  /** 43T: `ALLOWED`, `CONDITIONAL` or `NOT ALLOWED`. */
  transhipment?: string;
  /** 44A: place of taking in charge / dispatch from / place of receipt. */
  placeOfTakingInCharge?: string;
  /** 44E: port of loading / airport of departure. */
  portOfLoading?: string;
  /** 44F: port of discharge / airport of destination. */
  portOfDischarge?: string;
  /** 44B: place of final destination / for transportation to / place of delivery. */
  placeOfFinalDestination?: string;
  /** 44D: the shipment period, text. */
  shipmentPeriod?: string;
}

/** 43P to 44D, with 44C (an ISO date) as `latestDate`. */
function shipmentTerms<P extends string>(
  latestDate: P,
): readonly FieldTerm<keyof ShipmentTerms | P>[] {
  return [
    textTerm('43P', 'partialShipments'),
    textTerm('43T', 'transhipment'),
    textTerm('44A', 'placeOfTakingInCharge'),
    textTerm('44E', 'portOfLoading'),
    textTerm('44F', 'portOfDischarge'),
    textTerm('44B', 'placeOfFinalDestination'),
    dateTerm('44C', latestDate),
    textTerm('44D', 'shipmentPeriod'),
  ];
}

/**
 * 39A to 44D, as the MT700, MT707 and MT720 models read them: tolerance,
 * availability (41a), payment details and shipment terms, with 44C as
 * `latestDate`.
 */
export function paymentAndShipmentTerms<P extends string>(
  latestDate: P,
): readonly FieldTerm<
  | keyof AmountToleranceTerms
  | 'availableWith'
  | keyof PaymentDetailTerms<unknown>
  | keyof ShipmentTerms
  | P
>[] {
  return [
    ...AMOUNT_TOLERANCE_TERMS,
    availableWithTerm('availableWith'),
    ...PAYMENT_DETAIL_TERMS,
    ...shipmentTerms(latestDate),
  ];
}

/** 45A, 46A, 47A and 49G of an issued or transferred credit (49H's property name differs between the models). */
export interface CreditNarrativeTerms {
  /** 45A: description of goods and/or services (lines joined by `\n`, items start with `+`). */
  goodsDescription?: string;
  /** 46A: documents required (lines joined by `\n`; items start with `+`). */
  documentsRequired?: string;
  /** 47A: additional conditions (lines joined by `\n`, items start with `+`). */
  additionalConditions?: string;
  /** 49G: special payment conditions for the beneficiary. */
  specialPaymentConditionsForBeneficiary?: string;
}

/** 45A, 46A, 47A, 49G, and 49H as `bankOnly`. */
export function creditNarrativeTerms<P extends string>(
  bankOnly: P,
): readonly FieldTerm<keyof CreditNarrativeTerms | P>[] {
  return [
    textTerm('45A', 'goodsDescription'),
    textTerm('46A', 'documentsRequired'),
    textTerm('47A', 'additionalConditions'),
    textTerm('49G', 'specialPaymentConditionsForBeneficiary'),
    textTerm('49H', bankOnly),
  ];
}

/** 71D and 48 (MT707 puts 71N between them). */
export interface ChargesAndPresentationTerms {
  /** 71D: charges, text. */
  charges?: string;
  /** 48: days after shipment for presentation, optionally with a narrative. */
  presentationPeriod?: PresentationPeriod;
}

/** 71D. */
export const CHARGES_TERM: FieldTerm<'charges'> = textTerm('71D', 'charges');

/** 48. */
export const PRESENTATION_PERIOD_TERM: FieldTerm<'presentationPeriod'> = valueTerm(
  '48',
  'presentationPeriod',
  parsePresentationPeriod,
  formatPresentationPeriod,
);

/** 58a, 78, 57a and 72Z: the banks and instructions that end the table (MT700 and MT707 put 53a after 58a). */
export interface BankInstructionTerms<Bank> {
  /** 58a: the bank requested to confirm (with 49 CONFIRM or MAY ADD). */
  requestedConfirmationParty?: Bank;
  /** 78: instructions to the paying / accepting / negotiating bank, text. */
  instructionsToBank?: string;
  /** 57a: the 'advise through' bank. */
  adviseThroughBank?: Bank;
  /** 72Z: sender to receiver information, text. */
  senderToReceiverInformation?: string;
}

/**
 * 49 to 72Z, the end of the MT700, MT707 and MT720 models: confirmation
 * instructions, the requested confirmation party, the reimbursing bank (not
 * in MT720), instructions, the 'advise through' bank and sender to receiver
 * information.
 */
export function closingTerms<WithReimbursingBank extends boolean>(options: {
  reimbursingBank: WithReimbursingBank;
}): readonly FieldTerm<ClosingProperty<WithReimbursingBank>>[] {
  const terms: FieldTerm[] = [
    textTerm('49', 'confirmationInstructions'),
    bankTerm('58a', 'requestedConfirmationParty'),
    ...(options.reimbursingBank ? [bankTerm('53a', 'reimbursingBank')] : []),
    textTerm('78', 'instructionsToBank'),
    bankTerm('57a', 'adviseThroughBank', ['A', 'B', 'D']),
    textTerm('72Z', 'senderToReceiverInformation'),
  ];
  return terms as FieldTerm<ClosingProperty<WithReimbursingBank>>[];
}

/** The properties {@link closingTerms} reads and writes. */
type ClosingProperty<WithReimbursingBank extends boolean> =
  | keyof BankInstructionTerms<unknown>
  | 'confirmationInstructions'
  | (WithReimbursingBank extends true ? 'reimbursingBank' : never);

/** 40E: the applicable rules. */
export const APPLICABLE_RULES_TERM: FieldTerm<'applicableRules'> = valueTerm(
  '40E',
  'applicableRules',
  parseApplicableRules,
  formatApplicableRules,
);

/** A party of field 59 (`[/34x]` account, then name and address). */
export function accountPartyTerm<P extends string>(property: P): FieldTerm<P> {
  return valueTerm('59', property, (value) => parsePartyLines(value), formatPartyLines);
}
