import type { Context } from "../context.js";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { readSession, sessionPath } from "../session/session-file.js";

/** Prints who the stored session belongs to, where, and since when (no request is sent). */
export async function whoami(ctx: Context, options: { format: string }): Promise<void> {
  const stored = await readSession(ctx.configDir);
  if (!stored) {
    throw new CliError("Not logged in.", ExitCode.auth, { hint: "Run `revenera login`." });
  }
  const info = {
    userName: stored.session.userName,
    baseUrl: stored.session.baseUrl,
    loggedInAt: stored.loggedInAt,
    sessionFile: sessionPath(ctx.configDir),
  };
  ctx.stdout.write(
    options.format === "json"
      ? `${JSON.stringify(info, null, 2)}\n`
      : `${info.userName} at ${info.baseUrl} (logged in ${info.loggedInAt})\nSession file: ${info.sessionFile}\n`,
  );
}
