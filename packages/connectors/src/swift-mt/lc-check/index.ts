/**
 * The LC document check on top of the MT700 model: `checkLetterOfCredit`
 * and its stable finding codes.
 */
export {
  type CheckLetterOfCreditOptions,
  checkLetterOfCredit,
  type LetterOfCreditCheck,
  type LetterOfCreditSummary,
  UCP_DEFAULT_PRESENTATION_DAYS,
  USUAL_MAXIMUM_TOLERANCE_PERCENT,
} from './check.js';
export {
  LC_FINDING_CODES,
  type LcFinding,
  type LcFindingCode,
  type LcFindingSeverity,
} from './findings.js';
