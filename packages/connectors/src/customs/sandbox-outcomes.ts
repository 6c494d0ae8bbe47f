/**
 * How the customs sandbox decides a declaration's fate: by the prefix of its
 * LRN (`functionalReferenceId`), the way HMRC's customs-declarations-stub
 * picks notifications by the LRN's first letter (B rejected, C cleared, G
 * accepted, U undergoing physical check …). Three letters here, so a real
 * reference rarely triggers one by accident.
 *
 * | LRN prefix | notifications (WCO function codes) | final status |
 * | --- | --- | --- |
 * | `ACC` | 02 received, 01 accepted | `accepted` |
 * | `REJHS` | 02, 03 rejected: invalid commodity code | `rejected` |
 * | `REJDOC` | 02, 03 rejected: missing supporting document | `rejected` |
 * | `REJ` (other) | 02, 03 rejected with both reasons | `rejected` |
 * | `INS` | 02, 01, 05 undergoing physical check | `held_for_inspection` |
 * | `DOC` | 02, 01, 06 additional documents required | `documents_required` |
 * | `PND` | none: stays pending | `submitted` |
 * | `CLR` and anything else | 02, 01, 09 cleared | `cleared` |
 * @module
 */

/** One rejection reason the sandbox sends, as a WCO `Error`. */
export interface SandboxRejection {
  validationCode: string;
  description: string;
  pointer: string;
}

/** The planned notifications of one declaration. */
export interface SandboxOutcome {
  /** A name for docs and tests. */
  name:
    | 'accepted'
    | 'rejected'
    | 'held_for_inspection'
    | 'documents_required'
    | 'pending'
    | 'cleared';
  /** Function codes, in the order they are issued. */
  functionCodes: readonly string[];
  /** Errors carried by the rejection (function code 03). */
  errors: readonly SandboxRejection[];
}

/** The sandbox's reason for an invalid commodity code. */
export const INVALID_COMMODITY_CODE: SandboxRejection = {
  validationCode: 'SBX-CC-001',
  description: 'Commodity code is not valid in the national tariff for the declared date',
  pointer: 'goodsShipment.governmentAgencyGoodsItems[1].commodity.classifications[1].id',
};

/** The sandbox's reason for a missing supporting document. */
export const MISSING_DOCUMENT: SandboxRejection = {
  validationCode: 'SBX-DOC-001',
  description: 'A required supporting document (certificate of origin or invoice) is missing',
  pointer: 'goodsShipment.additionalDocuments',
};

/** The outcome the sandbox plays for `lrn` (matched case-insensitively). */
export function outcomeForReference(lrn: string): SandboxOutcome {
  const reference = lrn.toUpperCase();
  if (reference.startsWith('ACC')) {
    return { name: 'accepted', functionCodes: ['02', '01'], errors: [] };
  }
  if (reference.startsWith('REJ')) {
    const errors = reference.startsWith('REJHS')
      ? [INVALID_COMMODITY_CODE]
      : reference.startsWith('REJDOC')
        ? [MISSING_DOCUMENT]
        : [INVALID_COMMODITY_CODE, MISSING_DOCUMENT];
    return { name: 'rejected', functionCodes: ['02', '03'], errors };
  }
  if (reference.startsWith('INS')) {
    return { name: 'held_for_inspection', functionCodes: ['02', '01', '05'], errors: [] };
  }
  if (reference.startsWith('DOC')) {
    return { name: 'documents_required', functionCodes: ['02', '01', '06'], errors: [] };
  }
  if (reference.startsWith('PND')) {
    return { name: 'pending', functionCodes: [], errors: [] };
  }
  return { name: 'cleared', functionCodes: ['02', '01', '09'], errors: [] };
}
