// Provokes every kind of failure the client reports, with a logger attached, and checks that the password and
// every cookie value the server handed out appear in no error (message, JSON, stack, cause) and no log line.
// Every other test file records its errors and log lines the same way (support/leak-watch.ts) and runs the same
// check after its last test.
import { setTimeout as delay } from "node:timers/promises";
import { type ReveneraTestServer, startDownloadHost, startReveneraTestServer, TEST_PASSWORD } from "@org/test-utils";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PRODUCT, testClient } from "../support/clients.js";
import { assertNoSecretsLeaked, caught, recordError, watchedLineCount, watchSecrets } from "../support/leak-watch.js";

let server: ReveneraTestServer;
beforeAll(async () => {
  server = await startReveneraTestServer();
  watchSecrets(server.issuedSecrets);
});
afterAll(async () => {
  await server.close();
});

it("never shows the password or a cookie value in errors or logs", async () => {
  const REPORT = "POST /v3/reporting/generic/dateRange/1234567890";
  let mode = "";
  server.route(REPORT, async (request, res) => {
    if (mode === "echo") {
      // A server that echoes the request's cookies back in its error.
      return { status: 400, json: { message: `bad request with cookies ${String(request.headers.cookie)}` } };
    }
    if (mode === "slow") {
      await delay(500);
    }
    if (mode === "cut") {
      res.writeHead(200, { "content-length": "50" });
      res.write("{");
      setTimeout(() => res.destroy(), 5);
      return undefined;
    }
    return { status: mode === "html" ? 502 : 500, text: "<html><title>oops</title></html>" };
  });
  const report = (rui: ReturnType<typeof testClient>["rui"], timeoutMs?: number) =>
    rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
      params: PRODUCT,
      body: { startDate: "2026-01-01", stopDate: "2026-01-31", dateSplit: "day", clientStatus: ["active"] },
      ...(timeoutMs ? { timeoutMs } : {}),
    });

  const { rui, logger } = testClient(server.url, { retry: { maxRetries: 1, initialDelayMs: 1 } });
  await rui.login();
  for (const next of ["echo", "html", "500", "cut", "slow"]) {
    mode = next;
    const { error } = await report(rui, next === "slow" ? 50 : undefined).catch((thrown: unknown) => ({
      error: thrown,
    }));
    recordError(error);
  }
  server.expireSessions();
  recordError((await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT })).error);
  await caught(testClient(server.url, { password: `${TEST_PASSWORD}x` }).rui.login());
  await caught(rui.GET("/v3/event-tracking/{product_id}", { params: { path: { product_id: TEST_PASSWORD } } }));
  const files = await startDownloadHost();
  await caught(rui.exports.download(`${files.url}/x.zip?sig=${TEST_PASSWORD}`));
  await files.close();
  await rui.logout({ allSessions: true });

  // The "echo" answer's cookies are redacted from the error's body and message too.
  expect(logger.entries.length).toBeGreaterThan(10);
  expect(watchedLineCount()).toBeGreaterThan(30);
  assertNoSecretsLeaked();
});
