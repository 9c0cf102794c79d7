import {
  type DownloadHost,
  type ReveneraTestServer,
  startDownloadHost,
  startReveneraTestServer,
  zipOfCsv,
} from "@org/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, InvalidArgumentError } from "../../src/index.js";
import { testClient } from "../support/clients.js";
import { caught, watchSecrets } from "../support/leak-watch.js";

let api: ReveneraTestServer;
let files: DownloadHost;
beforeEach(async () => {
  api = await startReveneraTestServer();
  files = await startDownloadHost();
  watchSecrets(api.issuedSecrets);
});
afterEach(async () => {
  await api.close();
  await files.close();
});

const FILE = "1234567890_cust_2026-03-01.zip";
const csv =
  'timestamp,clientId,event.name,event.data\n2026-03-01T10:00:00,C1,Open,"a,b"\n2026-03-01T10:05:00,C2,Export,"line\nbreak"\n';

function serveExport(signature = "sig-abc") {
  api.route("GET /v3/customEventTracking/listFiles/1234567890", () => ({
    status: 200,
    json: { dailyFiles: [{ fileName: FILE, fileDate: "2026-03-01", compressedSizeKB: 1, uncompressedSizeKB: 1 }] },
  }));
  api.route("POST /v3/customEventTracking/getDownloadUrl/1234567890", (request) => ({
    status: 200,
    json: {
      downloadUrl: `${files.url}/dl/${(JSON.parse(request.body) as { fileName: string }).fileName}?signature=${signature}`,
    },
  }));
  files.serve(`/dl/${FILE}`, zipOfCsv({ "events.csv": csv }));
}

describe("export helpers", () => {
  it("lists files and streams the CSV rows of a zip from the download host", async () => {
    serveExport();
    const { rui } = testClient(api.url);
    const listing = await rui.exports.listFiles("customEvents", "1234567890");
    expect(listing.dailyFiles?.[0]?.fileName).toBe(FILE);
    const rows = [];
    for await (const row of rui.exports.rows("customEvents", "1234567890", FILE)) {
      rows.push(row);
    }
    expect(rows).toEqual([
      { timestamp: "2026-03-01T10:00:00", clientId: "C1", "event.name": "Open", "event.data": "a,b" },
      { timestamp: "2026-03-01T10:05:00", clientId: "C2", "event.name": "Export", "event.data": "line\nbreak" },
    ]);
  });

  it("sends no API cookie or header to the download host (another port of the same 127.0.0.1)", async () => {
    serveExport();
    const { rui } = testClient(api.url);
    const url = await rui.exports.getDownloadUrl("customEvents", "1234567890", FILE);
    expect(new URL(url).host).toBe(new URL(files.url).host);
    await (await rui.exports.download(url)).cancel();
    expect(files.seen).toHaveLength(1);
    const headers = files.seen[0]?.headers ?? {};
    for (const name of ["cookie", "origin", "rui-client", "rui-client-version", "authorization", "referer"]) {
      expect(headers[name], name).toBeUndefined();
    }
    // …although the jar does hold cookies that 127.0.0.1 would otherwise get.
    expect(api.requests.at(-1)?.headers.cookie).toContain("RUI-Session-Token=");
  });

  it("throws the typed error of an expired download URL, without its signature", async () => {
    const { rui } = testClient(api.url);
    const error = await caught(rui.exports.download(`${files.url}/dl/gone.zip?signature=top-secret-signature`));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      `GET ${files.url}/dl/gone.zip failed with HTTP 403: <Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>`,
    );
    expect(JSON.stringify(error)).not.toContain("top-secret-signature");
  });

  it("rejects bad arguments before any request", async () => {
    const { rui } = testClient(api.url);
    expect(await caught(rui.exports.download("not a url"))).toBeInstanceOf(InvalidArgumentError);
    expect(await caught(rui.exports.getDownloadUrl("rawEvents", "1234567890", ""))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(await caught(rui.exports.listFiles("rawEvents", "../1"))).toBeInstanceOf(InvalidArgumentError);
    expect(api.requests).toHaveLength(0);
  });

  it("stops the download when the loop breaks early", async () => {
    const many = `clientId,n\n${Array.from({ length: 50_000 }, (_, index) => `C${index},${index}`).join("\n")}\n`;
    api.route("POST /v3/rawEvents/download/getDownloadUrl/1234567890", () => ({
      status: 200,
      json: { downloadUrl: `${files.url}/dl/raw.zip?signature=s` },
    }));
    files.serve("/dl/raw.zip", zipOfCsv({ "raw.csv": many }));
    const { rui } = testClient(api.url);
    let count = 0;
    for await (const row of rui.exports.rows("rawEvents", "1234567890", "raw.zip")) {
      expect(row.clientId).toBe(`C${count}`);
      if (++count === 10) {
        break;
      }
    }
    expect(count).toBe(10);
  });
});
