import { closeSync, openSync, writeSync } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { ConnectionError } from "@org/sdk-core";
import { CliError } from "../errors/cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { httpGet } from "./http-get.js";

/** Outcome of one download. */
export interface DownloadResult {
  bytes: number;
  /** Bytes that were already on disk from an interrupted run. */
  resumedFrom: number;
}

/**
 * Downloads `url` into `target` through `target.part`, resuming a partial file with an HTTP Range request (a host
 * that ignores Range gets a full restart). The URL is on the file host, not the API: the request carries no
 * cookie and no API header. The body length is checked against `Content-Length`/`Content-Range`, and the file is
 * renamed into place only when complete; a mismatch deletes the part file and fails with exit code 6.
 */
export async function downloadResumable(
  url: string,
  target: string,
  options: { signal?: AbortSignal; onBytes?: (count: number) => void; check?: (bytes: number) => string | undefined },
): Promise<DownloadResult> {
  const part = `${target}.part`;
  const offset = (await stat(part).catch(() => undefined))?.size ?? 0;
  const where = new URL(url);
  const label = `${where.origin}${where.pathname}`;
  let response: IncomingMessage;
  try {
    response = await httpGet(where, offset > 0 ? { range: `bytes=${offset}-` } : {}, options.signal);
  } catch (error) {
    throw new ConnectionError({ method: "GET", path: label }, { cause: error });
  }
  const status = response.statusCode ?? 0;
  if (status === 416 && offset > 0) {
    response.resume();
    await rm(part, { force: true });
    return downloadResumable(url, target, options);
  }
  if (status < 200 || status >= 300) {
    response.resume();
    throw new CliError(`Download of ${label} failed with HTTP ${status}.`, ExitCode.unavailable);
  }
  const resumed = status === 206 ? offset : 0;
  const expected = expectedTotal(response, resumed);
  options.onBytes?.(resumed);
  let received = resumed;
  // Every chunk is written as it arrives, so an interruption leaves exactly the received bytes on disk.
  const fd = openSync(part, resumed > 0 ? "a" : "w");
  try {
    await new Promise<void>((resolve, reject) => {
      response.on("data", (chunk: Buffer) => {
        writeSync(fd, chunk);
        received += chunk.length;
        options.onBytes?.(chunk.length);
      });
      response.once("error", reject);
      response.once("close", () => (response.complete ? resolve() : reject(new Error("connection closed early"))));
    });
  } catch (error) {
    if (options.signal?.aborted) {
      throw error;
    }
    throw new CliError(
      `Download of ${label} was interrupted after ${received} bytes; run the same command again to resume.`,
      ExitCode.unavailable,
      { cause: error },
    );
  } finally {
    closeSync(fd);
  }
  const problem =
    expected !== undefined && received !== expected
      ? `received ${received} bytes but the host announced ${expected}`
      : options.check?.(received);
  if (problem) {
    await rm(part, { force: true });
    throw new CliError(
      `Size check failed for ${target}: ${problem}. The partial file was deleted.`,
      ExitCode.verification,
    );
  }
  await rename(part, target);
  return { bytes: received, resumedFrom: resumed };
}

function expectedTotal(response: IncomingMessage, offset: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers["content-range"] ?? "");
  if (range?.[1]) {
    return Number(range[1]);
  }
  const length = response.headers["content-length"];
  return length === undefined ? undefined : offset + Number(length);
}
