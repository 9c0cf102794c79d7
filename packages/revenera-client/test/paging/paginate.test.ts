import { type ReveneraTestServer, startReveneraTestServer } from "@org/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/index.js";
import { PRODUCT, testClient } from "../support/clients.js";
import { caught, watchSecrets } from "../support/leak-watch.js";

let server: ReveneraTestServer;
beforeEach(async () => {
  server = await startReveneraTestServer();
  watchSecrets(server.issuedSecrets);
});
afterEach(async () => {
  await server.close();
});

const CLIENTS = "POST /v3/reporting/clientPropertyList/1234567890";
const VALUES = "POST /v3/meta/propertyValues/1234567890";
/** Five clients, two per page, served by startAtClientId like the real API. */
const ids = ["C1", "C2", "C3", "C4", "C5"];
function serveClients(onPage?: (page: number) => void) {
  let page = 0;
  server.route(CLIENTS, (request) => {
    onPage?.(page++);
    const body = JSON.parse(request.body) as { startAtClientId: string | null; properties?: string[] };
    const start = body.startAtClientId === null ? 0 : ids.indexOf(body.startAtClientId);
    const slice = ids.slice(start, start + 2);
    const next = ids[start + 2];
    return {
      status: 200,
      json: {
        result: slice.map((clientId) => ({ clientId, prodVersion: "2.1.0" })),
        reachedEnd: next === undefined,
        ...(next ? { nextClientId: next } : {}),
      },
    };
  });
}

describe("clientPropertyList", () => {
  it("walks every page with startAtClientId / nextClientId until reachedEnd", async () => {
    serveClients();
    const { rui } = testClient(server.url);
    const seen: string[] = [];
    for await (const client of rui.paginate("/v3/reporting/clientPropertyList/{product_id}", {
      params: PRODUCT,
      body: { properties: ["prodVersion"] },
    })) {
      seen.push(client.clientId);
    }
    expect(seen).toEqual(ids);
    const cursors = server.requests
      .filter((request) => `${request.method} ${request.path}` === CLIENTS)
      .map((request) => (JSON.parse(request.body) as { startAtClientId: unknown }).startAtClientId);
    expect(cursors).toEqual([null, "C3", "C5"]);
  });

  it("logs in again transparently when the session expires mid-way", async () => {
    serveClients((page) => {
      if (page === 1) {
        server.expireSessions();
      }
    });
    const { rui } = testClient(server.url);
    const pages = [];
    for await (const page of rui
      .paginate("/v3/reporting/clientPropertyList/{product_id}", { params: PRODUCT, body: {} })
      .pages()) {
      pages.push(page.result?.map((client) => client.clientId));
    }
    expect(pages).toEqual([["C1", "C2"], ["C3", "C4"], ["C5"]]);
    expect(server.logins()).toBe(2);
  });

  it("fetches nothing more when the loop stops early", async () => {
    serveClients();
    const { rui } = testClient(server.url);
    for await (const client of rui.paginate("/v3/reporting/clientPropertyList/{product_id}", {
      params: PRODUCT,
      body: {},
    })) {
      expect(client.clientId).toBe("C1");
      break;
    }
    expect(server.count(CLIENTS)).toBe(1);
  });

  it("throws the typed error of a failing page", async () => {
    server.route(CLIENTS, () => ({ status: 400, json: { message: "unknown property nope" } }));
    const { rui } = testClient(server.url);
    const iterate = async () => {
      for await (const _ of rui.paginate("/v3/reporting/clientPropertyList/{product_id}", {
        params: PRODUCT,
        body: { properties: ["nope"] },
      })) {
        // nothing
      }
    };
    const error = await caught(iterate());
    expect(error).toBeInstanceOf(BadRequestError);
  });
});

describe("propertyValues", () => {
  it("walks startAfter / lastValue until no lastValue comes back", async () => {
    const values = ["Win 10", "Win 11", "macOS 15"];
    server.route(VALUES, (request) => {
      const body = JSON.parse(request.body) as { startAfter?: string };
      const start = body.startAfter === undefined ? 0 : values.indexOf(body.startAfter) + 1;
      const slice = values.slice(start, start + 2);
      const more = start + 2 < values.length;
      return {
        status: 200,
        json: { result: slice.map((value) => ({ value })), ...(more ? { lastValue: slice.at(-1) } : {}) },
      };
    });
    const { rui } = testClient(server.url);
    const seen: (string | undefined)[] = [];
    for await (const value of rui.paginate("/v3/meta/propertyValues/{product_id}", {
      params: PRODUCT,
      body: { property: "os", granularity: "version" },
    })) {
      seen.push(value.value);
    }
    expect(seen).toEqual(values);
    expect(server.count(VALUES)).toBe(2);
  });
});
