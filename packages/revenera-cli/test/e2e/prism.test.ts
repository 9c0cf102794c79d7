import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { specExamples, specPath } from "@org/test-utils";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { stringify } from "yaml";
import { REPORT_KINDS } from "../../src/index.js";
import { runCli, tempDir } from "../support/run-cli.js";

const PRODUCT = "1234567890";
const examples = specExamples(specPath.revenera);
const config = tempDir();
const env = () => ({ REVENERA_CONFIG_DIR: config, REVENERA_BASE_URL: inject("prismUrl") });
const PASSWORD = "helloTest-not-stored";

describe("against the Prism mock", () => {
  beforeAll(async () => {
    const login = await runCli(["login", "--user", "test@test.com"], { ...env(), REVENERA_PASSWORD: PASSWORD });
    expect(login.stderr).toBe("");
    expect(login.code).toBe(0);
  });

  it("stores the session owner-only, without the password, and whoami reads it", async () => {
    const file = join(config, "session.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(config).mode & 0o777).toBe(0o700);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain("RUI-Session-Token");
    const whoami = await runCli(["whoami", "--format", "json"], env());
    expect(JSON.parse(whoami.stdout)).toMatchObject({ userName: "test@test.com", sessionFile: file });
  });

  it("lists properties as a table", async () => {
    const { code, stdout } = await runCli(["properties", PRODUCT], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^name\s+friendlyName/);
    expect(stdout).toContain("Subscription Plan");
  });

  it("prints a date-range report as a table, CSV and JSON", async () => {
    const args = ["report", "date-range", PRODUCT, "--from", "2026-03-01", "--to", "2026-03-03"];
    const table = await runCli(args, env());
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^date\s+new\s+active$/);
    expect(table.stdout).toMatch(/2026-03-01\s+12\s+340/);
    const csv = await runCli([...args, "--format", "csv"], env());
    expect(csv.stdout).toBe("date,new,active\n2026-03-01,12,340\n2026-03-02,9,352\n2026-03-03,15,347\n");
    const json = await runCli([...args, "--format", "json"], env());
    expect(JSON.parse(json.stdout).result["2026-03-02"]).toEqual({ new: 9, active: 352 });
  });

  it.concurrent.each(REPORT_KINDS.map((kind) => [kind.name, kind.operationId]))(
    "runs the %s report from the spec's request example (YAML file)",
    async (name, operationId) => {
      const example = Object.values(examples[operationId]?.request ?? {})[0];
      const file = join(tempDir(), "request.yaml");
      writeFileSync(file, stringify(example));
      const { code, stdout, stderr } = await runCli(
        ["report", name, PRODUCT, "--request", file, "--format", "csv"],
        env(),
      );
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout.split("\n").length).toBeGreaterThan(2);
    },
  );

  it("logs out and forgets the session", async () => {
    const dir = tempDir();
    const login = await runCli(["login", "--user", "test@test.com"], {
      ...env(),
      REVENERA_CONFIG_DIR: dir,
      REVENERA_PASSWORD: PASSWORD,
    });
    expect(login.code).toBe(0);
    const logout = await runCli(["logout"], { ...env(), REVENERA_CONFIG_DIR: dir });
    expect(logout).toMatchObject({ code: 0, stdout: "Logged out test@test.com.\n" });
    const after = await runCli(["properties", PRODUCT], { ...env(), REVENERA_CONFIG_DIR: dir });
    expect(after.code).toBe(3);
    expect(after.stderr).toContain("Not logged in.");
  });
});

describe("bad input fails before any request, naming the field and the rule", () => {
  it.concurrent.each([
    [
      ["report", "date-range", PRODUCT, "--from", "2026-13-45", "--to", "2026-03-31"],
      'startDate: must match format "date"',
    ],
    [
      ["report", "date-range", PRODUCT, "--from", "2026-03-01", "--to", "2026-03-31", "--split", "hour"],
      "dateSplit: must be one of",
    ],
    [["report", "date-range", PRODUCT, "--from", "2026-03-01"], "stopDate: is required"],
    [
      ["report", "churn-days", PRODUCT, "--from", "2026-03-01", "--to", "2026-03-31", "--event", "File/Open"],
      "--event: is not used by the churn-days report",
    ],
    [
      ["report", "date-range", "ACME", "--from", "2026-03-01", "--to", "2026-03-31"],
      "<product>: must be the numeric product id",
    ],
    [["report", "weather", PRODUCT], "<kind>: must be one of date-range, current"],
    [["export", "raw-events", PRODUCT, "--from", "March"], "--from: must be a date YYYY-MM-DD"],
  ])("%j", async (args, message) => {
    // No session and an unreachable API: any request would fail differently (exit 3 or 5).
    const { code, stderr } = await runCli(args, {
      REVENERA_CONFIG_DIR: tempDir(),
      REVENERA_BASE_URL: "http://127.0.0.1:9",
    });
    expect(stderr).toContain(message);
    expect(stderr).toContain("nothing was sent");
    expect(code).toBe(2);
  });

  it("rejects an unknown flag with exit code 2 and the help hint", async () => {
    const { code, stderr } = await runCli(["report", "date-range", PRODUCT, "--colour"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--colour'");
  });

  it("shows examples in every command's help", async () => {
    for (const command of ["login", "logout", "whoami", "products", "properties", "report", "export"]) {
      const { code, stdout } = await runCli([command, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain("Example");
    }
  });
});
