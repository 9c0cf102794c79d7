import type { ArgumentIssue } from "@org/sdk-core";
import type { ValidatorError } from "../generated/validators.js";

const FORMAT_WORDS: Record<string, string> = { ipv4: "an IPv4 address", ipv6: "an IPv6 address" };
const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  object: "an object",
  array: "an array",
  boolean: "a boolean",
};
const EVENT_AT_RULE = "must be UNIX epoch seconds: an integer of at most 10 digits, a string of digits, or a Date";

/**
 * Turns the errors of a compiled spec validator into {@link ArgumentIssue}s that name the field and state the rule
 * in words. `anyOf` alternatives become one rule ("must be an IPv4 address or an IPv6 address", "is required when
 * source is TELEMETRY unless domain is given"); unknown fields point to `meta`.
 *
 * @param errors - the validator's `errors`
 * @param event - the value that was validated (to name the value a condition depends on)
 * @param knownFields - the fields the schema declares: "unevaluated" errors on them only echo another error
 */
export function issuesFromValidator(
  errors: readonly ValidatorError[],
  event: Record<string, unknown>,
  knownFields: readonly string[],
): ArgumentIssue[] {
  const groups = errors.filter((error) => error.keyword === "anyOf");
  const inGroup = (error: ValidatorError) =>
    groups.some((group) => error !== group && error.schemaPath.startsWith(`${group.schemaPath}/`));
  const issues: ArgumentIssue[] = [];
  for (const error of errors) {
    if (error.keyword === "anyOf") {
      issues.push(...anyOfIssues(error, errors, event));
    } else if (!inGroup(error)) {
      issues.push(...simpleIssues(error, event, knownFields));
    }
  }
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.rule}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function simpleIssues(
  error: ValidatorError,
  event: Record<string, unknown>,
  known: readonly string[],
): ArgumentIssue[] {
  const path = fieldPath(error.instancePath);
  const { params } = error;
  switch (error.keyword) {
    case "required":
      return [{ path: join(path, String(params.missingProperty)), rule: "is required" }];
    case "unevaluatedProperties":
    case "additionalProperties": {
      const field = String(params.unevaluatedProperty ?? params.additionalProperty);
      return known.includes(field)
        ? []
        : [{ path: join(path, field), rule: "is not a field of a Reo event; put custom properties in `meta`" }];
    }
    case "maximum":
      if (path === "event_at") {
        return [
          {
            path,
            rule: `must be UNIX epoch seconds, not milliseconds: ${String(event.event_at)} has more than 10 digits (divide by 1000)`,
          },
        ];
      }
      return [{ path, rule: `must be at most ${String(params.limit)}` }];
    case "minimum":
      return [{ path, rule: `must be at least ${String(params.limit)}` }];
    case "type":
      if (path === "event_at") {
        return [{ path, rule: EVENT_AT_RULE }];
      }
      return [{ path, rule: `must be ${typeWords(params.type)}` }];
    case "pattern":
      return [{ path, rule: path === "event_at" ? EVENT_AT_RULE : `must match the pattern ${String(params.pattern)}` }];
    case "enum":
      return [{ path, rule: `must be one of ${(params.allowedValues as unknown[]).join(", ")}` }];
    case "minLength":
      return [
        {
          path,
          rule: params.limit === 1 ? "must not be empty" : `must have at least ${String(params.limit)} characters`,
        },
      ];
    case "format":
      return [
        { path, rule: `must be ${FORMAT_WORDS[String(params.format)] ?? `in the ${String(params.format)} format`}` },
      ];
    default:
      return [{ path, rule: error.message ?? `breaks the ${error.keyword} rule` }];
  }
}

/**
 * One `anyOf` group. Either every alternative is a format or type of the same field ("must be A or B"), or it is
 * a conditional rule: alternatives of the form `source: not TELEMETRY` give the condition, `required` ones the
 * fields, and the first missing field is the one named.
 */
function anyOfIssues(group: ValidatorError, errors: readonly ValidatorError[], event: Record<string, unknown>) {
  const prefix = `${group.schemaPath}/`;
  const branches = new Map<string, ValidatorError[]>();
  for (const error of errors) {
    if (error.schemaPath.startsWith(prefix)) {
      const branch = error.schemaPath.slice(prefix.length).split("/")[0] ?? "";
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
  }
  const children = [...branches.values()].flat();
  const path = fieldPath(group.instancePath);
  if (children.every((error) => error.keyword === "format" || error.keyword === "type")) {
    const words = children.map((error) =>
      error.keyword === "format"
        ? (FORMAT_WORDS[String(error.params.format)] ?? `in the ${String(error.params.format)} format`)
        : typeWords(error.params.type),
    );
    return [{ path, rule: `must be ${words.join(" or ")}` }];
  }

  const conditions: string[] = [];
  const missingSets: string[][] = [];
  for (const branchErrors of branches.values()) {
    const negated = branchErrors.find((error) => error.keyword === "not");
    if (negated) {
      const field = fieldPath(negated.instancePath);
      conditions.push(`when ${field} is ${String(event[field])}`);
      continue;
    }
    const missing = branchErrors
      .filter((error) => error.keyword === "required")
      .map((error) => join(path, String(error.params.missingProperty)));
    if (missing.length > 0) {
      missingSets.push(missing);
    }
  }
  const condition = conditions.length > 0 ? ` ${conditions.join(" and ")}` : "";
  const [first, ...others] = missingSets;
  if (!first) {
    return [{ path, rule: group.message ?? "must match one of the allowed forms" }];
  }
  if (others.length === 0) {
    return first.map((field) => ({ path: field, rule: `is required${condition}` }));
  }
  const alternatives = others.map((set) => set.join(" and ")).join(" or ");
  return [{ path: first.join(", "), rule: `is required${condition} unless ${alternatives} is given` }];
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(",");
  return types.map((name) => TYPE_WORDS[String(name)] ?? String(name)).join(" or ");
}

/** `/meta/plan` → `meta.plan`. */
function fieldPath(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}
