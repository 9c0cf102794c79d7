import { fileURLToPath } from "node:url";
import { bytes, count, errorText, ms, ratio, table } from "../lib/format.ts";
import { runJsonWorker } from "../lib/run-json-worker.ts";
import type { ServerProcess } from "../lib/server-process.ts";
import { median } from "../lib/stats.ts";
import type { IngestSdk, IngestWorkerResult } from "./ingest-worker.ts";

const WORKER = fileURLToPath(new URL("./ingest-worker.ts", import.meta.url));
const LABELS: Record<IngestSdk, string> = {
  "fetch-pool": "baseline: bare fetch, 4 concurrent loops (1 event per request)",
  reo: "@org/reo-ingest track() (1 event per request, default concurrency)",
  posthog: "posthog-node 5.70.0 capture() (batches of ≤ 100)",
  segment: "@segment/analytics-node 3.1.0 track() (batches of 15)",
};

function runWorker(sdk: IngestSdk, mode: "throughput" | "memory", url: string, events: number) {
  return runJsonWorker<IngestWorkerResult>(["--expose-gc", WORKER, sdk, mode, url, String(events)], {
    label: `${sdk} ${mode}: `,
    timeoutMs: 180_000,
    stderrLines: 3,
  });
}

/**
 * Ingest throughput (track() + delivery until shutdown resolves, events the server received per second) and memory
 * (RSS growth with 100,000 events queued), each SDK in its own process, against the same loopback server.
 */
export async function ingestSection(options: { server: ServerProcess; quick: boolean }): Promise<string> {
  const events = options.quick ? 5_000 : 20_000;
  const queued = 100_000;
  const repeats = options.quick ? 1 : 3;
  const throughputRows: string[][] = [];
  const memoryRows: string[][] = [];
  const rates = new Map<IngestSdk, number>();
  for (const sdk of ["fetch-pool", "reo", "posthog", "segment"] as const) {
    try {
      const runs: { rate: number; result: IngestWorkerResult; received: number; requests: number }[] = [];
      for (let repeat = 0; repeat < repeats; repeat += 1) {
        await options.server.reset();
        const result = await runWorker(sdk, "throughput", options.server.url, events);
        const counters = await options.server.counters();
        const perEvent = sdk === "reo" || sdk === "fetch-pool";
        const received = perEvent ? counters.reoEvents : counters.batchEvents;
        const requests = perEvent ? counters.reoEvents : counters.batchRequests;
        runs.push({ rate: (received / result.totalMs) * 1000, result, received, requests });
      }
      const rate = median(runs.map((run) => run.rate));
      rates.set(sdk, rate);
      const middle = runs.sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
      if (!middle) {
        continue;
      }
      throughputRows.push([
        LABELS[sdk],
        `${count(middle.received)} / ${count(events)}`,
        count(middle.requests),
        ms(middle.result.enqueueMs, 0),
        ms(middle.result.totalMs, 0),
        count(rate),
        "",
      ]);
    } catch (error) {
      throughputRows.push([LABELS[sdk], "failed", "", "", "", "", errorText(error)]);
    }
    if (sdk === "fetch-pool") {
      continue;
    }
    try {
      await options.server.reset();
      const memory = await runWorker(sdk, "memory", options.server.url, queued);
      memoryRows.push([
        LABELS[sdk],
        ms(memory.enqueueMs, 0),
        bytes(memory.rssAfter - memory.rssBefore),
        bytes(memory.rssAfter),
        `${Math.round((memory.rssAfter - memory.rssBefore) / queued)} B`,
      ]);
    } catch (error) {
      memoryRows.push([LABELS[sdk], "failed", errorText(error), "", ""]);
    }
  }
  const baseRate = rates.get("fetch-pool") ?? Number.NaN;
  for (const row of throughputRows) {
    const sdk = (Object.keys(LABELS) as IngestSdk[]).find((key) => LABELS[key] === row[0]);
    if (sdk && row[6] === "") {
      row[6] = ratio((rates.get(sdk) ?? Number.NaN) / baseRate);
    }
  }
  return [
    "## Ingest throughput",
    "",
    `Each SDK in a fresh process: ${count(events)} events tracked in one synchronous loop, then ` +
      "shutdown/closeAndFlush awaited; events/s = events the server received ÷ time from the first track() to " +
      `shutdown resolved (median of ${repeats} runs), and its ratio to the bare fetch pool of the same run. Every SDK keeps its defaults except its host (the loopback ` +
      "server) and a queue large enough for the burst. Reo.Dev has no batch endpoint, so our client sends one " +
      "request per event; PostHog and Segment batch (up to 100 and 15 events a request), which is most of their lead.",
    "",
    table(
      ["SDK", "events received", "HTTP requests", "enqueue time", "total time", "events/s", "vs bare fetch pool"],
      throughputRows,
    ),
    "",
    "### Memory with 100,000 events queued",
    "",
    "RSS growth right after tracking 100,000 events in one synchronous loop (nothing delivered yet), after a GC " +
      "before the loop; fresh process per SDK.",
    "",
    table(["SDK", "enqueue time", "RSS growth", "RSS", "per event"], memoryRows),
  ].join("\n");
}
