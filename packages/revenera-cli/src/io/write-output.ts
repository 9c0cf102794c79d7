import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Context } from "../context.js";

/** Writes a command's result to `--output` (creating its folder) or to stdout; returns the file path, if any. */
export async function writeOutput(ctx: Context, text: string, output: string | undefined): Promise<string | undefined> {
  if (!output || output === "-") {
    ctx.stdout.write(text);
    return undefined;
  }
  const path = resolve(output);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}
