import axios from "axios";
import ky from "ky";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { errorText, ms, ratio, table } from "../lib/format.ts";
import { loadCreateReoIngest, loadCreateReveneraClient } from "../lib/our-clients.ts";
import { median, quantile, sortedCopy } from "../lib/stats.ts";
import { API_KEY, type BenchPaths, PRODUCT_ID, REPORT_BODY, REPORT_PATH, reoEvent } from "./fixtures.ts";

export interface OverheadOptions {
  url: string;
  rounds: number;
  timeMs: number;
  warmupMs: number;
}

interface Case {
  name: string;
  /** The case this one is compared with (same request, bare openapi-fetch). */
  baseline: string;
  run: () => Promise<void>;
  close?: () => Promise<void>;
}

interface CaseResult {
  name: string;
  baseline: string;
  samples: number[];
  roundMedians: number[];
  pending?: string;
}

const BARE_REPORT = "bare openapi-fetch (report POST)";
const BARE_REO = "bare openapi-fetch (Reo usage POST)";

/**
 * Per-request overhead: sequential awaited calls of the same request through each client against the loopback
 * server; `rounds` tinybench runs with the case order rotated, each case's ratio taken against its baseline's median
 * of the same round, then the median of those ratios reported.
 */
export async function overheadSection(options: OverheadOptions): Promise<string> {
  const { cases, pending } = await buildCases(options.url);
  for (const item of cases) {
    try {
      await item.run();
    } catch (error) {
      throw new Error(`overhead case "${item.name}" fails its first call: ${errorText(error)}`);
    }
  }
  const results = new Map<string, CaseResult>(
    cases.map((item) => [item.name, { name: item.name, baseline: item.baseline, samples: [], roundMedians: [] }]),
  );
  for (let round = 0; round < options.rounds; round += 1) {
    const bench = new Bench({ time: options.timeMs, warmupTime: options.warmupMs, retainSamples: true });
    const shift = round % cases.length;
    for (const item of [...cases.slice(shift), ...cases.slice(0, shift)]) {
      bench.add(item.name, item.run);
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      const entry = results.get(task.name);
      if (!entry) {
        continue;
      }
      if (result.state !== "completed") {
        throw new Error(`overhead case "${task.name}" did not complete: ${result.state}`);
      }
      const samples = [...(result.latency.samples ?? [])];
      entry.samples.push(...samples);
      entry.roundMedians.push(result.latency.p50);
    }
    process.stderr.write(`  overhead: round ${round + 1}/${options.rounds} done\n`);
  }
  for (const item of cases) {
    await item.close?.();
  }
  const rows = [...results.values()].map((entry) => {
    const base = results.get(entry.baseline);
    const roundRatios = entry.roundMedians.map((value, index) => value / (base?.roundMedians[index] ?? Number.NaN));
    const sorted = sortedCopy(entry.samples);
    const med = quantile(sorted, 0.5);
    return [
      entry.name,
      ms(med),
      ms(quantile(sorted, 0.95)),
      Math.round(1000 / med).toLocaleString("en-US"),
      ratio(median(roundRatios)),
      `${ratio(Math.min(...roundRatios))}–${ratio(Math.max(...roundRatios))}`,
      entry.samples.length.toLocaleString("en-US"),
    ];
  });
  for (const note of pending) {
    rows.push([note.name, "pending", "", "", "", "", note.reason]);
  }
  return [
    "## Per-request overhead",
    "",
    `Sequential awaited calls, one at a time, to the loopback server; ${options.rounds} rounds of tinybench ` +
      `(${options.warmupMs} ms warm-up + ${options.timeMs} ms per case per round, case order rotated each round). ` +
      "Median and p95 are over all samples of all rounds. The ratio is each case's median over the median of " +
      "bare openapi-fetch sending the same request in the same round (the median of the per-round ratios; the " +
      "range shows the rounds' spread). Target for our clients: ≤ 1.15x.",
    "",
    table(["client", "median", "p95", "req/s", "ratio vs bare openapi-fetch", "ratio range", "samples"], rows),
    "",
    "Baselines send exactly the same method, path and JSON body. Our Revenera client is logged in before timing " +
      "(cookie jar, Origin/RUI-Client headers, retry and timeout middleware on); our Reo `send()` validates the " +
      "event and fills `event_id`/`event_at` on every call, which the baselines do not.",
  ].join("\n");
}

async function buildCases(url: string): Promise<{ cases: Case[]; pending: { name: string; reason: string }[] }> {
  const reportUrl = `${url}${REPORT_PATH.replace("{product_id}", PRODUCT_ID)}`;
  const reportBody = JSON.stringify(REPORT_BODY);
  const jsonHeaders = { "content-type": "application/json" };
  const bare = createClient<BenchPaths>({ baseUrl: url });
  const bareReo = createClient<BenchPaths>({ baseUrl: url, headers: { "X-API-KEY": API_KEY } });
  const axiosClient = axios.create({ baseURL: url });
  const kyClient = ky.create({ prefix: url });
  const expectOk = (status: number, name: string) => {
    if (status < 200 || status > 299) {
      throw new Error(`${name}: HTTP ${status}`);
    }
  };
  const cases: Case[] = [
    {
      name: BARE_REPORT,
      baseline: BARE_REPORT,
      run: async () => {
        const { response } = await bare.POST(REPORT_PATH, {
          params: { path: { product_id: PRODUCT_ID } },
          body: REPORT_BODY,
        });
        expectOk(response.status, BARE_REPORT);
      },
    },
    {
      name: "raw fetch (report POST)",
      baseline: BARE_REPORT,
      run: async () => {
        const response = await fetch(reportUrl, { method: "POST", headers: jsonHeaders, body: reportBody });
        expectOk(response.status, "fetch");
        await response.json();
      },
    },
    {
      name: "axios 1.21.1 (report POST)",
      baseline: BARE_REPORT,
      run: async () => {
        const response = await axiosClient.post(`/v3/reporting/generic/dateRange/${PRODUCT_ID}`, REPORT_BODY);
        expectOk(response.status, "axios");
      },
    },
    {
      name: "ky 2.1.0 (report POST)",
      baseline: BARE_REPORT,
      run: async () => {
        await kyClient.post(`v3/reporting/generic/dateRange/${PRODUCT_ID}`, { json: REPORT_BODY }).json();
      },
    },
    {
      name: BARE_REO,
      baseline: BARE_REO,
      run: async () => {
        const { response } = await bareReo.POST("/api/product/usage", {
          body: { payload: { ...reoEvent(), event_id: "0193ef45-6430-7000-8000-000000000001", event_at: 1795000000 } },
        });
        expectOk(response.status, BARE_REO);
      },
    },
  ];
  const pending: { name: string; reason: string }[] = [];

  const revenera = await loadCreateReveneraClient();
  const reveneraName = "@org/revenera-client (report POST, logged in)";
  if (revenera.ok) {
    const client = revenera.value({ baseUrl: url, userName: "bench@example.com", password: "bench-password" });
    await client.login();
    cases.push({
      name: reveneraName,
      baseline: BARE_REPORT,
      run: async () => {
        const { response, error } = await client.POST(REPORT_PATH, {
          params: { path: { product_id: PRODUCT_ID } },
          body: REPORT_BODY,
        });
        if (error !== undefined) {
          throw new Error(`revenera: ${errorText(error)}`);
        }
        expectOk(response.status, reveneraName);
      },
      close: async () => {
        await client.logout();
      },
    });
  } else {
    pending.push({ name: reveneraName, reason: revenera.pending });
  }

  const reo = await loadCreateReoIngest();
  const reoName = "@org/reo-ingest send()";
  if (reo.ok) {
    const client = reo.value({ apiKey: API_KEY, productId: "benchCli", baseUrl: url });
    cases.push({
      name: reoName,
      baseline: BARE_REO,
      run: async () => {
        await client.send(reoEvent());
      },
      close: async () => {
        await client.shutdown({ timeoutMs: 2000 });
      },
    });
  } else {
    pending.push({ name: reoName, reason: reo.pending });
  }
  return { cases, pending };
}
