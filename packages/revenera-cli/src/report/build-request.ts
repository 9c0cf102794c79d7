import type { ArgumentIssue } from "@org/sdk-core";
import type { ReportKind } from "./kinds.js";
import { requestFields } from "./request-schema.js";

/** The request flags of `revenera report`. */
export interface ReportFlags {
  from?: string;
  to?: string;
  split?: string;
  status?: string;
  filter?: string[];
  segmentBy?: string;
  limit?: string;
  event?: string[];
  daysUntilLost?: string;
  lostDate?: string;
}

/**
 * Builds a request body: the request file's content (if any), overridden by flags, completed with the kind's
 * defaults for required fields. Only fields the operation accepts are set from flags. Flag syntax errors are
 * returned as issues (nothing is sent); the result is validated against the spec afterwards.
 */
export function buildRequest(
  kind: ReportKind,
  flags: ReportFlags,
  base: Record<string, unknown> = {},
): { body: Record<string, unknown>; issues: ArgumentIssue[] } {
  const accepts = new Set(requestFields(kind.operationId));
  const issues: ArgumentIssue[] = [];
  const set: Record<string, unknown> = {};
  const put = (field: string, value: unknown, flag: string) => {
    if (accepts.has(field)) {
      set[field] = value;
    } else {
      issues.push({ path: `--${flag}`, rule: `is not used by the ${kind.name} report` });
    }
  };
  if (flags.from !== undefined) {
    put("startDate", flags.from, "from");
  }
  if (flags.to !== undefined) {
    put("stopDate", flags.to, "to");
  }
  if (flags.split !== undefined) {
    put("dateSplit", flags.split === "none" ? null : flags.split, "split");
  }
  if (flags.status !== undefined) {
    put("clientStatus", splitList(flags.status), "status");
  }
  if (flags.filter?.length) {
    put("globalFilters", parseFilters(flags.filter, issues), "filter");
  }
  if (flags.event?.length) {
    put("events", parseEvents(flags.event, issues), "event");
  }
  if (flags.daysUntilLost !== undefined) {
    put("daysUntilDeclaredLost", parseInteger(flags.daysUntilLost, "--days-until-lost", issues), "days-until-lost");
  }
  if (flags.lostDate !== undefined) {
    put("dateReportedLost", flags.lostDate, "lost-date");
  }
  const limit = flags.limit === undefined ? undefined : parseInteger(flags.limit, "--limit", issues);
  if (flags.segmentBy !== undefined) {
    const segments = [{ type: "regex", value: ".*", split: true, ...(limit === undefined ? {} : { limit }) }];
    if (accepts.has("levels")) {
      set.levels = { level1: { property: flags.segmentBy, segments } };
    } else {
      put("segmentBy", flags.segmentBy, "segment-by");
    }
  } else if (limit !== undefined) {
    issues.push({ path: "--limit", rule: "needs --segment-by" });
  }
  const body: Record<string, unknown> = { ...base, ...set };
  for (const [field, value] of Object.entries(kind.defaults)) {
    if (!(field in body)) {
      body[field] = value;
    }
  }
  return { body, issues };
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseInteger(value: string, flag: string, issues: ArgumentIssue[]): number | undefined {
  if (!/^\d+$/.test(value)) {
    issues.push({ path: flag, rule: `must be a whole number, got "${value}"` });
    return undefined;
  }
  return Number(value);
}

/** `prop=value` (exact), `prop~regex` (regular expression), `prop=a,b` (any of the values). */
function parseFilters(filters: string[], issues: ArgumentIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const filter of filters) {
    const match = /^([^=~]+)([=~])(.*)$/.exec(filter);
    if (!match?.[1] || match[3] === undefined || match[3] === "") {
      issues.push({ path: "--filter", rule: `must look like property=value or property~regex, got "${filter}"` });
      continue;
    }
    const [, property, operator, value] = match;
    const values = splitList(value);
    out[property.trim()] =
      operator === "~"
        ? { type: "regex", value }
        : values.length > 1
          ? { type: "stringArray", value: values }
          : { type: "string", value };
  }
  return out;
}

/** `category/name` (a category may be empty: `/name`). */
function parseEvents(events: string[], issues: ArgumentIssue[]): unknown[] {
  return events.flatMap((event) => {
    const slash = event.indexOf("/");
    if (slash < 0 || slash === event.length - 1) {
      issues.push({ path: "--event", rule: `must look like category/name, got "${event}"` });
      return [];
    }
    return [{ category: event.slice(0, slash), name: event.slice(slash + 1) }];
  });
}
