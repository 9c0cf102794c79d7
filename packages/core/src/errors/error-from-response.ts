import { parseRetryAfter } from "../retry/parse-retry-after.js";
import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
  ServerError,
} from "./api-error.js";

/** Picks the {@link ApiError} subclass for a status code. */
export function errorFromResponse<Body>(init: ApiErrorInit<Body>): ApiError<Body> {
  const { status } = init;
  if (status === 401 || status === 403) {
    return new AuthenticationError(init);
  }
  if (status === 400 || status === 422) {
    return new BadRequestError(init);
  }
  if (status === 404) {
    return new NotFoundError(init);
  }
  if (status === 429) {
    const headers = new Headers(init.headers);
    return new RateLimitError({ ...init, retryAfterMs: parseRetryAfter(headers.get("retry-after")) });
  }
  if (status >= 500) {
    return new ServerError(init);
  }
  return new ApiError(init);
}
