/** How a failed request is retried. Every field has a default (see {@link DEFAULT_RETRY_POLICY}). */
export interface RetryPolicy {
  /** Retries after the first attempt. 0 disables retrying. */
  maxRetries: number;
  /** Delay before the first retry; doubles each time. */
  initialDelayMs: number;
  /** Upper bound of one delay, including a server's `Retry-After`. */
  maxDelayMs: number;
  /** HTTP statuses worth retrying. */
  retryStatuses: readonly number[];
}

/** Network errors, timeouts, 408, 429 and 502/503/504; two retries, 0.5 s doubling up to 8 s, with jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  retryStatuses: [408, 429, 502, 503, 504],
};

/** A policy from partial options; `false` means "never retry". */
export function resolveRetryPolicy(
  options: Partial<RetryPolicy> | false | undefined,
  base: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryPolicy {
  if (options === false) {
    return { ...base, maxRetries: 0 };
  }
  return { ...base, ...options };
}
