// Every operation of the Revenera spec, called through the generated openapi-fetch client against a Prism mock of
// the same spec (started by vitest's globalSetup, with --errors): success with the spec's own request example,
// the documented 401, and Prism's report on a sample of invalid requests.
import { listOperations, slViolations, specExamples, specPath } from "@org/test-utils";
import createClient, { type Client } from "openapi-fetch";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { operations, paths } from "../../src/generated/schema.js";

type OperationId = keyof operations;
type JsonBody<Id extends OperationId> = operations[Id] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

const examples = specExamples(specPath.revenera);
/** The spec's first named request example of an operation, typed as that operation's body. */
function body<Id extends OperationId>(operationId: Id): JsonBody<Id> {
  const [first] = Object.values(examples[operationId]?.request ?? {});
  return first as JsonBody<Id>;
}

const SESSION = "RUI-Session-Token=contract-session; RUI-Csrf=contract-csrf";
const product = { path: { product_id: "1234567890" } };
let client: Client<paths>;
beforeAll(() => {
  client = createClient<paths>({ baseUrl: inject("prismUrl"), headers: { Origin: "https://analytics.revenera.com" } });
});

type Call = (headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** One typed call per operation; the type makes a missing operation a compile error. */
const calls: Record<OperationId, Call> = {
  requestCsrf: (headers) => client.GET("/v3/request-csrf", { headers }),
  authenticate: (headers) => client.POST("/v3/auth/web", { body: body("authenticate"), headers }),
  logout: (headers) => client.POST("/v3/auth/logout", { headers }),
  getProductProperties: (headers) => client.GET("/v3/meta/productProperties", { headers }),
  getProductPropertiesForProduct: (headers) =>
    client.GET("/v3/meta/productProperties/{product_id}", { params: product, headers }),
  getPropertyValues: (headers) =>
    client.POST("/v3/meta/propertyValues/{product_id}", { params: product, body: body("getPropertyValues"), headers }),
  listEventNames: (headers) => client.GET("/v3/event-tracking/{product_id}", { params: product, headers }),
  getDateRangeReport: (headers) =>
    client.POST("/v3/reporting/generic/dateRange/{product_id}", {
      params: product,
      body: body("getDateRangeReport"),
      headers,
    }),
  getCurrentReport: (headers) =>
    client.POST("/v3/reporting/generic/current/{product_id}", {
      params: product,
      body: body("getCurrentReport"),
      headers,
    }),
  getUsageDistribution: (headers) =>
    client.POST("/v3/reporting/engagement/usageDistribution/{product_id}", {
      params: product,
      body: body("getUsageDistribution"),
      headers,
    }),
  getLifetimeEventHistogram: (headers) =>
    client.POST("/v3/reporting/eventTracking/lifetime/histogram/{product_id}", {
      params: product,
      body: body("getLifetimeEventHistogram"),
      headers,
    }),
  getLifetimeEventDataTable: (headers) =>
    client.POST("/v3/reporting/eventTracking/lifetime/dataTable/{product_id}", {
      params: product,
      body: body("getLifetimeEventDataTable"),
      headers,
    }),
  getBasicEventDataTable: (headers) =>
    client.POST("/v3/reporting/eventTracking/basic/dataTable/{product_id}", {
      params: product,
      body: body("getBasicEventDataTable"),
      headers,
    }),
  getBasicEventTimeline: (headers) =>
    client.POST("/v3/reporting/eventTracking/basic/timeline/{product_id}", {
      params: product,
      body: body("getBasicEventTimeline"),
      headers,
    }),
  getAdvancedEventReport: (headers) =>
    client.POST("/v3/reporting/eventTracking/advanced/fullReport/{product_id}", {
      params: product,
      body: body("getAdvancedEventReport"),
      headers,
    }),
  getChurnAndEngagement: (headers) =>
    client.POST("/v3/reporting/engagement/churnAndEngagement/{product_id}", {
      params: product,
      body: body("getChurnAndEngagement"),
      headers,
    }),
  getChurnDaysHistogram: (headers) =>
    client.POST("/v3/reporting/churn/histogram/days/{product_id}", {
      params: product,
      body: body("getChurnDaysHistogram"),
      headers,
    }),
  getChurnRuntimeHistogram: (headers) =>
    client.POST("/v3/reporting/churn/histogram/runtime/{product_id}", {
      params: product,
      body: body("getChurnRuntimeHistogram"),
      headers,
    }),
  getChurnSessionsHistogram: (headers) =>
    client.POST("/v3/reporting/churn/histogram/sessions/{product_id}", {
      params: product,
      body: body("getChurnSessionsHistogram"),
      headers,
    }),
  getChurnLifetimeEventDataTable: (headers) =>
    client.POST("/v3/reporting/eventTracking/churn/lifetime/dataTable/{product_id}", {
      params: product,
      body: body("getChurnLifetimeEventDataTable"),
      headers,
    }),
  getChurnLifetimeEventHistogram: (headers) =>
    client.POST("/v3/reporting/eventTracking/churn/lifetime/histogram/{product_id}", {
      params: product,
      body: body("getChurnLifetimeEventHistogram"),
      headers,
    }),
  searchLicenseKeys: (headers) =>
    client.POST("/v3/license-key-registry/{product_id}", { params: product, body: body("searchLicenseKeys"), headers }),
  updateLicenseKeys: (headers) =>
    client.PATCH("/v3/license-key-registry/update/{product_id}", {
      params: product,
      body: body("updateLicenseKeys"),
      headers,
    }),
  insertLicenseKeys: (headers) =>
    client.POST("/v3/license-key-registry/update/{product_id}", {
      params: product,
      body: body("insertLicenseKeys"),
      headers,
    }),
  getCustomEventLastLines: (headers) =>
    client.POST("/v3/customEventTracking/getLastLines/{product_id}", {
      params: product,
      body: body("getCustomEventLastLines"),
      headers,
    }),
  listCustomEventFiles: (headers) =>
    client.GET("/v3/customEventTracking/listFiles/{product_id}", { params: product, headers }),
  getCustomEventDownloadUrl: (headers) =>
    client.POST("/v3/customEventTracking/getDownloadUrl/{product_id}", {
      params: product,
      body: body("getCustomEventDownloadUrl"),
      headers,
    }),
  getExceptionLastLines: (headers) =>
    client.POST("/v3/exceptionTracking/getLastLines/{product_id}", {
      params: product,
      body: body("getExceptionLastLines"),
      headers,
    }),
  listExceptionFiles: (headers) =>
    client.GET("/v3/exceptionTracking/listFiles/{product_id}", { params: product, headers }),
  getExceptionDownloadUrl: (headers) =>
    client.POST("/v3/exceptionTracking/getDownloadUrl/{product_id}", {
      params: product,
      body: body("getExceptionDownloadUrl"),
      headers,
    }),
  getClientPropertyList: (headers) =>
    client.POST("/v3/reporting/clientPropertyList/{product_id}", {
      params: product,
      body: body("getClientPropertyList"),
      headers,
    }),
  requestClientPropertyListExport: (headers) =>
    client.POST("/v3/export/request/clientPropertyList/{product_id}", {
      params: product,
      body: body("requestClientPropertyListExport"),
      headers,
    }),
  listRawDataFiles: (headers) =>
    client.GET("/v3/rawEvents/download/listFiles/{product_id}", { params: product, headers }),
  getRawDataDownloadUrl: (headers) =>
    client.POST("/v3/rawEvents/download/getDownloadUrl/{product_id}", {
      params: product,
      body: body("getRawDataDownloadUrl"),
      headers,
    }),
};

const PUBLIC_OPERATIONS = new Set<OperationId>(["requestCsrf", "authenticate"]);

describe("Revenera Reporting API v3 contract (Prism)", () => {
  it("has a contract test for every operation of the spec", () => {
    const inSpec = listOperations(specPath.revenera).map((operation) => operation.operationId);
    expect(Object.keys(calls).sort()).toEqual(inSpec.sort());
  });

  for (const [operationId, call] of Object.entries(calls) as Array<[OperationId, Call]>) {
    const spec = examples[operationId];
    const successStatus = Object.keys(spec?.responses ?? {}).find((status) => status.startsWith("2")) ?? "200";
    const [firstExample] = Object.values(spec?.responses[successStatus] ?? {});
    const statuses = Object.keys(spec?.responses ?? {});
    const errorStatus = statuses.includes("401") ? "401" : (statuses.find((status) => status.startsWith("4")) ?? "401");

    describe(`${operationId} (${spec?.method.toUpperCase()} ${spec?.path})`, () => {
      it(`answers ${successStatus} with the spec's example and no violations`, async () => {
        const { data, error, response } = await call({ Cookie: SESSION });
        expect(slViolations(response)).toEqual([]);
        expect(response.status).toBe(Number(successStatus));
        expect(error).toBeUndefined();
        expect(data).toEqual(firstExample);
      });

      it(`answers the documented ${errorStatus} with its example`, async () => {
        const { data, error, response } = await call({ Cookie: SESSION, Prefer: `code=${errorStatus}` });
        expect(response.status).toBe(Number(errorStatus));
        expect(data).toBeUndefined();
        expect(error).toEqual(Object.values(spec?.responses[errorStatus] ?? {})[0]);
      });

      if (!PUBLIC_OPERATIONS.has(operationId)) {
        it("is rejected without the session cookies", async () => {
          const { response } = await call({});
          expect(response.status).toBe(401);
          expect(slViolations(response).map((violation) => violation.message)).toContain(
            "Invalid security scheme used",
          );
        });
      }
    });
  }
});

describe("documented specifics", () => {
  it("request-csrf sets a cookie and needs no session", async () => {
    const { response } = await calls.requestCsrf({});
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().join("\n")).toMatch(/=/);
  });

  it("auth/web sets both session cookies", async () => {
    const { response } = await calls.authenticate({});
    const cookies = response.headers.getSetCookie().join(", ");
    expect(cookies).toContain("RUI-Csrf=");
    expect(cookies).toContain("RUI-Session-Token=");
  });

  it("auth/web documents 400 Bad Request", async () => {
    const { response, error } = await calls.authenticate({ Prefer: "code=400" });
    expect(response.status).toBe(400);
    expect(error).toEqual(Object.values(examples.authenticate?.responses["400"] ?? {})[0]);
  });

  it("serves the last page of the client property list by name", async () => {
    const { data, response } = await calls.getClientPropertyList({ Cookie: SESSION, Prefer: "example=lastPage" });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ reachedEnd: true });
    expect(data).not.toHaveProperty("nextClientId");
  });
});

describe("invalid requests are reported by Prism with the rule they break", () => {
  const dateRange = body("getDateRangeReport");
  const path = "/v3/reporting/generic/dateRange/{product_id}";
  const headers = { Cookie: SESSION };

  /** Prism answers an invalid request with 422 and a problem+json `validation` list. */
  function report({ response, error }: { response: Response; error?: unknown }): string {
    expect(response.status).toBe(422);
    return JSON.stringify(error);
  }

  it("a missing required field", async () => {
    const { startDate: _omitted, ...withoutStartDate } = dateRange;
    // @ts-expect-error startDate is required
    expect(report(await client.POST(path, { params: product, body: withoutStartDate, headers }))).toContain(
      "startDate",
    );
  });

  it("a value outside an enum", async () => {
    // @ts-expect-error "year" is not a dateSplit
    const result = await client.POST(path, { params: product, body: { ...dateRange, dateSplit: "year" }, headers });
    expect(report(result)).toContain("dateSplit");
  });

  it("a product id that is not digits", async () => {
    const result = await client.POST(path, {
      params: { path: { product_id: "not-a-number" } },
      body: dateRange,
      headers,
    });
    expect(report(result)).toContain("product_id");
  });
});
