import { type ReveneraTestServer, startReveneraTestServer, TEST_PASSWORD } from "@org/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, createReveneraClient, InvalidArgumentError } from "../../src/index.js";
import { EVENTS_KEY, PRODUCT, testClient } from "../support/clients.js";
import { caught, watchSecrets } from "../support/leak-watch.js";

let server: ReveneraTestServer;
const events = { result: [] };

beforeEach(async () => {
  server = await startReveneraTestServer();
  watchSecrets(server.issuedSecrets);
  server.route(EVENTS_KEY, () => ({ status: 200, json: events }));
});
afterEach(async () => {
  await server.close();
});

const listEvents = (rui: ReturnType<typeof testClient>["rui"]) =>
  rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT });

describe("expired session", () => {
  it("logs in again once and replays the call", async () => {
    const { rui } = testClient(server.url);
    await listEvents(rui);
    server.expireSessions();
    const { data } = await listEvents(rui);
    expect(data).toEqual(events);
    expect(server.logins()).toBe(2);
    expect(server.count(EVENTS_KEY)).toBe(3);
  });

  it("shares one re-login among 20 concurrent calls that all got 401", async () => {
    const { rui } = testClient(server.url);
    await listEvents(rui);
    server.expireSessions();
    const results = await Promise.all(Array.from({ length: 20 }, () => listEvents(rui)));
    expect(results.every((result) => result.data !== undefined)).toBe(true);
    expect(server.logins()).toBe(2);
  });

  it("returns AuthenticationError after a second 401, without looping", async () => {
    let calls = 0;
    server.route("GET /v3/event-tracking/42", () => {
      calls++;
      return { status: 401, json: { message: "Unauthorized" } };
    });
    const { rui } = testClient(server.url);
    const { data, error } = await rui.GET("/v3/event-tracking/{product_id}", {
      params: { path: { product_id: "42" } },
    });
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      path: "/v3/event-tracking/{product_id}",
      body: { message: "Unauthorized" },
    });
    expect(calls).toBe(2);
    expect(server.logins()).toBe(2);
  });
});

describe("logout", () => {
  it("ends the session on the server and empties the jar; the next call logs in again", async () => {
    const { rui } = testClient(server.url);
    await listEvents(rui);
    await rui.logout();
    expect(rui.loggedIn).toBe(false);
    expect(server.count("POST /v3/auth/logout")).toBe(1);
    expect(server.requests.at(-1)?.body).toBe("");
    await caught(rui.exportSession());
    await listEvents(rui);
    expect(server.logins()).toBe(2);
  });

  it("is a no-op when not logged in", async () => {
    const { rui } = testClient(server.url);
    await rui.logout();
    expect(server.requests).toHaveLength(0);
  });

  it("ends every session of the user with allSessions", async () => {
    const first = testClient(server.url).rui;
    const second = testClient(server.url).rui;
    await listEvents(first);
    await listEvents(second);
    await first.logout({ allSessions: true });
    expect(JSON.parse(server.requests.at(-1)?.body ?? "")).toMatchObject({ password: TEST_PASSWORD });
    // The second client's session is gone too: its next call needs (and gets) a new login.
    await listEvents(second);
    expect(server.logins()).toBe(3);
  });
});

describe("session export and restore", () => {
  it("reuses an exported session without the password and without logging in", async () => {
    const { rui } = testClient(server.url);
    await listEvents(rui);
    const session = await rui.exportSession();
    const json = JSON.stringify(session);
    expect(json).not.toContain(TEST_PASSWORD);
    expect(session).toMatchObject({ format: "revenera-session/1", baseUrl: server.url });

    const restored = createReveneraClient({ baseUrl: server.url, session: JSON.parse(json), env: {} });
    expect(restored.loggedIn).toBe(true);
    expect((await listEvents(restored)).data).toEqual(events);
    expect(server.logins()).toBe(1);
  });

  it("cannot renew a restored session without the password: the 401 comes back as AuthenticationError", async () => {
    const { rui } = testClient(server.url);
    await rui.login();
    const restored = createReveneraClient({ baseUrl: server.url, session: await rui.exportSession(), env: {} });
    server.expireSessions();
    const { error } = await listEvents(restored);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.logins()).toBe(1);
  });

  it("renews a restored session when the password is given", async () => {
    const { rui } = testClient(server.url);
    await rui.login();
    const { rui: restored } = testClient(server.url, { session: await rui.exportSession() });
    server.expireSessions();
    expect((await listEvents(restored)).data).toEqual(events);
    expect(server.logins()).toBe(2);
  });

  it("rejects a session of another base URL before any request", async () => {
    const { rui } = testClient(server.url);
    await rui.login();
    const session = await rui.exportSession();
    const error = await caught(
      Promise.resolve().then(() => createReveneraClient({ baseUrl: "https://other.example", session, env: {} })),
    );
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).issues[0]?.path).toBe("session.baseUrl");
  });
});

describe("browser mode", () => {
  it('sends credentials: "include", keeps no jar and sets no Cookie header', async () => {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      if (request.url.endsWith("/v3/request-csrf")) {
        return new Response(null, { status: 204, headers: { "set-cookie": "csrf=abc; Path=/" } });
      }
      if (request.url.endsWith("/v3/auth/web")) {
        return Response.json({ account: {} }, { headers: { "set-cookie": "RUI-Session-Token=browser-owned; Path=/" } });
      }
      return Response.json(events);
    };
    const { rui } = testClient("https://analytics-api.revenera.com", { cookieMode: "browser", fetch });
    expect((await listEvents(rui)).data).toEqual(events);
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.credentials).toBe("include");
      expect(request.headers.get("cookie")).toBeNull();
    }
    const error = await caught(rui.exportSession());
    expect(error).toBeInstanceOf(InvalidArgumentError);
  });
});
