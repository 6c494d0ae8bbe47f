export { ERROR_CODES, type ErrorCode, PROBLEM_TYPE_BASE } from './codes.js';
export { describeIssues, issuesFromZod } from './from-zod.js';
export {
  AuthError,
  CircuitOpenError,
  IdempotencyConflictError,
  PaymentRequiredError,
  QuotaExceededError,
  type QuotaExceededErrorOptions,
  type Quote,
  RateLimitError,
  type RateLimitErrorOptions,
  TimeoutError,
  UpstreamError,
  type UpstreamErrorOptions,
  ValidationError,
  type ValidationIssue,
  type WebhookVerificationCode,
  WebhookVerificationError,
} from './subclasses.js';
export {
  isTollgateError,
  type ProblemDetails,
  TollgateError,
  type TollgateErrorOptions,
} from './tollgate-error.js';
