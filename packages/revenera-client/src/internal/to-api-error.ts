import {
  type ApiError,
  errorDetail,
  errorFromResponse,
  type RequestInfo,
  redactSecretsDeep,
  requestIdFromHeaders,
} from "@org/sdk-core";

/**
 * The typed error for a non-success response whose body openapi-fetch already parsed (JSON, else text). Any
 * secret the server echoed back (a cookie value, the password) is redacted from the body and the message.
 */
export function toApiError<Body>(
  operation: RequestInfo,
  response: Response,
  body: Body,
  secrets: readonly string[],
): ApiError<Body> {
  const safeBody = redactSecretsDeep(body, secrets);
  return errorFromResponse({
    ...operation,
    status: response.status,
    body: safeBody,
    headers: response.headers,
    requestId: requestIdFromHeaders(response.headers),
    detail: errorDetail(safeBody),
  });
}
