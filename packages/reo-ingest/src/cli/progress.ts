import cliProgress from "cli-progress";

/** The counters the progress bar shows. */
export interface ProgressCounts {
  lines: number;
  sent: number;
  failed: number;
  invalid: number;
  skipped: number;
}

/** A progress display: updated as lines finish, stopped at the end. */
export interface Progress {
  update(bytesRead: number, counts: ProgressCounts): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { update() {}, stop() {} };

/**
 * A cli-progress bar on `stream` (stderr), sized in bytes of the input when its size is known. Off (a no-op) when
 * the stream is not a terminal or `enabled` is false, so logs and pipes get no escape codes.
 */
export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  totalBytes: number | undefined,
  enabled: boolean,
): Progress {
  if (!enabled || !stream.isTTY) {
    return NO_PROGRESS;
  }
  const counts = "{lines} lines | sent {sent} | failed {failed} | invalid {invalid} | skipped {skipped}";
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: totalBytes
        ? `reo-ingest [{bar}] {percentage}% | ${counts} | eta {eta_formatted}`
        : `reo-ingest ${counts}`,
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes ?? 0, 0, { lines: 0, sent: 0, failed: 0, invalid: 0, skipped: 0 });
  return {
    update(bytesRead, current) {
      bar.update(totalBytes ? Math.min(bytesRead, totalBytes) : 0, { ...current });
    },
    stop() {
      bar.stop();
    },
  };
}
