import type { ArgumentIssue } from "@org/sdk-core";
import { newEventId } from "./new-event-id.js";
import type { EventDefaults } from "./types.js";

/** Optional text fields, where `""` means "absent" (the vendor's own samples send `"user_id": ""`). */
const OPTIONAL_TEXT = new Set(["environment", "user_id", "user_id_type", "ip_addr", "domain", "user_agent"]);

/** The result of {@link normalizeEvent}: the event in the form the SDK sends, and problems the schema cannot see. */
export interface NormalizedEvent {
  event: Record<string, unknown>;
  issues: ArgumentIssue[];
}

/**
 * Fills the client's defaults into an event and converts the accepted input forms into the one the SDK sends:
 * `event_id` a string (a new UUIDv7 when absent), `event_at` integer epoch seconds (now when absent; from a
 * `Date` or a string of digits). Absent values (`undefined`, `null`, `""` in optional text fields) are left out.
 * The spec's schema checks everything else afterwards.
 */
export function normalizeEvent(input: unknown, defaults: EventDefaults, now: () => number = Date.now): NormalizedEvent {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { event: {}, issues: [{ path: "", rule: "must be an object with the event's fields" }] };
  }
  const issues: ArgumentIssue[] = [];
  const event: Record<string, unknown> = {};
  const fields = input as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined || value === null || (value === "" && OPTIONAL_TEXT.has(key))) {
      continue;
    }
    event[key] = value;
  }
  event.source ??= defaults.source;
  if (defaults.productId !== undefined) {
    event.product_id ??= defaults.productId;
  }
  if (defaults.environment !== undefined) {
    event.environment ??= defaults.environment;
  }

  const eventId = event.event_id;
  if (eventId === undefined) {
    event.event_id = newEventId();
  } else if (typeof eventId === "number" && Number.isSafeInteger(eventId) && eventId >= 0) {
    event.event_id = String(eventId);
  }

  const eventAt = event.event_at;
  if (eventAt === undefined) {
    event.event_at = Math.floor(now() / 1000);
  } else if (eventAt instanceof Date) {
    const ms = eventAt.getTime();
    if (Number.isNaN(ms)) {
      issues.push({ path: "event_at", rule: "must be a valid Date (got an Invalid Date)" });
    } else {
      event.event_at = Math.floor(ms / 1000);
    }
  } else if (typeof eventAt === "string" && /^[0-9]{1,15}$/.test(eventAt)) {
    event.event_at = Number(eventAt);
  }

  const meta = event.meta;
  if (typeof meta === "object" && meta !== null && !Array.isArray(meta) && !isPlainObject(meta)) {
    issues.push({ path: "meta", rule: "must be a plain JSON object (not a class instance such as a Map or Date)" });
  }
  return { event, issues };
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
