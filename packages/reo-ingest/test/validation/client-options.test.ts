import { describe, expect, it } from "vitest";
import { createReoIngest, InvalidArgumentError } from "../../src/index.js";

const recordingFetch = () => {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return Response.json({ response_code: "200", response: "Data Uploaded", status: "success" });
  };
  return { requests, fetch };
};
const event = { activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: "u" };

describe("options and opt-out", () => {
  it("reads the API key from REO_API_KEY, and names the option when there is none", () => {
    expect(createReoIngest({ env: { REO_API_KEY: "from-env" } }).enabled).toBe(true);
    expect(() => createReoIngest({ env: {} })).toThrow(InvalidArgumentError);
    expect(() => createReoIngest({ env: {} })).toThrow(/apiKey: is required \(pass apiKey or set REO_API_KEY\)/);
    expect(() => createReoIngest({ apiKey: "k", env: {}, concurrency: 0, overflow: "x" as "drop-oldest" })).toThrow(
      /concurrency: must be an integer from 1 to 256[\s\S]*overflow: must be drop-newest or drop-oldest/,
    );
  });

  for (const [variable, value] of [
    ["DO_NOT_TRACK", "1"],
    ["DO_NOT_TRACK", "true"],
    ["REO_TELEMETRY_DISABLED", "yes"],
  ] as const) {
    it(`sends nothing when ${variable}=${value}`, async () => {
      const { requests, fetch } = recordingFetch();
      const reo = createReoIngest({ env: { [variable]: value }, fetch });
      expect(reo.enabled).toBe(false);
      expect(reo.track(event)).toEqual({ accepted: false, reason: "disabled" });
      expect(await reo.send(event)).toEqual({ delivered: false, reason: "disabled" });
      await reo.flush();
      expect(requests).toHaveLength(0);
    });
  }

  it("ignores DO_NOT_TRACK=0 and false, and the variables altogether with honorOptOutEnv: false", () => {
    expect(createReoIngest({ apiKey: "k", env: { DO_NOT_TRACK: "0", REO_TELEMETRY_DISABLED: "false" } }).enabled).toBe(
      true,
    );
    expect(createReoIngest({ apiKey: "k", env: { DO_NOT_TRACK: "1" }, honorOptOutEnv: false }).enabled).toBe(true);
  });

  it("is a no-op with disabled: true, without needing a key", async () => {
    const { requests, fetch } = recordingFetch();
    const reo = createReoIngest({ disabled: true, env: {}, fetch });
    expect(reo.track(event).accepted).toBe(false);
    expect(reo.stats()).toMatchObject({ sent: 0, invalid: 0, dropped: 0 });
    expect(requests).toHaveLength(0);
  });

  it("track never throws: invalid input and a throwing onError are contained and counted", async () => {
    const { requests, fetch } = recordingFetch();
    const reo = createReoIngest({
      apiKey: "k",
      productId: "p",
      env: {},
      fetch,
      onError: () => {
        throw new Error("hook bug");
      },
    });
    const bad = [null, "text", { meta: { n: 1n } }, { ...event, ip_addr: "nope" }] as unknown as (typeof event)[];
    for (const input of bad) {
      expect(reo.track(input)).toMatchObject({ accepted: false, reason: "invalid" });
    }
    expect(reo.track(event).accepted).toBe(true);
    await reo.flush();
    expect(reo.stats()).toMatchObject({ invalid: 4, sent: 1 });
    expect(requests).toHaveLength(1);
  });

  it("sends the key as X-API-KEY and never passes it to the logger", async () => {
    const { requests, fetch } = recordingFetch();
    const messages: string[] = [];
    const reo = createReoIngest({
      apiKey: "secret-key-123",
      productId: "p",
      env: {},
      fetch,
      logger: (entry) => messages.push(JSON.stringify(entry)),
    });
    const result = await reo.send(event);
    expect(result).toMatchObject({ delivered: true, response: { response_code: "200", status: "success" } });
    expect(requests[0]?.headers.get("x-api-key")).toBe("secret-key-123");
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join("\n")).not.toContain("secret-key-123");
  });
});
