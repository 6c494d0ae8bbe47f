/**
 * The field specs the documentary-credit tables (MT700, 707, 720, 750)
 * share, each defined once: the MT tables compose them, overriding only what
 * differs (presence, name). Formats and codes follow the SR2018+ Category 7
 * Message Reference Guide (sources in each `mtNNN-spec.ts`).
 */
import type { FieldSpec } from '../spec-types.js';
import { APPLICABLE_RULES_CODES } from './documentary-credit-rules.js';

/** `[/1!a][/34x]` + BIC: option A of a bank field. */
const BANK_OPTION_A = '[/1!a][/34x]\n4!a2!a2!c[3!c]';
/** `[/1!a][/34x]` + name and address: option D of a bank field. */
const BANK_OPTION_D = '[/1!a][/34x]\n4*35x';
/** `[/1!a][/34x]` + location: option B of field 57a. */
const BANK_OPTION_B = '[/1!a][/34x]\n[35x]';

/** The codes of 40A (form of documentary credit). */
export const FORM_OF_CREDIT_CODES = [
  'IRREVOCABLE',
  'IRREVOCABLE TRANSFERABLE',
  'IRREVOCABLE STANDBY',
  'IRREVOC TRANS STANDBY',
] as const;

/** The codes of 43P / 43T. */
export const SHIPMENT_CODES = ['ALLOWED', 'CONDITIONAL', 'NOT ALLOWED'] as const;

/** The codes of field 49 (confirmation instructions). */
export const CONFIRMATION_CODES = ['CONFIRM', 'MAY ADD', 'WITHOUT'] as const;

/** `spec` as an optional field (`O` in the table). */
export function optional(spec: FieldSpec): FieldSpec {
  return { ...spec, mandatory: false };
}

/** A `16x` reference (20, 21, 23). */
export function referenceField(tag: string, name: string, mandatory: boolean): FieldSpec {
  return { tag, name, format: '16x', mandatory };
}

/** A `3!a15d` currency and amount (32B, 33B, 34B). */
export function amountField(tag: string, name: string, mandatory: boolean): FieldSpec {
  return { tag, name, format: '3!a15d', mandatory };
}

/** Up to four lines of 35 characters: a name and address (50, 50B). */
export function nameAndAddressField(tag: string, name: string, mandatory: boolean): FieldSpec {
  return { tag, name, format: '4*35x', mandatory };
}

/** `[/34x]\n4*35x`: an account and a name and address (59). */
export function accountPartyField(name: string, mandatory: boolean): FieldSpec {
  return { tag: '59', name, format: '[/34x]\n4*35x', mandatory };
}

/** An optional bank field with options A and D (51a, 52a, 42a, 53a, 58a), or A, B and D (57a). */
export function bankField(tag: string, name: string, withLocation = false): FieldSpec {
  const options: Readonly<Record<string, string>> = withLocation
    ? { A: BANK_OPTION_A, B: BANK_OPTION_B, D: BANK_OPTION_D }
    : { A: BANK_OPTION_A, D: BANK_OPTION_D };
  return { tag, name, options, mandatory: false };
}

/** A `6*35z` narrative of charges or information (71D, 73A, 72Z). */
export function shortNarrativeField(tag: string, name: string): FieldSpec {
  return { tag, name, format: '6*35z', mandatory: false };
}

/** A `100*65z` narrative (45A, 46A, 47A, 49G, 49H and the amendments 45B … 49N). */
export function narrativeField(tag: string, name: string): FieldSpec {
  return { tag, name, format: '100*65z', mandatory: false };
}

/** 27 (M). */
export const SEQUENCE_OF_TOTAL: FieldSpec = {
  tag: '27',
  name: 'Sequence of Total',
  format: '1!n/1!n',
  mandatory: true,
};

/** 40A (M in MT700). */
export const FORM_OF_CREDIT: FieldSpec = {
  tag: '40A',
  name: 'Form of Documentary Credit',
  format: '24x',
  mandatory: true,
  codes: FORM_OF_CREDIT_CODES,
};

/** 31C (M). */
export const DATE_OF_ISSUE: FieldSpec = {
  tag: '31C',
  name: 'Date of Issue',
  format: '6!n',
  mandatory: true,
};

/** 40E (M in MT700 and MT720). */
export const APPLICABLE_RULES: FieldSpec = {
  tag: '40E',
  name: 'Applicable Rules',
  format: '30x[/35x]',
  mandatory: true,
  codes: APPLICABLE_RULES_CODES,
};

/** 31D (M in MT700 and MT720). */
export const DATE_AND_PLACE_OF_EXPIRY: FieldSpec = {
  tag: '31D',
  name: 'Date and Place of Expiry',
  format: '6!n29x',
  mandatory: true,
};

/** 50B (O). */
export const NON_BANK_ISSUER: FieldSpec = nameAndAddressField('50B', 'Non-Bank Issuer', false);

/** 39A and 39C (O): tolerance and additional amounts of the credit amount. */
const AMOUNT_TOLERANCE_FIELDS: readonly FieldSpec[] = [
  { tag: '39A', name: 'Percentage Credit Amount Tolerance', format: '2n/2n', mandatory: false },
  { tag: '39C', name: 'Additional Amounts Covered', format: '4*35x', mandatory: false },
];

/** 41a (M in MT700 and MT720). */
const AVAILABLE_WITH: FieldSpec = {
  tag: '41a',
  name: 'Available With ... By ...',
  options: { A: '4!a2!a2!c[3!c]\n14x', D: '4*35x\n14x' },
  mandatory: true,
};

/** 42C, 42a, 42M and 42P (O): drafts and payment details. */
const PAYMENT_DETAIL_FIELDS: readonly FieldSpec[] = [
  { tag: '42C', name: 'Drafts at ...', format: '3*35x', mandatory: false },
  bankField('42a', 'Drawee'),
  { tag: '42M', name: 'Mixed Payment Details', format: '4*35x', mandatory: false },
  { tag: '42P', name: 'Negotiation/Deferred Payment Details', format: '4*35x', mandatory: false },
];

/** 43P to 44D (O): partial shipments, transhipment, places, latest date and period of shipment. */
const SHIPMENT_FIELDS: readonly FieldSpec[] = [
  { tag: '43P', name: 'Partial Shipments', format: '11x', mandatory: false, codes: SHIPMENT_CODES },
  { tag: '43T', name: 'Transhipment', format: '11x', mandatory: false, codes: SHIPMENT_CODES },
  {
    tag: '44A',
    name: 'Place of Taking in Charge/Dispatch from .../Place of Receipt',
    format: '140z',
    mandatory: false,
  },
  { tag: '44E', name: 'Port of Loading/Airport of Departure', format: '140z', mandatory: false },
  {
    tag: '44F',
    name: 'Port of Discharge/Airport of Destination',
    format: '140z',
    mandatory: false,
  },
  {
    tag: '44B',
    name: 'Place of Final Destination/For Transportation to .../Place of Delivery',
    format: '140z',
    mandatory: false,
  },
  { tag: '44C', name: 'Latest Date of Shipment', format: '6!n', mandatory: false },
  { tag: '44D', name: 'Shipment Period', format: '6*65x', mandatory: false },
];

/** 45A, 46A, 47A, 49G and 49H (O): the narratives of an issued or transferred credit. */
export const CREDIT_NARRATIVE_FIELDS: readonly FieldSpec[] = [
  narrativeField('45A', 'Description of Goods and/or Services'),
  narrativeField('46A', 'Documents Required'),
  narrativeField('47A', 'Additional Conditions'),
  narrativeField('49G', 'Special Payment Conditions for Beneficiary'),
  narrativeField('49H', 'Special Payment Conditions for Bank Only'),
];

/** 71D (O). */
export const CHARGES: FieldSpec = shortNarrativeField('71D', 'Charges');

/** 48 (O). */
export const PRESENTATION_PERIOD: FieldSpec = {
  tag: '48',
  name: 'Period for Presentation in Days',
  format: '3n[/35x]',
  mandatory: false,
};

/** 49 (M in MT700 and MT720). */
const CONFIRMATION_INSTRUCTIONS: FieldSpec = {
  tag: '49',
  name: 'Confirmation Instructions',
  format: '7!x',
  mandatory: true,
  codes: CONFIRMATION_CODES,
};

/** 58a (O). */
const REQUESTED_CONFIRMATION_PARTY: FieldSpec = bankField('58a', 'Requested Confirmation Party');

/** 53a (O). */
const REIMBURSING_BANK: FieldSpec = bankField('53a', 'Reimbursing Bank');

/** 78 (O). */
const INSTRUCTIONS_TO_BANK: FieldSpec = {
  tag: '78',
  name: 'Instructions to the Paying/Accepting/Negotiating Bank',
  format: '12*65x',
  mandatory: false,
};

/** 57a (O). */
const ADVISE_THROUGH_BANK: FieldSpec = bankField('57a', "'Advise Through' Bank", true);

/** 72Z (O). */
export const SENDER_TO_RECEIVER_INFORMATION: FieldSpec = shortNarrativeField(
  '72Z',
  'Sender to Receiver Information',
);

/**
 * 39A to 44D, as MT700, MT707 and MT720 list them: tolerance, availability
 * (41a, mandatory but in an amendment), payment details and shipment terms.
 */
export function paymentAndShipmentFields(availabilityMandatory: boolean): FieldSpec[] {
  return [
    ...AMOUNT_TOLERANCE_FIELDS,
    { ...AVAILABLE_WITH, mandatory: availabilityMandatory },
    ...PAYMENT_DETAIL_FIELDS,
    ...SHIPMENT_FIELDS,
  ];
}

/**
 * 49 to 72Z, the end of the MT700, MT707 and MT720 tables: confirmation
 * instructions (mandatory but in an amendment), the requested confirmation
 * party, the reimbursing bank (not in MT720), instructions, the 'advise
 * through' bank and sender to receiver information.
 */
export function closingFields(options: {
  confirmationMandatory: boolean;
  reimbursingBank: boolean;
}): FieldSpec[] {
  return [
    { ...CONFIRMATION_INSTRUCTIONS, mandatory: options.confirmationMandatory },
    REQUESTED_CONFIRMATION_PARTY,
    ...(options.reimbursingBank ? [REIMBURSING_BANK] : []),
    INSTRUCTIONS_TO_BANK,
    ADVISE_THROUGH_BANK,
    SENDER_TO_RECEIVER_INFORMATION,
  ];
}
