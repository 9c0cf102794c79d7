// The facade against a Prism mock of the spec (--errors): the login dance with the spec's Set-Cookie examples
// (Prism sends both session cookies joined in one header line), authenticated calls that Prism's security check
// accepts only with those cookies, logout, paging and the export helpers.
import { slViolations } from "@org/test-utils";
import { describe, expect, inject, it } from "vitest";
import { AuthenticationError, createReveneraClient, type ReveneraClient } from "../../src/index.js";
import { PRODUCT } from "../support/clients.js";
import { watchedLogger } from "../support/leak-watch.js";

/** A client of the Prism mock that records every response it got, to check them for violations. */
function prismClient(): { rui: ReveneraClient; requests: Request[]; responses: Response[] } {
  const requests: Request[] = [];
  const responses: Response[] = [];
  const rui = createReveneraClient({
    userName: "test@test.com",
    password: "helloTest",
    baseUrl: inject("prismUrl"),
    logger: watchedLogger(),
    env: {},
    fetch: async (request) => {
      requests.push(request.clone());
      const response = await fetch(request);
      responses.push(response.clone());
      return response;
    },
  });
  return { rui, requests, responses };
}

describe("session against the spec (Prism)", () => {
  it("logs in with request-csrf + auth/web and sends both cookies of the joined Set-Cookie line", async () => {
    const { rui, requests, responses } = prismClient();
    const { data, error } = await rui.GET("/v3/event-tracking/{product_id}", { params: PRODUCT });
    expect(error).toBeUndefined();
    expect(data?.result?.[0]?.category).toBe("File");
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      "/v3/request-csrf",
      "/v3/auth/web",
      "/v3/event-tracking/1234567890",
    ]);
    expect(requests[1]?.headers.get("cookie")).toBe("RUI-Csrf-Request=mock-csrf-request-token");
    // Every cookie is kept (the spec's examples are Secure, and still round-trip over http://127.0.0.1).
    expect(requests[2]?.headers.get("cookie")).toBe(
      "RUI-Csrf-Request=mock-csrf-request-token; RUI-Csrf=mock-csrf; RUI-Session-Token=mock-session-token",
    );
    for (const response of responses) {
      expect(slViolations(response)).toEqual([]);
    }
  });

  it("gets Prism's documented 401 without cookies (the check the jar must satisfy)", async () => {
    const response = await fetch(`${inject("prismUrl")}/v3/event-tracking/1234567890`, {
      headers: { Origin: "https://analytics.revenera.com" },
    });
    expect(response.status).toBe(401);
  });

  it("logs out with 204 and empties the jar", async () => {
    const { rui, requests } = prismClient();
    await rui.login();
    await rui.logout();
    expect(rui.loggedIn).toBe(false);
    expect(requests.at(-1)?.headers.get("cookie")).toContain("RUI-Session-Token=mock-session-token");
    await expect(rui.exportSession()).rejects.toThrow(/no active session/);
  });

  it("maps the spec's documented 401 of auth/web to AuthenticationError", async () => {
    const rui = createReveneraClient({
      userName: "test@test.com",
      password: "helloTest",
      baseUrl: inject("prismUrl"),
      env: {},
      fetch: (request) => {
        const headers = new Headers(request.headers);
        if (new URL(request.url).pathname === "/v3/auth/web") {
          headers.set("Prefer", "code=401");
        }
        return fetch(new Request(request, { headers }));
      },
    });
    await expect(rui.login()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe("helpers against the spec (Prism)", () => {
  it("pages clientPropertyList and stops when the cursor repeats", async () => {
    const { rui, requests } = prismClient();
    const ids: string[] = [];
    for await (const client of rui.paginate("/v3/reporting/clientPropertyList/{product_id}", {
      params: PRODUCT,
      body: { properties: ["prodVersion"] },
    })) {
      ids.push(client.clientId);
    }
    // Prism always serves the first example (nextClientId MOCKCLIENT0201): page 2 repeats the cursor, so paging stops.
    expect(ids).toEqual(["MOCKCLIENT0001", "MOCKCLIENT0002", "MOCKCLIENT0001", "MOCKCLIENT0002"]);
    const bodies = requests.filter((request) => request.url.includes("clientPropertyList"));
    expect(await Promise.all(bodies.map(async (request) => (await request.json()).startAtClientId))).toEqual([
      null,
      "MOCKCLIENT0201",
    ]);
  });

  it("pages propertyValues with startAfter", async () => {
    const { rui, responses } = prismClient();
    const pages = [];
    for await (const page of rui
      .paginate("/v3/meta/propertyValues/{product_id}", {
        params: PRODUCT,
        body: { property: "os", granularity: "version" },
      })
      .pages()) {
      pages.push(page.lastValue);
    }
    expect(pages).toEqual(["Microsoft Windows 10", "Microsoft Windows 10"]);
    for (const response of responses) {
      expect(slViolations(response)).toEqual([]);
    }
  });

  it("lists export files and gets a download URL for each kind", async () => {
    const { rui } = prismClient();
    const raw = await rui.exports.listFiles("rawEvents", "1234567890");
    expect(raw.fileList?.[0]?.fileName).toBe("1234567890_2026-03-01.zip");
    const custom = await rui.exports.listFiles("customEvents", "1234567890");
    expect(custom.dailyFiles?.[0]?.fileName).toBe("1234567890_cust_2026-03-01.zip");
    const exceptions = await rui.exports.listFiles("exceptions", "1234567890");
    expect(exceptions.monthlyFiles?.length).toBeGreaterThan(0);
    for (const kind of ["rawEvents", "customEvents", "exceptions"] as const) {
      const url = await rui.exports.getDownloadUrl(kind, "1234567890", "1234567890_2026-03-01.zip");
      expect(url).toMatch(/^https:\/\/downloads\.example\.com\//);
    }
  });
});
