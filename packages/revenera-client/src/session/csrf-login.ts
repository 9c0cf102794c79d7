import type { Logger } from "@org/sdk-core";
import type { Client } from "openapi-fetch";
import type { components, paths } from "../generated/schema.js";
import { toApiError } from "../internal/to-api-error.js";
import type { RequestFetch } from "./cookie-jar-fetch.js";

/** The body of a successful `POST /v3/auth/web`: account, products and user settings. */
export type AuthWebResponse = components["schemas"]["AuthWebResponse"];

/** What the login dance needs from the client. */
export interface LoginDeps {
  raw: Client<paths>;
  /** Fetch for calls outside the session (no lazy login, no 401 replay), with the given retry safety. */
  direct: (retrySafe: boolean) => RequestFetch;
  userName: string;
  password: string;
  cookieMissingRetries: number;
  /** Empties the cookie jar (no-op in browser mode). */
  clearCookies: () => Promise<void>;
  /** How many cookies the jar holds for the API (undefined in browser mode, where it cannot be seen). */
  cookieCount: () => number | undefined;
  log: Logger;
  /** Secret values to redact from errors. */
  secrets: () => string[];
  signal?: AbortSignal | undefined;
}

const COOKIE_MISSING = /cookie\s*missing/i;

/**
 * The documented login: `GET /v3/request-csrf` (sets a CSRF cookie whose name is not documented, so every
 * cookie is kept), then `POST /v3/auth/web` with the credentials, which sets `RUI-Csrf` and `RUI-Session-Token`.
 * A "Cookie Missing" answer is retried a bounded number of times, as the vendor advises. A failed request-csrf
 * is only a warning: the auth/web retries alone are what a working third-party client relies on.
 */
export async function csrfLogin(deps: LoginDeps): Promise<AuthWebResponse> {
  const { raw, log, signal } = deps;
  await deps.clearCookies();
  const csrf = await raw.GET("/v3/request-csrf", { fetch: deps.direct(true), signal });
  if (!csrf.response.ok) {
    log({
      level: "warn",
      event: "login",
      message: `GET /v3/request-csrf answered HTTP ${csrf.response.status}; trying POST /v3/auth/web anyway`,
      data: { status: csrf.response.status },
    });
  }
  const operation = { method: "POST", path: "/v3/auth/web" };
  for (let attempt = 0; ; attempt++) {
    const { data, error, response } = await raw.POST("/v3/auth/web", {
      body: { userName: deps.userName, password: deps.password },
      fetch: deps.direct(false),
      signal,
    });
    if (response.ok) {
      const cookies = deps.cookieCount();
      log({
        level: cookies === 0 ? "warn" : "info",
        event: "login",
        message:
          cookies === 0
            ? `Logged in as ${deps.userName}, but the server set no cookie: later calls will likely get HTTP 401`
            : `Logged in as ${deps.userName}`,
        data: { userName: deps.userName, cookies },
      });
      return data ?? {};
    }
    if (isCookieMissing(error) && attempt < deps.cookieMissingRetries) {
      log({
        level: "warn",
        event: "login",
        message: `POST /v3/auth/web answered "Cookie Missing"; retry ${attempt + 1}/${deps.cookieMissingRetries}`,
        data: { status: response.status, attempt: attempt + 1 },
      });
      continue;
    }
    // 401/403: wrong credentials (AuthenticationError); 400: malformed or "Cookie Missing" after every retry.
    throw toApiError(operation, response, error, deps.secrets());
  }
}

function isCookieMissing(body: unknown): boolean {
  return COOKIE_MISSING.test(typeof body === "string" ? body : JSON.stringify(body ?? ""));
}
