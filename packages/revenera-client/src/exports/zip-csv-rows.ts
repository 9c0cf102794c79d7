import { SdkError } from "@org/sdk-core";
import { Unzip, UnzipInflate } from "fflate";
import { CsvRowParser } from "./csv-row-parser.js";

/** Options of {@link zipCsvRows}. */
export interface ZipCsvOptions {
  /** Which zip entries to read. Default: every entry whose name ends in `.csv` (none: an error). */
  entry?: (name: string) => boolean;
  /** CSV delimiter, one character. Default `,`. */
  delimiter?: string;
}

/** One zip entry's bytes, as fflate hands them out. */
interface Piece {
  name: string;
  data: Uint8Array;
  final: boolean;
}

/**
 * Streams the CSV files inside a zip as rows, one object per line keyed by the header line, in constant memory:
 * the zip is inflated chunk by chunk (fflate), decoded as UTF-8 and parsed as it arrives ({@link CsvRowParser}),
 * and nothing is read from the source faster than the loop consumes rows. Web APIs only (no Node built-in), so it
 * runs in Node, Deno, Bun, browsers and edge runtimes. Breaking out of the loop cancels the source.
 *
 * @example
 * ```ts
 * for await (const row of zipCsvRows(response.body)) console.log(row.clientId);
 * ```
 */
export async function* zipCsvRows<Row extends Record<string, string> = Record<string, string>>(
  zip: ReadableStream<Uint8Array>,
  options: ZipCsvOptions = {},
): AsyncGenerator<Row> {
  let parser = new CsvRowParser<Row>(options.delimiter); // checks the options before anything is read
  let decoder = new TextDecoder();
  /** The entry being read, until its last piece. */
  let name: string | undefined;
  for await (const piece of zipPieces(zip, options.entry)) {
    name ??= piece.name;
    if (piece.name !== name) {
      break;
    }
    const rows = parser.push(decoder.decode(piece.data, { stream: !piece.final }));
    if (piece.final) {
      parser.end(rows);
      parser = new CsvRowParser<Row>(options.delimiter);
      decoder = new TextDecoder();
      name = undefined;
    }
    yield* rows;
  }
  if (name !== undefined) {
    throw new SdkError(`The zip entry ${name} ended early: the download was cut short`);
  }
}

/** The decompressed bytes of the selected entries, in order, each entry's last piece marked `final`. */
async function* zipPieces(zip: ReadableStream<Uint8Array>, entry?: (name: string) => boolean): AsyncGenerator<Piece> {
  const ready: Piece[] = [];
  let failure: unknown;
  const seen: string[] = [];
  const unzip = new Unzip((file) => {
    seen.push(file.name);
    if (!(entry ? entry(file.name) : /\.csv$/i.test(file.name))) {
      return;
    }
    file.ondata = (error, data, final) => {
      if (error) {
        failure = error;
        return;
      }
      ready.push({ name: file.name, data, final });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const reader = zip.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      unzip.push(value ?? new Uint8Array(0), done);
      if (failure) {
        throw failure;
      }
      while (ready.length > 0) {
        yield ready.shift() as Piece;
      }
      if (done) {
        break;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  if (!entry && !seen.some((name) => /\.csv$/i.test(name))) {
    throw new SdkError(`The zip holds no .csv entry (entries: ${seen.slice(0, 5).join(", ") || "none"})`);
  }
}
