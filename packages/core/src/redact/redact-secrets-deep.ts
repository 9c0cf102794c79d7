import { redactSecrets } from "./redact-secrets.js";

/**
 * A deep copy of a JSON-like value in which every string has the given secret values replaced by `[REDACTED]`
 * (see {@link redactSecrets}). Used on error bodies and log entries, where a server may echo a cookie back.
 */
export function redactSecretsDeep<T>(value: T, secrets: Iterable<string | undefined>): T {
  const list = [...secrets].filter((secret): secret is string => typeof secret === "string" && secret.length >= 4);
  return list.length === 0 ? value : (walk(value, list) as T);
}

function walk(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") {
    return redactSecrets(value, secrets);
  }
  if (Array.isArray(value)) {
    return value.map((item) => walk(item, secrets));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner, secrets)]));
  }
  return value;
}
