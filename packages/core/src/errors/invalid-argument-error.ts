import { SdkError } from "./sdk-error.js";

/** One broken rule of an argument, e.g. `{ path: "payload.event_at", rule: "must be an integer" }`. */
export interface ArgumentIssue {
  /** Dotted path of the field, e.g. `payload.ip_addr` (empty for the whole value). */
  path: string;
  /** The rule it breaks, in words. */
  rule: string;
}

/**
 * An argument failed validation before any request was sent. The message names every field and its rule.
 */
export class InvalidArgumentError extends SdkError {
  readonly issues: readonly ArgumentIssue[];

  constructor(subject: string, issues: readonly ArgumentIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path || "(value)"}: ${issue.rule}`);
    super(`Invalid ${subject}:\n${lines.join("\n")}`);
    this.issues = issues;
  }
}
