import { type ArgumentIssue, InvalidArgumentError, type Logger, type RetryPolicy } from "@org/sdk-core";
import { DEFAULT_BASE_URL, DEFAULT_ORIGIN } from "./internal/client-identity.js";
import type { ReveneraSession } from "./session/session-store.js";

/** Where cookies live: in this client's own RFC 6265 jar (Node, Deno, Bun, workers) or in the browser. */
export type CookieMode = "jar" | "browser";

/** Options of {@link createReveneraClient}. Everything except the credentials has a default. */
export interface ReveneraClientOptions {
  /**
   * The Usage Intelligence dashboard login. Default: the `REVENERA_USERNAME` environment variable. Not needed
   * when `session` is given.
   */
  userName?: string;
  /**
   * The dashboard password. Default: the `REVENERA_PASSWORD` environment variable. Kept in memory only (to log in
   * again when the session expires); never logged, never exported. Without it a restored session cannot be renewed.
   */
  password?: string;
  /** API root. Default: `REVENERA_BASE_URL`, else `https://analytics-api.revenera.com`. */
  baseUrl?: string;
  /** `Origin` header sent on every call; the API rejects others. Default `https://analytics.revenera.com`. */
  origin?: string;
  /** `RUI-Client` header. Default: this package's name. The vendor's own examples send `Postman`. */
  clientName?: string;
  /** `RUI-Client-Version` header. Default: this package's version. */
  clientVersion?: string;
  /** The fetch to send requests with (a proxy-aware or instrumented one). Default: `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Timeout of one attempt, in ms. Default 30,000. Per call: `timeoutMs`. */
  timeoutMs?: number;
  /** Retry policy (merged over the default: 2 retries, 0.5 s doubling, 8 s cap). `false` never retries. */
  retry?: Partial<RetryPolicy> | false;
  /** Receives every request, retry, login and warning, with secrets already redacted. */
  logger?: Logger;
  /**
   * `"jar"` keeps cookies in this client's own jar; `"browser"` sends `credentials: "include"` and lets the browser
   * keep them (no jar, no session export). Default: `"browser"` when `document` exists, else `"jar"`.
   */
  cookieMode?: CookieMode;
  /** A session from {@link ReveneraClient.exportSession}, to reuse instead of logging in again. */
  session?: ReveneraSession;
  /** How many times `POST /v3/auth/web` is retried after a "Cookie Missing" answer. Default 3. */
  cookieMissingRetries?: number;
  /** Environment to read `REVENERA_*` variables from. Default: `process.env` where it exists. */
  env?: Record<string, string | undefined>;
}

/** {@link ReveneraClientOptions} after defaults and validation. */
export interface ResolvedOptions {
  userName: string;
  password: string | undefined;
  baseUrl: string;
  origin: string;
  clientName: string | undefined;
  clientVersion: string | undefined;
  fetch: ((request: Request) => Promise<Response>) | undefined;
  timeoutMs: number | undefined;
  retry: Partial<RetryPolicy> | false | undefined;
  logger: Logger | undefined;
  cookieMode: CookieMode;
  session: ReveneraSession | undefined;
  cookieMissingRetries: number;
}

/** Applies defaults (including the `REVENERA_*` environment variables) and checks every option before any request. */
export function resolveOptions(options: ReveneraClientOptions): ResolvedOptions {
  const env = options.env ?? processEnv();
  const issues: ArgumentIssue[] = [];
  const session = options.session;
  const userName = options.userName ?? session?.userName ?? env.REVENERA_USERNAME;
  const password = options.password ?? env.REVENERA_PASSWORD;
  const baseUrl = (options.baseUrl ?? env.REVENERA_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, "");

  if (typeof userName !== "string" || userName.trim() === "") {
    issues.push({ path: "userName", rule: "is required (pass it, or set REVENERA_USERNAME)" });
  }
  if (session === undefined && (typeof password !== "string" || password === "")) {
    issues.push({
      path: "password",
      rule: "is required unless a session is given (pass it, or set REVENERA_PASSWORD)",
    });
  }
  checkUrl(issues, "baseUrl", baseUrl);
  checkUrl(issues, "origin", options.origin ?? DEFAULT_ORIGIN);
  if (options.timeoutMs !== undefined) {
    checkPositive(issues, "timeoutMs", options.timeoutMs);
  }
  checkRetry(issues, "retry", options.retry);
  const cookieMissingRetries = options.cookieMissingRetries ?? 3;
  if (!Number.isInteger(cookieMissingRetries) || cookieMissingRetries < 0 || cookieMissingRetries > 10) {
    issues.push({ path: "cookieMissingRetries", rule: "must be an integer from 0 to 10" });
  }
  if (options.cookieMode !== undefined && options.cookieMode !== "jar" && options.cookieMode !== "browser") {
    issues.push({ path: "cookieMode", rule: 'must be "jar" or "browser"' });
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    issues.push({ path: "fetch", rule: "must be a function" });
  }
  if (session !== undefined) {
    checkSession(issues, session, baseUrl);
  }
  if (issues.length > 0) {
    throw new InvalidArgumentError("Revenera client options", issues);
  }
  return {
    userName: userName as string,
    password: password || undefined,
    baseUrl,
    origin: options.origin ?? DEFAULT_ORIGIN,
    clientName: options.clientName,
    clientVersion: options.clientVersion,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    logger: options.logger,
    cookieMode: options.cookieMode ?? (typeof document === "undefined" ? "jar" : "browser"),
    session,
    cookieMissingRetries,
  };
}

/** Checks the per-call `timeoutMs` and `retry` options. */
export function checkCallOptions(subject: string, call: { timeoutMs?: unknown; retry?: unknown }): void {
  const issues: ArgumentIssue[] = [];
  if (call.timeoutMs !== undefined) {
    checkPositive(issues, "timeoutMs", call.timeoutMs);
  }
  checkRetry(issues, "retry", call.retry);
  if (issues.length > 0) {
    throw new InvalidArgumentError(subject, issues);
  }
}

function processEnv(): Record<string, string | undefined> {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return process?.env ?? {};
}

function checkUrl(issues: ArgumentIssue[], path: string, value: unknown): void {
  if (typeof value !== "string" || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    issues.push({ path, rule: "must be an absolute http(s) URL" });
  }
}

function checkPositive(issues: ArgumentIssue[], path: string, value: unknown): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    issues.push({ path, rule: "must be a positive number of milliseconds" });
  }
}

function checkRetry(issues: ArgumentIssue[], path: string, retry: unknown): void {
  if (retry === undefined || retry === false) {
    return;
  }
  if (retry === null || typeof retry !== "object") {
    issues.push({ path, rule: "must be false or an object" });
    return;
  }
  const policy = retry as Record<string, unknown>;
  if (policy.maxRetries !== undefined && !(Number.isInteger(policy.maxRetries) && (policy.maxRetries as number) >= 0)) {
    issues.push({ path: `${path}.maxRetries`, rule: "must be a non-negative integer" });
  }
  for (const key of ["initialDelayMs", "maxDelayMs"]) {
    const value = policy[key];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
      issues.push({ path: `${path}.${key}`, rule: "must be a non-negative number" });
    }
  }
}

function checkSession(issues: ArgumentIssue[], session: ReveneraSession, baseUrl: string): void {
  if (session === null || typeof session !== "object" || session.format !== "revenera-session/1") {
    issues.push({
      path: "session",
      rule: 'must be an object returned by exportSession() (format "revenera-session/1")',
    });
    return;
  }
  if (session.baseUrl !== baseUrl) {
    issues.push({ path: "session.baseUrl", rule: `must match baseUrl (${baseUrl}), got ${String(session.baseUrl)}` });
  }
  if (session.cookies === null || typeof session.cookies !== "object") {
    issues.push({ path: "session.cookies", rule: "must be a serialized cookie jar" });
  }
}
