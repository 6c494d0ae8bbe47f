/**
 * MT750 Advice of Discrepancy: the field table and rules of Standards
 * Release 2018 and later (SR2018 replaced 71B/73 by 71D/73A and made 77J `z`).
 *
 * Sources (public reference material):
 * - Field order, tags, options and M/O status: prowide/prowide-core
 *   src/generated/java/com/prowidesoftware/swift/model/mt/mt7xx/MT750.java (SRU2020, commit
 *   04726a0e9de57673883def0b38a481d3269fdc32): 20 M, 21 M, 32B M, 33B O, 71D O, 73A O, 34B O,
 *   57a (A,B,D) O, 72Z O, 77J M. There is no field 11S in MT750.
 * - Formats: prowide-core's generated field classes (Field77J SRU2025 `50z[$50z]0-69`, i.e.
 *   `70*50z`; Field71D `6*35z`; 73A `6*35z`; 33B/34B `3!a15d`).
 * - Network validated rules: C1 "If either field 33B or 71D or 73A or any combination of them is
 *   present, field 34B must also be present" (C13) and C2 "The currency code in the amount fields
 *   32B and 34B must be the same" (C02), as in the pre-SR2018 MT750 rules of
 *   n-gribov/cyberft_terminal app/src/addons/swiftfin/models/documents/mt/validator/lib/CyberFT/SWIFT/Types/MT750.pm
 *   with the SR2018 field names (71B → 71D, 73 → 73A).
 */
import type { FieldSpec, MtSpec } from '../spec-types.js';
import {
  amountField,
  bankField,
  referenceField,
  SENDER_TO_RECEIVER_INFORMATION,
  shortNarrativeField,
} from './documentary-credit-fields.js';
import {
  currencyRule,
  decimalsRule,
  referenceRule,
  sameCurrencyRule,
} from './documentary-credit-rules.js';
import { requiresRule } from './network-rules.js';

const fields: readonly FieldSpec[] = [
  referenceField('20', "Sender's Reference", true),
  referenceField('21', 'Related Reference', true),
  amountField('32B', 'Principal Amount', true),
  amountField('33B', 'Additional Amount', false),
  shortNarrativeField('71D', 'Charges to be Deducted'),
  shortNarrativeField('73A', 'Charges to be Added'),
  amountField('34B', 'Total Amount to be Paid', false),
  bankField('57a', 'Account With Bank', true),
  SENDER_TO_RECEIVER_INFORMATION,
  { tag: '77J', name: 'Discrepancies', format: '70*50z', mandatory: true },
];

/** MT750 Advice of Discrepancy (SR2018+): field table and network rules. */
export const MT750_SPEC: MtSpec = {
  type: '750',
  name: 'Advice of Discrepancy',
  fields,
  rules: [
    requiresRule(
      'C1',
      ['33B', '71D', '73A'],
      '34B',
      'If field 33B, 71D or 73A is present, field 34B must also be present',
    ),
    sameCurrencyRule('C2', ['32B', '34B']),
    referenceRule(['20', '21']),
    currencyRule(['32B', '33B', '34B']),
    decimalsRule(['32B', '33B', '34B']),
  ],
};
