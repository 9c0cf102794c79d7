import { closeSync, openSync, writeSync } from "node:fs";

/** An append-only NDJSON file (dead letters, invalid lines), written synchronously so a kill loses nothing. */
export class NdjsonFile {
  private fd: number | undefined;

  constructor(readonly path: string) {}

  /** Appends one record; the file is created on the first record. */
  append(record: unknown): void {
    this.fd ??= openSync(this.path, "a");
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
    }
  }
}
