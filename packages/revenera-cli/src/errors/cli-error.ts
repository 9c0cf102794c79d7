import type { ExitCodeValue } from "../exit-codes.js";

/** An error meant for the user: its message is printed as is, and the process exits with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  /** A hint printed after the message, e.g. the command that fixes the problem. */
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCodeValue, options?: { hint?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "CliError";
    this.exitCode = exitCode;
    this.hint = options?.hint;
  }
}
