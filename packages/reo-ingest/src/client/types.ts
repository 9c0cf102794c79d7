import type { Logger, RetryPolicy, SdkError } from "@org/sdk-core";
import type { Delivered } from "../delivery/post-event.js";
import type {
  EventSource,
  ReoAggregatedEvent,
  ReoAggregatedEventInput,
  ReoEvent,
  ReoEventInput,
} from "../event/types.js";

/** What to do when `track()` finds the queue full. Either way the event is counted in `dropped` and reported. */
export type OverflowPolicy = "drop-newest" | "drop-oldest";

/** Options of {@link createReoIngest}. Everything but the API key has a default. */
export interface ReoIngestOptions {
  /** The tenant's Product Usage API key. Default: the `REO_API_KEY` environment variable. Never logged. */
  apiKey?: string;
  /** Filled into every event's `product_id` unless the event has one. */
  productId?: string;
  /** Filled into every event's `environment` unless the event has one. Default: `REO_PRODUCT_USAGE_ENVIRONMENT`. */
  environment?: string;
  /** Filled into every event's `source`. Default: `REO_PRODUCT_USAGE_SOURCE`, else `TELEMETRY`. */
  source?: EventSource;
  /** Default `https://ingest.reo.dev`. */
  baseUrl?: string;
  /** Turns the client into a no-op: nothing is validated, queued or sent. */
  disabled?: boolean;
  /**
   * Honour the opt-out variables `DO_NOT_TRACK` and `REO_TELEMETRY_DISABLED` (any value but empty, `0`, `false`,
   * `no`). Default `true`. A server-side forwarder relaying other people's events may set it to `false`.
   */
  honorOptOutEnv?: boolean;
  /** Where environment variables are read. Default: `process.env` where it exists, else nothing. */
  env?: Readonly<Record<string, string | undefined>>;
  /** How many events may wait to be sent. Default 10,000 (a few MB: the queue keeps serialised payloads). */
  maxQueueSize?: number;
  /** What a full queue drops. Default `drop-newest` (the event being tracked). */
  overflow?: OverflowPolicy;
  /** How many requests may be in flight at once (Reo.Dev takes one event per request). Default 4. */
  concurrency?: number;
  /** Timeout of one attempt in ms. Default 10,000. */
  timeoutMs?: number;
  /**
   * Retries of network errors, timeouts, 408, 429 (honouring `Retry-After`) and 5xx, with exponential backoff and
   * jitter. Default: 5 retries from 500 ms, at most 15 s apart. `false` never retries.
   */
  retry?: Partial<RetryPolicy> | false;
  /** Receives every event that was not delivered: invalid, dropped or failed. Never called for a success. */
  onError?: (failure: IngestFailure) => void;
  /** Receives what the SDK does (requests, retries, failures), already redacted. */
  logger?: Logger;
  /** The fetch to use. Default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** Why events reached `onError`. */
export type FailureReason = "invalid" | "dropped" | "failed" | "abandoned";

/** One report to `onError`. */
export interface IngestFailure {
  /**
   * `invalid`: rejected by validation in `track()`; `dropped`: the queue was full or the client closed; `failed`:
   * sending failed permanently or after every retry; `abandoned`: still pending at the shutdown deadline.
   */
  reason: FailureReason;
  /** The typed error: `InvalidArgumentError`, `EventDroppedError`, an `ApiError`, `ConnectionError`, ... */
  error: SdkError;
  /**
   * The events concerned, as they would have been sent (empty for `invalid`). A permanent authentication failure
   * is reported once, with every event it stopped.
   */
  events: ReadonlyArray<ReoEvent | ReoAggregatedEvent>;
}

/** What `track()` did with an event. It never throws: this is the whole answer. */
export type TrackResult =
  | { accepted: true; eventId: string }
  | {
      accepted: false;
      /**
       * `invalid` (see `error.issues`), `dropped` (queue full or client closed), `stopped` (a permanent
       * authentication failure stopped sending), `disabled` (opted out).
       */
      reason: "invalid" | "dropped" | "stopped" | "disabled";
      error?: SdkError;
    };

/** What `send()` resolved to: delivered, or skipped because the client is disabled. */
export type SendResult = (Delivered & { delivered: true }) | { delivered: false; reason: "disabled" };

/** Counters since the client was created. */
export interface IngestStats {
  /** Events waiting in the queue now. */
  queued: number;
  /** Events being sent now (including those waiting for a retry). */
  inFlight: number;
  /** Events Reo.Dev accepted. */
  sent: number;
  /** Retry attempts (an event retried twice counts twice). */
  retried: number;
  /** Events that failed permanently, after every retry, or were abandoned at the shutdown deadline. */
  failed: number;
  /** Events dropped before any attempt: queue overflow, or tracked after shutdown. */
  dropped: number;
  /** Events `track()` rejected as invalid. */
  invalid: number;
}

/** What `shutdown()` resolves to: the final counters, and whether the deadline cut delivery short. */
export interface ShutdownReport extends IngestStats {
  /** True when the deadline passed with events still pending. */
  timedOut: boolean;
  /** How many events were abandoned at the deadline (included in `failed`). */
  abandoned: number;
}

/** A Reo.Dev ingest client. Create it with {@link createReoIngest}. */
export interface ReoIngest {
  /**
   * Validates an event synchronously, queues it and returns at once; a sender pool delivers it in the background.
   * Never throws: an invalid or dropped event is reported to `onError` and counted, and the result says so.
   */
  track(event: ReoEventInput): TrackResult;
  /** {@link ReoIngest.track} for an aggregated count (`POST /api/product/aggregateusage`). */
  trackAggregate(event: ReoAggregatedEventInput): TrackResult;
  /**
   * Sends one event now (outside the queue, with the same retries) and resolves when Reo.Dev accepted it.
   *
   * @throws {@link InvalidArgumentError} before any request when the event is invalid; `AuthenticationError`,
   * another `ApiError`, `ConnectionError` or `TimeoutError` when delivery failed.
   */
  send(event: ReoEventInput, options?: { signal?: AbortSignal }): Promise<SendResult>;
  /** {@link ReoIngest.send} for an aggregated count. */
  sendAggregate(event: ReoAggregatedEventInput, options?: { signal?: AbortSignal }): Promise<SendResult>;
  /** Resolves once every event accepted so far has been delivered or reported failed. Never rejects. */
  flush(): Promise<void>;
  /**
   * Stops accepting events, flushes with a deadline (default 2,000 ms), then abandons what is left (reported once
   * to `onError` with reason `abandoned`). Safe to call twice: both calls get the same report. Never rejects.
   */
  shutdown(options?: { timeoutMs?: number }): Promise<ShutdownReport>;
  /** The current counters. */
  stats(): IngestStats;
  /** Whether the client sends anything (false when disabled or opted out through the environment). */
  readonly enabled: boolean;
}
