import type { LogEntry, Logger } from "@org/sdk-core";

/**
 * The CLI's logger, on stderr: with `json`, every entry as one JSON line (for machines); otherwise warnings and
 * errors as text, plus info and debug with `verbose`. Entries come already redacted from the client.
 */
export function cliLogger(stderr: NodeJS.WritableStream, options: { json: boolean; verbose: boolean }): Logger {
  return (entry: LogEntry) => {
    if (options.json) {
      stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
      return;
    }
    if (entry.level === "warn" || entry.level === "error" || options.verbose) {
      stderr.write(`${entry.level === "warn" ? "warning" : entry.level}: ${entry.message}\n`);
    }
  };
}
