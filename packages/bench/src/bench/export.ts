import { fileURLToPath } from "node:url";
import { bytes, count, errorText, ms, ratio, table } from "../lib/format.ts";
import { runJsonWorker } from "../lib/run-json-worker.ts";
import type { ServerProcess } from "../lib/server-process.ts";
import { ensureExportZip } from "./export-fixture.ts";

const WORKER = fileURLToPath(new URL("./export-worker.ts", import.meta.url));
const MODES = [
  ["drain", "download only (floor)"],
  ["by-hand", "baseline: fflate Unzip + csv-parse by hand"],
  ["revenera", "@org/revenera-client zipCsvRows()"],
] as const;

interface WorkerResult {
  rows: number;
  ms: number;
  peakRss: number;
}

function runWorker(mode: string, url: string): Promise<WorkerResult> {
  return runJsonWorker<WorkerResult>([WORKER, mode, url], { label: "", timeoutMs: 240_000, stderrLines: 2 });
}

/**
 * Export streaming: rows/s and peak RSS iterating a zipped CSV served by the loopback server, at two sizes, each
 * iteration in a fresh process. Constant memory shows as a peak RSS that does not grow with the file.
 */
export async function exportSection(options: { server: ServerProcess; dir: string; quick: boolean }): Promise<string> {
  const sizes = options.quick ? [10, 40] : [50, 200];
  const rows: string[][] = [];
  for (const megabytes of sizes) {
    const started = performance.now();
    const fixture = ensureExportZip(options.dir, megabytes);
    process.stderr.write(`  export: ${fixture.file} ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    let baselineRate = Number.NaN;
    for (const [mode, label] of MODES) {
      try {
        const result = await runWorker(mode, `${options.server.url}/files/${fixture.file}`);
        if (mode !== "drain" && result.rows !== fixture.rows) {
          throw new Error(`read ${result.rows} rows, expected ${fixture.rows}`);
        }
        const rate = (fixture.rows / result.ms) * 1000;
        if (mode === "by-hand") {
          baselineRate = rate;
        }
        rows.push([
          `${megabytes} MB CSV (${count(fixture.rows)} rows)`,
          label,
          ms(result.ms, 0),
          mode === "drain" ? "" : count(rate),
          mode === "revenera" ? ratio(rate / baselineRate) : "",
          bytes(result.peakRss),
        ]);
      } catch (error) {
        rows.push([`${megabytes} MB CSV`, label, "failed", "", "", errorText(error)]);
      }
    }
  }
  return [
    "## Export streaming",
    "",
    "A zip holding one raw-events CSV (generated at bench time into the OS temp folder, deflate level 1, cached " +
      "there between runs), downloaded from the loopback server and iterated row by row in a fresh process. Peak " +
      "RSS is the process's `maxRSS`; constant memory means it does not grow with the file size.",
    "",
    table(["file", "reader", "time", "rows/s", "speed vs by-hand baseline", "peak RSS"], rows),
  ].join("\n");
}
