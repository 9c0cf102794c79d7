import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateSpec } from "../src/index.js";
import { copyRepo, type RepoCopy } from "./repo-copy.js";

const reoSpec = "specs/reo/product-usage-api.yaml";
const reoGenerated = "packages/reo-ingest/src/generated/schema.ts";

/** The committed Reo spec with `edit` applied, saved next to the copy as the "new document". */
async function editedReoSpec(repo: RepoCopy, name: string, edit: (text: string) => string): Promise<string> {
  const text = repo.committed(reoSpec);
  const edited = edit(text);
  expect(edited).not.toBe(text); // the edit must apply to the committed spec
  const file = path.join(repo.root, "..", name);
  await writeFile(file, edited);
  return file;
}

describe("pnpm spec:update reo on a copy of the repository", () => {
  let repo: RepoCopy;
  beforeEach(async () => {
    repo = await copyRepo();
  }, 60_000);
  afterEach(() => repo?.remove());

  it("reports, writes the spec, regenerates the types and writes a changeset", async () => {
    // What Reo.Dev might publish: a new optional field, and one user id type fewer.
    const source = await editedReoSpec(repo, "reo-new.yaml", (text) =>
      text
        .replace("enum: [EMAIL, SOCIAL, LINKEDIN, GITHUB, USERNAME]", "enum: [EMAIL, LINKEDIN, GITHUB, USERNAME]")
        .replace(
          "        meta:\n          type: object\n",
          "        session_id:\n          type: string\n          description: Groups the events of one session.\n" +
            "        meta:\n          type: object\n",
        ),
    );
    const printed: string[] = [];
    const result = await updateSpec({
      api: "reo",
      source,
      repoRoot: repo.root,
      skipContractTests: true,
      now: new Date("2026-05-04T03:02:01.000Z"),
      print: (text) => printed.push(text),
    });

    expect(result.problems).toEqual([]);
    expect(result.bump).toBe("major");
    expect(result.changes.map(({ kind, subject }) => `${kind} ${subject}`)).toEqual([
      "request-enum-value-removed request body `payload.user_id_type`",
      "request-field-added request body `payload.session_id`",
      "request-enum-value-removed request body `payload.user_id_type`",
      "request-field-added request body `payload.session_id`",
    ]);
    expect(printed).toContain(result.report);

    expect(await readFile(path.join(repo.root, reoSpec), "utf8")).toBe(await readFile(source, "utf8"));
    const generatedDiff = repo.diff(reoGenerated);
    const added = generatedDiff.split("\n").filter((line) => line.startsWith("+") && !line.startsWith("+++"));
    const removed = generatedDiff.split("\n").filter((line) => line.startsWith("-") && !line.startsWith("---"));
    expect(added.join("\n")).toMatch(/session_id\?: string;/);
    expect(removed.join("\n")).toMatch(/"SOCIAL"/);
    expect(added.join("\n")).not.toMatch(/"SOCIAL"/);

    expect(result.changesetFile).toBe(".changeset/spec-update-reo-20260504T030201Z.md");
    const changeset = await readFile(path.join(repo.root, result.changesetFile ?? ""), "utf8");
    expect(changeset).toBe(`---\n"@org/reo-ingest": major\n---\n\n${result.report}`);
    expect(result.report).toContain("request body `payload.user_id_type`: enum value `SOCIAL` removed");
    expect(result.report).toContain("request body `payload.session_id`: optional field added");
  }, 60_000);

  it("runs the contract tests unless told not to, and lists what broke", async () => {
    // A renamed path: the facade's calls and the contract tests still use the old one.
    const source = await editedReoSpec(repo, "reo-renamed.yaml", (text) =>
      text.replace("/api/product/aggregateusage:", "/api/product/aggregate-usage:"),
    );
    const result = await updateSpec({ api: "reo", source, repoRoot: repo.root, print: () => {} });

    expect(result.changes.map((change) => `${change.kind} ${change.operation}`)).toEqual([
      "operation-added POST /api/product/aggregate-usage",
      "operation-removed POST /api/product/aggregateusage",
    ]);
    expect(result.problems.some((problem) => problem.startsWith("contract test: "))).toBe(true);
  }, 90_000);
});
