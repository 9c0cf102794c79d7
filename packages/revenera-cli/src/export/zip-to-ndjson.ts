import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { zipCsvRows } from "@org/revenera-client";

/** Converts the CSV inside a downloaded zip into NDJSON (one JSON object per row), streaming; returns the row count. */
export async function zipToNdjson(zipPath: string, ndjsonPath: string): Promise<number> {
  let rows = 0;
  const source = Readable.toWeb(createReadStream(zipPath)) as unknown as ReadableStream<Uint8Array>;
  async function* lines() {
    for await (const row of zipCsvRows(source)) {
      rows++;
      yield `${JSON.stringify(row)}\n`;
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(ndjsonPath));
  return rows;
}
