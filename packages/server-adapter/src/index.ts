export * from './alerts/index.js';
export {
  createTollgate,
  createTollgateApp,
  DEFAULT_API_KEY_CACHE_MS,
  DEFAULT_PRICE_BOOK,
  DEFAULT_RATE_LIMIT,
  MAX_JSON_BODY_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  TOLLGATE_WEBHOOK_EVENTS,
  type Tollgate,
  type TollgateAppOptions,
  type TollgateIntegrations,
} from './app.js';
export {
  API_KEY_ROLES,
  API_KEY_SCOPES,
  type ApiKeyInfo,
  type ApiKeyOwner,
  type ApiKeyPrincipal,
  type ApiKeyRecords,
  type ApiKeyRole,
  type ApiKeyScope,
  type ApiKeyStore,
  type ApiKeyStoreOptions,
  createApiKeyStore,
  createMemoryApiKeyStore,
  defaultScopes,
  hashApiKey,
  type IssuedApiKey,
  type StoredApiKey,
  TENANT_ID_PATTERN,
} from './auth/api-keys.js';
export * from './auth/jwt.js';
export { JWT_ENV_VARIABLES, jwtOptionsFromEnv } from './auth/jwt-config.js';
export { sqlApiKeyStore } from './auth/sql-api-keys.js';
export {
  PROBLEM_CONTENT_TYPE,
  problemResponse,
  SERVER_PROBLEM_CODES,
  ServerProblem,
  type ServerProblemCode,
  toTollgateError,
} from './errors/problem.js';
export {
  createLogger,
  REDACTED_LOG_PATHS,
  silentLogger,
  type TollgateLogger,
} from './logging/logger.js';
export { requestLog } from './logging/request-log.js';
export * from './metrics/index.js';
export { requireApiKey, requireScope } from './middleware/auth.js';
export {
  type DatabaseLocation,
  DEFAULT_DATABASE_PATH,
  DEFAULT_PORT,
  loadServerConfig,
  parseDatabaseUrl,
  type ServerConfig,
} from './node/config.js';
export { openStore } from './node/open-store.js';
export {
  PARTNER_INTEGRATION_IDS,
  partnerEnvName,
  partnersFromEnv,
} from './node/partners-from-env.js';
export {
  type BackgroundWorker,
  type StartedTollgateServer,
  type StartTollgateServerOptions,
  startTollgateServer,
  stopOnSignals,
} from './node/start-server.js';
export * from './openapi/index.js';
export * from './outgoing-webhooks/index.js';
export * from './rate-limit/index.js';
export type { BankSwiftClient } from './routes/bank.js';
export {
  type BillingMoneyJson,
  type BillingRoutesOptions,
  billingRoutes,
} from './routes/billing.js';
export {
  CUSTOMS_SUBMISSION,
  type CustomsClient,
  declarantReferenceFor,
} from './routes/customs.js';
export { FX_CONVERSION, type FxClient } from './routes/fx.js';
export { ACCEPT_CHARGE_HEADER, partnerIdempotencyKey } from './routes/integration-support.js';
export { LOGISTICS_QUOTE, type LogisticsClient } from './routes/logistics.js';
export {
  createHealthTracker,
  DOWN_AFTER_FAILURES,
  type IntegrationHealthStatus,
  type IntegrationHealthTracker,
} from './routes/monitoring.js';
export type { PartnerWebhookClient } from './routes/partner-webhooks.js';
export {
  type DocumentValidator,
  type DocumentValidators,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  SME_TIER,
  SME_VALIDATION,
} from './routes/uploads.js';
export { type RunningServer, type ServeOptions, serve } from './serve.js';
export {
  createMemorySessionStore,
  type DocumentType,
  type SessionAccess,
  type SessionStore,
  sessionToJson,
  type ValidationSession,
} from './sessions/session-store.js';
export { sqlSessionStore } from './sessions/sql-session-store.js';
export {
  migrateServerTables,
  SERVER_MIGRATIONS,
  SERVER_MIGRATIONS_COMPONENT,
} from './storage/migrations.js';
export {
  attemptBankSubmission,
  BANK_RECHECK,
  BANK_TIER,
  type BankGatewayClient,
  type BankSubmissionDeps,
  type BankSubmissionRequest,
  type BankValidation,
} from './submissions/bank-submission.js';
export {
  attemptCustomsSubmission,
  type CustomsGatewayClient,
  type CustomsSubmission,
  type CustomsSubmissionDeps,
  type CustomsSubmissionRequest,
} from './submissions/customs-submission.js';
export { type PartnerEventLog, sqlPartnerEventLog } from './submissions/partner-events.js';
export {
  DEFAULT_SUBMISSION_RETRY,
  nextRetryAt,
  type SubmissionRetryPolicy,
} from './submissions/retry-policy.js';
export {
  createSubmissionRetryWorker,
  type SubmissionRetryWorker,
  type SubmissionRetryWorkerOptions,
} from './submissions/retry-worker.js';
export {
  attemptSubmission,
  SUBMISSION_RECOVERY_MS,
  type SubmissionAttemptDeps,
  type SubmissionCall,
} from './submissions/submission-attempt.js';
export { submissionJson } from './submissions/submission-json.js';
export {
  type NewSubmission,
  type Submission,
  type SubmissionKind,
  type SubmissionStatus,
  type SubmissionStore,
  sqlSubmissionStore,
} from './submissions/submission-store.js';
export type { AppEnv } from './types.js';
