/** Environment variables that turn the SDK off (any value except empty, `0`, `false` or `no`). */
export const OPT_OUT_VARIABLES = ["DO_NOT_TRACK", "REO_TELEMETRY_DISABLED"] as const;

/**
 * The opt-out variable that is set, if any. `DO_NOT_TRACK` follows the consoledonottrack.com convention; the
 * reading is lenient (`1`, `true`, `yes`, anything but empty, `0`, `false` or `no`).
 */
export function optedOutBy(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return OPT_OUT_VARIABLES.find((name) => {
    const value = env[name]?.trim().toLowerCase();
    return value !== undefined && value !== "" && value !== "0" && value !== "false" && value !== "no";
  });
}

/** `process.env` where there is one (Node, Bun, Deno with Node compatibility); `{}` in browsers and workers. */
export function defaultEnv(): Readonly<Record<string, string | undefined>> {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  try {
    return process?.env ?? {};
  } catch {
    // Deno without --allow-env throws on access
    return {};
  }
}
