import { ORIGIN, type ReveneraTestServer, startReveneraTestServer, TEST_PASSWORD, TEST_USER } from "@org/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, BadRequestError, createReveneraClient } from "../../src/index.js";
import { CLIENT_NAME, CLIENT_VERSION } from "../../src/internal/client-identity.js";
import { EVENTS_KEY, PRODUCT, testClient } from "../support/clients.js";
import { caught, watchSecrets } from "../support/leak-watch.js";

let server: ReveneraTestServer;
const events = { result: [{ category: "File", categoryEventNames: [{ eventName: "Open" }] }] };

async function start(options?: Parameters<typeof startReveneraTestServer>[0]) {
  server = await startReveneraTestServer(options);
  watchSecrets(server.issuedSecrets);
  server.route(EVENTS_KEY, () => ({ status: 200, json: events }));
}

afterEach(async () => {
  await server.close();
});

describe("lazy login", () => {
  beforeEach(() => start());

  it("logs in on the first call (request-csrf, then auth/web) and sends the session cookies after", async () => {
    const { rui } = testClient(server.url);
    expect(rui.loggedIn).toBe(false);
    const { data, error } = await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT });
    expect(error).toBeUndefined();
    expect(data).toEqual(events);
    expect(rui.loggedIn).toBe(true);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /v3/request-csrf",
      "POST /v3/auth/web",
      EVENTS_KEY,
    ]);
    const [csrf, auth, call] = server.requests;
    expect(csrf?.headers.cookie).toBeUndefined();
    // The CSRF cookie has a name the client has never heard of: the jar keeps it anyway (Secure + HttpOnly on 127.0.0.1).
    expect(auth?.headers.cookie).toMatch(/^XSRF-Unknown-Name=csrf-/);
    expect(JSON.parse(auth?.body ?? "")).toEqual({ userName: TEST_USER, password: TEST_PASSWORD });
    // The CSRF cookie was deleted by auth/web (Max-Age=0); both session cookies came in separate Set-Cookie lines.
    expect(call?.headers.cookie).toMatch(/^RUI-Csrf=ruicsrf-\w+; RUI-Session-Token=session-\w+$/);
  });

  it("sends Origin, RUI-Client and RUI-Client-Version on every call", async () => {
    const { rui } = testClient(server.url);
    await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT });
    for (const request of server.requests) {
      expect(request.headers.origin).toBe(ORIGIN);
      expect(request.headers["rui-client"]).toBe(CLIENT_NAME);
      expect(request.headers["rui-client-version"]).toBe(CLIENT_VERSION);
    }
    expect(CLIENT_NAME).toBe("@org/revenera-client");
  });

  it("lets the caller choose the RUI-Client identity", async () => {
    const { rui } = testClient(server.url, { clientName: "Postman", clientVersion: "0.0.1" });
    await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT });
    expect(server.requests.at(-1)?.headers["rui-client"]).toBe("Postman");
    expect(server.requests.at(-1)?.headers["rui-client-version"]).toBe("0.0.1");
  });

  it("shares one login among 20 concurrent calls", async () => {
    const { rui } = testClient(server.url);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT })),
    );
    expect(results.every((result) => result.data !== undefined)).toBe(true);
    expect(server.logins()).toBe(1);
    expect(server.count("GET /v3/request-csrf")).toBe(1);
    expect(server.count(EVENTS_KEY)).toBe(20);
  });

  it("returns the account data from an explicit login()", async () => {
    const { rui } = testClient(server.url);
    const account = await rui.login();
    expect(account.products).toEqual({ "1234567890": {} });
    expect(rui.loggedIn).toBe(true);
  });

  it("throws AuthenticationError on a wrong password, without retrying the login", async () => {
    const { rui } = testClient(server.url, { password: "wrong-password" });
    const error = await caught(rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      method: "POST",
      path: "/v3/auth/web",
      body: { message: "Unauthorized" },
    });
    expect(server.count("POST /v3/auth/web")).toBe(1);
    expect(server.count(EVENTS_KEY)).toBe(0);
  });

  it("reads the credentials from REVENERA_USERNAME and REVENERA_PASSWORD", async () => {
    const rui = createReveneraClient({
      baseUrl: server.url,
      env: { REVENERA_USERNAME: TEST_USER, REVENERA_PASSWORD: TEST_PASSWORD },
    });
    expect((await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT })).data).toEqual(events);
  });
});

describe('"Cookie Missing"', () => {
  it("retries auth/web a bounded number of times", async () => {
    await start({ cookieMissingTimes: 2 });
    const { rui, logger } = testClient(server.url);
    await rui.login();
    expect(server.count("POST /v3/auth/web")).toBe(3);
    expect(logger.entries.filter((entry) => entry.message.includes("Cookie Missing"))).toHaveLength(2);
  });

  it("gives up with BadRequestError after cookieMissingRetries", async () => {
    await start({ cookieMissingTimes: 100 });
    const { rui } = testClient(server.url, { cookieMissingRetries: 2 });
    const error = await caught(rui.login());
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe("POST /v3/auth/web failed with HTTP 400: Cookie Missing");
    expect(server.count("POST /v3/auth/web")).toBe(3);
  });

  it("copes with a server without request-csrf that hands out the cookie with its first refusal", async () => {
    await start({ csrfEndpointMissing: true });
    const { rui, logger } = testClient(server.url);
    await rui.login();
    expect(server.count("POST /v3/auth/web")).toBe(2);
    expect(logger.entries.some((entry) => entry.message.includes("request-csrf answered HTTP 404"))).toBe(true);
  });
});
