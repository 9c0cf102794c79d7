import { type ArgumentIssue, InvalidArgumentError, type RetryPolicy } from "@org/sdk-core";
import type { EventDefaults, EventSource } from "../event/types.js";
import { REO_BASE_URL } from "../raw-client.js";
import { defaultEnv, optedOutBy } from "./opt-out.js";
import type { OverflowPolicy, ReoIngestOptions } from "./types.js";

/** The ingest retry policy: more patient than core's default, and 500 is worth retrying for a write of one event. */
export const INGEST_RETRY_POLICY: Partial<RetryPolicy> = {
  maxRetries: 5,
  initialDelayMs: 500,
  maxDelayMs: 15_000,
  retryStatuses: [408, 429, 500, 502, 503, 504],
};

/** {@link ReoIngestOptions} with the environment and defaults applied. */
export interface ResolvedOptions {
  /** Why the client is off (`disabled` option or the opt-out variable's name), or `undefined` when it is on. */
  disabledBy: string | undefined;
  apiKey: string;
  baseUrl: string;
  defaults: EventDefaults;
  maxQueueSize: number;
  overflow: OverflowPolicy;
  concurrency: number;
  timeoutMs: number;
  retry: Partial<RetryPolicy> | false;
}

/**
 * Applies environment variables and defaults.
 *
 * @throws {@link InvalidArgumentError} naming each bad option (e.g. no API key while enabled).
 */
export function resolveOptions(options: ReoIngestOptions): ResolvedOptions {
  const env = options.env ?? defaultEnv();
  const disabledBy = options.disabled ? "disabled" : options.honorOptOutEnv === false ? undefined : optedOutBy(env);
  const issues: ArgumentIssue[] = [];
  const apiKey = options.apiKey ?? env.REO_API_KEY ?? "";
  if (disabledBy === undefined && apiKey.trim() === "") {
    issues.push({ path: "apiKey", rule: "is required (pass apiKey or set REO_API_KEY)" });
  }
  const source = options.source ?? env.REO_PRODUCT_USAGE_SOURCE ?? "TELEMETRY";
  if (source !== "TELEMETRY" && source !== "PRODUCT_CLOUD") {
    issues.push({
      path: "source",
      rule: "must be TELEMETRY or PRODUCT_CLOUD (also checked in REO_PRODUCT_USAGE_SOURCE)",
    });
  }
  const int = (path: string, value: number | undefined, fallback: number, min: number, max: number) => {
    const result = value ?? fallback;
    if (!Number.isInteger(result) || result < min || result > max) {
      issues.push({ path, rule: `must be an integer from ${min} to ${max}` });
    }
    return result;
  };
  const maxQueueSize = int("maxQueueSize", options.maxQueueSize, 10_000, 1, 10_000_000);
  const concurrency = int("concurrency", options.concurrency, 4, 1, 256);
  const timeoutMs = int("timeoutMs", options.timeoutMs, 10_000, 1, 600_000);
  const overflow = options.overflow ?? "drop-newest";
  if (overflow !== "drop-newest" && overflow !== "drop-oldest") {
    issues.push({ path: "overflow", rule: "must be drop-newest or drop-oldest" });
  }
  const baseUrl = options.baseUrl ?? REO_BASE_URL;
  if (!URL.canParse(baseUrl)) {
    issues.push({ path: "baseUrl", rule: "must be an absolute URL" });
  }
  if (issues.length > 0) {
    throw new InvalidArgumentError("Reo ingest options", issues);
  }
  return {
    disabledBy,
    apiKey,
    baseUrl,
    defaults: {
      source: source as EventSource,
      productId: options.productId,
      environment: options.environment ?? env.REO_PRODUCT_USAGE_ENVIRONMENT,
    },
    maxQueueSize,
    overflow,
    concurrency,
    timeoutMs,
    retry: options.retry === false ? false : { ...INGEST_RETRY_POLICY, ...options.retry },
  };
}
