import { errorFromResponse, SdkError } from "@org/sdk-core";

/** The result of an openapi-fetch call. */
export interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns `data` of a successful call, or throws the SDK's typed error for a failed one. */
export function unwrap<T>(result: FetchResult<T>, method: string, path: string): T {
  const { data, error, response } = result;
  if (response.ok) {
    return data as T;
  }
  if (SdkError.isInstance(error)) {
    throw error;
  }
  const detail =
    error && typeof error === "object" && "message" in error ? String((error as { message: unknown }).message) : "";
  throw errorFromResponse({ status: response.status, method, path, body: error, headers: response.headers, detail });
}
