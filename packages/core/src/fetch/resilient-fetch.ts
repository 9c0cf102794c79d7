import type { RequestInfo } from "../errors/api-error.js";
import { AbortedError, ConnectionError, TimeoutError } from "../errors/connection-error.js";
import type { Logger } from "../log/logger.js";
import { backoffDelay } from "../retry/backoff-delay.js";
import { parseRetryAfter } from "../retry/parse-retry-after.js";
import { type RetryPolicy, resolveRetryPolicy } from "../retry/retry-policy.js";
import { sleep } from "./sleep.js";

/** The default timeout of one attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Options of {@link createResilientFetch}. */
export interface ResilientFetchOptions {
  /** The fetch that does the work. Default: `globalThis.fetch`, looked up at call time. */
  fetch?: (request: Request) => Promise<Response>;
  /** Default retry policy; `false` never retries. */
  retry?: Partial<RetryPolicy> | false;
  /** Default timeout of one attempt, in ms. */
  timeoutMs?: number;
  /** Whether a request may be sent again. Default: GET, HEAD, OPTIONS, PUT and DELETE only. */
  isRetrySafe?: (request: Request) => boolean;
  logger?: Logger;
  /** Source of randomness for the jitter (tests pass a fixed one). */
  random?: () => number;
  /**
   * Read each response body completely inside the attempt, so that a body cut short becomes a (retryable)
   * {@link ConnectionError} and the timeout covers the body too. For JSON APIs; leave off for downloads.
   */
  bufferBody?: boolean;
}

/** Per-call overrides of a {@link ResilientFetch}. */
export interface ResilientCallOptions {
  retry?: Partial<RetryPolicy> | false;
  timeoutMs?: number;
  /** Overrides {@link ResilientFetchOptions.isRetrySafe} for this call (e.g. a caller who opts in). */
  retrySafe?: boolean;
  /** Names the operation in errors and logs (e.g. the spec's path template). Default: the URL's path. */
  operation?: RequestInfo;
  /** Overrides {@link ResilientFetchOptions.bufferBody} for this call. */
  bufferBody?: boolean;
}

/** A fetch that retries, times out and throws typed errors. */
export type ResilientFetch = (request: Request, call?: ResilientCallOptions) => Promise<Response>;

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * Wraps `fetch` with per-attempt timeouts, retries with exponential backoff and jitter (honouring `Retry-After`),
 * and typed errors ({@link ConnectionError}, {@link TimeoutError}, {@link AbortedError}) instead of bare
 * `TypeError: fetch failed`. It returns the response of the last attempt whatever its status: turning a status
 * into an error is the caller's job, once, after retries.
 *
 * It sits beneath openapi-fetch's middleware (as the client's `fetch`), so middleware sees one logical request.
 */
export function createResilientFetch(options: ResilientFetchOptions = {}): ResilientFetch {
  const isRetrySafe = options.isRetrySafe ?? ((request: Request) => IDEMPOTENT_METHODS.has(request.method));
  const log = options.logger;

  return async function resilientFetch(request, call = {}) {
    const policy = resolveRetryPolicy(call.retry ?? options.retry);
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = (call.retrySafe ?? isRetrySafe(request)) ? policy.maxRetries : 0;
    const operation = call.operation ?? { method: request.method, path: new URL(request.url).pathname };
    const doFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));
    const callerSignal = request.signal;
    const bufferBody = call.bufferBody ?? options.bufferBody ?? false;

    for (let attempt = 0; ; attempt++) {
      const waitBeforeRetry = async (delay: number, reason: string) => {
        log?.({
          level: "info",
          event: "retry",
          message: `${operation.method} ${operation.path}: retry ${attempt + 1}/${maxRetries} in ${delay} ms (${reason})`,
          data: { ...operation, attempt: attempt + 1, delayMs: delay, reason },
        });
        try {
          await sleep(delay, callerSignal);
        } catch (error) {
          throw new AbortedError(operation, { cause: error });
        }
      };
      const timeout = AbortSignal.timeout(timeoutMs);
      const attemptRequest = new Request(request.clone(), { signal: AbortSignal.any([callerSignal, timeout]) });
      const started = Date.now();
      let failure: ConnectionError;
      try {
        const response = await doFetch(attemptRequest);
        const retryable = policy.retryStatuses.includes(response.status) && attempt < maxRetries;
        log?.({
          level: response.ok ? "debug" : "warn",
          event: "response",
          message: `${operation.method} ${operation.path} -> ${response.status}`,
          data: { ...operation, status: response.status, attempt, durationMs: Date.now() - started },
        });
        if (!retryable) {
          return bufferBody ? await buffered(response) : response;
        }
        await response.body?.cancel().catch(() => {});
        const delay = backoffDelay(
          attempt + 1,
          policy,
          parseRetryAfter(response.headers.get("retry-after")),
          options.random,
        );
        await waitBeforeRetry(delay, `HTTP ${response.status}`);
        continue;
      } catch (error) {
        if (callerSignal.aborted) {
          throw new AbortedError(operation, { cause: error });
        }
        failure = timeout.aborted
          ? new TimeoutError(operation, timeoutMs, { cause: error })
          : new ConnectionError(operation, { cause: error, message: connectionMessage(operation, error) });
      }
      if (attempt >= maxRetries) {
        throw failure;
      }
      await waitBeforeRetry(backoffDelay(attempt + 1, policy, undefined, options.random), failure.message);
    }
  };
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A copy of the response with its whole body in memory (reading it here surfaces a body cut short). */
async function buffered(response: Response): Promise<Response> {
  const body = await response.arrayBuffer();
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function connectionMessage(operation: RequestInfo, error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const what =
    error instanceof Error && error.message === "terminated"
      ? "the response was cut short"
      : "no response from the server";
  return `${operation.method} ${operation.path} failed: ${what}${cause}`;
}
