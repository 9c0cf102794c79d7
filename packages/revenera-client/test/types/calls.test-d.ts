import { describe, expectTypeOf, it } from "vitest";
import {
  type ApiError,
  type components,
  createReveneraClient,
  type ReveneraClient,
  type ReveneraSession,
} from "../../src/index.js";

declare const rui: ReveneraClient;
const product = { path: { product_id: "1234567890" } };

describe("typed calls", () => {
  it("types the body and the data of a report", async () => {
    const { data, error } = await rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
      params: product,
      body: { startDate: "2026-01-01", stopDate: "2026-01-31", dateSplit: "day", clientStatus: ["active"] },
      timeoutMs: 5_000,
      retry: { maxRetries: 1 },
    });
    if (error) {
      expectTypeOf(error).toExtend<ApiError>();
      expectTypeOf(error.status).toEqualTypeOf<number>();
    } else {
      expectTypeOf(data).toEqualTypeOf<components["schemas"]["DateRangeReportResponse"]>();
    }
  });

  it("needs no options for a call without params or body", async () => {
    const { data } = await rui.GET("/v3/meta/productProperties");
    expectTypeOf(data).toEqualTypeOf<components["schemas"]["ProductPropertiesResponse"] | undefined>();
  });

  it("types paging items", async () => {
    for await (const client of rui.paginate("/v3/reporting/clientPropertyList/{product_id}", {
      params: product,
      body: { properties: ["prodVersion"] },
    })) {
      expectTypeOf(client.clientId).toEqualTypeOf<string>();
    }
  });

  it("rejects invalid calls at compile time", () => {
    // @ts-expect-error unknown path
    void rui.GET("/v3/no/such/path");
    // @ts-expect-error POST-only operation called with GET
    void rui.GET("/v3/reporting/generic/dateRange/{product_id}", { params: product });
    // @ts-expect-error product_id is required
    void rui.GET("/v3/event-tracking/{product_id}");
    void rui.POST("/v3/reporting/generic/dateRange/{product_id}", {
      params: product,
      // @ts-expect-error clientStatus is required and startDate must be a string
      body: { startDate: 20260101, stopDate: "2026-01-31", dateSplit: "day" },
    });
    // @ts-expect-error PATCH exists only for the license-key update
    void rui.PATCH("/v3/license-key-registry/{product_id}", { params: product, body: { filters: {} } });
    // @ts-expect-error timeoutMs is a number
    void rui.GET("/v3/event-tracking/{product_id}", { params: product, timeoutMs: "5s" });
    void rui.paginate("/v3/meta/propertyValues/{product_id}", {
      params: product,
      // @ts-expect-error the cursor is managed by paginate
      body: { property: "os", startAfter: "x" },
    });
    // @ts-expect-error only paged operations can be paginated
    void rui.paginate("/v3/reporting/generic/dateRange/{product_id}", { params: product, body: {} });
    // @ts-expect-error unknown export kind
    void rui.exports.listFiles("logs", "1");
  });

  it("keeps the session serialisable and password-free", async () => {
    const session = await rui.exportSession();
    expectTypeOf(session).toEqualTypeOf<ReveneraSession>();
    // @ts-expect-error no password in a session
    void session.password;
    createReveneraClient({ session });
  });
});
