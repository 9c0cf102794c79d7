import { redactSecretsDeep } from "../redact/redact-secrets-deep.js";
import type { Logger } from "./logger.js";

/**
 * Wraps a logger so that every string in every entry (message and data, however deep) has the given secrets
 * replaced by `[REDACTED]`. `secrets` is called per entry, so it can return values learnt later (e.g. cookies).
 */
export function redactingLogger(logger: Logger, secrets: () => Iterable<string | undefined>): Logger {
  return (entry) => logger(redactSecretsDeep(entry, secrets()));
}
