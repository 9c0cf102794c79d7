import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  type DownloadHost,
  type ReveneraTestServer,
  startDownloadHost,
  startReveneraTestServer,
  TEST_PASSWORD,
  TEST_USER,
} from "@org/test-utils";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/run-cli.js";
import { sizedCsvZip } from "../support/sized-zip.js";

const PRODUCT = "1234567890";
const DAILY = `${PRODUCT}_cust_2026-03-01.zip`;
const MONTHLY = `${PRODUCT}_cust_2026-02-01_to_2026-02-28.zip`;
let api: ReveneraTestServer;
let host: DownloadHost;
const config = tempDir();
const out = tempDir();
const listing = { dailyFiles: [] as unknown[], monthlyFiles: [] as unknown[], openDailyFiles: [] };

const cli = (args: string[]) => runCli(args, { REVENERA_CONFIG_DIR: config, REVENERA_BASE_URL: api.url });

describe("export (stateful test server and a loopback file host)", () => {
  beforeAll(async () => {
    api = await startReveneraTestServer();
    host = await startDownloadHost();
    api.route(`GET /v3/customEventTracking/listFiles/${PRODUCT}`, () => ({ status: 200, json: listing }));
    api.route(`POST /v3/customEventTracking/getDownloadUrl/${PRODUCT}`, (request) => {
      const { fileName } = JSON.parse(request.body) as { fileName: string };
      return { status: 200, json: { downloadUrl: `${host.url}/files/${fileName}?signature=one-time` } };
    });
    const pages: Record<string, unknown> = {
      first: {
        result: [{ clientId: "A1", prodVersion: "2.1.0" }, { clientId: "A2" }],
        reachedEnd: false,
        nextClientId: "B1",
      },
      B1: { result: [{ clientId: "B1", prodVersion: "2.0.3" }], reachedEnd: true },
    };
    api.route(`POST /v3/reporting/clientPropertyList/${PRODUCT}`, (request) => {
      const { startAtClientId } = JSON.parse(request.body) as { startAtClientId?: string };
      return { status: 200, json: pages[startAtClientId ?? "first"] };
    });
    expect(
      (
        await runCli(["login", "--user", TEST_USER], {
          REVENERA_CONFIG_DIR: config,
          REVENERA_BASE_URL: api.url,
          REVENERA_PASSWORD: TEST_PASSWORD,
        })
      ).code,
    ).toBe(0);
  });
  afterAll(async () => {
    await host.close();
    await api.close();
  });

  it("keeps the partial file when a download is interrupted, and resumes it with a Range request", async () => {
    const body = sizedCsvZip("daily.csv", 40 * 1024);
    host.serve(`/files/${DAILY}`, { body, cutAfter: 15_000 });
    listing.dailyFiles = [{ fileName: DAILY, fileDate: "2026-03-01", compressedSizeKB: 40, uncompressedSizeKB: 40 }];

    const first = await cli(["export", "custom-events", PRODUCT, "--out", out]);
    expect(first.code).toBe(5);
    expect(first.stderr).toContain("was interrupted after 15000 bytes; run the same command again to resume");
    expect(statSync(join(out, `${DAILY}.part`)).size).toBe(15_000);
    expect(existsSync(join(out, DAILY))).toBe(false);

    const second = await cli(["export", "custom-events", PRODUCT, "--out", out, "--ndjson"]);
    expect(second.stderr).toContain(`✓ ${DAILY} (${body.byteLength} bytes, resumed at byte 15000)`);
    expect(second.code).toBe(0);
    expect(host.seen.at(-1)?.headers.range).toBe("bytes=15000-");
    expect(Buffer.compare(readFileSync(join(out, DAILY)), Buffer.from(body))).toBe(0);
    expect(existsSync(join(out, `${DAILY}.part`))).toBe(false);
    const rows = readFileSync(join(out, DAILY.replace(".zip", ".ndjson")), "utf8")
      .trimEnd()
      .split("\n");
    expect(JSON.parse(rows[0] ?? "")).toMatchObject({ clientId: "CLIENT0000", "event.name": "Export PDF" });
  });

  it("skips complete files and rejects a file whose size does not match the listing", async () => {
    host.serve(`/files/${MONTHLY}`, { body: zipSync({ "monthly.csv": strToU8("a,b\n1,2\n") }) });
    listing.monthlyFiles = [
      { fileName: MONTHLY, fileStartDate: "2026-02-01", fileStopDate: "2026-02-28", compressedSizeKB: 2480 },
    ];
    const run = await cli(["export", "custom-events", PRODUCT, "--out", out]);
    expect(run.code).toBe(6);
    expect(run.stderr).toContain(`= ${DAILY} already complete`);
    expect(run.stderr).toMatch(
      new RegExp(`Size check failed for .*${MONTHLY}: \\d+ bytes, but the listing announced 2480 KB`),
    );
    expect(run.stdout).toContain("0 downloaded, 1 already complete, 1 failed verification");
    expect(existsSync(join(out, MONTHLY))).toBe(false);
    expect(existsSync(join(out, `${MONTHLY}.part`))).toBe(false);
  });

  it("downloads only the files in --from/--to", async () => {
    const run = await cli(["export", "custom-events", PRODUCT, "--out", out, "--from", "2026-03-01"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 downloaded, 1 already complete, 0 failed verification");
  });

  it("sends no API cookie or header to the file host", () => {
    expect(host.seen.length).toBeGreaterThan(0);
    for (const { headers } of host.seen) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.origin).toBeUndefined();
      expect(headers["rui-client"]).toBeUndefined();
    }
  });

  it("pages through the client property list into NDJSON", async () => {
    const run = await cli(["export", "clients", PRODUCT, "--out", out, "--properties", "prodVersion"]);
    expect(run.code).toBe(0);
    const lines = readFileSync(join(out, "clients.ndjson"), "utf8").trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).clientId)).toEqual(["A1", "A2", "B1"]);
    expect(api.count(`POST /v3/reporting/clientPropertyList/${PRODUCT}`)).toBe(2);
  });
});
