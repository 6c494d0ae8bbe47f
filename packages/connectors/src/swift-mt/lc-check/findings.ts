/**
 * The findings of `checkLetterOfCredit`: their shape and every stable code
 * with what it means. Codes never change meaning; a client may switch on them.
 */

/** How serious a finding is: `error` makes the check not `ok`. */
export type LcFindingSeverity = 'error' | 'warning' | 'info';

/** One finding of the LC document check. */
export interface LcFinding {
  severity: LcFindingSeverity;
  /** A code of {@link LC_FINDING_CODES}, or `swift.<rule>` for a parse or field-table issue (`swift.field.format`). */
  code: string;
  /** What a trade-finance officer reads; names fields and dates, never the whole message. */
  message: string;
  /** The fields concerned (`['31D', '44C']`); empty when none applies. */
  tags: string[];
}

/**
 * Every `lc.*` finding code with what it means. Parse and field-table issues
 * come as `swift.<rule>` (`swift.field.mandatory`, `swift.rule.C1`, …), with
 * the parser's severity (strict: error; lenient: warning).
 */
export const LC_FINDING_CODES = {
  'lc.unreadable':
    'error: the text is not a FIN message at all (no text block, unbalanced braces…).',
  'lc.not_mt700': 'error: the message is not an MT700 (issue of a documentary credit).',
  'lc.amount_invalid':
    'error: 32B is missing or cannot be read as money (unknown currency, more decimals than the currency has, malformed).',
  'lc.amount_not_positive': 'error: the credit amount is zero.',
  'lc.tolerance_applied':
    'info: 39A tolerance applied: the minimum and maximum amounts that may be drawn.',
  'lc.tolerance_high': 'warning: a 39A tolerance above 10 %, unusual in documentary credits.',
  'lc.expiry_invalid': 'error: 31D is missing or its date is not a real date.',
  'lc.expiry_before_issue': 'error: the expiry date (31D) is not after the date of issue (31C).',
  'lc.expired': 'error: the expiry date (31D) is already past.',
  'lc.expiry_before_shipment':
    'error: the expiry date (31D) is before the latest shipment date (44C).',
  'lc.shipment_before_issue':
    'warning: the latest shipment date (44C) is before the date of issue (31C).',
  'lc.shipment_date_and_period':
    'error: both a latest shipment date (44C) and a shipment period (44D) are given (SWIFT rule C3).',
  'lc.no_shipment_date':
    'info: neither 44C nor 44D: no latest shipment date, presentation is only bounded by expiry.',
  'lc.presentation_period_default':
    'info: no field 48: documents must be presented within 21 days after shipment (UCP 600 art. 14(c)).',
  'lc.presentation_period_unreadable':
    'warning: field 48 is not in the SR2018 form `3n[/35x]` (days, optional narrative); the days are unknown.',
  'lc.presentation_exceeds_validity':
    'warning: the presentation period is longer than the whole validity of the credit (31C to 31D).',
  'lc.presentation_after_expiry':
    'warning: latest shipment date plus the presentation period falls after expiry; presentation is cut at expiry (UCP 600 art. 14(c), 29).',
  'lc.partial_shipments_unknown': 'warning: 43P is not ALLOWED, CONDITIONAL or NOT ALLOWED.',
  'lc.partial_shipments_not_stated':
    'info: no 43P: partial shipments are allowed (UCP 600 art. 31(a)).',
  'lc.transhipment_unknown': 'warning: 43T is not ALLOWED, CONDITIONAL or NOT ALLOWED.',
  'lc.transhipment_not_stated':
    'info: no 43T: transhipment is allowed when one transport document covers the whole carriage (UCP 600 art. 19–24).',
  'lc.documents_missing':
    'error (warning for a standby credit): 46A documents required is missing or empty.',
  'lc.goods_missing': 'warning: 45A description of goods and/or services is missing.',
  'lc.ports_missing':
    'warning: 46A asks for a bill of lading, sea waybill or air waybill, but 44E (port of loading) or 44F (port of discharge) is missing; those documents must show them (UCP 600 art. 20–23).',
  'lc.availability_details_missing':
    'warning: 41a availability needs details the credit lacks (BY DEF PAYMENT → 42P, BY MIXED PYMT → 42M, BY ACCEPTANCE → 42C drafts).',
} as const satisfies Record<string, string>;

/** One of {@link LC_FINDING_CODES}. */
export type LcFindingCode = keyof typeof LC_FINDING_CODES;
