import type { ApiError, RetryPolicy } from "@org/sdk-core";
import type { FetchOptions } from "openapi-fetch";
import type {
  ErrorResponse,
  FilterKeys,
  HttpMethod,
  MediaType,
  PathsWithMethod,
  Readable,
  RequiredKeysOf,
  SuccessResponse,
} from "openapi-typescript-helpers";
import type { paths } from "./generated/schema.js";

/** Per-call options, accepted by every call next to `params` and `body`. */
export interface ReveneraCallOptions {
  /** Aborts the call (and any retry wait). Rejects with `AbortedError`. */
  signal?: AbortSignal;
  /** Timeout of one attempt, in ms. Default: the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Retry policy of this call; `false` never retries. Merged over the client's `retry`. */
  retry?: Partial<RetryPolicy> | false;
  /**
   * Whether this call may be sent more than once (retries). Default: `true` for GETs and read-only report POSTs,
   * `false` for license-key insert/update and the export request. Set `true` to opt a write into retries.
   */
  idempotent?: boolean;
}

/** The options object of one call: openapi-fetch's (`params`, `body`, `headers`, …) plus {@link ReveneraCallOptions}. */
export type ReveneraCallInit<Operation> = Omit<
  FetchOptions<Operation>,
  "fetch" | "parseAs" | "baseUrl" | "middleware"
> &
  ReveneraCallOptions;

/** Makes the options argument optional when the operation needs no `params` or `body`. */
export type ReveneraInitParam<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

/** The `responses` map of an operation type. */
type ResponsesOf<Operation> = Operation extends { responses: infer Responses extends Record<string | number, unknown> }
  ? Responses
  : Record<string, never>;

/** The documented error bodies of an operation (what `error.body` holds when the server follows its spec). */
export type ReveneraErrorBody<Operation> = Readable<ErrorResponse<ResponsesOf<Operation>, MediaType>>;

/**
 * What every call resolves to, as in openapi-fetch: `data` on success, or `error` for an HTTP error status.
 * `error` is a real `ApiError` subclass (`AuthenticationError`, `BadRequestError`, `NotFoundError`,
 * `RateLimitError`, `ServerError`) whose `body` holds the parsed error body (or the text of a non-JSON page).
 * Problems without a usable HTTP answer are thrown instead: invalid arguments, network errors, timeouts,
 * aborts, failed logins and unreadable success bodies.
 */
export type ReveneraResult<Operation> =
  | {
      data: Readable<SuccessResponse<ResponsesOf<Operation>, MediaType>>;
      error?: never;
      response: Response;
    }
  | {
      data?: never;
      error: ApiError<ReveneraErrorBody<Operation> | string | undefined>;
      response: Response;
    };

/** A typed call method (`GET`, `POST`, `PATCH`) over the spec's `paths`. */
export type ReveneraMethod<Method extends HttpMethod> = <Path extends PathsWithMethod<paths, Method>>(
  path: Path,
  ...init: ReveneraInitParam<ReveneraCallInit<FilterKeys<paths[Path], Method>>>
) => Promise<ReveneraResult<FilterKeys<paths[Path], Method>>>;
