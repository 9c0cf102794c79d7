import type { RequestInfo } from "../errors/api-error.js";
import { AbortedError, ConnectionError, TimeoutError } from "../errors/connection-error.js";
import type { Logger } from "../log/logger.js";
import { backoffDelay } from "../retry/backoff-delay.js";
import { parseRetryAfter } from "../retry/parse-retry-after.js";
import { type RetryPolicy, resolveRetryPolicy } from "../retry/retry-policy.js";
import { sleep, unrefTimer } from "./sleep.js";

/** The default timeout of one attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Sends one attempt: must behave like `fetch(request, init)`, where `init` holds the attempt's `signal` and, when the
 * call gave one, its `body` (which then replaces `request`'s own).
 */
export type AttemptSender = (request: Request, init: RequestInit) => Promise<Response>;

/** Options of {@link createResilientFetch}. */
export interface ResilientFetchOptions {
  /**
   * The fetch that does the work; it gets one `Request` per attempt. Default: `globalThis.fetch`, looked up at call
   * time (called as `fetch(request, init)`).
   */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Sends each attempt instead of `fetch`, as `send(request, init)` (see {@link AttemptSender}): for a wrapper that
   * adds to the request (e.g. cookies) without building another `Request` per attempt.
   */
  send?: AttemptSender;
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
  /**
   * The request's body, when the caller has it as text or bytes (e.g. the JSON it serialised): every attempt sends
   * it instead of a clone of `request`'s body stream, and `request` itself is never read, so the caller may send
   * it again. It must be what the body of `request` holds (or would hold).
   */
  body?: string | ArrayBuffer;
  /**
   * Aborts the call (and any wait before a retry), in place of `request.signal`: lets a caller reuse one `Request`
   * as a template for many calls.
   */
  signal?: AbortSignal;
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
  const userFetch = options.fetch;
  const send: AttemptSender =
    options.send ??
    (userFetch
      ? (request, init) => userFetch(new Request(request, init))
      : (request, init) => globalThis.fetch(request, init));

  return async function resilientFetch(request, call = {}) {
    const policy = resolveRetryPolicy(call.retry ?? options.retry);
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = (call.retrySafe ?? isRetrySafe(request)) ? policy.maxRetries : 0;
    const operation = call.operation ?? { method: request.method, path: new URL(request.url).pathname };
    const callerSignal = call.signal ?? request.signal;
    const bufferBody = call.bufferBody ?? options.bufferBody ?? false;
    const body = call.body;
    // Without the body at hand, each attempt sends a clone of the request (its stream can only be read once).
    const replay = body === undefined && request.body !== null;

    const waitBeforeRetry = async (attempt: number, delay: number, reason: string) => {
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

    for (let attempt = 0; ; attempt++) {
      // A buffered attempt ends when its body is read: a timer and a listener, cleared then, cost less than
      // AbortSignal.timeout + AbortSignal.any. A streamed response keeps both signals for as long as its body lives.
      const deadline = bufferBody ? new AttemptDeadline(callerSignal, timeoutMs) : undefined;
      const timeout = deadline ? undefined : AbortSignal.timeout(timeoutMs);
      const signal = deadline ? deadline.signal : AbortSignal.any([callerSignal, timeout as AbortSignal]);
      const init: RequestInit = body === undefined ? { signal } : { signal, body };
      const started = Date.now();
      let failure: ConnectionError;
      try {
        const response = await send(replay ? request.clone() : request, init);
        const retryable = attempt < maxRetries && policy.retryStatuses.includes(response.status);
        log?.({
          level: response.ok ? "debug" : "warn",
          event: "response",
          message: `${operation.method} ${operation.path} -> ${response.status}`,
          data: { ...operation, status: response.status, attempt, durationMs: Date.now() - started },
        });
        if (!retryable) {
          if (!deadline) {
            return response;
          }
          const result = await buffered(response);
          deadline.clear();
          return result;
        }
        await response.body?.cancel().catch(() => {});
        deadline?.clear();
        const delay = backoffDelay(
          attempt + 1,
          policy,
          parseRetryAfter(response.headers.get("retry-after")),
          options.random,
        );
        await waitBeforeRetry(attempt, delay, `HTTP ${response.status}`);
        continue;
      } catch (error) {
        deadline?.clear();
        if (callerSignal.aborted) {
          throw new AbortedError(operation, { cause: error });
        }
        failure = (deadline ? deadline.timedOut : (timeout as AbortSignal).aborted)
          ? new TimeoutError(operation, timeoutMs, { cause: error })
          : new ConnectionError(operation, { cause: error, message: connectionMessage(operation, error) });
      }
      if (attempt >= maxRetries) {
        throw failure;
      }
      await waitBeforeRetry(attempt, backoffDelay(attempt + 1, policy, undefined, options.random), failure.message);
    }
  };
}

/**
 * The signal of one attempt: aborts with a `TimeoutError` `DOMException` (as `AbortSignal.timeout` does) after
 * `timeoutMs`, or with the caller's reason when the caller's signal aborts. {@link AttemptDeadline.clear} ends both.
 */
class AttemptDeadline {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onAbort = () => this.#controller.abort(this.#callerSignal.reason);
  timedOut = false;

  constructor(callerSignal: AbortSignal, timeoutMs: number) {
    this.#callerSignal = callerSignal;
    if (callerSignal.aborted) {
      this.#controller.abort(callerSignal.reason);
    } else {
      callerSignal.addEventListener("abort", this.#onAbort, { once: true });
    }
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    }, timeoutMs);
    unrefTimer(this.#timer);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#callerSignal.removeEventListener("abort", this.#onAbort);
  }
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
