import {
  type AttemptSender,
  createResilientFetch,
  InvalidResponseError,
  type RequestInfo,
  type ResilientCallOptions,
  redactingLogger,
  redactSecrets,
  requestIdFromHeaders,
  silentLogger,
} from "@org/sdk-core";
import createClient, { defaultBodySerializer } from "openapi-fetch";
import { CookieJar } from "tough-cookie";
import type { ReveneraCallInit, ReveneraMethod, ReveneraResult } from "./call-types.js";
import { checkCallOptions, type ReveneraClientOptions, resolveOptions } from "./client-options.js";
import { createExportHelpers, type ReveneraExports } from "./exports/export-helpers.js";
import type { paths } from "./generated/schema.js";
import { CLIENT_NAME, CLIENT_VERSION } from "./internal/client-identity.js";
import { isRetrySafeOperation } from "./internal/retry-safety.js";
import { toApiError } from "./internal/to-api-error.js";
import { validatePathParams } from "./internal/validate-path-params.js";
import { createPaginate, type ReveneraPaginate } from "./paging/paginate-operation.js";
import { cookieJarFetch, type RequestFetch } from "./session/cookie-jar-fetch.js";
import type { AuthWebResponse } from "./session/csrf-login.js";
import { createSession, type LogoutOptions } from "./session/session.js";
import type { ReveneraSession } from "./session/session-store.js";

/** A client of the Revenera Usage Intelligence Reporting API v3. Create one with {@link createReveneraClient}. */
export interface ReveneraClient {
  /** Calls a GET operation, e.g. `rui.GET("/v3/event-tracking/{product_id}", { params: { path: { product_id } } })`. */
  GET: ReveneraMethod<"get">;
  /** Calls a POST operation (reports, searches, download URLs, license-key insert). */
  POST: ReveneraMethod<"post">;
  /** Calls a PATCH operation (license-key update). */
  PATCH: ReveneraMethod<"patch">;
  /**
   * Logs in now (request-csrf, then auth/web) and returns the account data. Optional: the first call logs in by
   * itself. Throws `AuthenticationError` on wrong credentials.
   */
  login(options?: { signal?: AbortSignal }): Promise<AuthWebResponse>;
  /** Ends the session on the server (all of the user's sessions with `allSessions`) and empties the cookie jar. */
  logout(options?: LogoutOptions): Promise<void>;
  /** Iterates every item of a paged operation: `for await (const client of rui.paginate(path, init))`. */
  paginate: ReveneraPaginate;
  /** File exports (raw events, custom events, exceptions): list, download URL, and CSV rows streamed from the zip. */
  exports: ReveneraExports;
  /** The current session as JSON, to pass back as `createReveneraClient({ session })`. Holds no password. */
  exportSession(): Promise<ReveneraSession>;
  /** Whether the client holds a session (it may still have expired on the server; a 401 renews it). */
  readonly loggedIn: boolean;
  /** The API root in use. */
  readonly baseUrl: string;
}

type LooseInit = Record<string, unknown> & {
  params?: { path?: Record<string, unknown> };
  parseAs?: unknown;
  bodySerializer?: unknown;
};
type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Creates a Revenera Usage Intelligence client. Credentials come from the options or from the
 * `REVENERA_USERNAME` / `REVENERA_PASSWORD` environment variables. Nothing is sent until the first call (or
 * {@link ReveneraClient.login}).
 *
 * @example
 * ```ts
 * const rui = createReveneraClient({ userName, password });
 * const { data, error } = await rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
 *   params: { path: { product_id: "1234567890" } },
 *   body: { startDate: "2026-01-01", stopDate: "2026-01-31", dateSplit: "day", clientStatus: ["active"] },
 * });
 * if (error) throw error;
 * await rui.logout();
 * ```
 */
export function createReveneraClient(options: ReveneraClientOptions = {}): ReveneraClient {
  const resolved = resolveOptions(options);
  const transport: RequestFetch = resolved.fetch ?? ((request) => globalThis.fetch(request));
  // Each attempt goes out as fetch(request, init): with the default fetch no extra Request is built per attempt.
  const userFetch = resolved.fetch;
  const transportSend: AttemptSender = userFetch
    ? (request, init) => userFetch(new Request(request, init))
    : (request, init) => globalThis.fetch(request, init);
  const jar =
    resolved.cookieMode === "browser"
      ? undefined
      : resolved.session
        ? CookieJar.deserializeSync(resolved.session.cookies)
        : new CookieJar();

  let secrets: () => string[] = () => (resolved.password ? [resolved.password] : []);
  // Without a logger nothing is logged, so no entry is built or redacted on the request path.
  const userLog = resolved.logger && redactingLogger(resolved.logger, () => secrets());
  const log = userLog ?? silentLogger;

  const send: AttemptSender = jar
    ? cookieJarFetch(jar, transportSend, log)
    : (request, init) => transportSend(request, { ...init, credentials: "include" });
  const resilient = createResilientFetch({
    send,
    retry: resolved.retry,
    timeoutMs: resolved.timeoutMs,
    logger: userLog,
    bufferBody: true,
  });
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: {
      Accept: "application/json",
      Origin: resolved.origin,
      "RUI-Client": resolved.clientName ?? CLIENT_NAME,
      "RUI-Client-Version": resolved.clientVersion ?? CLIENT_VERSION,
    },
  });
  const session = createSession(
    {
      raw,
      resilient,
      jar,
      baseUrl: resolved.baseUrl,
      userName: resolved.userName,
      password: resolved.password,
      cookieMissingRetries: resolved.cookieMissingRetries,
      log,
    },
    resolved.session !== undefined,
  );
  secrets = () => session.secrets();

  async function call(method: string, path: string, init: LooseInit = {}): Promise<ReveneraResult<unknown>> {
    const { timeoutMs, retry, idempotent, ...rest } = init as LooseInit & ReveneraCallInit<unknown>;
    checkCallOptions(`options of ${method} ${path}`, { timeoutMs, retry });
    validatePathParams(path, rest.params?.path);
    const operation: RequestInfo = { method, path };
    const context: ResilientCallOptions & { operation: RequestInfo } = {
      operation,
      timeoutMs,
      retry,
      retrySafe: idempotent ?? isRetrySafeOperation(method, path),
    };
    // The serialised body, kept so that retries and the 401 replay resend it without cloning the request.
    // (openapi-fetch's default serialiser takes the headers too, for form bodies; its type omits them)
    const serialize = (rest.bodySerializer ?? defaultBodySerializer) as (body: unknown, headers: unknown) => unknown;
    const bodySerializer = (body: unknown, headers: unknown) => {
      const serialized = serialize(body, headers);
      context.body = typeof serialized === "string" ? serialized : undefined;
      return serialized;
    };
    // JSON is parsed here rather than by openapi-fetch, so that an unparsable body is at hand for the error.
    const parseJson = rest.parseAs === undefined || rest.parseAs === "json";
    const fetch = (request: Request) => session.send(request, context);
    const result = await (raw.request as unknown as LooseRequest)(method, path, {
      ...rest,
      ...(parseJson ? { parseAs: "text" } : {}),
      bodySerializer,
      fetch,
    });
    if (result.response.ok) {
      const data = parseJson ? parseJsonBody(operation, result.response, result.data, session.secrets) : result.data;
      return { data: data as never, response: result.response };
    }
    return {
      error: toApiError(operation, result.response, result.error as never, session.secrets()),
      response: result.response,
    };
  }

  const GET = ((path: string, init?: LooseInit) => call("GET", path, init)) as ReveneraMethod<"get">;
  const POST = ((path: string, init?: LooseInit) => call("POST", path, init)) as ReveneraMethod<"post">;
  const PATCH = ((path: string, init?: LooseInit) => call("PATCH", path, init)) as ReveneraMethod<"patch">;
  return {
    GET,
    POST,
    PATCH,
    login: (loginOptions = {}) => session.login(loginOptions.signal),
    logout: (logoutOptions) => session.logout(logoutOptions),
    paginate: createPaginate({ POST }),
    exports: createExportHelpers(
      { GET, POST },
      { transport, timeoutMs: resolved.timeoutMs, log, secrets: () => session.secrets() },
    ),
    exportSession: () => session.exportSession(),
    get loggedIn() {
      return session.active;
    },
    baseUrl: resolved.baseUrl,
  };
}

/**
 * The success body as openapi-fetch's `parseAs: "json"` reads it (empty without a `Content-Length` is `undefined`),
 * or {@link InvalidResponseError} with a redacted snippet when it is not JSON.
 */
function parseJsonBody(operation: RequestInfo, response: Response, data: unknown, secrets: () => string[]): unknown {
  if (typeof data !== "string" || (data === "" && !response.headers.get("Content-Length"))) {
    return typeof data === "string" ? undefined : data;
  }
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw new InvalidResponseError(
      {
        ...operation,
        status: response.status,
        reason: `its body is not valid JSON (${response.headers.get("content-type") ?? "no content type"})`,
        bodySnippet: redactSecrets(data.slice(0, 200), secrets()),
        requestId: requestIdFromHeaders(response.headers),
      },
      { cause: error },
    );
  }
}
