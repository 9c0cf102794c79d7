import { setTimeout as delay } from "node:timers/promises";
import { type ReveneraTestServer, startReveneraTestServer } from "@org/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AbortedError,
  BadRequestError,
  ConnectionError,
  createReveneraClient,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
} from "../../src/index.js";
import { PRODUCT, testClient } from "../support/clients.js";
import { caught, watchSecrets } from "../support/leak-watch.js";

let server: ReveneraTestServer;
beforeEach(async () => {
  server = await startReveneraTestServer();
  watchSecrets(server.issuedSecrets);
});
afterEach(async () => {
  await server.close();
});

const REPORT = "POST /v3/reporting/generic/dateRange/1234567890";
const INSERT = "POST /v3/license-key-registry/update/1234567890";
const report = (
  rui: ReturnType<typeof testClient>["rui"],
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
) =>
  rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
    params: PRODUCT,
    body: { startDate: "2026-01-01", stopDate: "2026-01-31", dateSplit: "day", clientStatus: ["active"] },
    ...options,
  });
const insertKeys = (rui: ReturnType<typeof testClient>["rui"], idempotent?: boolean) =>
  rui.POST("/v3/license-key-registry/update/{product_id}", {
    params: PRODUCT,
    body: { keyUpdates: [{ licenseKey: "KEY-1" }] },
    ...(idempotent === undefined ? {} : { idempotent }),
  });
/** Answers with `failures` in turn, then 200. */
function failThenSucceed(key: string, failures: Parameters<ReveneraTestServer["route"]>[1][]) {
  let calls = 0;
  server.route(key, (request, res) => {
    const failure = failures[calls++];
    return failure ? failure(request, res) : { status: 200, json: { result: { "2026-01-01": { active: 3 } } } };
  });
}

describe("retries", () => {
  it("retries a 429, honouring Retry-After", async () => {
    failThenSucceed(REPORT, [() => ({ status: 429, json: { message: "Slow down" }, headers: { "retry-after": "0" } })]);
    const { rui, logger } = testClient(server.url);
    const { data } = await report(rui);
    expect(data).toEqual({ result: { "2026-01-01": { active: 3 } } });
    expect(server.count(REPORT)).toBe(2);
    expect(logger.entries.find((entry) => entry.event === "retry")?.message).toContain("HTTP 429");
  });

  it("returns RateLimitError with retryAfterMs when retries are used up", async () => {
    failThenSucceed(
      REPORT,
      Array(5).fill(() => ({ status: 429, json: {}, headers: { "retry-after": "1" } })),
    );
    const { rui } = testClient(server.url, { retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5 } });
    const { error } = await report(rui);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(server.count(REPORT)).toBe(2);
  });

  it("retries a 503 on a read-only report POST", async () => {
    failThenSucceed(REPORT, [() => ({ status: 503, text: "busy" })]);
    const { rui } = testClient(server.url);
    expect((await report(rui)).data).toBeDefined();
    expect(server.count(REPORT)).toBe(2);
  });

  it("does not retry a license-key insert unless the caller opts in", async () => {
    failThenSucceed(INSERT, [() => ({ status: 503, json: { message: "busy" } })]);
    const { rui } = testClient(server.url);
    const { error } = await insertKeys(rui);
    expect(error).toBeInstanceOf(ServerError);
    expect(error?.message).toBe("POST /v3/license-key-registry/update/{product_id} failed with HTTP 503: busy");
    expect(server.count(INSERT)).toBe(1);

    failThenSucceed(INSERT, [() => ({ status: 503, json: { message: "busy" } })]);
    expect((await insertKeys(rui, true)).data).toBeDefined();
    expect(server.count(INSERT)).toBe(3);
  });

  it("honours retry: false per call", async () => {
    failThenSucceed(REPORT, [() => ({ status: 503, text: "busy" })]);
    const { rui } = testClient(server.url);
    const { error } = await rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
      params: PRODUCT,
      body: { startDate: "2026-01-01", stopDate: "2026-01-31", dateSplit: null, clientStatus: ["new"] },
      retry: false,
    });
    expect(error).toBeInstanceOf(ServerError);
    expect(server.count(REPORT)).toBe(1);
  });
});

describe("timeouts and aborts", () => {
  it("times out a slow server per attempt, retries, then throws TimeoutError", async () => {
    server.route(REPORT, async () => {
      await delay(1_000);
      return { status: 200, json: {} };
    });
    const { rui } = testClient(server.url, { retry: { maxRetries: 1, initialDelayMs: 1 } });
    await rui.login();
    const error = await caught(report(rui, { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe(
      "POST /v3/reporting/generic/dateRange/{product_id} timed out after 50 ms",
    );
    expect(server.count(REPORT)).toBe(2);
  });

  it("throws AbortedError when the caller aborts", async () => {
    server.route(REPORT, async () => {
      await delay(1_000);
      return { status: 200, json: {} };
    });
    const { rui } = testClient(server.url);
    await rui.login();
    const controller = new AbortController();
    const pending = caught(report(rui, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(server.count(REPORT)).toBe(1);
  });

  it("throws ConnectionError when nothing listens", async () => {
    const { rui } = testClient("http://127.0.0.1:9", { retry: false });
    expect(await caught(rui.login())).toBeInstanceOf(ConnectionError);
  });
});

describe("error answers", () => {
  it("maps statuses to typed errors carrying status, path template, parsed body, headers and request id", async () => {
    server.route(REPORT, () => ({
      status: 400,
      json: { status: "SYNTAX ERROR", reason: "stopDate before startDate" },
      headers: { "x-request-id": "req-123" },
    }));
    server.route("GET /v3/event-tracking/1234567890", () => ({ status: 404, json: { message: "No such product" } }));
    const { rui } = testClient(server.url);
    const { error } = await report(rui);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      method: "POST",
      path: "/v3/reporting/generic/dateRange/{product_id}",
      body: { status: "SYNTAX ERROR", reason: "stopDate before startDate" },
      requestId: "req-123",
    });
    expect(error?.headers["x-request-id"]).toBe("req-123");
    expect(error?.message).toBe(
      "POST /v3/reporting/generic/dateRange/{product_id} failed with HTTP 400: stopDate before startDate (request id req-123)",
    );
    const notFound = await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT });
    expect(notFound.error).toBeInstanceOf(NotFoundError);
  });

  it("keeps an HTML error page as text and names its title", async () => {
    const page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    server.route(REPORT, () => ({ status: 502, text: page, headers: { "content-type": "text/html" } }));
    const { rui } = testClient(server.url);
    const { error } = await report(rui);
    expect(error).toBeInstanceOf(ServerError);
    expect(error?.body).toBe(page);
    expect(error?.message).toBe(
      'POST /v3/reporting/generic/dateRange/{product_id} failed with HTTP 502: HTML page "502 Bad Gateway"',
    );
    expect(server.count(REPORT)).toBe(3);
  });

  it("throws InvalidResponseError for an HTML page sent with 200", async () => {
    server.route(REPORT, () => ({
      status: 200,
      text: "<html>maintenance</html>",
      headers: { "content-type": "text/html" },
    }));
    const { rui } = testClient(server.url);
    const error = await caught(report(rui));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, bodySnippet: "<html>maintenance</html>" });
  });

  it("retries a JSON body cut short, then throws ConnectionError", async () => {
    server.route(REPORT, (_request, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"result": {"2026-01');
      setTimeout(() => res.destroy(), 5);
      return undefined;
    });
    const { rui } = testClient(server.url);
    const error = await caught(report(rui));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("cut short");
    expect(server.count(REPORT)).toBe(3);
  });

  it("recovers when only the first body was cut short", async () => {
    failThenSucceed(REPORT, [
      (_request, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"result"');
        setTimeout(() => res.destroy(), 5);
        return undefined;
      },
    ]);
    const { rui } = testClient(server.url);
    expect((await report(rui)).data).toBeDefined();
  });
});

describe("validation before any request", () => {
  it.each([
    ["", "must not be empty"],
    ["..", "must not be '.', '..' or contain a slash"],
    ["12/../34", "must not be '.', '..' or contain a slash"],
    ["12a", "must be the product's numeric id (digits only)"],
  ])("rejects product_id %j", async (productId, rule) => {
    const { rui } = testClient(server.url);
    const error = await caught(
      rui.GET("/v3/event-tracking/{product_id}", { params: { path: { product_id: productId } } }),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).issues).toEqual([{ path: "params.path.product_id", rule }]);
    expect(server.requests).toHaveLength(0);
  });

  it("rejects a missing path parameter and bad call options", async () => {
    const { rui } = testClient(server.url);
    const missing = (await caught(
      rui.GET("/v3/event-tracking/{product_id}", { params: { path: {} } } as never),
    )) as InvalidArgumentError;
    expect(missing.issues).toEqual([{ path: "params.path.product_id", rule: "is required" }]);
    const badTimeout = (await caught(
      rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT, timeoutMs: -1 }),
    )) as InvalidArgumentError;
    expect(badTimeout.message).toBe(
      "Invalid options of GET /v3/event-tracking/{product_id}:\n  - timeoutMs: must be a positive number of milliseconds",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("rejects bad client options, naming every field", () => {
    let error: unknown;
    try {
      createReveneraClient({ baseUrl: "ftp://x", timeoutMs: 0, retry: { maxRetries: -1 }, env: {} });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).issues.map((issue) => issue.path)).toEqual([
      "userName",
      "password",
      "baseUrl",
      "timeoutMs",
      "retry.maxRetries",
    ]);
  });
});
