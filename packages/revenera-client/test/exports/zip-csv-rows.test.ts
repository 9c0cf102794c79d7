import { zipOfCsv } from "@org/test-utils";
import { describe, expect, it } from "vitest";
import { SdkError, zipCsvRows } from "../../src/index.js";
import { caught } from "../support/leak-watch.js";

/** A stream that hands out `bytes` in chunks of `size`, like a network body. */
function chunked(bytes: Uint8Array, size = 7): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, options?: Parameters<typeof zipCsvRows>[1]) {
  const rows = [];
  for await (const row of zipCsvRows(stream, options)) {
    rows.push(row);
  }
  return rows;
}

describe("zipCsvRows", () => {
  it("reads every CSV entry in order, each with its own header, across tiny chunks", async () => {
    const zip = zipOfCsv({ "a.csv": "\uFEFFx,y\n1,2\n", "notes.txt": "skip me", "b.csv": "z\n3\n4\n" });
    expect(await collect(chunked(zip))).toEqual([{ x: "1", y: "2" }, { z: "3" }, { z: "4" }]);
  });

  it("reads entries chosen by a filter, with another delimiter", async () => {
    const zip = zipOfCsv({ "data.tsv": "a;b\n1;2\n" });
    expect(await collect(chunked(zip), { entry: (name) => name.endsWith(".tsv"), delimiter: ";" })).toEqual([
      { a: "1", b: "2" },
    ]);
  });

  it("fails on a zip without CSV and on a zip cut short", async () => {
    expect(await caught(collect(chunked(zipOfCsv({ "readme.txt": "hi" }))))).toBeInstanceOf(SdkError);
    const zip = zipOfCsv({ "big.csv": `n\n${Array.from({ length: 5_000 }, (_, index) => index).join("\n")}\n` });
    const error = await caught(collect(chunked(zip.slice(0, Math.floor(zip.byteLength / 2)), 512)));
    expect(error).toBeInstanceOf(Error);
  });
});
