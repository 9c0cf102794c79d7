import { sleep } from "../fetch/sleep.js";

/** Spaces out calls: each {@link RateLimiter.wait} resolves at the next free slot. */
export interface RateLimiter {
  /** Resolves when the caller may go; rejects with the signal's reason if it aborts first. */
  wait(signal?: AbortSignal): Promise<void>;
}

/**
 * A limiter that lets at most `perSecond` callers through per second, evenly spaced (no bursts), in the order they
 * called. Its timers never keep a process alive.
 */
export function createRateLimiter(perSecond: number, now: () => number = () => performance.now()): RateLimiter {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) {
    throw new RangeError(`rate limit must be a positive number of calls per second, got ${perSecond}`);
  }
  const intervalMs = 1000 / perSecond;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async wait(signal) {
      const current = now();
      const slot = Math.max(current, nextSlot);
      nextSlot = slot + intervalMs;
      if (slot > current) {
        await sleep(slot - current, signal);
      }
    },
  };
}
