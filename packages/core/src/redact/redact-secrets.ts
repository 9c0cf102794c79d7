import { REDACTED } from "./redact-headers.js";

/**
 * Replaces every occurrence of the given secret values (passwords, cookie values, API keys) in a text. Values
 * shorter than 4 characters are ignored: replacing them would shred ordinary words.
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) {
      result = result.split(secret).join(REDACTED);
    }
  }
  return result;
}
