import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./repo-copy.js";

const cli = path.join(repoRoot, "packages/spec-tools/src/cli.ts");
const reoSpec = path.join(repoRoot, "specs/reo/product-usage-api.yaml");

/** Runs the CLI as `pnpm spec:update` does (tsx), reporting the exit code instead of throwing. */
async function specUpdate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("pnpm", ["exec", "tsx", cli, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

// Dry runs only read the repository, so these run against the real checkout.
describe("spec:update --dry-run", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "spec-tools-cli-"));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it("prints the report and changes nothing", async () => {
    const committed = await readFile(reoSpec, "utf8");
    const source = path.join(directory, "reo-new.yaml");
    await writeFile(source, committed.replace("enum: [success, failure]", "enum: [success, failure, queued]"));

    const { code, stdout } = await specUpdate("reo", source, "--dry-run");

    expect(code).toBe(0);
    expect(stdout).toContain("Lint passed");
    expect(stdout).toContain("(release: major)");
    expect(stdout).toContain("response 200 `status`: enum value `queued` added");
    expect(await readFile(reoSpec, "utf8")).toBe(committed);
  }, 30_000);

  it("stops at lint errors, with CI's rules", async () => {
    const committed = await readFile(reoSpec, "utf8");
    const source = path.join(directory, "reo-no-operation-id.yaml");
    await writeFile(source, committed.replace("      operationId: sendProductUsage\n", ""));

    const { code, stdout } = await specUpdate("reo", source, "--dry-run");

    expect(code).toBe(1);
    expect(stdout).toContain("fails lint");
    expect(stdout).toContain("operation-operationId");
  }, 30_000);

  it("explains its usage when the API is unknown", async () => {
    const { code, stderr } = await specUpdate("stripe", "spec.yaml");
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: pnpm spec:update <revenera|reo>");
  }, 30_000);
});
