import { listOperations, slViolations, specPath } from "@org/test-utils";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { components, operations } from "../../src/generated/schema.js";
import { createRawReoClient } from "../../src/index.js";

type UsageEvent = components["schemas"]["UsageEvent"];

const callHome: UsageEvent = {
  activity_type: "CALL_HOME",
  source: "TELEMETRY",
  environment: "PRODUCTION",
  ip_addr: "203.0.113.7",
  event_id: "0193ef45-6430-7000-8000-00000000000a",
  event_at: 1795000000,
  product_id: "reoWebApp",
  user_agent: "mycli/1.2.0 node/24",
};

let client: ReturnType<typeof createRawReoClient>;
let unauthenticated: ReturnType<typeof createRawReoClient>;
beforeAll(() => {
  client = createRawReoClient({ baseUrl: inject("prismUrl"), apiKey: "test-api-key" });
  unauthenticated = createRawReoClient({ baseUrl: inject("prismUrl") });
});

/** One entry per operation of the spec; the type makes a missing operation a compile error. */
const contract: Record<keyof operations, () => void> = {
  sendProductUsage() {
    it("accepts a call-home event and answers the documented success body", async () => {
      const { data, error, response } = await client.POST("/api/product/usage", { body: { payload: callHome } });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual({ response_code: "200", response: "Data Uploaded", status: "success" });
      expect(slViolations(response)).toEqual([]);
    });

    it("accepts an identified PRODUCT_CLOUD event with an IPv6 address", async () => {
      const { response } = await client.POST("/api/product/usage", {
        body: {
          payload: {
            ...callHome,
            source: "PRODUCT_CLOUD",
            user_id: "dev@example.com",
            user_id_type: "EMAIL",
            ip_addr: "2001:db8::1",
          },
        },
      });
      expect(response.status).toBe(200);
      expect(slViolations(response)).toEqual([]);
    });

    it("returns the documented 400 Authentication Failure body", async () => {
      const { data, error, response } = await client.POST("/api/product/usage", {
        body: { payload: callHome },
        headers: { Prefer: "code=400" },
      });
      expect(data).toBeUndefined();
      expect(response.status).toBe(400);
      expect(error).toEqual({ response_code: 400, response: "Authentication Failure", status: "failure" });
    });

    it("is rejected without an X-API-KEY header", async () => {
      const { response } = await unauthenticated.POST("/api/product/usage", { body: { payload: callHome } });
      expect(response.status).toBe(401);
    });
  },

  sendAggregatedProductUsage() {
    it("accepts a per-domain aggregated count", async () => {
      const { data, response } = await client.POST("/api/product/aggregateusage", {
        body: { payload: { ...callHome, ip_addr: undefined, domain: "example.com", mode: "DOMAIN", count: 1250 } },
      });
      expect(response.status).toBe(200);
      expect(data?.status).toBe("success");
      expect(slViolations(response)).toEqual([]);
    });

    it("returns the documented 400 Authentication Failure body", async () => {
      const { error, response } = await client.POST("/api/product/aggregateusage", {
        body: { payload: { ...callHome, mode: "USER", count: 3 } },
        headers: { Prefer: "code=400" },
      });
      expect(response.status).toBe(400);
      expect(error?.response).toBe("Authentication Failure");
    });

    it("rejects a payload without mode and count", async () => {
      const { response } = await client.POST("/api/product/aggregateusage", {
        // @ts-expect-error mode and count are required on aggregated events
        body: { payload: callHome },
      });
      expect(response.status).toBe(400);
      expect(violationMessages(response)).toEqual(
        expect.arrayContaining([expect.stringContaining("mode"), expect.stringContaining("count")]),
      );
    });
  },
};

describe("Reo.Dev Product Usage API contract (Prism)", () => {
  for (const [operationId, register] of Object.entries(contract)) {
    describe(operationId, register);
  }

  it("has a contract test for every operation of the spec", () => {
    const inSpec = listOperations(specPath.reo).map((operation) => operation.operationId);
    expect(Object.keys(contract).sort()).toEqual(inSpec.sort());
  });
});

// The spec documents a 400, so Prism answers an invalid request with that 400 (not its own 422) and lists what it
// found in the `sl-violations` header; those findings are what these tests check.
describe("requests that bypass validation are rejected by Prism with the rule they break", () => {
  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ["missing activity_type", { ...callHome, activity_type: undefined }, "activity_type"],
    ["source outside the enum", { ...callHome, source: "SAAS" }, "allowed values"],
    ["TELEMETRY without ip_addr or domain", { ...callHome, ip_addr: undefined }, "ip_addr"],
    ["an ip_addr that is not an IP address", { ...callHome, ip_addr: "999.1.1.1" }, "ipv4"],
    ["PRODUCT_CLOUD without user_id", { ...callHome, source: "PRODUCT_CLOUD" }, "user_id"],
  ];
  for (const [name, payload, expected] of invalid) {
    it(`rejects ${name}`, async () => {
      const { response } = await client.POST("/api/product/usage", {
        body: { payload: JSON.parse(JSON.stringify(payload)) as UsageEvent },
      });
      expect(response.status).toBe(400);
      expect(violationMessages(response).join("\n")).toContain(expected);
    });
  }
});

function violationMessages(response: Response): string[] {
  return slViolations(response).map((violation) => `${violation.location.join(".")}: ${violation.message}`);
}
