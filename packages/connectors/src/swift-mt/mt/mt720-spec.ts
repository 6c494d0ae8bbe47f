/**
 * MT720 Transfer of a Documentary Credit: the field table and network rules
 * of Standards Release 2018 and later.
 *
 * Sources (public reference material):
 * - Field order, tags, options and M/O status: prowide-core SRU2018 `MT720` (C# port
 *   arielhernannapoli/ProWide, generated/java/com/prowidesoftware/swift/model/mt/mt7xx/MT720.cs,
 *   commit 985672ff909b39593be3d30c7c4f088586ad532b); its qualifier constants give the codes
 *   (40B IRREVOCABLE / IRREVOC TRANS STANDBY and ADDING OUR CONFIRMATION / WITHOUT OUR
 *   CONFIRMATION, 40E, 43P/43T, 49 CONFIRM/MAY ADD/WITHOUT). 44A/44E/44F/44B are `140z` up to
 *   SR2024, as in MT700.
 * - Formats and field numbering: SWIFT Category 7 Message Reference Guide
 *   (www.swift.com/swift-resource/202476, MT 720 Field Specifications: 20. 43P `11x`, 29. 46A
 *   `100*65z`), the 2015 guide (pinas.synology.me Swift_Manual/2015/books/us7m: 41a codes T68,
 *   57a options A/B/D) and the 2006 guide (ALAF002: 40B `24x`/`24x`, T64/T66).
 * - Network rules: those of MT710, the sibling advice (2006 guide, AID.HTM: 42C/42a together,
 *   42C+42a / 42M / 42P, 44C/44D, 52a/50B), without the 39A/39B rule (39B left in SR2018).
 *   Their numbering for the SR2018+ MT720 is not confirmed by the stored sources.
 */
import type { FieldSpec, MtSpec, NetworkRule } from '../spec-types.js';
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
  NON_BANK_ISSUER,
  nameAndAddressField,
  PRESENTATION_PERIOD,
  paymentAndShipmentFields,
  referenceField,
  SEQUENCE_OF_TOTAL,
} from './documentary-credit-fields.js';
import {
  applicableRulesNarrativeRule,
  availableByCodeRule,
  confirmationPartyUsageRule,
  currencyRule,
  dateRule,
  decimalsRule,
  draftsWithDraweeRule,
  paymentDetailsRule,
  referenceRule,
  sequenceOfTotalRule,
  shipmentDateOrPeriodRule,
} from './documentary-credit-rules.js';
import { exactlyOneRule, fieldValueRule } from './network-rules.js';

/** The codes of the first line (type) of 40B in MT720. */
export const TRANSFER_FORM_TYPES = ['IRREVOCABLE', 'IRREVOC TRANS STANDBY'] as const;

/** The codes of the second line (confirmation) of 40B in MT720. */
export const TRANSFER_CONFIRMATION_CODES = [
  'ADDING OUR CONFIRMATION',
  'WITHOUT OUR CONFIRMATION',
] as const;

const fields: readonly FieldSpec[] = [
  SEQUENCE_OF_TOTAL,
  {
    tag: '40B',
    name: 'Form of Documentary Credit',
    format: '24x\n24x',
    mandatory: true,
    codes: TRANSFER_FORM_TYPES,
  },
  referenceField('20', "Transferring Bank's Reference", true),
  referenceField('21', 'Documentary Credit Number', true),
  DATE_OF_ISSUE,
  APPLICABLE_RULES,
  DATE_AND_PLACE_OF_EXPIRY,
  bankField('52a', 'Issuing Bank of the Original Documentary Credit'),
  NON_BANK_ISSUER,
  nameAndAddressField('50', 'First Beneficiary', true),
  accountPartyField('Second Beneficiary', true),
  amountField('32B', 'Currency Code, Amount', true),
  ...paymentAndShipmentFields(true),
  ...CREDIT_NARRATIVE_FIELDS,
  CHARGES,
  PRESENTATION_PERIOD,
  ...closingFields({ confirmationMandatory: true, reimbursingBank: false }),
];

/** Rule T66: the second line of 40B is the confirmation code. */
const transferConfirmationRule: NetworkRule = fieldValueRule(
  'T66',
  ['40B'],
  'The second line of field 40B must be ADDING OUR CONFIRMATION or WITHOUT OUR CONFIRMATION',
  (value) => {
    const newline = value.indexOf('\n');
    const end = value.indexOf('\n', newline + 1);
    const code = newline < 0 ? '' : value.slice(newline + 1, end < 0 ? value.length : end);
    return (TRANSFER_CONFIRMATION_CODES as readonly string[]).includes(code)
      ? undefined
      : `'${code}' is not a confirmation code`;
  },
);

const rules: readonly NetworkRule[] = [
  draftsWithDraweeRule('C1'),
  paymentDetailsRule('C2'),
  shipmentDateOrPeriodRule('C3'),
  exactlyOneRule(
    'C4',
    { tag: '52a', options: ['A', 'D'] },
    '50B',
    'Either field 52a (issuing bank) or field 50B (non-bank issuer), but not both, must be present',
  ),
  sequenceOfTotalRule,
  referenceRule(['20', '21']),
  dateRule(['31C', '31D', '44C']),
  currencyRule(['32B']),
  decimalsRule(['32B']),
  transferConfirmationRule,
  applicableRulesNarrativeRule,
  availableByCodeRule,
  confirmationPartyUsageRule,
];

/** MT720 Transfer of a Documentary Credit (SR2018+): field table and network rules. */
export const MT720_SPEC: MtSpec = {
  type: '720',
  name: 'Transfer of a Documentary Credit',
  fields,
  rules,
};
