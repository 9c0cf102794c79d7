import { slViolations } from "@org/test-utils";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createReoIngest, InvalidArgumentError, type ReoIngest } from "../../src/index.js";

/** Every request that reached Prism, with Prism's findings about it. */
const seen: Array<{ path: string; status: number; violations: unknown[] }> = [];
const prismFetch =
  (extraHeaders: Record<string, string> = {}) =>
  async (request: Request) => {
    const forwarded = new Request(request, { headers: { ...Object.fromEntries(request.headers), ...extraHeaders } });
    const response = await fetch(forwarded);
    seen.push({ path: new URL(request.url).pathname, status: response.status, violations: slViolations(response) });
    return response;
  };

let reo: ReoIngest;
beforeAll(() => {
  reo = createReoIngest({
    apiKey: "test-api-key",
    productId: "reoWebApp",
    environment: "PRODUCTION",
    baseUrl: inject("prismUrl"),
    env: {},
    retry: false,
    fetch: prismFetch(),
  });
});

const callHome = { activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: "mycli/1.2 node/22" };

describe("the ingest client against the spec (Prism)", () => {
  it("sends a call-home event that Prism accepts without violations", async () => {
    seen.length = 0;
    const result = await reo.send({ ...callHome, meta: { command: "init" } });
    expect(result).toMatchObject({ delivered: true, response: { response_code: "200", status: "success" } });
    expect(seen).toEqual([{ path: "/api/product/usage", status: 200, violations: [] }]);
  });

  it("sends PRODUCT_CLOUD, domain-only, Date and numeric-id events in the documented form", async () => {
    seen.length = 0;
    await reo.send({ ...callHome, source: "PRODUCT_CLOUD", user_id: "dev@example.com", user_id_type: "EMAIL" });
    await reo.send({ activity_type: "CALL_HOME", domain: "example.com", user_agent: "u", event_at: new Date() });
    await reo.send({ ...callHome, event_id: 1231231232, event_at: "639303296" });
    expect(seen.map((request) => [request.status, request.violations])).toEqual([
      [200, []],
      [200, []],
      [200, []],
    ]);
  });

  it("sends aggregated counts, directly and through the queue", async () => {
    seen.length = 0;
    const aggregate = { activity_type: "CALL_HOME", domain: "example.com", user_agent: "u", mode: "DOMAIN" as const };
    expect(await reo.sendAggregate({ ...aggregate, count: 1250 })).toMatchObject({ delivered: true });
    expect(reo.trackAggregate({ ...aggregate, count: 3 }).accepted).toBe(true);
    expect(reo.track(callHome).accepted).toBe(true);
    await reo.flush();
    expect(seen.map((request) => [request.path, request.status, request.violations])).toEqual([
      ["/api/product/aggregateusage", 200, []],
      ["/api/product/aggregateusage", 200, []],
      ["/api/product/usage", 200, []],
    ]);
  });

  it("turns the documented 400 Authentication Failure into one AuthenticationError", async () => {
    const wrongKey = createReoIngest({
      apiKey: "wrong",
      productId: "reoWebApp",
      baseUrl: inject("prismUrl"),
      env: {},
      fetch: prismFetch({ Prefer: "code=400" }),
    });
    const error = await wrongKey.send(callHome).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "AuthenticationError",
      status: 400,
      body: { response_code: 400, response: "Authentication Failure", status: "failure" },
    });
    expect((error as Error).message).toContain("Authentication Failure");
  });
});

describe("each rule is caught before anything is sent", () => {
  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ["missing activity_type", { ...callHome, activity_type: undefined }, "activity_type: is required"],
    ["source outside the enum", { ...callHome, source: "SAAS" }, "source: must be one of"],
    [
      "TELEMETRY without ip_addr or domain",
      { ...callHome, ip_addr: undefined },
      "ip_addr: is required when source is TELEMETRY",
    ],
    ["an ip_addr that is not an IP address", { ...callHome, ip_addr: "999.1.1.1" }, "ip_addr: must be an IPv4 address"],
    [
      "PRODUCT_CLOUD without user_id",
      { ...callHome, source: "PRODUCT_CLOUD" },
      "user_id: is required when source is PRODUCT_CLOUD",
    ],
    ["no user_agent and no user_id", { ...callHome, user_agent: undefined }, "user_agent: is required unless user_id"],
    ["a bad user_id_type", { ...callHome, user_id: "u", user_id_type: "PHONE" }, "user_id_type: must be one of"],
    [
      "event_at in milliseconds",
      { ...callHome, event_at: Date.now() },
      "event_at: must be UNIX epoch seconds, not milliseconds",
    ],
    ["meta that is not an object", { ...callHome, meta: "x" }, "meta: must be an object"],
    ["an unknown field", { ...callHome, ipAddr: "203.0.113.7" }, "ipAddr: is not a field of a Reo event"],
  ];
  for (const [name, event, message] of invalid) {
    it(`rejects ${name}`, async () => {
      seen.length = 0;
      const error = await reo.send(event as typeof callHome).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toContain(message);
      expect(reo.track(event as typeof callHome)).toMatchObject({ accepted: false, reason: "invalid" });
      await reo.flush();
      expect(seen).toEqual([]);
    });
  }

  it("rejects an aggregated count without mode and count", async () => {
    const error = await reo.sendAggregate(callHome as never).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/mode: is required[\s\S]*count: is required/);
  });
});
