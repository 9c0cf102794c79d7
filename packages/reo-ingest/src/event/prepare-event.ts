import { InvalidArgumentError } from "@org/sdk-core";
import {
  aggregatedUsageEventFields,
  usageEventFields,
  validateAggregatedUsageEvent,
  validateUsageEvent,
} from "../generated/validators.js";
import { issuesFromValidator } from "./issues-from-validator.js";
import { normalizeEvent } from "./normalize-event.js";
import type { EventDefaults, EventKind } from "./types.js";

/** An event that passed validation, serialised once: the queue keeps this, not the caller's object. */
export interface PreparedEvent {
  kind: EventKind;
  eventId: string;
  /** The JSON request body, `{"payload": {...}}`. Retries send these exact bytes. */
  body: string;
}

const validators = {
  usage: { validate: validateUsageEvent, fields: usageEventFields, subject: "Reo event" },
  aggregate: {
    validate: validateAggregatedUsageEvent,
    fields: aggregatedUsageEventFields,
    subject: "Reo aggregated event",
  },
} as const;

/**
 * Normalises an event, validates it against the spec's schema (compiled at generate time) and serialises it.
 *
 * @throws {@link InvalidArgumentError} listing every problem with its field and rule; nothing is sent then.
 */
export function prepareEvent(
  kind: EventKind,
  input: unknown,
  defaults: EventDefaults,
  now?: () => number,
): PreparedEvent {
  const { validate, fields, subject } = validators[kind];
  const { event, issues } = normalizeEvent(input, defaults, now);
  if (!validate(event)) {
    const flagged = new Set(issues.map((issue) => issue.path));
    const schemaIssues = issuesFromValidator(validate.errors ?? [], event, fields);
    issues.push(...schemaIssues.filter((issue) => !flagged.has(issue.path)));
  }
  if (issues.length === 0) {
    try {
      return { kind, eventId: String(event.event_id), body: JSON.stringify({ payload: event }) };
    } catch (error) {
      issues.push({
        path: "meta",
        rule: `must be plain JSON (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  throw new InvalidArgumentError(subject, issues);
}
