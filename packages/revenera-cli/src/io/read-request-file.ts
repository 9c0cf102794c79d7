import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** Reads a JSON or YAML request file (YAML is a superset of JSON) and checks that it holds an object. */
export async function readRequestFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`Invalid --request: cannot read ${path} (${(error as Error).message})`, ExitCode.usage);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new CliError(
      `Invalid --request: ${path} is not valid JSON or YAML (${(error as Error).message})`,
      ExitCode.usage,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`Invalid --request: ${path} must hold an object (the request body)`, ExitCode.usage);
  }
  return value as Record<string, unknown>;
}
