import type { RetryPolicy } from "./retry-policy.js";

/**
 * Delay before retry number `retry` (1-based): exponential from `initialDelayMs`, capped at `maxDelayMs`, with
 * "full jitter" (a random point in the upper half of the window) so that many clients do not retry in lockstep.
 * A server's `Retry-After` wins when given, still capped.
 */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, "initialDelayMs" | "maxDelayMs">,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(Math.max(retryAfterMs, 0), policy.maxDelayMs);
  }
  const ceiling = Math.min(policy.initialDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
