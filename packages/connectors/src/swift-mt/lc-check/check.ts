/**
 * The LC document check: what a trade-finance officer looks at first on an
 * MT700 — is it a valid FIN message, is the amount (with its tolerance) clear
 * money, do the dates hang together (issue, latest shipment, presentation
 * period, expiry), are the shipment terms and the documents stated. This is
 * what the server runs on an uploaded LC.
 */
import { type Money, multiplyMoney, toDecimalString, ValidationError } from '@tollgate/core';
import { isSwiftParseError } from '../errors.js';
import type { Tolerance } from '../mt/field-values.js';
import { type Mt700, readMt700 } from '../mt/mt700.js';
import { splitNarrativeItems } from '../mt/narrative-values.js';
import { parseSwiftMessage } from '../parse.js';
import type { SwiftMessage, SwiftParseMode } from '../types.js';
import { addDays, daysBetween, isoDateOf } from './dates.js';
import type { LcFinding, LcFindingCode, LcFindingSeverity } from './findings.js';

/** UCP 600 art. 14(c): presentation within 21 calendar days after shipment when the credit says nothing. */
export const UCP_DEFAULT_PRESENTATION_DAYS = 21;

/** A tolerance above this percentage is flagged as unusual. */
export const USUAL_MAXIMUM_TOLERANCE_PERCENT = 10;

/** Options of {@link checkLetterOfCredit}. */
export interface CheckLetterOfCreditOptions {
  /** The day to judge expiry against (its UTC date). Default: now. */
  today?: Date;
  /**
   * How to parse a text input: `strict` (default) reports FIN violations as
   * errors, `lenient` as warnings. Ignored for a message already parsed.
   */
  mode?: SwiftParseMode;
}

/** The key terms of the credit, read exactly (money as bigint minor units, dates as ISO strings). */
export interface LetterOfCreditSummary {
  /** 20. */
  documentaryCreditNumber: string | undefined;
  /** 40A. */
  formOfCredit: string | undefined;
  /** 40E rules code (`UCP LATEST VERSION`, …). */
  applicableRules: string | undefined;
  /** 31C. */
  dateOfIssue: string | undefined;
  /** 32B as exact money. */
  amount: Money | undefined;
  /** 39A. */
  tolerance: Tolerance | undefined;
  /** The amount plus the plus-tolerance, rounded down to a whole minor unit (never more than may be drawn). */
  maximumAmount: Money | undefined;
  /** The amount less the minus-tolerance, rounded up to a whole minor unit. */
  minimumAmount: Money | undefined;
  /** 31D date. */
  expiryDate: string | undefined;
  /** 31D place. */
  expiryPlace: string | undefined;
  /** 44C. */
  latestShipmentDate: string | undefined;
  /** 44D, when given instead of 44C. */
  shipmentPeriod: string | undefined;
  /** 48 days, or 21 (UCP 600 art. 14(c)) when 48 is absent; `undefined` when 48 cannot be read. */
  presentationDays: number | undefined;
  /** True when `presentationDays` is the UCP default, not stated by the credit. */
  presentationDaysDefaulted: boolean;
  /** The last day documents may be presented: the earlier of expiry and latest shipment + presentation days. */
  lastPresentationDate: string | undefined;
  /** 43P. */
  partialShipments: string | undefined;
  /** 43T. */
  transhipment: string | undefined;
  /** 41a availability (`BY NEGOTIATION`, …). */
  availableBy: string | undefined;
  /** 49. */
  confirmationInstructions: string | undefined;
  /** 46A split into its `+` items. */
  documentsRequired: string[];
}

/** The result of {@link checkLetterOfCredit}. */
export interface LetterOfCreditCheck {
  /** True when no finding is an `error`. */
  ok: boolean;
  findings: LcFinding[];
  summary: LetterOfCreditSummary;
}

const SHIPMENT_CODES: readonly string[] = ['ALLOWED', 'CONDITIONAL', 'NOT ALLOWED'];

/** Documents whose transport terms name ports or airports (UCP 600 art. 20 B/L, 21 sea waybill, 22 charter party, 23 air). */
const PORT_TO_PORT_DOCUMENT =
  /\b(BILLS? OF LADING|B\/L|SEA ?WAYBILLS?|CHARTER PARTY|AIR ?WAYBILLS?|AIRWAY ?BILLS?|AWB)\b/;

/** Issues of the parser that a `lc.*` finding restates. */
const RESTATED_RULES = new Set(['rule.C3']);

class Findings {
  readonly list: LcFinding[] = [];

  add(
    severity: LcFindingSeverity,
    code: LcFindingCode | `swift.${string}`,
    message: string,
    tags: string[] = [],
  ): void {
    this.list.push({ severity, code, message, tags });
  }
}

function emptySummary(): LetterOfCreditSummary {
  return {
    documentaryCreditNumber: undefined,
    formOfCredit: undefined,
    applicableRules: undefined,
    dateOfIssue: undefined,
    amount: undefined,
    tolerance: undefined,
    maximumAmount: undefined,
    minimumAmount: undefined,
    expiryDate: undefined,
    expiryPlace: undefined,
    latestShipmentDate: undefined,
    shipmentPeriod: undefined,
    presentationDays: undefined,
    presentationDaysDefaulted: false,
    lastPresentationDate: undefined,
    partialShipments: undefined,
    transhipment: undefined,
    availableBy: undefined,
    confirmationInstructions: undefined,
    documentsRequired: [],
  };
}

function checkOptions(options: CheckLetterOfCreditOptions): {
  today: string;
  mode: SwiftParseMode;
} {
  const { today = new Date(), mode = 'strict' } = options;
  if (mode !== 'strict' && mode !== 'lenient') {
    throw new ValidationError('the check mode must be strict or lenient', [
      { path: ['mode'], code: 'invalid_value', message: 'expected strict or lenient' },
    ]);
  }
  if (!(today instanceof Date) || Number.isNaN(today.getTime())) {
    throw new ValidationError('today must be a valid Date', [
      { path: ['today'], code: 'invalid_value', message: 'expected a valid Date' },
    ]);
  }
  return { today: isoDateOf(today), mode };
}

function isSwiftMessage(value: unknown): value is SwiftMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { fields, errors, warnings } = value as Partial<SwiftMessage>;
  return Array.isArray(fields) && Array.isArray(errors) && Array.isArray(warnings);
}

/** `percent` % as an exact decimal factor string: 5 → `'0.05'`. */
function percentFactor(percent: number): string {
  return `${Math.trunc(percent / 100)}.${String(percent % 100).padStart(2, '0')}`;
}

/** `amount × (100 ± percent) / 100`, rounded toward the inside of the range. */
function withTolerance(amount: Money, percent: number, direction: 1 | -1): Money {
  const factor = percentFactor(100 + direction * percent);
  return multiplyMoney(amount, factor, direction === 1 ? 'down' : 'up');
}

function formatAmount(value: Money): string {
  return `${value.currency} ${toDecimalString(value)}`;
}

/**
 * Check an MT700 the way a trade-finance officer would: FIN validity (parse
 * and field-table issues become `swift.<rule>` findings), the amount and
 * tolerance as exact money, the date chain (issue → latest shipment →
 * presentation period → expiry, and expiry against `today`), shipment terms,
 * the documents required, transport documents against the ports, and the
 * availability details. Never throws for a bad LC: everything is a finding.
 *
 * @param input the FIN text (block 2 optional: a bare text block is taken as MT700) or a parsed message.
 * @throws ValidationError only for bad options or an input that is neither a string nor a parsed message.
 */
export function checkLetterOfCredit(
  input: string | SwiftMessage,
  options: CheckLetterOfCreditOptions = {},
): LetterOfCreditCheck {
  const { today, mode } = checkOptions(options);
  const findings = new Findings();
  let message: SwiftMessage;
  if (typeof input === 'string') {
    try {
      message = parseSwiftMessage(input, { mode, type: '700' });
    } catch (error) {
      if (!isSwiftParseError(error)) throw error;
      findings.add(
        'error',
        'lc.unreadable',
        `The LC cannot be read as a FIN message: ${error.message}`,
      );
      return { ok: false, findings: findings.list, summary: emptySummary() };
    }
  } else if (isSwiftMessage(input)) {
    message = input;
  } else {
    throw new ValidationError('checkLetterOfCredit takes the FIN text or a parsed SwiftMessage', [
      { path: [], code: 'invalid_type', message: 'expected a string or a SwiftMessage' },
    ]);
  }

  if (message.type !== '700') {
    findings.add(
      'error',
      'lc.not_mt700',
      `The message is an MT${message.type || '?'}, not an MT700 issue of a documentary credit`,
    );
  }
  for (const [severity, issues] of [
    ['error', message.errors],
    ['warning', message.warnings],
  ] as const) {
    for (const issue of issues) {
      if (RESTATED_RULES.has(issue.rule)) continue;
      findings.add(
        severity,
        `swift.${issue.rule}`,
        issue.message,
        issue.tag === undefined ? [] : [issue.tag],
      );
    }
  }

  const lc = readMt700(message);
  const summary = summarize(lc);
  checkAmount(lc, summary, findings);
  checkDates(lc, summary, today, findings);
  checkShipmentTerms(lc, findings);
  checkDocuments(lc, summary, findings);
  checkAvailability(lc, findings);
  return {
    ok: !findings.list.some((finding) => finding.severity === 'error'),
    findings: findings.list,
    summary,
  };
}

function summarize(lc: Mt700): LetterOfCreditSummary {
  return {
    ...emptySummary(),
    documentaryCreditNumber: lc.documentaryCreditNumber,
    formOfCredit: lc.formOfCredit,
    applicableRules: lc.applicableRules?.rules,
    dateOfIssue: lc.dateOfIssue,
    amount: lc.amount,
    tolerance: lc.tolerance,
    expiryDate: lc.expiry?.date,
    expiryPlace: lc.expiry?.place,
    latestShipmentDate: lc.latestShipmentDate,
    shipmentPeriod: lc.shipmentPeriod,
    partialShipments: lc.partialShipments,
    transhipment: lc.transhipment,
    availableBy: lc.availableWith?.by,
    confirmationInstructions: lc.confirmationInstructions,
    documentsRequired:
      lc.documentsRequired === undefined ? [] : splitNarrativeItems(lc.documentsRequired),
  };
}

function checkAmount(lc: Mt700, summary: LetterOfCreditSummary, findings: Findings): void {
  const { amount, tolerance } = lc;
  if (amount === undefined) {
    const why = lc.issues.find((issue) => issue.tag === '32B')?.message ?? 'Field 32B is missing';
    findings.add(
      'error',
      'lc.amount_invalid',
      `The credit amount cannot be read as money: ${why}`,
      ['32B'],
    );
    return;
  }
  if (amount.amount <= 0n) {
    findings.add('error', 'lc.amount_not_positive', 'The credit amount (32B) is zero', ['32B']);
  }
  if (tolerance === undefined) return;
  summary.maximumAmount = withTolerance(amount, tolerance.plusPercent, 1);
  summary.minimumAmount = withTolerance(amount, tolerance.minusPercent, -1);
  findings.add(
    'info',
    'lc.tolerance_applied',
    `With the 39A tolerance of +${tolerance.plusPercent} % / -${tolerance.minusPercent} %, drawings may total ` +
      `${formatAmount(summary.minimumAmount)} to ${formatAmount(summary.maximumAmount)} (maximum rounded down, minimum rounded up)`,
    ['32B', '39A'],
  );
  if (
    tolerance.plusPercent > USUAL_MAXIMUM_TOLERANCE_PERCENT ||
    tolerance.minusPercent > USUAL_MAXIMUM_TOLERANCE_PERCENT
  ) {
    findings.add(
      'warning',
      'lc.tolerance_high',
      `The tolerance +${tolerance.plusPercent} % / -${tolerance.minusPercent} % is above the usual ${USUAL_MAXIMUM_TOLERANCE_PERCENT} %`,
      ['39A'],
    );
  }
}

function checkDates(
  lc: Mt700,
  summary: LetterOfCreditSummary,
  today: string,
  findings: Findings,
): void {
  const issue = lc.dateOfIssue;
  const expiry = lc.expiry?.date;
  const shipment = lc.latestShipmentDate;

  if (expiry === undefined) {
    findings.add(
      'error',
      'lc.expiry_invalid',
      lc.expiry === undefined
        ? 'The credit has no readable date and place of expiry (31D)'
        : 'The expiry date in 31D is not a real date',
      ['31D'],
    );
  } else {
    if (issue !== undefined && expiry <= issue) {
      findings.add(
        'error',
        'lc.expiry_before_issue',
        `The credit expires on ${expiry}, not after its date of issue ${issue}`,
        ['31C', '31D'],
      );
    }
    if (expiry < today) {
      findings.add('error', 'lc.expired', `The credit expired on ${expiry} (checked on ${today})`, [
        '31D',
      ]);
    }
    if (shipment !== undefined && expiry < shipment) {
      findings.add(
        'error',
        'lc.expiry_before_shipment',
        `The credit expires on ${expiry}, before the latest shipment date ${shipment}`,
        ['31D', '44C'],
      );
    }
  }
  if (shipment !== undefined && issue !== undefined && shipment < issue) {
    findings.add(
      'warning',
      'lc.shipment_before_issue',
      `The latest shipment date ${shipment} is before the date of issue ${issue}`,
      ['31C', '44C'],
    );
  }
  const hasPeriod = lc.fields.some((field) => field.tag === '44D');
  const hasDate = lc.fields.some((field) => field.tag === '44C');
  if (hasPeriod && hasDate) {
    findings.add(
      'error',
      'lc.shipment_date_and_period',
      'Both a latest shipment date (44C) and a shipment period (44D) are given; SWIFT allows one of them (rule C3)',
      ['44C', '44D'],
    );
  } else if (!hasPeriod && !hasDate) {
    findings.add(
      'info',
      'lc.no_shipment_date',
      'The credit states no latest shipment date (44C) nor shipment period (44D)',
      ['44C', '44D'],
    );
  }

  checkPresentation(lc, summary, findings);
}

function checkPresentation(lc: Mt700, summary: LetterOfCreditSummary, findings: Findings): void {
  const stated = lc.fields.find((field) => field.tag === '48');
  if (stated === undefined) {
    summary.presentationDays = UCP_DEFAULT_PRESENTATION_DAYS;
    summary.presentationDaysDefaulted = true;
    findings.add(
      'info',
      'lc.presentation_period_default',
      `No period for presentation (48): documents must be presented within ${UCP_DEFAULT_PRESENTATION_DAYS} days after shipment and before expiry (UCP 600 art. 14(c))`,
      ['48'],
    );
  } else if (lc.presentationPeriod === undefined) {
    findings.add(
      'warning',
      'lc.presentation_period_unreadable',
      'Field 48 is free text rather than days after shipment (the SR2018 form is 3n[/35x]); the presentation period must be read by hand',
      ['48'],
    );
  } else {
    summary.presentationDays = lc.presentationPeriod.days;
  }

  const days = summary.presentationDays;
  const expiry = lc.expiry?.date;
  const shipment = lc.latestShipmentDate;
  if (days === undefined || expiry === undefined) {
    summary.lastPresentationDate = expiry;
    return;
  }
  if (lc.dateOfIssue !== undefined && days > daysBetween(lc.dateOfIssue, expiry)) {
    findings.add(
      'warning',
      'lc.presentation_exceeds_validity',
      `The presentation period of ${days} days is longer than the credit's validity (${lc.dateOfIssue} to ${expiry})`,
      ['48', '31C', '31D'],
    );
  }
  if (shipment === undefined) {
    summary.lastPresentationDate = expiry;
    return;
  }
  const presentationEnd = addDays(shipment, days);
  summary.lastPresentationDate = presentationEnd;
  if (presentationEnd > expiry) {
    summary.lastPresentationDate = expiry;
    findings.add(
      'warning',
      'lc.presentation_after_expiry',
      `Shipment on ${shipment} plus ${days} days for presentation ends on ${presentationEnd}, after expiry on ${expiry}: documents must still be presented by ${expiry}`,
      ['44C', '48', '31D'],
    );
  }
}

function checkShipmentTerms(lc: Mt700, findings: Findings): void {
  const terms = [
    [
      '43P',
      lc.partialShipments,
      'lc.partial_shipments_unknown',
      'lc.partial_shipments_not_stated',
      'No 43P: partial shipments are allowed (UCP 600 art. 31(a))',
    ],
    [
      '43T',
      lc.transhipment,
      'lc.transhipment_unknown',
      'lc.transhipment_not_stated',
      'No 43T: transhipment is allowed when one transport document covers the whole carriage (UCP 600 art. 19–24)',
    ],
  ] as const;
  for (const [tag, value, unknownCode, notStatedCode, notStatedMessage] of terms) {
    if (value === undefined) findings.add('info', notStatedCode, notStatedMessage, [tag]);
    else if (!SHIPMENT_CODES.includes(value)) {
      findings.add(
        'warning',
        unknownCode,
        `Field ${tag} is not ALLOWED, CONDITIONAL or NOT ALLOWED`,
        [tag],
      );
    }
  }
}

function checkDocuments(lc: Mt700, summary: LetterOfCreditSummary, findings: Findings): void {
  if (summary.documentsRequired.length === 0) {
    const standby = lc.formOfCredit?.includes('STANDBY') === true;
    findings.add(
      standby ? 'warning' : 'error',
      'lc.documents_missing',
      lc.documentsRequired === undefined
        ? 'The credit lists no documents required (46A)'
        : 'Field 46A (documents required) is empty',
      ['46A'],
    );
  }
  if (lc.goodsDescription === undefined) {
    findings.add(
      'warning',
      'lc.goods_missing',
      'The credit has no description of goods and/or services (45A)',
      ['45A'],
    );
  }
  const documents = (lc.documentsRequired ?? '').replace(/\s+/g, ' ');
  if (PORT_TO_PORT_DOCUMENT.test(documents)) {
    const missing = [
      lc.portOfLoading === undefined ? '44E' : undefined,
      lc.portOfDischarge === undefined ? '44F' : undefined,
    ].filter((tag): tag is string => tag !== undefined);
    if (missing.length > 0) {
      findings.add(
        'warning',
        'lc.ports_missing',
        `46A asks for a port-to-port transport document but the credit does not state ${missing.join(' and ')} (port of loading / discharge)`,
        ['46A', ...missing],
      );
    }
  }
}

function checkAvailability(lc: Mt700, findings: Findings): void {
  const by = lc.availableWith?.by;
  const needs: Readonly<Record<string, { tag: string; what: string; present: boolean }>> = {
    'BY DEF PAYMENT': {
      tag: '42P',
      what: 'deferred payment details',
      present: lc.deferredPaymentDetails !== undefined,
    },
    'BY MIXED PYMT': {
      tag: '42M',
      what: 'mixed payment details',
      present: lc.mixedPaymentDetails !== undefined,
    },
    'BY ACCEPTANCE': { tag: '42C', what: 'drafts at (tenor)', present: lc.draftsAt !== undefined },
  };
  const need = by === undefined ? undefined : needs[by];
  if (need !== undefined && !need.present) {
    findings.add(
      'warning',
      'lc.availability_details_missing',
      `The credit is available ${by} but gives no ${need.what} (${need.tag})`,
      ['41a', need.tag],
    );
  }
}
