// Throughput against the loopback fault server, and heap use with a full queue.
// Run: node --expose-gc --import tsx scripts/bench.ts   (from packages/reo-ingest)
import { createReoIngest } from "../src/index.js";
import { startFaultServer } from "../test/delivery/fault-server.js";

const event = (n: number) => ({ activity_type: "CALL_HOME", ip_addr: "203.0.113.7", user_agent: `bench/${n}` });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function throughput(
  label: string,
  faults: Parameters<typeof startFaultServer>[0],
  total: number,
  concurrency: number,
) {
  const server = await startFaultServer(faults);
  const reo = createReoIngest({
    apiKey: "test-key",
    productId: "bench",
    baseUrl: server.url,
    env: {},
    concurrency,
    maxQueueSize: total,
    retry: { maxRetries: 8, initialDelayMs: 5, maxDelayMs: 100 },
  });
  const start = performance.now();
  for (let n = 0; n < total; n++) {
    reo.track(event(n));
  }
  const enqueued = performance.now() - start;
  await reo.flush();
  const seconds = (performance.now() - start) / 1000;
  const stats = reo.stats();
  console.log(
    `${label}: ${total} events, concurrency ${concurrency}: enqueue ${enqueued.toFixed(0)} ms, ` +
      `all settled in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} events/s; ` +
      `sent ${stats.sent}, failed ${stats.failed}, retried ${stats.retried}, server requests ${server.attempts}`,
  );
  await server.close();
}

async function fullQueueMemory(size: number) {
  const server = await startFaultServer({ faults: { hang: true } });
  const reo = createReoIngest({
    apiKey: "k",
    productId: "bench",
    baseUrl: server.url,
    env: {},
    maxQueueSize: size,
    concurrency: 4,
  });
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let n = 0; n < size + 10_000; n++) {
    reo.track(event(n));
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  const stats = reo.stats();
  console.log(
    `full queue: ${stats.queued} queued + ${stats.inFlight} in flight, ${stats.dropped} dropped (counted): heap +${((after - before) / 2 ** 20).toFixed(1)} MiB ` +
      `(${Math.round((after - before) / size)} bytes/event)`,
  );
  await reo.shutdown({ timeoutMs: 10 });
  await server.close();
}

await throughput("clean server", {}, 20_000, 16);
await throughput(
  "faulty server (30% 500, 3% reset, 2% lost ack, 5% 429, 5% slow 30 ms)",
  {
    faults: {
      error500: 0.3,
      resetBefore: 0.03,
      resetAfter: 0.02,
      rateLimit: 0.05,
      retryAfter: "0.01",
      slow: 0.05,
      slowMs: 30,
    },
  },
  10_000,
  16,
);
await fullQueueMemory(100_000);
