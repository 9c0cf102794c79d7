import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./generated/schema.js";

/** Reo.Dev's ingest host. */
export const REO_BASE_URL = "https://ingest.reo.dev";

/** Options of {@link createRawReoClient}: openapi-fetch's, plus the API key. */
export interface RawReoClientOptions extends ClientOptions {
  /** The tenant's Product Usage API key, sent as `X-API-KEY`. */
  apiKey?: string;
}

/**
 * The generated openapi-fetch client for the Product Usage API, with no validation, queue or retries: for people
 * who want the raw call. `baseUrl` defaults to {@link REO_BASE_URL}.
 */
export function createRawReoClient(options: RawReoClientOptions = {}): Client<paths> {
  const { apiKey, headers, ...rest } = options;
  return createClient<paths>({
    baseUrl: REO_BASE_URL,
    ...rest,
    headers: { ...(apiKey === undefined ? {} : { "X-API-KEY": apiKey }), ...toRecord(headers) },
  });
}

function toRecord(headers: ClientOptions["headers"]): Record<string, string> {
  if (!headers) {
    return {};
  }
  return Object.fromEntries(new Headers(headers as HeadersInit).entries());
}
