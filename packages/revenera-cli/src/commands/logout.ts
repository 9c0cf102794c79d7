import { createReveneraClient } from "@org/revenera-client";
import type { Context } from "../context.js";
import { deleteSession, readSession } from "../session/session-file.js";

/** Ends the stored session on the server (best effort) and deletes the session file. */
export async function logout(ctx: Context): Promise<void> {
  const stored = await readSession(ctx.configDir);
  if (!stored) {
    ctx.stdout.write("Not logged in.\n");
    return;
  }
  try {
    const rui = createReveneraClient({
      session: stored.session,
      userName: stored.session.userName,
      baseUrl: stored.session.baseUrl,
      logger: ctx.logger,
      env: {},
    });
    await rui.logout({ signal: ctx.signal });
  } catch (error) {
    ctx.logger({
      level: "warn",
      event: "logout",
      message: `The server did not confirm the logout (${(error as Error).message}); the local session is deleted anyway`,
    });
  } finally {
    await deleteSession(ctx.configDir);
  }
  ctx.stdout.write(`Logged out ${stored.session.userName}.\n`);
}
