/**
 * Typed client of the Revenera Usage Intelligence Reporting API v3: CSRF + cookie session handled for you,
 * typed errors, retries, timeouts, paging and file exports.
 *
 * @packageDocumentation
 */
export {
  AbortedError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidArgumentError,
  InvalidResponseError,
  type LogEntry,
  type Logger,
  NotFoundError,
  RateLimitError,
  type RetryPolicy,
  SdkError,
  ServerError,
  TimeoutError,
} from "@org/sdk-core";
export type {
  ReveneraCallInit,
  ReveneraCallOptions,
  ReveneraErrorBody,
  ReveneraInitParam,
  ReveneraMethod,
  ReveneraResult,
} from "./call-types.js";
export type { CookieMode, ReveneraClientOptions } from "./client-options.js";
export { createReveneraClient, type ReveneraClient } from "./create-revenera-client.js";
export type { DownloadOptions } from "./exports/download.js";
export type { ExportFileListings, ExportKind, ReveneraExports } from "./exports/export-helpers.js";
export { type ZipCsvOptions, zipCsvRows } from "./exports/zip-csv-rows.js";
export type { components, operations, paths } from "./generated/schema.js";
export type { PagedOperations, PagedPath } from "./paging/paged-operations.js";
export type { ReveneraPaginate, ReveneraPaginateInit } from "./paging/paginate-operation.js";
export type { AuthWebResponse } from "./session/csrf-login.js";
export type { LogoutOptions } from "./session/session.js";
export type { ReveneraSession } from "./session/session-store.js";
