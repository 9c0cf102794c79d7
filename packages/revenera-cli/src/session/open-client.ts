import { createReveneraClient, type ReveneraClient } from "@org/revenera-client";
import type { Context } from "../context.js";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { readSession, type StoredSession, writeSession } from "./session-file.js";

/**
 * Runs `work` with a client on the stored session, then stores the session again (it may have been renewed).
 *
 * The session ends on the server after a while. When `REVENERA_USERNAME`/`REVENERA_PASSWORD` are set, the client
 * logs in again on the first 401 and replays the call, and the renewed session is saved: renewal is transparent.
 * Without them the command fails with exit code 3 and asks for `revenera login`.
 */
export async function withClient<T>(ctx: Context, work: (rui: ReveneraClient) => Promise<T>): Promise<T> {
  const stored = await readSession(ctx.configDir);
  const usable = stored && (!ctx.baseUrl || sameUrl(stored.session.baseUrl, ctx.baseUrl)) ? stored : undefined;
  const envUser = ctx.env.REVENERA_USERNAME;
  const password = ctx.env.REVENERA_PASSWORD;
  if (!usable && !(envUser && password)) {
    throw new CliError(
      stored ? `The stored session is for ${stored.session.baseUrl}, not ${ctx.baseUrl}.` : "Not logged in.",
      ExitCode.auth,
      { hint: "Run `revenera login` first (or set REVENERA_USERNAME and REVENERA_PASSWORD)." },
    );
  }
  const sameUser = usable && (!envUser || envUser === usable.session.userName);
  const rui = createReveneraClient({
    ...(usable ? { session: usable.session, userName: usable.session.userName } : { userName: envUser }),
    ...(password && (sameUser || !usable) ? { password } : {}),
    ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : usable ? { baseUrl: usable.session.baseUrl } : {}),
    logger: ctx.logger,
    env: ctx.env,
  });
  const result = await work(rui);
  await saveSession(ctx, rui, usable);
  return result;
}

async function saveSession(ctx: Context, rui: ReveneraClient, previous: StoredSession | undefined): Promise<void> {
  const session = await rui.exportSession().catch(() => undefined);
  if (!session) {
    return;
  }
  await writeSession(ctx.configDir, {
    session,
    products: previous?.products ?? {},
    loggedInAt: previous?.loggedInAt ?? new Date().toISOString(),
  });
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}
