import type { components } from "../generated/schema.js";

/** One usage event as sent to `POST /api/product/usage` (the spec's `UsageEvent`, in the form the SDK sends). */
export type ReoEvent = Omit<components["schemas"]["EventFields"], "event_id" | "event_at"> & {
  /** Always a string on the wire (a UUIDv7 unless the caller gave one). */
  event_id: string;
  /** UNIX epoch seconds, an integer. */
  event_at: number;
};

/** One aggregated count as sent to `POST /api/product/aggregateusage` (the spec's `AggregatedUsageEvent`). */
export type ReoAggregatedEvent = ReoEvent & {
  /** `DOMAIN` aggregates per company domain, `USER` per individual user. */
  mode: "DOMAIN" | "USER";
  /** How many times the activity happened in the aggregated period (an integer, at least 1). */
  count: number;
};

/** The source of an event: `TELEMETRY` (call-home from self-hosted software) or `PRODUCT_CLOUD` (SaaS usage). */
export type EventSource = ReoEvent["source"];

/** The kinds of user id Reo.Dev understands. */
export type UserIdType = NonNullable<ReoEvent["user_id_type"]>;

/**
 * What callers pass to `track()` and `send()`: a {@link ReoEvent} whose defaulted fields are optional and whose
 * loosely documented fields accept every form the vendor's pages show.
 *
 * - `source` defaults to the client's (`TELEMETRY` unless configured), `product_id` to the client's `productId`,
 *   `environment` to the client's `environment`.
 * - `event_id` defaults to a new UUIDv7; a number is sent as its decimal string.
 * - `event_at` defaults to now; a `Date` or a string of digits is converted to integer epoch seconds. A value in
 *   milliseconds is rejected.
 * - `undefined`, `null` and, for optional text fields, `""` mean "absent" (as in the vendor's samples).
 */
export type ReoEventInput = Omit<ReoEvent, "source" | "product_id" | "event_id" | "event_at"> & {
  source?: EventSource;
  product_id?: string;
  event_id?: string | number;
  event_at?: number | string | Date;
};

/** What callers pass to `sendAggregate()` and `trackAggregate()`: a {@link ReoEventInput} plus `mode` and `count`. */
export type ReoAggregatedEventInput = ReoEventInput & Pick<ReoAggregatedEvent, "mode" | "count">;

/** Which endpoint an event goes to: `usage` (single events) or `aggregate` (aggregated counts). */
export type EventKind = "usage" | "aggregate";

/** The defaults a client fills into every event. */
export interface EventDefaults {
  source: EventSource;
  productId?: string | undefined;
  environment?: string | undefined;
}
