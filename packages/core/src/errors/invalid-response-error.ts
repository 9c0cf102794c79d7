import type { RequestInfo } from "./api-error.js";
import { SdkError } from "./sdk-error.js";

/** Fields of an {@link InvalidResponseError}. */
export interface InvalidResponseErrorInit extends RequestInfo {
  status: number;
  /** What was wrong, e.g. `the body is not valid JSON`. */
  reason: string;
  /** The first characters of the body, for diagnosis. */
  bodySnippet?: string | undefined;
  requestId?: string | undefined;
}

/**
 * The server answered with a success status, but the body could not be read as the operation promises (an HTML
 * page from a proxy, or JSON that does not parse). Not retried: the same request would likely get the same answer.
 */
export class InvalidResponseError extends SdkError {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly bodySnippet: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: InvalidResponseErrorInit, options?: { cause?: unknown }) {
    const requestId = init.requestId ? ` (request id ${init.requestId})` : "";
    super(`${init.method} ${init.path} returned HTTP ${init.status} but ${init.reason}${requestId}`, options);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.bodySnippet = init.bodySnippet;
    this.requestId = init.requestId;
  }

  /** A plain object for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      bodySnippet: this.bodySnippet,
    };
  }
}
