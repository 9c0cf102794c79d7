import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AbortedError,
  ConnectionError,
  createResilientFetch,
  type LogEntry,
  type ResilientFetchOptions,
  sleep,
  TimeoutError,
} from "../../src/index.js";

const fast = { initialDelayMs: 1, maxDelayMs: 10 };

/** A fetch that answers from a script, one entry per attempt, and records every request it got. */
function scripted(script: (Response | Error | "hang")[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    const next = script[requests.length - 1] ?? new Response("out of script", { status: 599 });
    if (next === "hang") {
      return new Promise<Response>((_, reject) =>
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true }),
      );
    }
    if (next instanceof Error) {
      throw next;
    }
    return next;
  };
  return { fetch, requests };
}

function client(fetch: ResilientFetchOptions["fetch"], options: ResilientFetchOptions = {}) {
  const entries: LogEntry[] = [];
  const resilient = createResilientFetch({
    fetch,
    retry: fast,
    logger: (entry) => entries.push(entry),
    random: () => 1,
    ...options,
  });
  return { resilient, entries };
}

const get = () => new Request("https://api.example/items/1");
const post = () => new Request("https://api.example/items", { method: "POST", body: '{"a":1}' });

describe("createResilientFetch", () => {
  it("retries 503 on a GET and returns the final response", async () => {
    const { fetch, requests } = scripted([new Response("busy", { status: 503 }), new Response("ok")]);
    const { resilient, entries } = client(fetch);
    const response = await resilient(get());
    expect(await response.text()).toBe("ok");
    expect(requests).toHaveLength(2);
    expect(entries.filter((entry) => entry.event === "retry")).toHaveLength(1);
  });

  it("returns the last error response once retries are used up (turning it into an error is the caller's job)", async () => {
    const { fetch, requests } = scripted(Array.from({ length: 5 }, () => new Response("busy", { status: 502 })));
    const response = await client(fetch).resilient(get());
    expect(response.status).toBe(502);
    expect(requests).toHaveLength(3);
  });

  it("does not retry a POST unless the call says it is safe, and resends the same body when it is", async () => {
    const first = scripted([new Response("", { status: 503 }), new Response("ok")]);
    expect((await client(first.fetch).resilient(post())).status).toBe(503);
    expect(first.requests).toHaveLength(1);

    const second = scripted([new Response("", { status: 503 }), new Response("ok")]);
    expect((await client(second.fetch).resilient(post(), { retrySafe: true })).status).toBe(200);
    expect(await Promise.all(second.requests.map((request) => request.text()))).toEqual(['{"a":1}', '{"a":1}']);
  });

  it("honours Retry-After (capped by maxDelayMs) for 429", async () => {
    const { fetch } = scripted([
      new Response("", { status: 429, headers: { "retry-after": "30" } }),
      new Response("ok"),
    ]);
    const { resilient, entries } = client(fetch);
    await resilient(get());
    expect(entries.find((entry) => entry.event === "retry")?.data?.delayMs).toBe(10);
  });

  it("does not retry statuses outside the policy", async () => {
    const { fetch, requests } = scripted([new Response("", { status: 500 }), new Response("ok")]);
    expect((await client(fetch).resilient(get())).status).toBe(500);
    expect(requests).toHaveLength(1);
  });

  it("retries network errors, then throws ConnectionError naming the operation", async () => {
    const failure = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
    const { fetch, requests } = scripted([failure, failure, failure]);
    const error = await client(fetch)
      .resilient(get(), { operation: { method: "GET", path: "/items/{id}" } })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("GET /items/{id} failed: no response from the server: connect ECONNREFUSED");
    expect(requests).toHaveLength(3);
  });

  it("times out each attempt and throws TimeoutError after the retries", async () => {
    const { fetch, requests } = scripted(["hang", "hang"]);
    const error = await client(fetch, { retry: { ...fast, maxRetries: 1 } })
      .resilient(get(), { timeoutMs: 20 })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(20);
    expect(requests).toHaveLength(2);
  });

  it("throws AbortedError without retrying when the caller aborts", async () => {
    const { fetch, requests } = scripted(["hang", "hang"]);
    const controller = new AbortController();
    const pending = client(fetch)
      .resilient(new Request("https://api.example/x", { signal: controller.signal }))
      .catch((thrown: unknown) => thrown);
    await sleep(5);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(requests).toHaveLength(1);
  });

  it("throws AbortedError when the caller aborts during the wait before a retry", async () => {
    const { fetch } = scripted([new Response("", { status: 503 }), new Response("ok")]);
    const controller = new AbortController();
    const { resilient } = client(fetch, { retry: { initialDelayMs: 5_000, maxDelayMs: 5_000 } });
    const pending = resilient(new Request("https://api.example/x", { signal: controller.signal })).catch(
      (thrown: unknown) => thrown,
    );
    await sleep(5);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
  });
});

describe("body and signal in the call options", () => {
  it("sends the given body on every attempt and never reads the request, so it can be sent again", async () => {
    const { fetch, requests } = scripted([new Response("", { status: 503 }), new Response("ok"), new Response("ok")]);
    const { resilient } = client(fetch);
    const request = new Request("https://api.example/items", { method: "POST" });
    expect((await resilient(request, { retrySafe: true, body: '{"a":1}' })).status).toBe(200);
    expect(request.bodyUsed).toBe(false);
    expect((await resilient(request, { body: '{"a":1}' })).status).toBe(200);
    expect(await Promise.all(requests.map((sent) => sent.text()))).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);
    expect(requests.every((sent) => sent.method === "POST" && sent.url === "https://api.example/items")).toBe(true);
  });

  it("aborts on the call's signal in place of the request's", async () => {
    const { fetch, requests } = scripted(["hang", "hang"]);
    const controller = new AbortController();
    const pending = client(fetch)
      .resilient(new Request("https://api.example/x"), { signal: controller.signal })
      .catch((thrown: unknown) => thrown);
    await sleep(5);
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
    expect(requests).toHaveLength(1);
  });

  it("passes the attempt's signal and body to a send hook as fetch's init", async () => {
    const seen: { request: Request; init: RequestInit }[] = [];
    const resilient = createResilientFetch({
      send: async (request, init) => {
        seen.push({ request, init });
        return new Response("ok");
      },
    });
    const request = new Request("https://api.example/items", { method: "POST" });
    await resilient(request, { body: "payload" });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.request).toBe(request);
    expect(seen[0]?.init.body).toBe("payload");
    expect(seen[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe("bufferBody against a real server", () => {
  let server: Server;
  let url = "";
  let attempts = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      attempts++;
      const body = JSON.stringify({ whole: "body" });
      res.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
      if (attempts === 1) {
        res.write(body.slice(0, 5));
        setTimeout(() => res.destroy(), 5);
      } else {
        res.end(body);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("turns a body cut short into a retried ConnectionError", async () => {
    const resilient = createResilientFetch({ retry: fast, bufferBody: true });
    const response = await resilient(new Request(url));
    expect(await response.json()).toEqual({ whole: "body" });
    expect(attempts).toBe(2);

    attempts = 0;
    const once = createResilientFetch({ retry: false, bufferBody: true });
    const error = await once(new Request(url)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("the response was cut short");
  });
});
