/** One thing the SDK did, already redacted. */
export interface LogEntry {
  level: "debug" | "info" | "warn" | "error";
  /** Short event name, e.g. `request`, `response`, `retry`, `login`. */
  event: string;
  message: string;
  /** Structured details (method, path, status, attempt, durationMs, requestId, …). Never holds secrets. */
  data?: Record<string, unknown>;
}

/** A logger hook: receives every {@link LogEntry}. Wire it to console, pino, winston, … */
export type Logger = (entry: LogEntry) => void;

/** A logger that drops everything. */
export const silentLogger: Logger = () => {};
