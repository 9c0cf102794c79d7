import {
  AbortedError,
  ApiError,
  AuthenticationError,
  ConnectionError,
  InvalidArgumentError,
  SdkError,
} from "@org/sdk-core";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import { CliError } from "./cli-error.js";

/** What the CLI prints and returns for an error. */
export interface ErrorReport {
  exitCode: ExitCodeValue;
  message: string;
  hint?: string | undefined;
}

/** Maps any thrown value to an exit code and a message for the user (SDK messages are already redacted). */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof CliError) {
    return { exitCode: error.exitCode, message: error.message, hint: error.hint };
  }
  if (SdkError.isInstance(error)) {
    if (error instanceof InvalidArgumentError) {
      return { exitCode: ExitCode.usage, message: error.message };
    }
    if (error instanceof AuthenticationError) {
      return {
        exitCode: ExitCode.auth,
        message: `Not authorised: ${error.message}`,
        hint: "Run `revenera login` (or set REVENERA_USERNAME and REVENERA_PASSWORD to renew sessions automatically).",
      };
    }
    if (error instanceof ApiError) {
      return { exitCode: error.status >= 500 ? ExitCode.unavailable : ExitCode.api, message: error.message };
    }
    if (error instanceof AbortedError) {
      return { exitCode: ExitCode.interrupted, message: error.message };
    }
    if (error instanceof ConnectionError) {
      return { exitCode: ExitCode.unavailable, message: error.message };
    }
    return { exitCode: ExitCode.failure, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.failure, message: `Unexpected error: ${message}` };
}
