import { SdkError } from "@org/sdk-core";
import { Unzip, UnzipInflate } from "fflate";

/** Options of {@link zipCsvRows}. */
export interface ZipCsvOptions {
  /** Which zip entries to read. Default: every entry whose name ends in `.csv` (none: an error). */
  entry?: (name: string) => boolean;
  /** CSV delimiter. Default `,`. */
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
 * the zip is inflated chunk by chunk (fflate) and parsed as it arrives (csv-parse), and nothing is read from the
 * source faster than the loop consumes rows. Breaking out of the loop cancels the source.
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
  const { parse } = await import("csv-parse/stream");
  const pieces = zipPieces(zip, options.entry)[Symbol.asyncIterator]();
  try {
    let next = await pieces.next();
    while (!next.done) {
      let first: Piece | undefined = next.value;
      const name = first.name;
      let ended = first.final;
      const bytes = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const piece = first ?? (await pieces.next()).value;
          first = undefined;
          if (!piece || piece.name !== name) {
            controller.error(new SdkError(`The zip entry ${name} ended early: the download was cut short`));
            return;
          }
          controller.enqueue(piece.data);
          if (piece.final) {
            ended = true;
            controller.close();
          }
        },
      });
      const rows = bytes.pipeThrough(
        parse({ columns: true, bom: true, delimiter: options.delimiter ?? ",", skip_empty_lines: true }),
      ) as ReadableStream<Row>;
      yield* readAll(rows);
      if (!ended) {
        throw new SdkError(`The zip entry ${name} ended early: the download was cut short`);
      }
      next = await pieces.next();
    }
  } finally {
    await pieces.return?.(undefined);
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

async function* readAll<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
