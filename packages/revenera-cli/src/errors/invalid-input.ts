import type { ArgumentIssue } from "@org/sdk-core";
import { ExitCode } from "../exit-codes.js";
import { CliError } from "./cli-error.js";

/** Throws a usage error naming every field and the rule it breaks, when there are issues. */
export function assertNoIssues(subject: string, issues: readonly ArgumentIssue[]): void {
  if (issues.length > 0) {
    const lines = issues.map((issue) => `  - ${issue.path || "(request)"}: ${issue.rule}`);
    throw new CliError(`Invalid ${subject} (nothing was sent):\n${lines.join("\n")}`, ExitCode.usage);
  }
}

/** Checks a product id: digits only, as the dashboard shows it. */
export function checkProductId(product: string): void {
  assertNoIssues(
    "product",
    /^[0-9]+$/.test(product) ? [] : [{ path: "<product>", rule: `must be the numeric product id, got "${product}"` }],
  );
}
