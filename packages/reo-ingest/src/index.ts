/**
 * Validated, non-blocking, loss-free delivery of product usage and call-home telemetry to the Reo.Dev Product
 * Usage API. This entry uses only `fetch` and web APIs (Node 20+, Deno, Bun, browsers, edge runtimes); the process
 * exit hook lives in `@org/reo-ingest/node`.
 *
 * @packageDocumentation
 */

export {
  AbortedError,
  ApiError,
  type ArgumentIssue,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InvalidArgumentError,
  type LogEntry,
  type Logger,
  RateLimitError,
  type RetryPolicy,
  SdkError,
  ServerError,
  TimeoutError,
} from "@org/sdk-core";
export { createReoIngest } from "./client/create-reo-ingest.js";
export { OPT_OUT_VARIABLES, optedOutBy } from "./client/opt-out.js";
export { INGEST_RETRY_POLICY } from "./client/resolve-options.js";
export type {
  FailureReason,
  IngestFailure,
  IngestStats,
  OverflowPolicy,
  ReoIngest,
  ReoIngestOptions,
  SendResult,
  ShutdownReport,
  TrackResult,
} from "./client/types.js";
export type { Delivered, IngestResponse } from "./delivery/post-event.js";
export { type DropReason, EventDroppedError } from "./errors/event-dropped-error.js";
export { ShutdownTimeoutError } from "./errors/shutdown-timeout-error.js";
export { type PreparedEvent, prepareEvent } from "./event/prepare-event.js";
export type {
  EventDefaults,
  EventKind,
  EventSource,
  ReoAggregatedEvent,
  ReoAggregatedEventInput,
  ReoEvent,
  ReoEventInput,
  UserIdType,
} from "./event/types.js";
export type { components, operations, paths } from "./generated/schema.js";
export { createRawReoClient, type RawReoClientOptions, REO_BASE_URL } from "./raw-client.js";
