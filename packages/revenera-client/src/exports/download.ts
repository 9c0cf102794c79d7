import {
  AbortedError,
  ConnectionError,
  DEFAULT_TIMEOUT_MS,
  errorDetail,
  errorFromResponse,
  InvalidArgumentError,
  type Logger,
  redactSecrets,
  requestIdFromHeaders,
  TimeoutError,
  unrefTimer,
} from "@org/sdk-core";
import type { RequestFetch } from "../session/cookie-jar-fetch.js";

/** Options of a download. */
export interface DownloadOptions {
  signal?: AbortSignal;
  /** How long to wait for the download host's response headers, in ms (the transfer itself is not limited). */
  timeoutMs?: number;
}

/**
 * Fetches a one-time download URL from the file host and returns the body as a stream. The request is bare: no
 * API cookie, no `Origin`/`RUI-*` header, `credentials: "omit"`, no referrer, because the URL is on another host
 * that must not learn the API session. The URL's query (its signature) never appears in logs or errors.
 */
export async function downloadFile(
  url: string,
  transport: RequestFetch,
  options: DownloadOptions & { log?: Logger; secrets?: readonly string[] } = {},
): Promise<ReadableStream<Uint8Array>> {
  if (typeof url !== "string" || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new InvalidArgumentError("download URL", [{ path: "url", rule: "must be an absolute http(s) URL" }]);
  }
  const parsed = new URL(url);
  const operation = { method: "GET", path: `${parsed.origin}${parsed.pathname}` };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headersTimeout = new AbortController();
  const timer = setTimeout(() => headersTimeout.abort(), timeoutMs);
  unrefTimer(timer);
  const signals = options.signal ? [options.signal, headersTimeout.signal] : [headersTimeout.signal];
  let response: Response;
  try {
    response = await transport(
      new Request(url, {
        method: "GET",
        credentials: "omit",
        referrerPolicy: "no-referrer",
        signal: AbortSignal.any(signals),
      }),
    );
  } catch (error) {
    if (options.signal?.aborted) {
      throw new AbortedError(operation, { cause: error });
    }
    throw headersTimeout.signal.aborted
      ? new TimeoutError(operation, timeoutMs, { cause: error })
      : new ConnectionError(operation, { cause: error });
  } finally {
    clearTimeout(timer);
  }
  options.log?.({
    level: response.ok ? "debug" : "warn",
    event: "download",
    message: `${operation.method} ${operation.path} -> ${response.status}`,
    data: { ...operation, status: response.status },
  });
  if (!response.ok) {
    const text = redactSecrets((await response.text().catch(() => "")).slice(0, 2000), options.secrets ?? []);
    throw errorFromResponse({
      ...operation,
      status: response.status,
      body: text,
      headers: response.headers,
      requestId: requestIdFromHeaders(response.headers),
      detail: errorDetail(text),
    });
  }
  return response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}
