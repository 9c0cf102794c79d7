import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Chances (0..1) of each fault per request; they are drawn in this order from one seeded random stream. */
export interface Faults {
  /** Answer 500. */
  error500?: number;
  /** Destroy the socket before answering (the event was not recorded). */
  resetBefore?: number;
  /** Record the event, then destroy the socket: the client never hears of the success and retries (a replay). */
  resetAfter?: number;
  /** Answer 429 with `Retry-After` (seconds, may be fractional). */
  rateLimit?: number;
  retryAfter?: string;
  /** Delay the answer by `slowMs`. */
  slow?: number;
  slowMs?: number;
  /** Hold every request until the server closes (a server that never answers). */
  hang?: boolean;
}

/** What the server saw. */
export interface IngestLog {
  /** Every request, in arrival order. */
  attempts: number;
  /** Bodies of recorded events, by event_id (more than one entry = a replay). */
  accepted: Map<string, string[]>;
}

/** A loopback imitation of Reo.Dev's ingest API that injects faults. */
export interface FaultServer extends IngestLog {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a loopback HTTP server that answers both ingest paths like Reo.Dev: `{"response_code":"200",...}` for a
 * good key, HTTP 400 `{"response_code":400,"response":"Authentication Failure"}` for another key, plus the
 * configured faults, drawn from a seeded generator so runs are reproducible.
 */
export async function startFaultServer(options: { apiKey?: string; faults?: Faults; seed?: number } = {}) {
  const apiKey = options.apiKey ?? "test-key";
  const faults = options.faults ?? {};
  const random = mulberry32(options.seed ?? 42);
  const log: IngestLog = { attempts: 0, accepted: new Map() };
  const hanging = new Set<ServerResponse>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    log.attempts++;
    let body = "";
    for await (const chunk of request) {
      body += chunk;
    }
    if (faults.hang) {
      hanging.add(response);
      return;
    }
    if (request.headers["x-api-key"] !== apiKey) {
      return json(response, 400, { response_code: 400, response: "Authentication Failure", status: "failure" });
    }
    if (random() < (faults.slow ?? 0)) {
      await new Promise((resolve) => setTimeout(resolve, faults.slowMs ?? 100));
    }
    if (random() < (faults.error500 ?? 0)) {
      return json(response, 500, { message: "injected failure" });
    }
    if (random() < (faults.resetBefore ?? 0)) {
      request.socket.destroy();
      return;
    }
    if (random() < (faults.rateLimit ?? 0)) {
      response.setHeader("retry-after", faults.retryAfter ?? "0.01");
      return json(response, 429, { message: "slow down" });
    }
    const eventId = String((JSON.parse(body) as { payload: { event_id: string } }).payload.event_id);
    log.accepted.set(eventId, [...(log.accepted.get(eventId) ?? []), body]);
    if (random() < (faults.resetAfter ?? 0)) {
      request.socket.destroy();
      return;
    }
    response.setHeader("x-request-id", `req-${log.attempts}`);
    json(response, 200, { response_code: "200", response: "Data Uploaded", status: "success" });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const result: FaultServer = {
    url: `http://127.0.0.1:${port}`,
    get attempts() {
      return log.attempts;
    },
    accepted: log.accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) {
          response.destroy();
        }
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return result;
}

/** A port on which nothing listens (bound, then released). */
export async function deadPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** A small seeded PRNG (mulberry32), so fault patterns repeat from run to run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
