import { type Bump, bumpFor, type Change } from "./rules.js";

export interface ReportHeading {
  /** The API's title, e.g. "Reo.Dev Product Usage API". */
  title: string;
  oldVersion: string | undefined;
  newVersion: string | undefined;
}

/**
 * A Markdown report that reads well in a terminal and as a changeset (which becomes the changelog entry), so it has
 * no headings: a summary line, then breaking changes and other changes as lists. The same change reached through
 * several operations (a shared schema) is listed once, with every operation.
 */
export function renderReport(changes: readonly Change[], heading: ReportHeading): string {
  const breaking = groupByWhat(changes.filter((change) => change.breaking));
  const notBreaking = groupByWhat(changes.filter((change) => !change.breaking));
  const versions =
    heading.oldVersion === heading.newVersion ? "" : ` (info.version ${heading.oldVersion} → ${heading.newVersion})`;
  const summary = summarize(breaking.length + notBreaking.length, breaking.length, bumpFor(changes));
  const lines = [`${heading.title}: spec update${versions}. ${summary}`];
  const sections: [string, ChangeGroup[]][] = [
    ["Breaking for client users", breaking],
    ["Not breaking", notBreaking],
  ];
  for (const [label, groups] of sections) {
    if (groups.length > 0) {
      lines.push("", `**${label}**`, "", ...groups.map(renderGroup));
    }
  }
  return `${lines.join("\n")}\n`;
}

function summarize(total: number, breaking: number, bump: Bump): string {
  if (total === 0) {
    return "No change to operations, requests, responses or security (release: patch).";
  }
  const changeWord = total === 1 ? "change" : "changes";
  return `${total} ${changeWord}, ${breaking} breaking (release: ${bump}).`;
}

interface ChangeGroup {
  subject: string;
  message: string;
  operations: (string | undefined)[];
}

function groupByWhat(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const id = `${change.kind}\u0000${change.subject}\u0000${change.message}`;
    const group = groups.get(id) ?? { subject: change.subject, message: change.message, operations: [] };
    group.operations.push(change.operation);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** More operations than this are summed up: a shared schema can reach every operation of an API. */
const OPERATIONS_LISTED = 5;

function renderGroup({ subject, message, operations }: ChangeGroup): string {
  const named = operations.filter((operation) => operation !== undefined).map((operation) => `\`${operation}\``);
  const where =
    named.length > OPERATIONS_LISTED
      ? [...named.slice(0, OPERATIONS_LISTED - 1), `and ${named.length - OPERATIONS_LISTED + 1} more operations`]
      : named;
  const what = subject ? `${subject}: ${message}` : message;
  return where.length > 0 ? `- ${what} — ${where.join(", ")}` : `- ${what}`;
}
