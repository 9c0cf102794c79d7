import {
  type ApiErrorInit,
  AuthenticationError,
  errorFromResponse,
  type ResilientFetch,
  type RetryPolicy,
  requestIdFromHeaders,
} from "@org/sdk-core";
import type { EventKind } from "../event/types.js";
import type { components } from "../generated/schema.js";

/** Reo.Dev's answer to an ingest call (`response_code` as the vendor sends it: a string or a number). */
export type IngestResponse = components["schemas"]["IngestResponse"];

/** What one successful ingest call returns. */
export interface Delivered {
  /** The event's id, as sent (replays of the same event carry the same id). */
  eventId: string;
  /** Reo.Dev's answer, e.g. `{ response_code: "200", response: "Data Uploaded", status: "success" }`. */
  response: IngestResponse;
  /** The server's request id, when it sent one. */
  requestId: string | undefined;
}

/** How one event is sent: the resilient fetch with its retry policy and timeout, where to, and the key. */
export interface Transport {
  fetch: ResilientFetch;
  /** The request of an endpoint (URL, method and headers, no body), shared by every event sent there. */
  request: (kind: EventKind) => Request;
  retry: Partial<RetryPolicy> | false;
  timeoutMs: number;
}

const PATHS: Record<EventKind, string> = { usage: "/api/product/usage", aggregate: "/api/product/aggregateusage" };

/**
 * {@link Transport.request}: built on first use, then shared (each event's body and signal go with the call, not
 * the request).
 */
export function ingestRequests(baseUrl: string, apiKey: string): (kind: EventKind) => Request {
  const made: Partial<Record<EventKind, Request>> = {};
  return (kind) =>
    (made[kind] ??= new Request(new URL(PATHS[kind], baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-api-key": apiKey },
    }));
}

/**
 * Sends one prepared event, retrying network errors, timeouts, 429 and 5xx (the `event_id` in the body makes a
 * replay recognisable, so POST is retried). Success is HTTP 2xx without `status: "failure"`.
 *
 * @throws {@link AuthenticationError} for Reo.Dev's "400 Authentication Failure" (and 401/403), another
 * `ApiError` subclass for other refusals, `ConnectionError`/`TimeoutError` when there was no answer, and
 * `AbortedError` when `signal` aborted.
 */
export async function postEvent(
  transport: Transport,
  event: { kind: EventKind; eventId: string; body: string },
  signal?: AbortSignal,
): Promise<Delivered> {
  const path = PATHS[event.kind];
  // The shared request is never read: the body travels in the call options, so each attempt sends these exact
  // bytes, with no request built or cloned per event.
  const response = await transport.fetch(transport.request(event.kind), {
    retry: transport.retry,
    timeoutMs: transport.timeoutMs,
    retrySafe: true,
    // read the body inside the attempt: an answer cut short is then a retryable ConnectionError
    bufferBody: true,
    operation: { method: "POST", path },
    body: event.body,
    ...(signal ? { signal } : {}),
  });
  const text = await response.text();
  const body = parseJson(text);
  const requestId = requestIdFromHeaders(response.headers);
  const failed = !response.ok || (isObject(body) && body.status === "failure");
  if (!failed) {
    return { eventId: event.eventId, response: asIngestResponse(body, response.status), requestId };
  }
  const message = isObject(body) && typeof body.response === "string" ? body.response : undefined;
  const init: ApiErrorInit = {
    method: "POST",
    path,
    status: response.ok
      ? (statusCode(isObject(body) ? body.response_code : undefined) ?? response.status)
      : response.status,
    body,
    headers: response.headers,
    requestId,
    detail: message,
  };
  if (message !== undefined && /authentication failure/i.test(message)) {
    throw new AuthenticationError(init);
  }
  throw errorFromResponse(init);
}

/** `"200"` or `400` → a number; anything else → `undefined`. */
function statusCode(value: unknown): number | undefined {
  const code = typeof value === "string" ? Number(value.trim()) : value;
  return typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 599 ? code : undefined;
}

function asIngestResponse(body: unknown, status: number): IngestResponse {
  if (isObject(body) && (typeof body.response_code === "string" || typeof body.response_code === "number")) {
    return {
      response_code: body.response_code,
      response: typeof body.response === "string" ? body.response : "",
      status: "success",
    };
  }
  return { response_code: status, response: typeof body === "string" ? body : "", status: "success" };
}

function parseJson(text: string): unknown {
  if (text === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
