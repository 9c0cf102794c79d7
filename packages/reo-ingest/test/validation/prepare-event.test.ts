import { describe, expect, it } from "vitest";
import { type ArgumentIssue, InvalidArgumentError, prepareEvent } from "../../src/index.js";

const defaults = { source: "TELEMETRY" as const, productId: "myCli", environment: "PRODUCTION" };
const valid = { activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: "mycli/1.2 node/22" };
const now = () => Date.UTC(2026, 10, 23, 12, 0, 0, 500);

function issuesOf(input: unknown, kind: "usage" | "aggregate" = "usage"): ArgumentIssue[] {
  try {
    prepareEvent(kind, input, defaults, now);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return [...(error as InvalidArgumentError).issues];
  }
  throw new Error("expected the event to be rejected");
}

function payloadOf(input: unknown, kind: "usage" | "aggregate" = "usage"): Record<string, unknown> {
  return (JSON.parse(prepareEvent(kind, input, defaults, now).body) as { payload: Record<string, unknown> }).payload;
}

describe("defaults and conversions", () => {
  it("fills source, product_id, environment, a UUIDv7 event_id and event_at now in seconds", () => {
    const payload = payloadOf(valid);
    expect(payload).toMatchObject({
      ...valid,
      source: "TELEMETRY",
      product_id: "myCli",
      environment: "PRODUCTION",
      event_at: 1795435200,
    });
    expect(payload.event_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps the caller's values over the defaults", () => {
    const payload = payloadOf({
      ...valid,
      source: "PRODUCT_CLOUD",
      user_id: "a@b.c",
      user_id_type: "EMAIL",
      product_id: "x",
    });
    expect(payload).toMatchObject({ source: "PRODUCT_CLOUD", product_id: "x" });
  });

  it("sends the documented forms: event_id a string, event_at integer seconds from a Date or a digit string", () => {
    expect(payloadOf({ ...valid, event_id: 1231231232 }).event_id).toBe("1231231232");
    expect(payloadOf({ ...valid, event_at: new Date("2026-11-23T12:00:00.900Z") }).event_at).toBe(1795435200);
    expect(payloadOf({ ...valid, event_at: "639303296" }).event_at).toBe(639303296);
  });

  it("treats undefined, null and empty optional text as absent, like the vendor's samples", () => {
    const payload = payloadOf({
      ...valid,
      user_id: "",
      user_id_type: "",
      domain: "",
      environment: null,
      meta: undefined,
    });
    expect(payload).not.toHaveProperty("user_id");
    expect(payload).not.toHaveProperty("user_id_type");
    expect(payload).not.toHaveProperty("domain");
    expect(payload.environment).toBe("PRODUCTION");
  });

  it("accepts IPv6 addresses, a domain instead of an IP address, and nested meta", () => {
    expect(() => payloadOf({ ...valid, ip_addr: "2001:db8::7" })).not.toThrow();
    expect(() =>
      payloadOf({ activity_type: "A", domain: "example.com", user_agent: "u", meta: { a: { b: [1] } } }),
    ).not.toThrow();
  });
});

describe("every rule names the field it concerns", () => {
  const cases: Array<[string, unknown, ArgumentIssue]> = [
    [
      "activity_type is required",
      { ...valid, activity_type: undefined },
      { path: "activity_type", rule: "is required" },
    ],
    [
      "activity_type must not be empty",
      { ...valid, activity_type: "" },
      { path: "activity_type", rule: "must not be empty" },
    ],
    [
      "source is an enum",
      { ...valid, source: "SAAS_PRODUCT" },
      { path: "source", rule: "must be one of TELEMETRY, PRODUCT_CLOUD" },
    ],
    [
      "TELEMETRY needs ip_addr or domain",
      { activity_type: "A", user_agent: "u" },
      { path: "ip_addr", rule: "is required when source is TELEMETRY unless domain is given" },
    ],
    [
      "ip_addr must be an IP address",
      { ...valid, ip_addr: "999.1.1.1" },
      { path: "ip_addr", rule: "must be an IPv4 address or an IPv6 address" },
    ],
    [
      "PRODUCT_CLOUD needs user_id",
      { ...valid, source: "PRODUCT_CLOUD", user_id_type: "EMAIL" },
      { path: "user_id", rule: "is required when source is PRODUCT_CLOUD" },
    ],
    [
      "PRODUCT_CLOUD needs user_id_type",
      { ...valid, source: "PRODUCT_CLOUD", user_id: "a@b.c" },
      { path: "user_id_type", rule: "is required when source is PRODUCT_CLOUD" },
    ],
    [
      "user_agent is required without user_id",
      { activity_type: "A", ip_addr: "203.0.113.7" },
      { path: "user_agent", rule: "is required unless user_id is given" },
    ],
    [
      "user_id_type is an enum",
      { ...valid, user_id: "x", user_id_type: "PHONE" },
      { path: "user_id_type", rule: "must be one of EMAIL, SOCIAL, LINKEDIN, GITHUB, USERNAME" },
    ],
    ["meta must be an object", { ...valid, meta: ["a"] }, { path: "meta", rule: "must be an object" }],
    [
      "meta must be plain",
      { ...valid, meta: new Map() },
      { path: "meta", rule: "must be a plain JSON object (not a class instance such as a Map or Date)" },
    ],
    [
      "meta must serialise",
      { ...valid, meta: { n: 1n } },
      { path: "meta", rule: "must be plain JSON (Do not know how to serialize a BigInt)" },
    ],
    [
      "event_at in milliseconds",
      { ...valid, event_at: 1795435200000 },
      {
        path: "event_at",
        rule: "must be UNIX epoch seconds, not milliseconds: 1795435200000 has more than 10 digits (divide by 1000)",
      },
    ],
    [
      "event_at not a number",
      { ...valid, event_at: "yesterday" },
      {
        path: "event_at",
        rule: "must be UNIX epoch seconds: an integer of at most 10 digits, a string of digits, or a Date",
      },
    ],
    [
      "event_at an invalid Date",
      { ...valid, event_at: new Date("nope") },
      { path: "event_at", rule: "must be a valid Date (got an Invalid Date)" },
    ],
    ["event_id a fraction", { ...valid, event_id: 1.5 }, { path: "event_id", rule: "must be a string or an integer" }],
    ["product_id required", { ...valid, product_id: "" }, { path: "product_id", rule: "must not be empty" }],
    [
      "unknown fields point to meta",
      { ...valid, ip_address: "203.0.113.7" },
      { path: "ip_address", rule: "is not a field of a Reo event; put custom properties in `meta`" },
    ],
    ["not an object", "CALL_HOME", { path: "", rule: "must be an object with the event's fields" }],
  ];
  for (const [name, input, issue] of cases) {
    it(name, () => {
      const issues = issuesOf(input);
      expect(issues).toContainEqual(issue);
    });
  }

  it("lists every problem at once, and the message names each field", () => {
    try {
      prepareEvent("usage", { activity_type: "", ip_addr: "x", event_at: 1795435200000, colour: "red" }, defaults, now);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^Invalid Reo event:/);
      for (const field of ["activity_type", "ip_addr", "event_at", "user_agent", "colour"]) {
        expect(message).toContain(`  - ${field}: `);
      }
    }
  });
});

describe("aggregated events", () => {
  const aggregate = { activity_type: "CALL_HOME", domain: "example.com", user_agent: "u", mode: "DOMAIN", count: 1250 };

  it("accepts mode and count", () => {
    expect(payloadOf(aggregate, "aggregate")).toMatchObject({ mode: "DOMAIN", count: 1250 });
  });

  it("requires mode and a positive integer count", () => {
    expect(issuesOf({ ...aggregate, mode: undefined, count: undefined }, "aggregate")).toEqual(
      expect.arrayContaining([
        { path: "mode", rule: "is required" },
        { path: "count", rule: "is required" },
      ]),
    );
    expect(issuesOf({ ...aggregate, mode: "TEAM", count: 0 }, "aggregate")).toEqual([
      { path: "mode", rule: "must be one of DOMAIN, USER" },
      { path: "count", rule: "must be at least 1" },
    ]);
    expect(issuesOf({ ...aggregate, count: 2.5 }, "aggregate")).toEqual([
      { path: "count", rule: "must be an integer" },
    ]);
  });

  it("rejects mode and count on a single event", () => {
    expect(issuesOf({ ...valid, mode: "DOMAIN" })).toContainEqual({
      path: "mode",
      rule: "is not a field of a Reo event; put custom properties in `meta`",
    });
  });
});
