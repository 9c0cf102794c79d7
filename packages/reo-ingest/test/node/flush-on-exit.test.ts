import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("./call-home.fixture.ts", import.meta.url));
const run = promisify(execFile);

/** A server whose first answer is a 500 (so the event waits for a retry), then 200s. */
async function flakyServer() {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      requests++;
      response.writeHead(requests === 1 ? 500 : 200, { "content-type": "application/json" });
      response.end(JSON.stringify({ response_code: "200", response: "Data Uploaded", status: "success" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: Awaited<ReturnType<typeof flakyServer>> | undefined;
afterEach(async () => {
  await server?.close();
});

describe("process exit (Node entry)", () => {
  it("never keeps the process alive: without the hook it exits during the retry wait", async () => {
    server = await flakyServer();
    const { stdout } = await run(process.execPath, ["--import", "tsx", fixture], {
      env: { ...process.env, INGEST_URL: server.url, FLUSH_ON_EXIT: "0" },
    });
    expect(stdout).toBe("");
    expect(server.requests()).toBe(1);
  });

  it("with flushOnExit, delivers the pending event before exiting and reports it", async () => {
    server = await flakyServer();
    const { stdout } = await run(process.execPath, ["--import", "tsx", fixture], {
      env: { ...process.env, INGEST_URL: server.url, FLUSH_ON_EXIT: "1" },
    });
    expect(server.requests()).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ sent: 1, failed: 0, timedOut: false, retried: 1 });
  });
});
