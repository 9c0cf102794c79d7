import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Zip, ZipDeflate } from "fflate";

export const CSV_HEADER = "clientId,eventDate,productVersion,osName,eventCategory,eventName,eventValue,sessionId\n";

/** One raw-event-like CSV line (about 110 bytes). */
function csvLine(index: number): string {
  const client = (index * 2654435761) % 1_000_000_007;
  return `C${client.toString(16).padStart(10, "0")},2026-03-${String((index % 28) + 1).padStart(2, "0")}T12:${String(index % 60).padStart(2, "0")}:00Z,4.${index % 9}.${index % 17},Linux x64,Usage,feature.export.run,${index % 1000},S${(index >> 4).toString(36)}\n`;
}

/**
 * A zip holding one CSV of about `megabytes` MB uncompressed, generated once into `dir` (cached by size; never
 * part of the repository). Returns its file name and the number of data rows.
 */
export function ensureExportZip(dir: string, megabytes: number): { file: string; rows: number; csvBytes: number } {
  mkdirSync(dir, { recursive: true });
  const target = Math.round(megabytes * 1024 * 1024);
  const rowsPerMb = Math.round((1024 * 1024) / csvLine(123_456).length);
  const rows = Math.round((target / (1024 * 1024)) * rowsPerMb);
  const file = `raw-events-${megabytes}mb-${rows}rows.zip`;
  const path = join(dir, file);
  if (existsSync(path) && statSync(path).size > 0) {
    return { file, rows, csvBytes: Number.NaN };
  }
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  let failure: Error | undefined;
  const zip = new Zip((error, data) => {
    if (error) {
      failure = error;
      return;
    }
    writeSync(fd, data);
  });
  const entry = new ZipDeflate("raw_events.csv", { level: 1 });
  zip.add(entry);
  const encoder = new TextEncoder();
  entry.push(encoder.encode(CSV_HEADER));
  let csvBytes = CSV_HEADER.length;
  const perChunk = 2000;
  for (let start = 0; start < rows; start += perChunk) {
    let text = "";
    for (let index = start; index < Math.min(rows, start + perChunk); index += 1) {
      text += csvLine(index);
    }
    csvBytes += text.length;
    entry.push(encoder.encode(text), start + perChunk >= rows);
  }
  zip.end();
  closeSync(fd);
  if (failure) {
    throw failure;
  }
  renameSync(partial, path);
  return { file, rows, csvBytes };
}
