/**
 * Shared runtime of the `@org/*` API clients: one error hierarchy, retries with backoff, timeouts, secret
 * redaction, a logger hook and cursor paging. Uses only `fetch` and web APIs, so it runs in Node, Deno, Bun,
 * browsers and edge runtimes.
 *
 * @packageDocumentation
 */
export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
  type RequestInfo,
  ServerError,
} from "./errors/api-error.js";
export { AbortedError, ConnectionError, TimeoutError } from "./errors/connection-error.js";
export { errorDetail } from "./errors/error-detail.js";
export { errorFromResponse } from "./errors/error-from-response.js";
export { type ArgumentIssue, InvalidArgumentError } from "./errors/invalid-argument-error.js";
export { InvalidResponseError, type InvalidResponseErrorInit } from "./errors/invalid-response-error.js";
export { REQUEST_ID_HEADERS, requestIdFromHeaders } from "./errors/request-id.js";
export { SdkError } from "./errors/sdk-error.js";
export {
  type AttemptSender,
  createResilientFetch,
  DEFAULT_TIMEOUT_MS,
  type ResilientCallOptions,
  type ResilientFetch,
  type ResilientFetchOptions,
} from "./fetch/resilient-fetch.js";
export { sleep, unrefTimer } from "./fetch/sleep.js";
export { type LogEntry, type Logger, silentLogger } from "./log/logger.js";
export { redactingLogger } from "./log/redacting-logger.js";
export { type CursorPager, type Paginated, paginate } from "./paginate/paginate.js";
export { createRateLimiter, type RateLimiter } from "./rate/create-rate-limiter.js";
export { REDACTED, redactHeaders, SENSITIVE_HEADERS } from "./redact/redact-headers.js";
export { redactSecrets } from "./redact/redact-secrets.js";
export { redactSecretsDeep } from "./redact/redact-secrets-deep.js";
export { redactValue } from "./redact/redact-value.js";
export { backoffDelay } from "./retry/backoff-delay.js";
export { parseRetryAfter } from "./retry/parse-retry-after.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy, resolveRetryPolicy } from "./retry/retry-policy.js";
