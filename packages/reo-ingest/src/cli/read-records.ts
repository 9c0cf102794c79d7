import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";

/** One input record: its line number, its raw text, and either the parsed value or why it could not be parsed. */
export type InputRecord =
  | { line: number; raw: string; value: Record<string, unknown> }
  | { line: number; raw: string; blank: true }
  | { line: number; raw: string; error: string };

/** The input formats the CLI reads. */
export type InputFormat = "ndjson" | "csv";

/**
 * Streams the records of NDJSON or CSV input one at a time (memory stays constant whatever the file size). Line
 * numbers are 1-based and count the CSV header.
 */
export function readRecords(input: Readable, format: InputFormat): AsyncGenerator<InputRecord> {
  return format === "csv" ? readCsv(input) : readNdjson(input);
}

async function* readNdjson(input: Readable): AsyncGenerator<InputRecord> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (raw.trim() === "") {
      yield { line, raw, blank: true };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      yield { line, raw, error: `is not valid JSON (${(error as Error).message})` };
      continue;
    }
    yield typeof value === "object" && value !== null && !Array.isArray(value)
      ? { line, raw, value: value as Record<string, unknown> }
      : { line, raw, error: "must be a JSON object" };
  }
}

/**
 * CSV with a header row. Columns named like event fields become fields; `meta.<key>` columns become keys of
 * `meta`; empty cells are absent; `count` is converted to a number (CSV has only text). A malformed row is
 * reported with its line and parsing goes on.
 */
async function* readCsv(input: Readable): AsyncGenerator<InputRecord> {
  const malformed: InputRecord[] = [];
  const parser = input.pipe(
    parse({
      columns: true,
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        malformed.push({
          line: Number(error?.lines ?? 0),
          raw: raw ?? "",
          error: `is not a valid CSV row (${error?.message})`,
        });
        return undefined;
      },
    }),
  );
  for await (const { record, raw, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    raw: string;
    info: { lines: number };
  }>) {
    yield* malformed.splice(0);
    yield { line: info.lines, raw: raw.replace(/\r?\n$/, ""), value: fromCsvRow(record) };
  }
  yield* malformed.splice(0);
}

function fromCsvRow(row: Record<string, string>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const meta: Record<string, string> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === "") {
      continue;
    }
    if (column.startsWith("meta.")) {
      meta[column.slice("meta.".length)] = cell;
    } else {
      value[column] = column === "count" && /^[0-9]+$/.test(cell) ? Number(cell) : cell;
    }
  }
  if (Object.keys(meta).length > 0) {
    value.meta = meta;
  }
  return value;
}
