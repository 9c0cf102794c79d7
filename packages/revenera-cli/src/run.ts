import { CommanderError } from "commander";
import type { Context } from "./context.js";
import { describeError } from "./errors/describe-error.js";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";
import { buildProgram } from "./program.js";

/** Where `run` reads and writes; defaults to the process's. */
export type RunIo = Partial<Pick<Context, "stdout" | "stderr" | "env" | "signal">>;

/**
 * Runs the `revenera` command line with `argv` (without `node` and the script) and resolves with the exit code.
 * Errors are printed on stderr (as a JSON line with `--json`); nothing is thrown.
 */
export async function run(argv: string[], io: RunIo = {}, version = "0.0.0"): Promise<ExitCodeValue> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const program = buildProgram(
    { stdout, stderr, env: io.env ?? process.env, signal: io.signal ?? new AbortController().signal },
    version,
  );
  try {
    await program.parseAsync(argv, { from: "user" });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const report = describeError(error);
    if (argv.includes("--json")) {
      stderr.write(
        `${JSON.stringify({ level: "error", event: "exit", exitCode: report.exitCode, message: report.message, hint: report.hint })}\n`,
      );
    } else {
      stderr.write(`error: ${report.message}\n${report.hint ? `hint: ${report.hint}\n` : ""}`);
    }
    return report.exitCode;
  }
}
