import { createReadStream, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import {
  ApiError,
  type ArgumentIssue,
  AuthenticationError,
  createRateLimiter,
  InvalidArgumentError,
  redactSecrets,
  SdkError,
} from "@org/sdk-core";
import { createReoIngest } from "../client/create-reo-ingest.js";
import type { ReoIngest } from "../client/types.js";
import { prepareEvent } from "../event/prepare-event.js";
import type { EventDefaults, EventKind, EventSource } from "../event/types.js";
import { Checkpoint } from "./checkpoint.js";
import { deriveEventId } from "./derive-event-id.js";
import { NdjsonFile } from "./ndjson-file.js";
import { parseSendArgs, type SendArgs, USAGE } from "./parse-args.js";
import { createProgress } from "./progress.js";
import { type InputRecord, readRecords } from "./read-records.js";

/** The process around the CLI (tests pass their own). */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** The final summary of a run: every line read is counted in exactly one of sent, failed, invalid, skipped, notAttempted. */
export interface SendSummary {
  lines: number;
  sent: number;
  /** Failed for good and written to the dead-letter file. */
  failed: number;
  /** Failed validation and written to the invalid report. */
  invalid: number;
  /** Duplicates, lines finished by an earlier run, and blank lines. */
  skipped: number;
  duplicates: number;
  resumed: number;
  blank: number;
  /** Lines read but not sent because an authentication failure stopped the run (a rerun resumes them). */
  notAttempted: number;
  deadLetter: string | undefined;
  invalidReport: string | undefined;
  checkpoint: string | undefined;
  stoppedBy: string | undefined;
  exitCode: number;
}

/** Event ids remembered for duplicate detection (about 100 bytes each); older ones are forgotten. */
const DEDUP_WINDOW = 1_000_000;

/**
 * `reo-ingest send <file|->`: validates every line, sends the valid ones with bounded concurrency (and an optional
 * rate limit), writes permanent failures to a dead-letter file and invalid lines to a report, and records every
 * finished line in a checkpoint so that a killed run resumes without resending.
 *
 * @returns the process exit code.
 */
export async function sendCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseSendArgs(argv);
  if ("help" in args) {
    io.stdout.write(`${args.help}\n`);
    return 0;
  }
  if ("error" in args) {
    io.stderr.write(`reo-ingest: ${args.error}\n\n${USAGE}\n`);
    return 2;
  }
  const apiKey = io.env.REO_API_KEY;
  let client: ReoIngest;
  let checkpoint: Checkpoint | undefined;
  let size: number | undefined;
  try {
    client = createReoIngest({
      apiKey,
      productId: args.productId,
      environment: args.environment,
      source: args.source as EventSource | undefined,
      baseUrl: args.baseUrl,
      env: io.env,
      // running the command is the consent: DO_NOT_TRACK is about background telemetry
      honorOptOutEnv: false,
      concurrency: args.concurrency,
      timeoutMs: args.timeoutMs,
      retry: { maxRetries: args.maxRetries, initialDelayMs: args.retryDelayMs },
    });
    size = args.input === "-" ? undefined : statSync(args.input).size;
    checkpoint = args.checkpoint ? new Checkpoint(args.checkpoint, resolve(args.input)) : undefined;
  } catch (error) {
    io.stderr.write(`reo-ingest: ${redactSecrets((error as Error).message, [apiKey])}\n`);
    return 2;
  }

  const input = args.input === "-" ? io.stdin : createReadStream(args.input);
  const run = new Run(args, client, checkpoint, io, apiKey);
  const progress = createProgress(io.stderr, size, !args.quiet);
  const records = readRecords(input, args.format);
  const worker = async () => {
    while (!run.stoppedBy) {
      const next = await records.next();
      if (next.done) {
        return;
      }
      await run.handle(next.value);
      progress.update((input as { bytesRead?: number }).bytesRead ?? 0, run.summary);
    }
  };
  // the SDK's timers (retry waits) are unref'd so they never hold a host program open; this command is the
  // program, so it holds itself open until the run is over
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    await Promise.all(Array.from({ length: args.concurrency }, worker));
  } catch (error) {
    io.stderr.write(`reo-ingest: cannot read ${args.input}: ${(error as Error).message}\n`);
    return 2;
  } finally {
    clearInterval(keepAlive);
    progress.stop();
    await records.return(undefined);
    input.destroy();
    run.close();
  }
  return run.finish();
}

/** The state of one run: counters, files, and what to do with each record. */
class Run {
  readonly summary: SendSummary;
  stoppedBy: AuthenticationError | undefined;
  private readonly kind: EventKind;
  private readonly defaults: EventDefaults;
  private readonly deadLetter: NdjsonFile;
  private readonly invalidReport: NdjsonFile;
  private readonly seen = new Set<string>();
  private readonly limiter;
  private readonly invalidSamples: string[] = [];
  private readonly json: boolean;

  constructor(
    args: SendArgs,
    private readonly client: ReoIngest,
    private readonly checkpoint: Checkpoint | undefined,
    private readonly io: CliIo,
    private readonly apiKey: string | undefined,
  ) {
    this.kind = args.aggregate ? "aggregate" : "usage";
    this.json = args.json;
    this.defaults = {
      source: (args.source ?? io.env.REO_PRODUCT_USAGE_SOURCE ?? "TELEMETRY") as EventSource,
      productId: args.productId,
      environment: args.environment ?? io.env.REO_PRODUCT_USAGE_ENVIRONMENT,
    };
    this.deadLetter = new NdjsonFile(args.deadLetter);
    this.invalidReport = new NdjsonFile(args.invalidReport);
    this.limiter = args.rate === undefined ? undefined : createRateLimiter(args.rate);
    this.summary = {
      lines: 0,
      sent: 0,
      failed: 0,
      invalid: 0,
      skipped: 0,
      duplicates: 0,
      resumed: 0,
      blank: 0,
      notAttempted: 0,
      deadLetter: undefined,
      invalidReport: undefined,
      checkpoint: args.checkpoint,
      stoppedBy: undefined,
      exitCode: 0,
    };
  }

  /** Sends, skips or reports one record; never throws for a bad record or a failed send. */
  async handle(record: InputRecord): Promise<void> {
    const { summary } = this;
    summary.lines++;
    if (this.checkpoint?.has(record.line)) {
      summary.skipped++;
      summary.resumed++;
      return;
    }
    if ("blank" in record) {
      summary.skipped++;
      summary.blank++;
      return;
    }
    if ("error" in record) {
      this.invalid(record.line, [{ path: "", rule: record.error }]);
      return;
    }
    const value = { ...record.value };
    if (value.event_id === undefined || value.event_id === null || value.event_id === "") {
      value.event_id = deriveEventId(record.raw);
    }
    let payload: Record<string, unknown>;
    let eventId: string;
    try {
      const prepared = prepareEvent(this.kind, value, this.defaults);
      payload = (JSON.parse(prepared.body) as { payload: Record<string, unknown> }).payload;
      eventId = prepared.eventId;
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) {
        throw error;
      }
      this.invalid(record.line, error.issues);
      return;
    }
    if (this.seen.has(eventId)) {
      summary.skipped++;
      summary.duplicates++;
      this.checkpoint?.mark(record.line);
      return;
    }
    this.remember(eventId);
    await this.limiter?.wait();
    try {
      // the payload is already normalised, so the client sends exactly what was validated
      await (this.kind === "aggregate"
        ? this.client.sendAggregate(payload as Parameters<ReoIngest["sendAggregate"]>[0])
        : this.client.send(payload as Parameters<ReoIngest["send"]>[0]));
      summary.sent++;
      this.checkpoint?.mark(record.line);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        this.stoppedBy ??= error;
        this.seen.delete(eventId);
        summary.notAttempted++;
        return;
      }
      summary.failed++;
      summary.deadLetter = this.deadLetter.path;
      this.deadLetter.append({ line: record.line, error: this.describe(error), payload });
      this.checkpoint?.mark(record.line);
    }
  }

  close(): void {
    this.checkpoint?.close();
    this.deadLetter.close();
    this.invalidReport.close();
  }

  /** Prints the summary and returns the exit code. */
  finish(): number {
    const { summary, io } = this;
    if (this.stoppedBy) {
      summary.stoppedBy = this.redact(this.stoppedBy.message);
      summary.exitCode = 3;
    } else {
      summary.exitCode = summary.failed + summary.invalid > 0 ? 1 : 0;
    }
    if (this.json) {
      io.stdout.write(`${JSON.stringify(summary)}\n`);
      return summary.exitCode;
    }
    const lines = [
      `reo-ingest: ${summary.lines} lines: ${summary.sent} sent, ${summary.failed} failed, ${summary.invalid} invalid, ` +
        `${summary.skipped} skipped (${summary.duplicates} duplicate, ${summary.resumed} already done, ${summary.blank} blank)`,
      ...this.invalidSamples,
    ];
    if (summary.invalid > this.invalidSamples.length) {
      lines.push(`  ... ${summary.invalid - this.invalidSamples.length} more invalid lines`);
    }
    if (summary.invalidReport) {
      lines.push(`invalid lines: ${summary.invalidReport}`);
    }
    if (summary.deadLetter) {
      lines.push(`failed events: ${summary.deadLetter}`);
    }
    if (summary.stoppedBy) {
      lines.push(`stopped: ${summary.stoppedBy}. Check REO_API_KEY, then run the same command again to resume.`);
    }
    io.stdout.write(`${lines.join("\n")}\n`);
    return summary.exitCode;
  }

  private invalid(line: number, issues: readonly ArgumentIssue[]): void {
    this.summary.invalid++;
    this.summary.invalidReport = this.invalidReport.path;
    this.invalidReport.append({ line, issues });
    if (this.invalidSamples.length < 10) {
      const rules = issues.map((issue) => (issue.path ? `${issue.path} ${issue.rule}` : issue.rule)).join("; ");
      this.invalidSamples.push(`  line ${line}: ${rules}`);
    }
    this.checkpoint?.mark(line);
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    if (this.seen.size > DEDUP_WINDOW) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) {
        this.seen.delete(oldest);
      }
    }
  }

  private describe(error: unknown): Record<string, unknown> {
    const message = this.redact(error instanceof Error ? error.message : String(error));
    if (error instanceof ApiError) {
      return { name: error.name, message, status: error.status, requestId: error.requestId, body: error.body };
    }
    return { name: SdkError.isInstance(error) ? error.name : "Error", message };
  }

  private redact(text: string): string {
    return redactSecrets(text, [this.apiKey]);
  }
}
