import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";

/**
 * Which input lines are finished (sent, dead-lettered, reported invalid or skipped as duplicates), kept in an
 * append-only file so that a killed run resumes where it stopped. Each finished line is written synchronously as
 * it finishes, so even `kill -9` loses at most the events whose answer was not yet written (sent again on resume,
 * with the same `event_id`). Memory: the lines finished above the first unfinished one (about the concurrency).
 */
export class Checkpoint {
  private readonly fd: number;
  /** Every line up to and including this one is finished. */
  private watermark = 0;
  private readonly above = new Set<number>();

  /** Opens (and reads) the checkpoint of `input`; throws when the file belongs to another input. */
  constructor(
    readonly path: string,
    input: string,
  ) {
    const header = JSON.stringify({ reoIngestCheckpoint: 1, input });
    if (existsSync(path)) {
      const [first, ...lines] = readFileSync(path, "utf8").split("\n");
      if (first !== header) {
        throw new Error(`checkpoint ${path} belongs to another input (${first}); remove it or pass --checkpoint`);
      }
      for (const line of lines) {
        if (/^[0-9]+$/.test(line)) {
          this.add(Number(line));
        }
      }
      this.fd = openSync(path, "a");
    } else {
      this.fd = openSync(path, "a");
      writeSync(this.fd, `${header}\n`);
    }
  }

  /** Whether a line was finished by an earlier run (or this one). */
  has(line: number): boolean {
    return line <= this.watermark || this.above.has(line);
  }

  /** Records a line as finished. */
  mark(line: number): void {
    writeSync(this.fd, `${line}\n`);
    this.add(line);
  }

  /** How many lines are recorded as finished. */
  get finished(): number {
    return this.watermark + this.above.size;
  }

  close(): void {
    closeSync(this.fd);
  }

  private add(line: number): void {
    this.above.add(line);
    while (this.above.delete(this.watermark + 1)) {
      this.watermark++;
    }
  }
}
