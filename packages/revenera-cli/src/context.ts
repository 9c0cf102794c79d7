import type { Logger } from "@org/sdk-core";

/** Everything a command needs from its surroundings; tests and the bin build one each. */
export interface Context {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Folder of the session file. */
  configDir: string;
  /** `--base-url`, when given. */
  baseUrl: string | undefined;
  /** Redacted log entries from the CLI and the client (human lines, or NDJSON with `--json`). */
  logger: Logger;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}
