export type { CircuitBreakerOptions, ConcurrencyOptions } from './circuit.js';
export type { FetchLike } from './fetch-like.js';
export type { RateLimitOptions } from './rate-limit.js';
export { retryAfterMs } from './retry-after.js';
export {
  createTransport,
  type JsonResult,
  type QueryParams,
  type RetryOptions,
  type Transport,
  type TransportOptions,
  type TransportRequest,
} from './transport.js';
