import {
  AbortedError,
  type ArgumentIssue,
  InvalidArgumentError,
  type Logger,
  type RequestInfo,
  type ResilientCallOptions,
  type ResilientFetch,
} from "@org/sdk-core";
import type { Client } from "openapi-fetch";
import type { CookieJar } from "tough-cookie";
import type { paths } from "../generated/schema.js";
import { toApiError } from "../internal/to-api-error.js";
import type { RequestFetch } from "./cookie-jar-fetch.js";
import { type AuthWebResponse, csrfLogin } from "./csrf-login.js";
import type { ReveneraSession } from "./session-store.js";
import { abortable, singleFlight } from "./single-flight.js";

/** What the session needs from the client. */
export interface SessionDeps {
  raw: Client<paths>;
  resilient: ResilientFetch;
  /** Undefined in browser mode. */
  jar: CookieJar | undefined;
  baseUrl: string;
  userName: string;
  password: string | undefined;
  cookieMissingRetries: number;
  log: Logger;
}

/** Options of {@link ReveneraClient.logout}. */
export interface LogoutOptions {
  /**
   * End every active session of the user, not only this one. The API's mechanism is not documented; this sends
   * the credentials in the logout body (as a working v3 client does), so it needs the password.
   */
  allSessions?: boolean;
  signal?: AbortSignal;
}

/** The session of one client: lazy single-flight login, one re-login and replay on 401, logout and export. */
export interface Session {
  /** Whether the client believes it holds a session (it may still have expired on the server). */
  readonly active: boolean;
  login(signal?: AbortSignal): Promise<AuthWebResponse>;
  /** Sends an authenticated request: logs in first if needed, and once more (then replays) on a 401. */
  send(request: Request, call: ResilientCallOptions & { operation: RequestInfo }): Promise<Response>;
  logout(options?: LogoutOptions): Promise<void>;
  exportSession(): Promise<ReveneraSession>;
  /** Current secret values (password, cookie values) for redaction. */
  secrets(): string[];
}

/** Creates the session state machine of one client. */
export function createSession(deps: SessionDeps, restored: boolean): Session {
  const { raw, resilient, log, jar } = deps;
  // A restored jar whose cookies have all expired is no session: log in lazily instead of collecting a 401 first.
  let active = restored && (jar === undefined || jar.getCookiesSync(deps.baseUrl).length > 0);
  let generation = 0;
  const secrets = () => {
    const cookies = jar?.serializeSync()?.cookies ?? [];
    const values = cookies.map((cookie) => (typeof cookie.value === "string" ? cookie.value : undefined));
    return [deps.password, ...values].filter((value): value is string => typeof value === "string");
  };

  const direct =
    (retrySafe: boolean): RequestFetch =>
    (request) =>
      resilient(request, { retrySafe, bufferBody: true });

  const loginOnce = singleFlight(async () => {
    const password = deps.password;
    if (password === undefined) {
      throw new InvalidArgumentError("Revenera client options", [
        { path: "password", rule: "is required to log in again (the restored session has ended)" },
      ] satisfies ArgumentIssue[]);
    }
    active = false;
    const result = await csrfLogin({
      raw,
      direct,
      userName: deps.userName,
      password,
      cookieMissingRetries: deps.cookieMissingRetries,
      clearCookies: async () => jar?.removeAllCookies(),
      cookieCount: () => jar?.getCookiesSync(deps.baseUrl).length,
      log,
      secrets,
    });
    active = true;
    generation++;
    return result;
  });

  async function waitForLogin(operation: RequestInfo, signal: AbortSignal | undefined): Promise<void> {
    try {
      await abortable(loginOnce(), signal);
    } catch (error) {
      if (signal?.aborted) {
        throw new AbortedError(operation, { cause: error });
      }
      throw error;
    }
  }

  return {
    get active() {
      return active;
    },

    login: (signal) => abortable(loginOnce(), signal),

    async send(request, call) {
      if (!active) {
        await waitForLogin(call.operation, request.signal);
      }
      const sentWith = generation;
      // The resilient fetch leaves `request` unread when the call carries its body (or it has none), so it can be
      // replayed after a 401 as it is; otherwise a clone is sent and the original kept for the replay.
      const keepsRequest = call.body !== undefined || request.body === null;
      const response = await resilient(keepsRequest ? request : request.clone(), call);
      if (response.status !== 401 || deps.password === undefined) {
        return response;
      }
      log({
        level: "info",
        event: "session",
        message: `${call.operation.method} ${call.operation.path} -> 401: session rejected; logging in again and replaying once`,
        data: { ...call.operation, status: 401 },
      });
      if (generation === sentWith) {
        active = false;
      }
      if (!active) {
        await waitForLogin(call.operation, request.signal);
      }
      return resilient(request, call);
    },

    async logout(options = {}) {
      const { allSessions = false, signal } = options;
      if (allSessions && deps.password === undefined) {
        throw new InvalidArgumentError("logout options", [
          { path: "allSessions", rule: "needs the password (the client was created without one)" },
        ]);
      }
      if (!active && !allSessions) {
        await jar?.removeAllCookies();
        return;
      }
      const operation = { method: "POST", path: "/v3/auth/logout" };
      try {
        if (!active) {
          await waitForLogin(operation, signal);
        }
        const body = allSessions && deps.password ? { userName: deps.userName, password: deps.password } : undefined;
        const { error, response } = await raw.POST("/v3/auth/logout", {
          body,
          fetch: (request: Request) => resilient(request, { retrySafe: false, bufferBody: true, operation }),
          signal,
        });
        // 401: the session had already ended, which is what logout wants.
        if (!response.ok && response.status !== 401) {
          throw toApiError(operation, response, error, secrets());
        }
        log({ level: "info", event: "logout", message: `Logged out${allSessions ? " (all sessions)" : ""}` });
      } finally {
        active = false;
        generation++;
        await jar?.removeAllCookies();
      }
    },

    async exportSession() {
      if (!jar) {
        throw new InvalidArgumentError("exportSession()", [
          { path: "cookieMode", rule: 'must be "jar": in the browser the browser owns the cookies' },
        ]);
      }
      if (!active) {
        throw new InvalidArgumentError("exportSession()", [
          { path: "session", rule: "no active session: call login() or make a call first" },
        ]);
      }
      return {
        format: "revenera-session/1",
        baseUrl: deps.baseUrl,
        userName: deps.userName,
        cookies: await jar.serialize(),
        exportedAt: new Date().toISOString(),
      };
    },

    secrets,
  };
}
