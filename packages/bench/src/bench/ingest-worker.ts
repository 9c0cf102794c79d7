// One ingest measurement in a fresh process (so RSS belongs to one SDK): `node --expose-gc ingest-worker.ts <sdk>
// <throughput|memory> <serverUrl> <events>`. Prints one JSON line.
//   throughput: track <events> events in a synchronous loop, then flush/shutdown; reports the wall time.
//   memory: track <events> events in a synchronous loop and report the RSS growth right after (events still queued).
import { Analytics } from "@segment/analytics-node";
import { PostHog } from "posthog-node";
import { loadCreateReoIngest } from "../lib/our-clients.ts";
import { API_KEY, reoEvent } from "./fixtures.ts";

export type IngestSdk = "fetch-pool" | "reo" | "posthog" | "segment";

export interface IngestWorkerResult {
  sdk: IngestSdk;
  mode: "throughput" | "memory";
  events: number;
  enqueueMs: number;
  totalMs: number;
  rssBefore: number;
  rssAfter: number;
  heapAfter: number;
  detail: string;
}

interface Adapter {
  track(index: number): void;
  finish(): Promise<string>;
}

const [sdk, mode, url, eventsText] = process.argv.slice(2) as [IngestSdk, "throughput" | "memory", string, string];
const events = Number(eventsText);

async function adapter(): Promise<Adapter> {
  if (sdk === "fetch-pool") {
    // Baseline: the same one-event-per-request POSTs with 4 concurrent fetch loops and nothing else (no validation,
    // retries or timeouts): the floor for any client of an API without a batch endpoint.
    const bodies: string[] = [];
    return {
      track: (index) => {
        bodies.push(
          JSON.stringify({
            payload: { ...reoEvent(index), event_id: `bench-${index}`, event_at: Math.floor(Date.now() / 1000) },
          }),
        );
      },
      finish: async () => {
        let next = 0;
        const worker = async () => {
          while (next < bodies.length) {
            const body = bodies[next];
            next += 1;
            const response = await fetch(`${url}/api/product/usage`, {
              method: "POST",
              headers: { "content-type": "application/json", "X-API-KEY": API_KEY },
              body,
            });
            await response.arrayBuffer();
          }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        return "done";
      },
    };
  }
  if (sdk === "reo") {
    const loaded = await loadCreateReoIngest();
    if (!loaded.ok) {
      throw new Error(loaded.pending);
    }
    // Defaults (concurrency, retries, timeouts) except a queue that holds the whole burst.
    const client = loaded.value({
      apiKey: API_KEY,
      productId: "benchCli",
      baseUrl: url,
      env: {},
      maxQueueSize: events,
    });
    return {
      track: (index) => {
        client.track(reoEvent(index));
      },
      finish: async () => {
        const report = await client.shutdown({ timeoutMs: 120_000 });
        return JSON.stringify(report);
      },
    };
  }
  if (sdk === "posthog") {
    // Defaults (flushAt 20, batches to /batch/) except a queue that holds the whole burst (default 10,000 drops).
    const client = new PostHog("phc_bench", { host: url, maxQueueSize: events, disableGeoip: true });
    return {
      track: (index) => {
        client.capture({ distinctId: "203.0.113.7", event: "CALL_HOME", properties: { command: "init", index } });
      },
      finish: async () => {
        await client.shutdown(120_000);
        return "shutdown resolved";
      },
    };
  }
  // Segment: defaults (flushAt 15, unbounded queue), pointed at the loopback server's /v1/batch.
  const client = new Analytics({ writeKey: "bench", host: url, path: "/v1/batch" });
  return {
    track: (index) => {
      client.track({ userId: "203.0.113.7", event: "CALL_HOME", properties: { command: "init", index } });
    },
    finish: async () => {
      await client.closeAndFlush({ timeout: 120_000 });
      return "closeAndFlush resolved";
    },
  };
}

const client = await adapter();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
for (let index = 0; index < events; index += 1) {
  client.track(index);
}
const enqueueMs = performance.now() - start;
const memory = process.memoryUsage();
let detail = "";
let totalMs = Number.NaN;
if (mode === "throughput") {
  detail = await client.finish();
  totalMs = performance.now() - start;
}
const result: IngestWorkerResult = {
  sdk,
  mode,
  events,
  enqueueMs,
  totalMs,
  rssBefore,
  rssAfter: memory.rss,
  heapAfter: memory.heapUsed,
  detail,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
