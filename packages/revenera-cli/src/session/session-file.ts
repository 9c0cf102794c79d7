import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReveneraSession } from "@org/revenera-client";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** What `revenera login` stores: the exported session (cookies, never the password) and the login's product list. */
export interface StoredSession {
  session: ReveneraSession;
  /** The `products` member of the login response, for `revenera products`. */
  products: Record<string, unknown>;
  /** When `revenera login` last succeeded (ISO 8601). */
  loggedInAt: string;
}

/** Path of the session file inside the config folder. */
export function sessionPath(dir: string): string {
  return join(dir, "session.json");
}

/** Reads the stored session, or `undefined` when there is none. */
export async function readSession(dir: string): Promise<StoredSession | undefined> {
  let text: string;
  try {
    text = await readFile(sessionPath(dir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
  try {
    const stored = JSON.parse(text) as StoredSession;
    if (stored?.session?.format !== "revenera-session/1") {
      throw new Error("unknown format");
    }
    return stored;
  } catch {
    throw new CliError(`The session file ${sessionPath(dir)} is damaged.`, ExitCode.auth, {
      hint: "Run `revenera login` to replace it.",
    });
  }
}

/**
 * Writes the session file with owner-only permissions: the folder 0700, the file 0600, written to a temporary
 * file first and renamed, so a crash never leaves a half-written session and no other user can read it.
 */
export async function writeSession(dir: string, stored: StoredSession): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = sessionPath(dir);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, target);
}

/** Deletes the session file (no error when there is none). */
export async function deleteSession(dir: string): Promise<void> {
  await rm(sessionPath(dir), { force: true });
}
