import { afterEach, describe, expect, it } from "vitest";
import { createReoIngest, type IngestFailure } from "../../src/index.js";
import { type FaultServer, startFaultServer } from "./fault-server.js";

const event = (n: number) => ({ activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: `test/${n}` });
const fastRetries = { maxRetries: 6, initialDelayMs: 1, maxDelayMs: 20 };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("delivery through a faulty ingest server", () => {
  it("delivers or reports every one of 10,000 tracked events, and the counts add up", async () => {
    server = await startFaultServer({
      faults: {
        error500: 0.3,
        resetBefore: 0.03,
        resetAfter: 0.02,
        rateLimit: 0.05,
        retryAfter: "0.01",
        slow: 0.05,
        slowMs: 30,
      },
    });
    const failures: IngestFailure[] = [];
    const reo = createReoIngest({
      apiKey: "test-key",
      productId: "faulty",
      baseUrl: server.url,
      concurrency: 16,
      maxQueueSize: 10_000,
      timeoutMs: 2_000,
      retry: fastRetries,
      onError: (failure) => failures.push(failure),
    });

    const tracked = new Set<string>();
    for (let n = 0; n < 10_000; n++) {
      const result = reo.track(event(n));
      expect(result.accepted).toBe(true);
      if (result.accepted) {
        tracked.add(result.eventId);
      }
    }
    expect(tracked.size).toBe(10_000);
    await reo.flush();

    const stats = reo.stats();
    const reported = new Set(failures.flatMap((failure) => failure.events.map((e) => e.event_id)));
    expect(stats).toMatchObject({ queued: 0, inFlight: 0, dropped: 0, invalid: 0 });
    expect(stats.sent + stats.failed).toBe(10_000);
    expect(reported.size).toBe(stats.failed);
    expect(failures.every((failure) => failure.reason === "failed")).toBe(true);
    expect(stats.retried).toBeGreaterThan(3_000);

    // every tracked event reached the server or was reported failed; nothing else reached the server
    for (const id of tracked) {
      expect(server.accepted.has(id) || reported.has(id)).toBe(true);
    }
    expect([...server.accepted.keys()].every((id) => tracked.has(id))).toBe(true);
    // duplicates exist (acks lost after recording) and are byte-identical replays of the same event
    const replays = [...server.accepted.values()].filter((bodies) => bodies.length > 1);
    expect(replays.length).toBeGreaterThan(0);
    for (const bodies of replays) {
      expect(new Set(bodies).size).toBe(1);
    }
  }, 60_000);

  it("stops after one authentication failure and reports it once", async () => {
    server = await startFaultServer({ apiKey: "right-key" });
    const failures: IngestFailure[] = [];
    const reo = createReoIngest({
      apiKey: "wrong-key",
      productId: "p",
      baseUrl: server.url,
      concurrency: 4,
      retry: fastRetries,
      onError: (failure) => failures.push(failure),
    });
    for (let n = 0; n < 200; n++) {
      reo.track(event(n));
    }
    await reo.flush();

    expect(failures).toHaveLength(1);
    const [failure] = failures;
    expect(failure?.error.name).toBe("AuthenticationError");
    expect(failure?.error).toMatchObject({ status: 400, body: { response: "Authentication Failure" } });
    expect(failure?.error.message).not.toContain("wrong-key");
    expect(server.attempts).toBeLessThanOrEqual(4);
    expect(reo.stats()).toMatchObject({ sent: 0, failed: 200, queued: 0, inFlight: 0 });

    const attempts = server.attempts;
    expect(reo.track(event(999))).toMatchObject({ accepted: false, reason: "stopped" });
    await expect(reo.send(event(1000))).rejects.toMatchObject({ name: "AuthenticationError" });
    await reo.flush();
    expect(server.attempts).toBe(attempts);
    expect(failures).toHaveLength(1);
  });

  it("respects the shutdown deadline and reports what it abandoned", async () => {
    server = await startFaultServer({ faults: { hang: true } });
    const failures: IngestFailure[] = [];
    const reo = createReoIngest({
      apiKey: "test-key",
      productId: "p",
      baseUrl: server.url,
      concurrency: 2,
      timeoutMs: 60_000,
      onError: (failure) => failures.push(failure),
    });
    for (let n = 0; n < 20; n++) {
      reo.track(event(n));
    }
    const report = await reo.shutdown({ timeoutMs: 100 });

    expect(report).toMatchObject({ timedOut: true, abandoned: 20, sent: 0, failed: 20, queued: 0, inFlight: 0 });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.reason).toBe("abandoned");
    expect(failures[0]?.events).toHaveLength(20);
    expect(failures[0]?.error.name).toBe("ShutdownTimeoutError");
    // a second call gets the same report; events after shutdown are dropped and reported
    expect(await reo.shutdown({ timeoutMs: 5 })).toBe(report);
    expect(reo.track(event(21))).toMatchObject({ accepted: false, reason: "dropped" });
    expect(failures[1]?.reason).toBe("dropped");
  });

  it("finishes before the deadline when the server keeps up", async () => {
    server = await startFaultServer({ faults: { slow: 1, slowMs: 10 } });
    const reo = createReoIngest({ apiKey: "test-key", productId: "p", baseUrl: server.url, concurrency: 4 });
    for (let n = 0; n < 40; n++) {
      reo.track(event(n));
    }
    const report = await reo.shutdown({ timeoutMs: 30_000 });
    expect(report).toMatchObject({ timedOut: false, abandoned: 0, sent: 40, failed: 0 });
    expect(server.accepted.size).toBe(40);
  });
});
