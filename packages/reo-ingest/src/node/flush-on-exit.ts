import process from "node:process";
import type { ReoIngest, ShutdownReport } from "../client/types.js";

/** Options of {@link flushOnExit}. */
export interface FlushOnExitOptions {
  /** The deadline of the final flush, in ms. Default 2,000: short, so the SDK never makes a program linger. */
  timeoutMs?: number;
  /**
   * Signals that also trigger the flush. After it, the signal is raised again with Node's default behaviour, so
   * the process still ends the way it would have. Default `["SIGINT", "SIGTERM"]`; `[]` for none.
   */
  signals?: readonly NodeJS.Signals[];
  /** Called with the shutdown report (e.g. to print "3 events not sent"). */
  onShutdown?: (report: ShutdownReport) => void;
}

/**
 * Opt-in: when the program is about to end (its event loop ran dry, or it got SIGINT/SIGTERM), shut the client
 * down with a deadline, keeping the process alive only until events are delivered or the deadline passes.
 * Without it, SDK timers never hold the process open, so events waiting for a retry are lost at exit (and counted
 * nowhere the program can still see). `process.exit()` cannot be intercepted: call `await reo.shutdown()` first.
 *
 * @returns a function that removes the hooks.
 */
export function flushOnExit(client: ReoIngest, options: FlushOnExitOptions = {}): () => void {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const signals = options.signals ?? ["SIGINT", "SIGTERM"];
  let flushing: Promise<void> | undefined;

  const finish = () => {
    flushing ??= (async () => {
      // the SDK's own timers are unref'd; this one holds the process open until the deadline at most
      const keepAlive = setTimeout(() => {}, timeoutMs + 1_000);
      try {
        options.onShutdown?.(await client.shutdown({ timeoutMs }));
      } finally {
        clearTimeout(keepAlive);
      }
    })();
    return flushing;
  };
  const onBeforeExit = () => {
    const { queued, inFlight } = client.stats();
    if (flushing === undefined && queued + inFlight > 0) {
      void finish();
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    void finish().finally(() => process.kill(process.pid, signal));
  };

  process.on("beforeExit", onBeforeExit);
  for (const signal of signals) {
    process.once(signal, onSignal);
  }
  const remove = () => {
    process.off("beforeExit", onBeforeExit);
    for (const signal of signals) {
      process.off(signal, onSignal);
    }
  };
  return remove;
}
