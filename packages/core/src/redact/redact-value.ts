import { REDACTED } from "./redact-headers.js";

const SENSITIVE_KEY = /pass(word)?|secret|token|api[-_]?key|cookie|authorization|session/i;

/**
 * A deep copy of a JSON-like value in which every property whose name looks secret (`password`, `apiKey`,
 * `sessionToken`, …) is replaced by {@link REDACTED}. Used on request bodies before they reach logs or errors.
 */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactValue);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SENSITIVE_KEY.test(key) ? REDACTED : redactValue(inner)]),
    );
  }
  return value;
}
