import { afterEach, describe, expect, it } from "vitest";
import { createReoIngest, type IngestFailure } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "./fault-server.js";

const event = (n: number) => ({ activity_type: "CALL_HOME", domain: "example.com", user_agent: `test/${n}` });

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the bounded queue", () => {
  for (const overflow of ["drop-newest", "drop-oldest"] as const) {
    it(`counts and reports every event it drops (${overflow})`, async () => {
      server = await startFaultServer();
      const failures: IngestFailure[] = [];
      const reo = createReoIngest({
        apiKey: "test-key",
        productId: "p",
        baseUrl: server.url,
        maxQueueSize: 5,
        overflow,
        onError: (failure) => failures.push(failure),
      });
      const results = Array.from({ length: 12 }, (_, n) => reo.track({ ...event(n), event_id: `e${n}` }));
      await reo.flush();

      const kept = overflow === "drop-newest" ? ["e0", "e1", "e2", "e3", "e4"] : ["e7", "e8", "e9", "e10", "e11"];
      expect([...server.accepted.keys()].sort()).toEqual(kept.sort());
      expect(reo.stats()).toMatchObject({ sent: 5, dropped: 7, failed: 0, queued: 0 });
      expect(failures).toHaveLength(7);
      expect(failures.every((failure) => failure.reason === "dropped" && failure.events.length === 1)).toBe(true);
      expect(failures[0]?.error.message).toContain("queue is full");
      const rejected = results.filter((result) => !result.accepted).length;
      expect(rejected).toBe(overflow === "drop-newest" ? 7 : 0);
    });
  }

  it("sends aggregated events from the queue to the aggregate endpoint", async () => {
    const paths: string[] = [];
    const reo = createReoIngest({
      apiKey: "test-key",
      productId: "p",
      baseUrl: "http://ingest.test",
      fetch: async (request) => {
        paths.push(new URL(request.url).pathname);
        return Response.json({ response_code: 200, response: "Data Uploaded", status: "success" });
      },
    });
    reo.trackAggregate({
      activity_type: "CALL_HOME",
      domain: "example.com",
      user_agent: "u",
      mode: "DOMAIN",
      count: 3,
    });
    reo.track(event(1));
    await reo.flush();
    expect(paths.sort()).toEqual(["/api/product/aggregateusage", "/api/product/usage"]);
    expect(reo.stats().sent).toBe(2);
  });
});
