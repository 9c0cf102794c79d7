import { createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join } from "node:path";
import { gunzipSync } from "node:zlib";

/** The fixed JSON body every plain API call gets back (one small report row set). */
export const FIXED_JSON = JSON.stringify({
  result: [
    { date: "2026-03-01", active: 1234, new: 56 },
    { date: "2026-03-02", active: 1301, new: 61 },
  ],
  status: "SUCCESS",
});

/** Reo.Dev's documented success answer. */
export const REO_ACCEPTED = JSON.stringify({ response_code: "200", response: "Data Uploaded", status: "success" });

/** Counters the benchmarks read back over `GET /__stats` (and clear with `POST /__reset`). */
export interface ServerCounters {
  requests: number;
  reoEvents: number;
  batchRequests: number;
  batchEvents: number;
  logins: number;
  bytesIn: number;
}

export interface LoopbackServerOptions {
  /** Folder served read-only under `/files/<name>` (export downloads) and `/static/<name>` (browser pages). */
  filesDir?: string;
  /** Answer 401 to `/v3/reporting/…` calls that do not carry the session cookie set at login (smoke tests). */
  requireSession?: boolean;
}

export interface LoopbackServer {
  url: string;
  counters: ServerCounters;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".zip": "application/zip",
  ".csv": "text/csv",
};

/**
 * One keep-alive node:http server on 127.0.0.1 (ephemeral port) standing in for every vendor at once: Revenera's
 * login dance (CSRF cookie, then two session cookies) and reports, Reo.Dev's ingest calls, PostHog's `/batch/` and
 * Segment's `/v1/batch`, plus file downloads. Answers at once with fixed bodies, so what a benchmark measures is the
 * client. Only listens on loopback.
 */
export async function startLoopbackServer(options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const counters: ServerCounters = emptyCounters();
  const server: Server = createServer({ keepAlive: true }, (request, response) => {
    counters.requests += 1;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      counters.bytesIn += chunk.length;
      chunks.push(chunk);
    });
    request.on("end", () => {
      handle(request, response, decodeBody(request, Buffer.concat(chunks)), counters, options);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** PostHog gzips its batches; everything else is plain JSON. */
function decodeBody(request: IncomingMessage, raw: Buffer): string {
  try {
    return (request.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
  } catch {
    return "";
  }
}

function emptyCounters(): ServerCounters {
  return { requests: 0, reoEvents: 0, batchRequests: 0, batchEvents: 0, logins: 0, bytesIn: 0 };
}

function handle(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  counters: ServerCounters,
  options: LoopbackServerOptions,
): void {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const path = url.pathname;
  if (path === "/__stats") {
    json(response, 200, JSON.stringify(counters));
    return;
  }
  if (path === "/__reset") {
    Object.assign(counters, emptyCounters());
    json(response, 200, JSON.stringify(counters));
    return;
  }
  if (path === "/v3/request-csrf") {
    response.setHeader("Set-Cookie", "RUI-Csrf-Request=bench-csrf; Path=/; HttpOnly; SameSite=Lax");
    response.writeHead(204).end();
    return;
  }
  if (path === "/v3/auth/web") {
    counters.logins += 1;
    response.setHeader("Set-Cookie", [
      "RUI-Csrf=bench-csrf-token; Path=/; SameSite=Lax",
      "RUI-Session-Token=bench-session-token; Path=/; HttpOnly; SameSite=Lax",
    ]);
    json(response, 200, JSON.stringify({ account: {}, freeware: {}, products: {}, userSettings: {} }));
    return;
  }
  if (path === "/v3/auth/logout") {
    response.setHeader("Set-Cookie", "RUI-Session-Token=; Path=/; Max-Age=0");
    response.writeHead(204).end();
    return;
  }
  if (
    options.requireSession &&
    path.startsWith("/v3/reporting/") &&
    !/(?:^|;\s*)RUI-Session-Token=bench-session-token(?:;|$)/.test(request.headers.cookie ?? "")
  ) {
    json(response, 401, JSON.stringify({ error: "Unauthorized", message: "no session cookie" }));
    return;
  }
  if (path === "/api/product/usage" || path === "/api/product/aggregateusage") {
    counters.reoEvents += 1;
    json(response, 200, REO_ACCEPTED);
    return;
  }
  if (path === "/batch/" || path === "/batch" || path === "/v1/batch") {
    counters.batchRequests += 1;
    counters.batchEvents += countBatch(body);
    json(response, 200, "{}");
    return;
  }
  if ((path.startsWith("/files/") || path.startsWith("/static/")) && options.filesDir) {
    sendFile(response, join(options.filesDir, basename(decodeURIComponent(path))));
    return;
  }
  json(response, 200, FIXED_JSON);
  return;
}

function json(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

function countBatch(body: string): number {
  try {
    const parsed = JSON.parse(body) as { batch?: unknown[] };
    return Array.isArray(parsed.batch) ? parsed.batch.length : 0;
  } catch {
    return 0;
  }
}

function sendFile(response: ServerResponse, file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    json(response, 404, JSON.stringify({ error: "no such file" }));
    return;
  }
  response.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": size,
  });
  createReadStream(file).pipe(response);
}
