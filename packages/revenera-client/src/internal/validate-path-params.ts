import { type ArgumentIssue, InvalidArgumentError } from "@org/sdk-core";

const PLACEHOLDER = /\{([^{}]+)\}/g;
/** Rules for named path parameters beyond "present and safe". */
const FORMATS: Record<string, { pattern: RegExp; rule: string }> = {
  product_id: { pattern: /^[0-9]+$/, rule: "must be the product's numeric id (digits only)" },
};

/**
 * Checks the path parameters of one call before anything is sent: every `{name}` of the template must be given
 * as a non-empty string or finite number, must not be `.` or `..` or contain `/` (it would change the path), and
 * must match its format (`product_id`: digits). Throws {@link InvalidArgumentError} naming each broken rule.
 */
export function validatePathParams(template: string, params: Record<string, unknown> | undefined): void {
  const issues: ArgumentIssue[] = [];
  for (const [, name = ""] of template.matchAll(PLACEHOLDER)) {
    const path = `params.path.${name}`;
    const value = params?.[name];
    if (value === undefined || value === null) {
      issues.push({ path, rule: "is required" });
      continue;
    }
    if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
      issues.push({ path, rule: `must be a string, got ${typeof value}` });
      continue;
    }
    const text = String(value);
    if (text.trim() === "") {
      issues.push({ path, rule: "must not be empty" });
    } else if (text === "." || text === ".." || /[/\\]/.test(text)) {
      issues.push({ path, rule: "must not be '.', '..' or contain a slash" });
    } else {
      const format = FORMATS[name];
      if (format && !format.pattern.test(text)) {
        issues.push({ path, rule: format.rule });
      }
    }
  }
  if (issues.length > 0) {
    throw new InvalidArgumentError(`path parameters of ${template}`, issues);
  }
}
