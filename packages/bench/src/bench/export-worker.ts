// One export-streaming measurement in a fresh process (peak RSS belongs to it):
// `node export-worker.ts <drain|by-hand|revenera> <zipUrl>`. Prints one JSON line {rows, ms, peakRss}.
//   drain: download the zip and discard it (the floor: transfer only).
//   by-hand: fflate streaming unzip + csv-parse, wired by hand with no client around them.
//   revenera: `zipCsvRows(response.body)` from @org/revenera-client (the export-row iterator).
import { parse } from "csv-parse";
import { Unzip, UnzipInflate } from "fflate";
import { loadModule } from "../lib/our-clients.ts";

const [mode, url] = process.argv.slice(2) as ["drain" | "by-hand" | "revenera", string];

async function countRows(): Promise<number> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new Error(`download: HTTP ${response.status}`);
  }
  if (mode === "drain") {
    const reader = response.body.getReader();
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
    }
    return bytes > 0 ? 0 : -1;
  }
  if (mode === "revenera") {
    const loaded = await loadModule("@org/revenera-client");
    const zipCsvRows = loaded.ok ? loaded.value.zipCsvRows : undefined;
    if (typeof zipCsvRows !== "function") {
      throw new Error("@org/revenera-client does not export zipCsvRows() yet");
    }
    let rows = 0;
    for await (const _row of (zipCsvRows as (body: ReadableStream<Uint8Array>) => AsyncIterable<unknown>)(
      response.body,
    )) {
      rows += 1;
    }
    return rows;
  }
  let rows = 0;
  const parser = parse({ columns: true });
  const drainParser = () => {
    while (parser.read() !== null) {
      rows += 1;
    }
  };
  const unzip = new Unzip((file) => {
    file.ondata = (error, data) => {
      if (error) {
        throw error;
      }
      parser.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      drainParser();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    unzip.push(chunk.value);
  }
  unzip.push(new Uint8Array(0), true);
  await new Promise<void>((resolve, reject) => {
    parser.once("end", resolve);
    parser.once("error", reject);
    parser.on("readable", drainParser);
    parser.end();
  });
  return rows;
}

const start = performance.now();
const rows = await countRows();
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ rows, ms, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exit(0);
