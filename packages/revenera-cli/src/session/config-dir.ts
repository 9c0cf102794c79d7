import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The folder holding the session file: `--config-dir`, else `REVENERA_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/revenera`, else `~/.config/revenera`.
 */
export function configDir(flag: string | undefined, env: Record<string, string | undefined>): string {
  if (flag) {
    return flag;
  }
  if (env.REVENERA_CONFIG_DIR) {
    return env.REVENERA_CONFIG_DIR;
  }
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "revenera");
}
