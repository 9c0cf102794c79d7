/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. The timer never keeps a process alive. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    unrefTimer(timer);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Node and Bun timers can be unref'd so they never hold the process open; browsers' numeric ids cannot. */
export function unrefTimer(timer: unknown): void {
  if (typeof timer === "object" && timer !== null && "unref" in timer && typeof timer.unref === "function") {
    timer.unref();
  }
}
