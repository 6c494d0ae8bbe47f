/**
 * MT707 Amendment to a Documentary Credit: the field table and network rules
 * of Standards Release 2018 and later (SR2018 moved the amendment to dedicated
 * fields after 22A and dropped 31E, 34B, 39B, 79 and 72; up to SR2024 44A/44E/
 * 44F/44B are `140z`, as in MT700).
 *
 * Sources (public reference material):
 * - Field order, tags, options and M/O status: prowide/prowide-core
 *   src/generated/java/com/prowidesoftware/swift/model/mt/mt7xx/MT707.java (SRU2020, commit
 *   04726a0e9de57673883def0b38a481d3269fdc32), the same as its SRU2018 C# port
 *   (arielhernannapoli/ProWide generated/java/com/prowidesoftware/swift/model/mt/mt7xx/MT707.cs),
 *   whose qualifier constants list the codes: 22A ACNF/ADVI/ISSU, 23S CANCEL, 40A, 40E, 43P/43T,
 *   49, 71N APPL/BENE/OTHR, ADD/DELETE/REPALL.
 * - Formats, presence and rule references: SWIFT Category 7 Message Reference Guide
 *   (www.swift.com/swift-resource/202476, MT 707 Field Specifications): 32B/33B "Conditional (see
 *   rules C1 and C2)", 44C "Conditional (see rules C1 and C4)", 42a, 43P, 47B, 49N, 53a, 57a, 58a
 *   "Conditional (see rule C1)", 47B/49N `100*65z` with codes (T67), 72Z `6*35z`, 58a usage rule.
 *
 * Not confirmed by the stored sources (see the rule descriptions): the wording of C1, read here
 * as "with 23S, no amendment detail field" because every field after 23S but 72Z refers to it;
 * and C3, read as "52a and 50B not both" (the number that 52a/50B must refer to).
 */
import type { FieldSpec, MtSpec, NetworkRule } from '../spec-types.js';
import {
  APPLICABLE_RULES,
  accountPartyField,
  amountField,
  bankField,
  CHARGES,
  closingFields,
  DATE_AND_PLACE_OF_EXPIRY,
  DATE_OF_ISSUE,
  FORM_OF_CREDIT,
  NON_BANK_ISSUER,
  nameAndAddressField,
  narrativeField,
  optional,
  PRESENTATION_PERIOD,
  paymentAndShipmentFields,
  referenceField,
  SEQUENCE_OF_TOTAL,
} from './documentary-credit-fields.js';
import {
  amendmentCodesRule,
  applicableRulesNarrativeRule,
  availableByCodeRule,
  confirmationPartyUsageRule,
  currencyRule,
  dateRule,
  decimalsRule,
  referenceRule,
  sequenceOfTotalRule,
  shipmentDateOrPeriodRule,
} from './documentary-credit-rules.js';
import { excludesRule, notBothRule, usageRule } from './network-rules.js';

/** The codes of 22A (purpose of message) in MT707. */
export const AMENDMENT_PURPOSE_CODES = ['ACNF', 'ADVI', 'ISSU'] as const;

/** The codes of 71N (amendment charge payable by). */
export const AMENDMENT_CHARGE_CODES = ['APPL', 'BENE', 'OTHR'] as const;

/** The amendment narratives with ADD/DELETE/REPALL line codes. */
export const MT707_AMENDMENT_NARRATIVES = ['45B', '46B', '47B', '49M', '49N'] as const;

const fields: readonly FieldSpec[] = [
  SEQUENCE_OF_TOTAL,
  referenceField('20', "Sender's Reference", true),
  referenceField('21', "Receiver's Reference", true),
  referenceField('23', "Issuing Bank's Reference", true),
  bankField('52a', 'Issuing Bank'),
  NON_BANK_ISSUER,
  DATE_OF_ISSUE,
  { tag: '26E', name: 'Number of Amendment', format: '3n', mandatory: true },
  { tag: '30', name: 'Date of Amendment', format: '6!n', mandatory: true },
  {
    tag: '22A',
    name: 'Purpose of Message',
    format: '4!c',
    mandatory: true,
    codes: AMENDMENT_PURPOSE_CODES,
  },
  { tag: '23S', name: 'Cancellation Request', format: '6!a', mandatory: false, codes: ['CANCEL'] },
  optional(FORM_OF_CREDIT),
  optional(APPLICABLE_RULES),
  optional(DATE_AND_PLACE_OF_EXPIRY),
  nameAndAddressField('50', 'Changed Applicant Details', false),
  accountPartyField('Beneficiary', false),
  amountField('32B', 'Increase of Documentary Credit Amount', false),
  amountField('33B', 'Decrease of Documentary Credit Amount', false),
  ...paymentAndShipmentFields(false),
  narrativeField('45B', 'Description of Goods and/or Services'),
  narrativeField('46B', 'Documents Required'),
  narrativeField('47B', 'Additional Conditions'),
  narrativeField('49M', 'Special Payment Conditions for Beneficiary'),
  narrativeField('49N', 'Special Payment Conditions for Receiving Bank'),
  CHARGES,
  {
    tag: '71N',
    name: 'Amendment Charge Payable By',
    format: '4!c\n[6*35z]',
    mandatory: false,
    codes: AMENDMENT_CHARGE_CODES,
  },
  PRESENTATION_PERIOD,
  ...closingFields({ confirmationMandatory: false, reimbursingBank: true }),
];

/** The amendment detail fields a cancellation request (23S) excludes: 40A to 57a, 72Z aside. */
export const MT707_AMENDMENT_DETAIL_TAGS: readonly string[] = fields
  .map((field) => field.tag)
  .slice(fields.findIndex((field) => field.tag === '40A'))
  .filter((tag) => tag !== '72Z');

/**
 * Usage rule 71N (an advisory): narrative lines only after the code OTHR.
 * Not confirmed as a network validated rule, so never an error.
 */
const amendmentChargeNarrativeRule = usageRule(
  '71N',
  'The narrative lines of field 71N only follow the code OTHR',
  (index) => {
    const field = index.first('71N');
    if (field === undefined || !field.value.includes('\n')) return undefined;
    return field.value.startsWith('OTHR\n')
      ? undefined
      : { field, message: 'Field 71N has a narrative although its code is not OTHR' };
  },
);

const AMOUNTS = ['32B', '33B'];

const rules: readonly NetworkRule[] = [
  excludesRule(
    'C1',
    '23S',
    MT707_AMENDMENT_DETAIL_TAGS,
    'When field 23S (cancellation request) is present, no amendment detail field (40A to 57a) may be present',
  ),
  notBothRule('C2', '32B', '33B', 'Either field 32B or 33B, but not both, may be present'),
  notBothRule(
    'C3',
    { tag: '52a', options: ['A', 'D'] },
    '50B',
    'Either field 52a (issuing bank) or field 50B (non-bank issuer), but not both, may be present',
  ),
  shipmentDateOrPeriodRule('C4'),
  sequenceOfTotalRule,
  referenceRule(['20', '21']),
  dateRule(['31C', '30', '31D', '44C']),
  currencyRule(AMOUNTS),
  decimalsRule(AMOUNTS),
  amendmentCodesRule(MT707_AMENDMENT_NARRATIVES),
  applicableRulesNarrativeRule,
  availableByCodeRule,
  confirmationPartyUsageRule,
  amendmentChargeNarrativeRule,
];

/** MT707 Amendment to a Documentary Credit (SR2018+): field table and network rules. */
export const MT707_SPEC: MtSpec = {
  type: '707',
  name: 'Amendment to a Documentary Credit',
  fields,
  rules,
};
