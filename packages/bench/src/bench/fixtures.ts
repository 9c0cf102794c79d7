// Request bodies shared by every client in a benchmark, so that each one sends the same bytes.

export const API_KEY = "bench-api-key";
export const PRODUCT_ID = "1234567890";
export const REPORT_PATH = "/v3/reporting/generic/dateRange/{product_id}";

export const REPORT_BODY = {
  startDate: "2026-03-01",
  stopDate: "2026-03-31",
  dateSplit: "day",
  clientStatus: ["active"],
} as const;

/** One complete call-home event, as the raw clients send it (our client fills event_id/event_at itself). */
export function reoEvent(index = 0): Record<string, unknown> {
  return {
    activity_type: "CALL_HOME",
    source: "TELEMETRY",
    product_id: "benchCli",
    ip_addr: "203.0.113.7",
    user_agent: "benchcli/1.0 node/24",
    meta: { command: "init", index },
  };
}

/** Minimal openapi-typescript-shaped `paths` for the two operations the baselines call. */
export interface BenchPaths {
  "/v3/reporting/generic/dateRange/{product_id}": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: {
      parameters: { query?: never; header?: never; path: { product_id: string }; cookie?: never };
      requestBody: { content: { "application/json": typeof REPORT_BODY } };
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": unknown } } };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/product/usage": {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { "application/json": { payload: Record<string, unknown> } } };
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": unknown } } };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
