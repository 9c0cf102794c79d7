// A stateful stand-in for the Revenera API on 127.0.0.1, for what a Prism mock cannot model: the CSRF cookie being
// required at auth/web, several Set-Cookie lines, Secure/HttpOnly cookies, sessions that expire, per-route faults.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const TEST_USER = "analyst@example.com";
export const TEST_PASSWORD = "Pa55-word-that-must-never-leak";
export const ORIGIN = "https://analytics.revenera.com";

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A route's answer; `raw` takes over the response entirely (for cut-short bodies, slow answers, …). */
export type RouteHandler = (
  request: SeenRequest,
  res: ServerResponse,
) => RouteAnswer | undefined | Promise<RouteAnswer | undefined>;
export interface RouteAnswer {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export interface TestServerOptions {
  /** `request-csrf` answers 404; auth/web hands out the CSRF cookie with its first "Cookie Missing" answer instead. */
  csrfEndpointMissing?: boolean;
  /** auth/web answers "Cookie Missing" this many times even with the cookie. */
  cookieMissingTimes?: number;
}

export interface ReveneraTestServer {
  url: string;
  requests: SeenRequest[];
  /** Logins that succeeded. */
  logins: () => number;
  /** Every cookie value the server handed out (CSRF and session tokens), for leak checks. */
  issuedSecrets: () => string[];
  /** Forgets every session: the next authenticated call gets 401. */
  expireSessions: () => void;
  /** Answers `METHOD /path` (the concrete path, without query) with a handler; the session is checked first. */
  route: (key: string, handler: RouteHandler) => void;
  /** How many requests reached `METHOD /path`. */
  count: (key: string) => number;
  close: () => Promise<void>;
}

const CSRF_COOKIE = "XSRF-Unknown-Name";

export async function startReveneraTestServer(options: TestServerOptions = {}): Promise<ReveneraTestServer> {
  const requests: SeenRequest[] = [];
  const routes = new Map<string, RouteHandler>();
  const csrfTokens = new Set<string>();
  const sessions = new Map<string, string>(); // session token -> RUI-Csrf value
  const issued: string[] = [];
  let logins = 0;
  let cookieMissingLeft = options.cookieMissingTimes ?? 0;
  const token = (prefix: string) => {
    const value = `${prefix}-${randomBytes(12).toString("hex")}`;
    issued.push(value);
    return value;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const seen: SeenRequest = {
      method: req.method ?? "GET",
      path,
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(seen);
    const key = `${seen.method} ${path}`;
    const cookies = parseCookieHeader(req.headers.cookie);
    const send = (answer: RouteAnswer) => {
      const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? "");
      res.writeHead(answer.status, {
        ...(answer.json !== undefined ? { "content-type": "application/json" } : {}),
        ...answer.headers,
      });
      res.end(answer.status === 204 ? undefined : body);
    };

    if (req.headers.origin !== ORIGIN) {
      send({ status: 403, json: { message: "Forbidden: bad Origin" } });
      return;
    }
    if (key === "GET /v3/request-csrf") {
      if (options.csrfEndpointMissing) {
        send({ status: 404, json: { message: "Not Found" } });
        return;
      }
      const csrf = token("csrf");
      csrfTokens.add(csrf);
      res.setHeader("set-cookie", `${CSRF_COOKIE}=${csrf}; Path=/; Secure; HttpOnly; SameSite=None`);
      send({ status: 204 });
      return;
    }
    if (key === "POST /v3/auth/web") {
      const csrf = cookies.get(CSRF_COOKIE);
      if (!csrf || !csrfTokens.has(csrf) || cookieMissingLeft > 0) {
        cookieMissingLeft = Math.max(0, cookieMissingLeft - 1);
        if (options.csrfEndpointMissing) {
          const fresh = token("csrf");
          csrfTokens.add(fresh);
          res.setHeader("set-cookie", `${CSRF_COOKIE}=${fresh}; Path=/; Secure; HttpOnly`);
        }
        send({ status: 400, json: { message: "Cookie Missing" } });
        return;
      }
      const credentials = JSON.parse(seen.body || "{}") as { userName?: string; password?: string };
      if (credentials.userName !== TEST_USER || credentials.password !== TEST_PASSWORD) {
        send({ status: 401, json: { message: "Unauthorized" } });
        return;
      }
      const session = token("session");
      const ruiCsrf = token("ruicsrf");
      sessions.set(session, ruiCsrf);
      logins++;
      res.setHeader("set-cookie", [
        `RUI-Csrf=${ruiCsrf}; Path=/; Secure; SameSite=None`,
        `RUI-Session-Token=${session}; Path=/; Secure; HttpOnly; SameSite=None`,
        `${CSRF_COOKIE}=; Path=/; Max-Age=0`,
      ]);
      send({
        status: 200,
        json: { account: { name: "Analyst" }, freeware: {}, products: { "1234567890": {} }, userSettings: {} },
      });
      return;
    }

    const session = cookies.get("RUI-Session-Token");
    const authenticated = session !== undefined && sessions.get(session) === cookies.get("RUI-Csrf");
    if (!authenticated) {
      send({ status: 401, json: { message: "Unauthorized" } });
      return;
    }
    if (key === "POST /v3/auth/logout") {
      const body = seen.body ? (JSON.parse(seen.body) as { password?: string }) : {};
      if (body.password === TEST_PASSWORD) {
        sessions.clear();
      } else if (session) {
        sessions.delete(session);
      }
      res.setHeader("set-cookie", ["RUI-Session-Token=; Path=/; Max-Age=0", "RUI-Csrf=; Path=/; Max-Age=0"]);
      send({ status: 204 });
      return;
    }
    const handler = routes.get(key);
    if (!handler) {
      send({ status: 404, json: { message: `No route ${key}` } });
      return;
    }
    const answer = await handler(seen, res);
    if (answer) {
      send(answer);
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    logins: () => logins,
    issuedSecrets: () => [...issued],
    expireSessions: () => sessions.clear(),
    route: (key, handler) => routes.set(key, handler),
    count: (key) => requests.filter((request) => `${request.method} ${request.path}` === key).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) {
      cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
    }
  }
  return cookies;
}
