/**
 * `@tollgate/connectors/customs`: customs declarations for BD, IN, US, AE, SA
 * and the EU through an HMRC CDS-style gateway, HS code validation and lookup
 * (HS 2022), and duty / import tax estimates. Re-exports only; the sandbox is
 * at `@tollgate/connectors/customs/sandbox` (it needs msw).
 * @packageDocumentation
 */
export { customs } from './connector.js';
export {
  CUSTOMS_COUNTRIES,
  type CustomsCountry,
  type CustomsOfficeFormat,
  customsOfficeFormat,
  customsOfficeProblem,
  type DeclarationType,
  declarationCodeLengths,
  EU_MEMBER_STATES,
  type EuMemberState,
  isEuMemberState,
  nationalCodeLengths,
} from './countries.js';
export {
  DUTY_TABLES,
  type DutyRateEntry,
  SURCHARGES_ON_DUTY,
  type TerritoryDutyTable,
} from './data/duty-rates.js';
export { HS_CHAPTERS, HS_EDITION, type HsChapter } from './data/hs-chapters.js';
export { HS_HEADINGS, type HsHeading } from './data/hs-headings.js';
export {
  EU_STANDARD_VAT,
  type PerPieceSlab,
  type TerritoryVatTable,
  VAT_TABLES,
  type VatRateEntry,
} from './data/vat-rates.js';
export {
  applyPercent,
  type DutyEstimate,
  type DutyEstimateItem,
  type DutyEstimateItemInput,
  type DutyEstimateRequest,
  estimateDuties,
  findDutyRate,
  type TaxLine,
} from './duty-estimate.js';
export {
  DECLARATION_STATUSES,
  type DeclarationStatus,
  FUNCTION_CODE_STATUS,
  GATEWAY_ACCEPT,
  statusOfFunctionCode,
  type WireNotification,
  wireNotification,
} from './gateway-wire.js';
export {
  acceptedLengths,
  type HsCodeIssue,
  type HsCodeLookup,
  type HsCodeValidation,
  lookupHsCode,
  normalizeHsCode,
  type ValidateHsCodeOptions,
  validateHsCode,
} from './hs-codes.js';
export {
  type CustomsConfig,
  type CustomsCredentials,
  type CustomsStatusEvent,
  customsConfig,
  customsCredentials,
  customsStatusEvent,
  type EstimateDutiesInput,
  estimateDutiesInput,
  estimateDutiesOutput,
  getDeclarationStatusInput,
  getDeclarationStatusOutput,
  lookupHsCodeInput,
  lookupHsCodeOutput,
  type SubmitDeclarationInput,
  submitDeclarationInput,
  submitDeclarationOutput,
  validateHsCodeInput,
  validateHsCodeOutput,
} from './schema.js';
