import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ReveneraTestServer, startReveneraTestServer, TEST_PASSWORD, TEST_USER } from "@org/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";

const PRODUCT = "1234567890";
const REPORT = ["report", "date-range", PRODUCT, "--from", "2026-03-01", "--to", "2026-03-02", "--format", "csv"];
let server: ReveneraTestServer;
const config = tempDir();
const outputs: string[] = [];

async function cli(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(args, { REVENERA_CONFIG_DIR: config, REVENERA_BASE_URL: server.url, ...env });
  outputs.push(run.stdout, run.stderr);
  return run;
}

describe("session reuse and renewal (stateful test server)", () => {
  beforeAll(async () => {
    server = await startReveneraTestServer();
    server.route(`POST /v3/reporting/generic/dateRange/${PRODUCT}`, () => ({
      status: 200,
      json: { result: { "2026-03-01": { new: 1, active: 10 }, "2026-03-02": { new: 2, active: 11 } } },
    }));
  });
  afterAll(() => server.close());

  it("logs in once, then reuses the stored session without credentials", async () => {
    expect((await cli(["login", "--user", TEST_USER], { REVENERA_PASSWORD: TEST_PASSWORD })).code).toBe(0);
    const report = await cli(REPORT);
    expect(report).toMatchObject({ code: 0, stdout: "date,new,active\n2026-03-01,1,10\n2026-03-02,2,11\n" });
    expect(server.logins()).toBe(1);
    const products = await cli(["products", "--format", "csv"]);
    expect(products.stdout).toBe("id\n1234567890\n");
  });

  it("after the session expires, fails with exit code 3 when it cannot renew", async () => {
    server.expireSessions();
    const report = await cli(REPORT);
    expect(report.code).toBe(3);
    expect(report.stderr).toContain("HTTP 401");
    expect(report.stderr).toContain("hint: Run `revenera login`");
  });

  it("renews the expired session transparently with credentials from the environment, and stores it", async () => {
    const renewed = await cli(REPORT, { REVENERA_USERNAME: TEST_USER, REVENERA_PASSWORD: TEST_PASSWORD });
    expect(renewed.code).toBe(0);
    expect(renewed.stdout).toContain("2026-03-02,2,11");
    expect(server.logins()).toBe(2);
    // The renewed session was saved: the next command needs no credentials and no login.
    expect((await cli(REPORT)).code).toBe(0);
    expect(server.logins()).toBe(2);
  });

  it("never prints or stores the password or a cookie value", () => {
    const stored = readFileSync(join(config, "session.json"), "utf8");
    expect(stored).not.toContain(TEST_PASSWORD);
    for (const text of outputs) {
      expect(text).not.toContain(TEST_PASSWORD);
      for (const secret of server.issuedSecrets()) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
