import {
  AuthenticationError,
  createResilientFetch,
  type LogEntry,
  type Logger,
  redactingLogger,
  SdkError,
  sleep,
} from "@org/sdk-core";
import { BoundedQueue } from "../delivery/bounded-queue.js";
import { ingestRequests, postEvent, type Transport } from "../delivery/post-event.js";
import { EventDroppedError } from "../errors/event-dropped-error.js";
import { ShutdownTimeoutError } from "../errors/shutdown-timeout-error.js";
import { type PreparedEvent, prepareEvent } from "../event/prepare-event.js";
import type { EventKind, ReoAggregatedEvent, ReoEvent } from "../event/types.js";
import { resolveOptions } from "./resolve-options.js";
import type {
  FailureReason,
  IngestFailure,
  IngestStats,
  ReoIngest,
  ReoIngestOptions,
  SendResult,
  ShutdownReport,
  TrackResult,
} from "./types.js";

/** How long in-flight requests get to settle after the shutdown deadline aborted them. */
const ABORT_GRACE_MS = 250;

/**
 * Creates a Reo.Dev ingest client: `track()` validates and queues, a small pool of concurrent senders delivers
 * (one request per event, as Reo.Dev has no batch endpoint), `send()` delivers one event and awaits it.
 *
 * ```ts
 * const reo = createReoIngest({ productId: "myCli" }); // API key from REO_API_KEY
 * reo.track({ activity_type: "CALL_HOME", domain: "example.com", user_agent: "mycli/1.2" });
 * await reo.shutdown({ timeoutMs: 2000 });
 * ```
 *
 * Uses only `fetch` and web APIs: runs in Node 20+, Deno, Bun, browsers and edge runtimes. Timers never keep a
 * process alive; see `@org/reo-ingest/node` for flushing on process exit.
 *
 * @throws {@link InvalidArgumentError} for bad options, e.g. no API key while enabled.
 */
export function createReoIngest(options: ReoIngestOptions = {}): ReoIngest {
  const config = resolveOptions(options);
  const counters = { sent: 0, retried: 0, failed: 0, dropped: 0, invalid: 0 };
  const queue = new BoundedQueue<PreparedEvent>(config.maxQueueSize);
  // one controller per request (not one shared parent signal: thousands of dependents on a long-lived signal make
  // AbortSignal.any slow); the shutdown deadline aborts them all
  const controllers = new Set<AbortController>();
  let deadlinePassed = false;
  const idleWaiters: Array<() => void> = [];
  let inFlight = 0;
  let workers = 0;
  let pumpScheduled = false;
  let closed = false;
  let stoppedBy: AuthenticationError | undefined;
  let abandonedInFlight: PreparedEvent[] | undefined;
  let shutdownPromise: Promise<ShutdownReport> | undefined;

  const userLogger: Logger | undefined = options.logger && redactingLogger(options.logger, () => [config.apiKey]);
  const log = (entry: LogEntry) => {
    if (entry.event === "retry") {
      counters.retried++;
    }
    if (userLogger) {
      safely(() => userLogger(entry));
    }
  };
  const transport: Transport = {
    fetch: createResilientFetch({ logger: log, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    request: ingestRequests(config.baseUrl, config.apiKey),
    retry: config.retry,
    timeoutMs: config.timeoutMs,
  };

  const report = (reason: FailureReason, error: SdkError, events: readonly PreparedEvent[]) => {
    log({ level: "warn", event: reason, message: error.message, data: { events: events.length } });
    if (options.onError) {
      const failure: IngestFailure = { reason, error, events: events.map(payloadOf) };
      safely(() => options.onError?.(failure));
    }
  };

  /** A permanent authentication failure: stop sending, fail everything queued, and say so once. */
  const stop = (error: AuthenticationError, event: PreparedEvent) => {
    if (stoppedBy) {
      return;
    }
    stoppedBy = error;
    const stranded = queue.drain();
    counters.failed += stranded.length;
    report("failed", error, [event, ...stranded]);
  };

  const deliver = async (event: PreparedEvent) => {
    const controller = new AbortController();
    controllers.add(controller);
    try {
      await postEvent(transport, event, controller.signal);
      counters.sent++;
    } catch (caught) {
      counters.failed++;
      const error = asSdkError(caught);
      if (deadlinePassed && abandonedInFlight) {
        abandonedInFlight.push(event);
      } else if (error instanceof AuthenticationError) {
        stop(error, event);
      } else {
        report("failed", error, [event]);
      }
    } finally {
      controllers.delete(controller);
    }
  };

  const work = async () => {
    for (let event = queue.shift(); event !== undefined; event = stoppedBy ? undefined : queue.shift()) {
      inFlight++;
      await deliver(event);
      inFlight--;
    }
    workers--;
    if (workers === 0) {
      for (const resolve of idleWaiters.splice(0)) {
        resolve();
      }
    }
  };

  const pump = () => {
    pumpScheduled = false;
    while (workers < config.concurrency && queue.size > 0 && !stoppedBy) {
      workers++;
      void work();
    }
  };

  const enqueue = (kind: EventKind, input: unknown): TrackResult => {
    if (config.disabledBy !== undefined) {
      return { accepted: false, reason: "disabled" };
    }
    if (stoppedBy) {
      counters.failed++;
      return { accepted: false, reason: "stopped", error: stoppedBy };
    }
    let event: PreparedEvent;
    try {
      event = prepareEvent(kind, input, config.defaults);
    } catch (caught) {
      counters.invalid++;
      const error = asSdkError(caught);
      report("invalid", error, []);
      return { accepted: false, reason: "invalid", error };
    }
    if (closed) {
      return drop(event, new EventDroppedError("closed", "the client was shut down"));
    }
    if (queue.full) {
      const error = new EventDroppedError("queue-full", `${queue.capacity} events waiting, policy ${config.overflow}`);
      if (config.overflow === "drop-newest") {
        return drop(event, error);
      }
      const oldest = queue.shift();
      if (oldest) {
        counters.dropped++;
        report("dropped", error, [oldest]);
      }
    }
    queue.push(event);
    if (!pumpScheduled) {
      pumpScheduled = true;
      queueMicrotask(pump);
    }
    return { accepted: true, eventId: event.eventId };
  };

  const drop = (event: PreparedEvent, error: EventDroppedError): TrackResult => {
    counters.dropped++;
    report("dropped", error, [event]);
    return { accepted: false, reason: "dropped", error };
  };

  const sendNow = async (kind: EventKind, input: unknown, signal?: AbortSignal): Promise<SendResult> => {
    if (config.disabledBy !== undefined) {
      return { delivered: false, reason: "disabled" };
    }
    if (stoppedBy) {
      throw stoppedBy;
    }
    if (closed) {
      throw new EventDroppedError("closed", "the client was shut down");
    }
    const event = prepareEvent(kind, input, config.defaults);
    const controller = new AbortController();
    controllers.add(controller);
    try {
      const delivered = await postEvent(
        transport,
        event,
        signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
      );
      counters.sent++;
      return { delivered: true, ...delivered };
    } catch (caught) {
      counters.failed++;
      if (caught instanceof AuthenticationError) {
        stop(caught, event);
      }
      throw caught;
    } finally {
      controllers.delete(controller);
    }
  };

  const flush = (): Promise<void> =>
    workers === 0 && (queue.size === 0 || stoppedBy !== undefined)
      ? Promise.resolve()
      : new Promise((resolve) => {
          idleWaiters.push(resolve);
          if (!pumpScheduled) {
            pump();
          }
        });

  const stats = (): IngestStats => ({ queued: queue.size, inFlight, ...counters });

  const shutdown = async (timeoutMs: number): Promise<ShutdownReport> => {
    closed = true;
    const deadline = new AbortController();
    const finished = await Promise.race([
      flush().then(() => true),
      sleep(timeoutMs, deadline.signal).then(
        () => false,
        () => true,
      ),
    ]);
    deadline.abort();
    if (finished) {
      return { ...stats(), timedOut: false, abandoned: 0 };
    }
    const waiting = queue.drain();
    counters.failed += waiting.length;
    abandonedInFlight = [];
    deadlinePassed = true;
    for (const controller of controllers) {
      controller.abort(new ShutdownTimeoutError(timeoutMs, inFlight));
    }
    await Promise.race([flush(), sleep(ABORT_GRACE_MS)]);
    const abandoned = [...abandonedInFlight, ...waiting];
    report("abandoned", new ShutdownTimeoutError(timeoutMs, abandoned.length + inFlight), abandoned);
    return { ...stats(), timedOut: true, abandoned: abandoned.length + inFlight };
  };

  return {
    track: (event) => enqueue("usage", event),
    trackAggregate: (event) => enqueue("aggregate", event),
    send: (event, callOptions) => sendNow("usage", event, callOptions?.signal),
    sendAggregate: (event, callOptions) => sendNow("aggregate", event, callOptions?.signal),
    flush,
    shutdown(shutdownOptions) {
      shutdownPromise ??= shutdown(shutdownOptions?.timeoutMs ?? 2_000);
      return shutdownPromise;
    },
    stats,
    enabled: config.disabledBy === undefined,
  };
}

function payloadOf(event: PreparedEvent): ReoEvent | ReoAggregatedEvent {
  return (JSON.parse(event.body) as { payload: ReoEvent | ReoAggregatedEvent }).payload;
}

function asSdkError(error: unknown): SdkError {
  return SdkError.isInstance(error)
    ? error
    : new SdkError(error instanceof Error ? error.message : String(error), { cause: error });
}

/** Runs a user hook; what it throws never reaches the SDK's callers. */
function safely(hook: () => void): void {
  try {
    hook();
  } catch {
    // a throwing hook must not break delivery
  }
}
