/**
 * MT700 Issue of a Documentary Credit: the field table and rules of
 * Standards Release 2018 and later (up to SR2024: 44A/44E/44F/44B are `140z`).
 *
 * Sources (public reference material):
 * - Field order, tags, options and M/O status: prowide/prowide-core
 *   src/generated/java/com/prowidesoftware/swift/model/mt/mt7xx/MT700.java (SRU2020, commit
 *   04726a0e9de57673883def0b38a481d3269fdc32): 27 M, 40A M, 20 M, 23 O, 31C M, 40E M, 31D M,
 *   51a (A,D) O, 50 M, 59 M, 32B M, 39A O, 39C O, 41a (A,D) M, 42C O, 42a (A,D) O, 42M O, 42P O,
 *   43P O, 43T O, 44A O, 44E O, 44F O, 44B O, 44C O, 44D O, 45A O, 46A O, 47A O, 49G O, 49H O,
 *   71D O, 48 O, 49 M, 58a (A,D) O, 53a (A,D) O, 78 O, 57a (A,B,D) O, 72Z O.
 * - Field formats: the validation patterns of prowide-core's generated field classes
 *   (src/generated/java/com/prowidesoftware/swift/model/field/Field<tag>.java): Field44A SRU2024
 *   `140z` (SRU2019: `65x`), Field48 SRU2023 `3n[/35x]`, Field71D `6*35z` (Prowide writes
 *   `35z[$35z]0-5`), Field77J `70*50z`.
 * - Network validated rules and codes: SWIFT Category 7 Message Reference Guide
 *   (www.swift.com/swift-resource/202476, MT 700 Network Validated Rules and Field
 *   Specifications): C1 "When used, fields 42C and 42a must both be present" (C90), C2 "Either
 *   fields 42C and 42a together, or field 42M alone, or field 42P alone may be present" (C90), C3
 *   "Either field 44C or 44D, but not both, may be present" (D06); field 27 T75; field 58a usage
 *   rule "Field must be present if confirmation instructions is MAY ADD or CONFIRM".
 *   SR2018 removed 39B and the REVOCABLE forms of 40A, hence no 39A/39B rule.
 */
import type { FieldSpec, MtSpec } from '../spec-types.js';
import {
  APPLICABLE_RULES,
  accountPartyField,
  amountField,
  bankField,
  CHARGES,
  CREDIT_NARRATIVE_FIELDS,
  closingFields,
  DATE_AND_PLACE_OF_EXPIRY,
  DATE_OF_ISSUE,
  FORM_OF_CREDIT,
  nameAndAddressField,
  PRESENTATION_PERIOD,
  paymentAndShipmentFields,
  referenceField,
  SEQUENCE_OF_TOTAL,
} from './documentary-credit-fields.js';
import {
  applicableRulesNarrativeRule,
  availableByCodeRule,
  currencyRule,
  dateRule,
  decimalsRule,
  draftsWithDraweeRule,
  paymentDetailsRule,
  referenceRule,
  sequenceOfTotalRule,
  shipmentDateOrPeriodRule,
} from './documentary-credit-rules.js';
import { tagsOf, usageRule } from './network-rules.js';

const fields: readonly FieldSpec[] = [
  SEQUENCE_OF_TOTAL,
  FORM_OF_CREDIT,
  referenceField('20', 'Documentary Credit Number', true),
  referenceField('23', 'Reference to Pre-Advice', false),
  DATE_OF_ISSUE,
  APPLICABLE_RULES,
  DATE_AND_PLACE_OF_EXPIRY,
  bankField('51a', 'Applicant Bank'),
  nameAndAddressField('50', 'Applicant', true),
  accountPartyField('Beneficiary', true),
  amountField('32B', 'Currency Code, Amount', true),
  ...paymentAndShipmentFields(true),
  ...CREDIT_NARRATIVE_FIELDS,
  CHARGES,
  PRESENTATION_PERIOD,
  ...closingFields({ confirmationMandatory: true, reimbursingBank: true }),
];

const CONFIRMATION_PARTY = tagsOf({ tag: '58a', options: ['A', 'D'] });

/** Usage rule of 58a: present exactly when 49 asks for a confirmation (CONFIRM or MAY ADD). */
const requestedConfirmationPartyRule = usageRule(
  '58a',
  'Field 58a (requested confirmation party) must be present when field 49 is CONFIRM or MAY ADD, and is meaningless when it is WITHOUT',
  (index) => {
    const instructions = index.first('49');
    const party = index.firstOf(CONFIRMATION_PARTY);
    if (instructions === undefined) return undefined;
    const asksConfirmation = instructions.value === 'CONFIRM' || instructions.value === 'MAY ADD';
    if (asksConfirmation && party === undefined) {
      return {
        field: instructions,
        message: `Field 49 is ${instructions.value}: field 58a (requested confirmation party) should name the bank`,
      };
    }
    if (instructions.value === 'WITHOUT' && party !== undefined) {
      return { field: party, message: 'Field 58a is present although field 49 is WITHOUT' };
    }
    return undefined;
  },
);

/** Usage rule of 23: the pre-advice reference is `PREADV/` followed by the reference. */
const preAdviceRule = usageRule(
  '23',
  'Field 23 (reference to pre-advice) starts with PREADV/ followed by the reference of the pre-advice',
  (index) => {
    const field = index.first('23');
    return field !== undefined && !field.value.startsWith('PREADV/')
      ? { field, message: 'Field 23 should start with PREADV/' }
      : undefined;
  },
);

/** MT700 Issue of a Documentary Credit (SR2018+): field table and network rules. */
export const MT700_SPEC: MtSpec = {
  type: '700',
  name: 'Issue of a Documentary Credit',
  fields,
  rules: [
    draftsWithDraweeRule('C1'),
    paymentDetailsRule('C2'),
    shipmentDateOrPeriodRule('C3'),
    sequenceOfTotalRule,
    referenceRule(['20']),
    dateRule(['31C', '31D', '44C']),
    currencyRule(['32B']),
    decimalsRule(['32B']),
    applicableRulesNarrativeRule,
    availableByCodeRule,
    requestedConfirmationPartyRule,
    preAdviceRule,
  ],
};
