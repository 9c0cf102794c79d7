import { redactHeaders } from "../redact/redact-headers.js";
import { SdkError } from "./sdk-error.js";

/** What every error about one HTTP call knows about it. */
export interface RequestInfo {
  /** HTTP method, upper case. */
  method: string;
  /** The operation's path template from the spec, e.g. `/v3/reporting/generic/dateRange/{product_id}`. */
  path: string;
}

/** Fields of an {@link ApiError}. */
export interface ApiErrorInit<Body = unknown> extends RequestInfo {
  status: number;
  /** Parsed JSON body, or the text when it is not JSON, or `undefined` when empty. */
  body: Body;
  /** Response headers; sensitive ones (`set-cookie`, …) are redacted. */
  headers: Headers | Record<string, string>;
  /** The server's request id, when it sent one. */
  requestId?: string | undefined;
  /** Extra words for the message, e.g. the server's own error text. */
  detail?: string | undefined;
}

/**
 * The server answered with a non-success status. Subclasses name the common cases; check `status` for the rest.
 */
export class ApiError<Body = unknown> extends SdkError {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly body: Body;
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit<Body>) {
    const requestId = init.requestId ? ` (request id ${init.requestId})` : "";
    const detail = init.detail ? `: ${init.detail}` : "";
    super(`${init.method} ${init.path} failed with HTTP ${init.status}${detail}${requestId}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
    this.headers = redactHeaders(init.headers);
    this.requestId = init.requestId;
  }

  /** A plain, already-redacted object for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      body: this.body,
      headers: this.headers,
    };
  }
}

/** 401 or 403: not logged in, session expired, wrong key, or not allowed. */
export class AuthenticationError<Body = unknown> extends ApiError<Body> {}

/** 400 or 422: the server rejected the request's content. */
export class BadRequestError<Body = unknown> extends ApiError<Body> {}

/** 404: no such resource (or path). */
export class NotFoundError<Body = unknown> extends ApiError<Body> {}

/** 429: too many requests. `retryAfterMs` is the server's `Retry-After`, when it sent one. */
export class RateLimitError<Body = unknown> extends ApiError<Body> {
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit<Body> & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx: the server failed. */
export class ServerError<Body = unknown> extends ApiError<Body> {}
