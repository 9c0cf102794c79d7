import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deadPort, type FaultServer, startFaultServer } from "../delivery/fault-server.js";
import { runCli, startCli } from "./run-cli.js";

let dir: string;
let server: FaultServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "reo-ingest-cli-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const line = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    activity_type: "CALL_HOME",
    ip_addr: "203.0.113.7",
    user_agent: `cli/${n}`,
    event_at: 1795000000 + n,
    ...extra,
  });
const readNdjson = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((text) => JSON.parse(text) as Record<string, unknown>);
const fast = ["--retry-delay-ms", "1", "--max-retries", "2", "--json", "--product-id", "cli-test"];

describe("reo-ingest send", () => {
  it("sends valid lines, reports invalid ones by line number, and skips duplicates", async () => {
    server = await startFaultServer();
    const file = join(dir, "events.ndjson");
    writeFileSync(
      file,
      [
        line(1, { event_id: "a" }),
        line(2, { ip_addr: "not-an-ip" }),
        line(3),
        "",
        line(1, { event_id: "a" }),
        "{ broken json",
        line(4, { event_at: 1795000000123 }),
        line(5, { event_id: 77 }),
      ].join("\n"),
    );
    const result = await runCli(["send", file, "--base-url", server.url, ...fast]);

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      lines: 8,
      sent: 3,
      failed: 0,
      invalid: 3,
      skipped: 2,
      duplicates: 1,
      blank: 1,
      exitCode: 1,
    });
    expect([...server.accepted.keys()]).toHaveLength(3);
    expect(server.accepted.has("a") && server.accepted.has("77")).toBe(true);
    const invalid = readNdjson(`${file}.invalid.ndjson`);
    expect(invalid.map((record) => record.line)).toEqual([2, 6, 7]);
    expect(JSON.stringify(invalid)).toContain("ip_addr");
    expect(JSON.stringify(invalid)).toContain("not milliseconds");
  });

  it("reads CSV from stdin, with meta.<key> columns and line numbers counting the header", async () => {
    server = await startFaultServer();
    const csv = [
      "activity_type,domain,user_agent,event_at,meta.command",
      "CALL_HOME,example.com,cli/1,1795000000,init",
      "CALL_HOME,,cli/2,1795000001,build",
      "CALL_HOME,example.org,cli/3,1795000002,",
    ].join("\n");
    const result = await runCli(
      ["send", "-", "--format", "csv", "--base-url", server.url, "--invalid-report", join(dir, "bad.ndjson"), ...fast],
      { stdin: csv },
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ lines: 3, sent: 2, invalid: 1 });
    expect(readNdjson(join(dir, "bad.ndjson"))).toEqual([
      { line: 3, issues: [{ path: "ip_addr", rule: "is required when source is TELEMETRY unless domain is given" }] },
    ]);
    const bodies = [...server.accepted.values()].map((entry) => JSON.parse(entry[0] ?? "{}").payload);
    expect(bodies.find((payload) => payload.domain === "example.com")?.meta).toEqual({ command: "init" });
  });

  it("resumes a killed run without resending what was already confirmed", async () => {
    server = await startFaultServer({ faults: { slow: 1, slowMs: 15 } });
    const file = join(dir, "backfill.ndjson");
    writeFileSync(file, Array.from({ length: 300 }, (_, n) => line(n)).join("\n"));
    const args = ["send", file, "--base-url", server.url, "--concurrency", "2", ...fast];

    const first = startCli(args);
    while (server.accepted.size < 60) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill("SIGKILL");
    expect((await first.done).signal).toBe("SIGKILL");
    const beforeResume = server.accepted.size;

    const second = await runCli(args);
    const summary = JSON.parse(second.stdout);
    expect(second.code).toBe(0);
    expect(summary.resumed).toBeGreaterThanOrEqual(beforeResume - 2);
    expect(summary.sent + summary.resumed).toBe(300);
    expect(server.accepted.size).toBe(300);
    // at most the requests in flight at the kill (the concurrency) reach the server twice, with the same event_id
    const replayed = [...server.accepted.values()].filter((bodies) => bodies.length > 1);
    expect(replayed.length).toBeLessThanOrEqual(2);

    const third = await runCli(args);
    expect(JSON.parse(third.stdout)).toMatchObject({ sent: 0, resumed: 300, exitCode: 0 });
  }, 30_000);

  it("dead-letters every event when the server is down, and says so in the exit code", async () => {
    const file = join(dir, "events.ndjson");
    writeFileSync(file, [line(1), line(2), line(3, { ip_addr: "" })].join("\n"));
    const result = await runCli(["send", file, "--base-url", await deadPort(), ...fast]);

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ lines: 3, sent: 0, failed: 2, invalid: 1 });
    const dead = readNdjson(`${file}.dead-letter.ndjson`);
    expect(dead.map((record) => record.line).sort()).toEqual([1, 2]);
    expect(dead[0]).toMatchObject({ error: { name: "ConnectionError" }, payload: { activity_type: "CALL_HOME" } });
  });

  it("stops at an authentication failure with exit code 3, leaving the lines to a later run", async () => {
    server = await startFaultServer({ apiKey: "right-key" });
    const file = join(dir, "events.ndjson");
    writeFileSync(file, Array.from({ length: 50 }, (_, n) => line(n)).join("\n"));
    const result = await runCli(["send", file, "--base-url", server.url, "--concurrency", "2", ...fast], {
      env: { REO_API_KEY: "wrong-key" },
    });
    expect(result.code).toBe(3);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ sent: 0, failed: 0 });
    expect(summary.stoppedBy).toContain("Authentication Failure");
    expect(result.stdout + result.stderr).not.toContain("wrong-key");
    expect(server.attempts).toBeLessThanOrEqual(2);
  });

  it("explains usage errors with exit code 2", async () => {
    const result = await runCli(["send"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: reo-ingest send <file|->");
  });
});
