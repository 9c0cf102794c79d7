/** Header names whose values are secrets (credentials, cookies, session tokens). */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "api-key",
]);

/** The text that replaces a secret. */
export const REDACTED = "[REDACTED]";

/** A plain copy of the headers with every sensitive value replaced by {@link REDACTED}. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(
    entries.map(([name, value]) => [name, SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
  );
}
