import { parseArgs } from "node:util";
import type { InputFormat } from "./read-records.js";

/** The usage text of `reo-ingest`. */
export const USAGE = `Usage: reo-ingest send <file|-> [options]

Sends Reo.Dev product usage events from NDJSON (one JSON object per line) or CSV (header row; meta.<key>
columns become meta) to the Product Usage API. The API key comes from REO_API_KEY.

Options:
  --format <ndjson|csv>     input format (default: from the file extension, else ndjson)
  --aggregate               send to /api/product/aggregateusage (events need mode and count)
  --product-id <id>         product_id for events without one
  --environment <name>      environment for events without one
  --source <TELEMETRY|PRODUCT_CLOUD>  source for events without one (default TELEMETRY)
  --concurrency <n>         requests in flight at once (default 8)
  --rate <n>                at most n requests a second (default: no limit)
  --checkpoint <file>       progress file for resuming (default: <file>.checkpoint; none for stdin)
  --dead-letter <file>      events that failed for good (default: <file>.dead-letter.ndjson)
  --invalid-report <file>   lines that failed validation (default: <file>.invalid.ndjson)
  --max-retries <n>         retries per event on network errors, timeouts, 429 and 5xx (default 5)
  --retry-delay-ms <n>      first retry delay, doubling (default 500)
  --timeout-ms <n>          timeout of one attempt (default 10000)
  --base-url <url>          default https://ingest.reo.dev
  --json                    print the final summary as JSON
  --quiet                   no progress bar
  -h, --help                this text

Exit codes: 0 every line sent or skipped; 1 some lines invalid or dead-lettered; 2 usage or input error;
3 stopped by an authentication failure (fix REO_API_KEY and run again: it resumes).`;

/** The parsed command line of `reo-ingest send`. */
export interface SendArgs {
  input: string;
  format: InputFormat;
  aggregate: boolean;
  productId: string | undefined;
  environment: string | undefined;
  source: string | undefined;
  concurrency: number;
  rate: number | undefined;
  checkpoint: string | undefined;
  deadLetter: string;
  invalidReport: string;
  maxRetries: number;
  retryDelayMs: number;
  timeoutMs: number;
  baseUrl: string | undefined;
  json: boolean;
  quiet: boolean;
}

/** Parses `argv` (without `node` and the script); returns the help text or an error message instead when due. */
export function parseSendArgs(argv: readonly string[]): SendArgs | { help: string } | { error: string } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { help: USAGE };
  }
  const [command, input, ...extra] = positionals;
  if (command !== "send" || input === undefined || extra.length > 0) {
    return { error: "expected: reo-ingest send <file|->" };
  }
  const format = values.format ?? (/\.csv$/i.test(input) ? "csv" : "ndjson");
  if (format !== "ndjson" && format !== "csv") {
    return { error: `--format must be ndjson or csv, got ${format}` };
  }
  const numbers: Record<string, number | undefined> = {};
  for (const [name, fallback, min] of [
    ["concurrency", 8, 1],
    ["rate", undefined, 0.001],
    ["max-retries", 5, 0],
    ["retry-delay-ms", 500, 0],
    ["timeout-ms", 10_000, 1],
  ] as const) {
    const text = values[name];
    const value = text === undefined ? fallback : Number(text);
    if (value !== undefined && (!Number.isFinite(value) || value < min)) {
      return { error: `--${name} must be a number of at least ${min}, got ${text}` };
    }
    numbers[name] = value;
  }
  const fromFile = input === "-" ? undefined : input;
  return {
    input,
    format,
    aggregate: values.aggregate ?? false,
    productId: values["product-id"],
    environment: values.environment,
    source: values.source,
    concurrency: Math.floor(numbers.concurrency ?? 8),
    rate: numbers.rate,
    checkpoint: values.checkpoint ?? (fromFile && `${fromFile}.checkpoint`),
    deadLetter: values["dead-letter"] ?? `${fromFile ?? "stdin"}.dead-letter.ndjson`,
    invalidReport: values["invalid-report"] ?? `${fromFile ?? "stdin"}.invalid.ndjson`,
    maxRetries: Math.floor(numbers["max-retries"] ?? 5),
    retryDelayMs: numbers["retry-delay-ms"] ?? 500,
    timeoutMs: numbers["timeout-ms"] ?? 10_000,
    baseUrl: values["base-url"],
    json: values.json ?? false,
    quiet: values.quiet ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string" },
      aggregate: { type: "boolean" },
      "product-id": { type: "string" },
      environment: { type: "string" },
      source: { type: "string" },
      concurrency: { type: "string" },
      rate: { type: "string" },
      checkpoint: { type: "string" },
      "dead-letter": { type: "string" },
      "invalid-report": { type: "string" },
      "max-retries": { type: "string" },
      "retry-delay-ms": { type: "string" },
      "timeout-ms": { type: "string" },
      "base-url": { type: "string" },
      json: { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
