import type { RequestInfo } from "./api-error.js";
import { SdkError } from "./sdk-error.js";

/** No HTTP answer: DNS, refused or reset connection, TLS failure, or a body cut short. */
export class ConnectionError extends SdkError {
  readonly method: string;
  readonly path: string;

  constructor(request: RequestInfo, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? `${request.method} ${request.path} failed: no response from the server`, options);
    this.method = request.method;
    this.path = request.path;
  }
}

/** No answer within the timeout (after all retries). */
export class TimeoutError extends ConnectionError {
  readonly timeoutMs: number;

  constructor(request: RequestInfo, timeoutMs: number, options?: { cause?: unknown }) {
    super(request, { ...options, message: `${request.method} ${request.path} timed out after ${timeoutMs} ms` });
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted the request through its `AbortSignal`. */
export class AbortedError extends SdkError {
  constructor(request: RequestInfo, options?: { cause?: unknown }) {
    super(`${request.method} ${request.path} was aborted by the caller`, options);
  }
}
