import { createReveneraClient } from "@org/revenera-client";
import type { Context } from "../context.js";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { ask } from "../prompt/ask.js";
import { readStdin } from "../prompt/read-stdin.js";
import { sessionPath, writeSession } from "../session/session-file.js";

/** Options of `revenera login`. */
export interface LoginOptions {
  user?: string;
  passwordStdin?: boolean;
}

/**
 * Logs in (user from `--user`, `REVENERA_USERNAME` or a prompt; password from `--password-stdin`,
 * `REVENERA_PASSWORD` or a hidden prompt) and stores the session, never the password.
 */
export async function login(ctx: Context, options: LoginOptions): Promise<void> {
  const userName = options.user ?? ctx.env.REVENERA_USERNAME ?? (await prompt("User name: ", false));
  const password = options.passwordStdin
    ? await readStdin()
    : (ctx.env.REVENERA_PASSWORD ?? (await prompt("Password: ", true)));
  if (!userName.trim()) {
    throw new CliError("Invalid --user: must not be empty.", ExitCode.usage);
  }
  if (!password) {
    throw new CliError("Invalid password: must not be empty.", ExitCode.usage);
  }
  const rui = createReveneraClient({
    userName,
    password,
    ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : {}),
    logger: ctx.logger,
    env: ctx.env,
  });
  const answer = await rui.login({ signal: ctx.signal });
  const session = await rui.exportSession();
  await writeSession(ctx.configDir, {
    session,
    products: (answer.products as Record<string, unknown> | undefined) ?? {},
    loggedInAt: new Date().toISOString(),
  });
  ctx.stdout.write(`Logged in as ${userName} at ${session.baseUrl}.\nSession saved to ${sessionPath(ctx.configDir)}\n`);
}

async function prompt(question: string, hidden: boolean): Promise<string> {
  try {
    return await ask(question, { hidden });
  } catch {
    const what = hidden ? "password" : "user name";
    throw new CliError(`No ${what}: stdin is not a terminal, so there is no prompt.`, ExitCode.usage, {
      hint: hidden
        ? "Set REVENERA_PASSWORD or pipe it with --password-stdin."
        : "Pass --user or set REVENERA_USERNAME.",
    });
  }
}
