import cliProgress from "cli-progress";
import type { Context } from "../context.js";

/** A byte progress bar on stderr (only on a terminal and without `--json`; otherwise a no-op). */
export interface Progress {
  start(totalBytes: number): void;
  advance(bytes: number, fileName: string): void;
  /** Prints a line above the bar. */
  note(line: string): void;
  stop(): void;
}

/** Creates the export's progress bar (cli-progress). */
export function createProgress(ctx: Context, enabled: boolean): Progress {
  const show = enabled && ctx.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    {
      stream: ctx.stderr as NodeJS.WritableStream,
      format: " {bar} {percentage}% | {done}/{size} | {file}",
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  return {
    start(totalBytes) {
      if (show) {
        bar.start(Math.max(totalBytes, 1), 0, { done: mb(0), size: mb(totalBytes), file: "" });
      }
    },
    advance(bytes, file) {
      done += bytes;
      if (show) {
        bar.setTotal(Math.max(bar.getTotal(), done));
        bar.update(done, { done: mb(done), file });
      }
    },
    note(line) {
      if (show) {
        bar.stop();
        ctx.stderr.write(`${line}\n`);
        bar.start(bar.getTotal(), done, { done: mb(done), size: mb(bar.getTotal()), file: "" });
      } else {
        ctx.stderr.write(`${line}\n`);
      }
    },
    stop() {
      if (show) {
        bar.stop();
      }
    },
  };
}
